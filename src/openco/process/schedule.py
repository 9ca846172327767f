"""Every date calculation of the workflow: months, working days and area-meeting rounds.

All python-dateutil arithmetic of :mod:`openco.process` lives here, so that deadlines are
computed one way everywhere. Working days are Monday to Friday except Finnish public holidays
and the de facto holidays Midsummer Eve and Christmas Eve, taken from the maintained
`holidays <https://pypi.org/project/holidays/>`_ calendar rather than a hand-written list (Easter
and Midsummer move every year). Nothing here reads the clock.

>>> import datetime as dt
>>> add_working_days(dt.date(2026, 12, 23), 1)  # Christmas Eve, Christmas and Boxing Day off
datetime.date(2026, 12, 28)
>>> months_after(dt.date(2026, 1, 31), 1)
datetime.date(2026, 2, 28)
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Container

from dateutil.relativedelta import relativedelta
from dateutil.rrule import MONTHLY, rrule

from openco.errors import InvalidModelError

__all__ = [
    "add_working_days",
    "area_meeting_dates",
    "days_after",
    "finnish_holidays",
    "is_working_day",
    "months_after",
    "next_area_meeting",
]

_SATURDAY = 5


@functools.cache
def finnish_holidays() -> Container[dt.date]:
    """The Finnish public-holiday calendar (loaded on first use; it takes a fifth of a second).

    >>> import datetime as dt
    >>> dt.date(2026, 6, 19) in finnish_holidays()  # Midsummer Eve
    True
    """
    # Imported here, not at the top: the calendar package loads every country's rules, which
    # would slow down `import openco` for callers who never compute a working-day deadline.
    import holidays  # noqa: PLC0415

    calendar: Container[dt.date] = holidays.country_holidays("FI")
    return calendar


def _check_day(name: str, value: object) -> None:
    if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
        raise InvalidModelError("schedule", name, value, "a datetime.date")


def is_working_day(day: dt.date) -> bool:
    """Whether *day* is a Finnish working day (Monday-Friday, not a public holiday).

    >>> import datetime as dt
    >>> is_working_day(dt.date(2026, 12, 7)), is_working_day(dt.date(2026, 12, 6))
    (True, False)
    """
    _check_day("day", day)
    return day.weekday() < _SATURDAY and day not in finnish_holidays()


def add_working_days(day: dt.date, count: int) -> dt.date:
    """The *count*-th working day after *day* (*day* itself for 0).

    The Child Welfare Act's "at the latest on the 7th working day after the case was
    initiated" is ``add_working_days(initiated_on, 7)``.

    >>> import datetime as dt
    >>> add_working_days(dt.date(2026, 4, 1), 7)  # Easter from Good Friday to Easter Monday
    datetime.date(2026, 4, 14)

    Raises:
        InvalidModelError: *count* is negative or *day* is not a date.
    """
    _check_day("day", day)
    if not isinstance(count, int) or isinstance(count, bool) or count < 0:
        raise InvalidModelError("schedule", "count", count, "a whole number of 0 or more")
    holidays = finnish_holidays()
    one = dt.timedelta(days=1)
    while count:
        day += one
        if day.weekday() < _SATURDAY and day not in holidays:
            count -= 1
    return day


def months_after(day: dt.date, months: int) -> dt.date:
    """The same day *months* later, or the month's last day if it is shorter.

    >>> import datetime as dt
    >>> months_after(dt.date(2026, 8, 31), 6)
    datetime.date(2027, 2, 28)
    """
    _check_day("day", day)
    return day + relativedelta(months=months)


def days_after(day: dt.date, days: int) -> dt.date:
    """The day *days* calendar days later."""
    _check_day("day", day)
    return day + relativedelta(days=days)


def area_meeting_dates(first: dt.date, *, until: dt.date, per_year: int = 2) -> tuple[dt.date, ...]:
    """The dates of an area's meetings, *per_year* times a year from *first* up to *until*.

    Each round falls on the day of the month of *first*, or on the month's last day when the
    month is shorter (a rule a plain monthly ``rrule`` would skip instead).

    >>> import datetime as dt
    >>> [d.isoformat() for d in area_meeting_dates(dt.date(2026, 8, 31),
    ...                                              until=dt.date(2028, 1, 1))]
    ['2026-08-31', '2027-02-28', '2027-08-31']

    Raises:
        InvalidModelError: *per_year* does not divide a year into whole months.
    """
    _check_day("first", first)
    _check_day("until", until)
    if not isinstance(per_year, int) or per_year < 1 or 12 % per_year:
        raise InvalidModelError("schedule", "per_year", per_year, "1, 2, 3, 4, 6 or 12")
    months = rrule(
        MONTHLY,
        interval=12 // per_year,
        dtstart=dt.datetime(first.year, first.month, 1),  # noqa: DTZ001 - rrule wants naive datetimes; only the date is used
        until=dt.datetime(until.year, until.month, until.day),  # noqa: DTZ001 - as above
    )
    dates = (start.date() + relativedelta(day=first.day) for start in months)
    return tuple(d for d in dates if d <= until)


def next_area_meeting(last_held: dt.date, *, per_year: int = 2) -> dt.date:
    """When the next area meeting is due after one held on *last_held*.

    >>> import datetime as dt
    >>> next_area_meeting(dt.date(2026, 3, 10))
    datetime.date(2026, 9, 10)
    """
    _check_day("last_held", last_held)
    dates = area_meeting_dates(
        last_held, until=last_held + relativedelta(years=1), per_year=per_year
    )
    return dates[1]
