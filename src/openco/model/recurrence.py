"""How a plan item repeats: every day, week, month or year, from the item's start date.

A :class:`Recurrence` is a small typed value (how often, every how many, on which weekdays,
how many times), not free text: every recurrence openco accepts has a next occurrence that can
be found in a few steps, and a document carries it as plain JSON. The iCalendar ``RRULE``
text that calendars use (RFC 5545) converts both ways with :meth:`Recurrence.from_rrule` and
:meth:`Recurrence.as_rrule`, for the subset that a plan item needs; dates are computed with
python-dateutil's :mod:`dateutil.rrule`.

The start date and the end date are not part of the recurrence: they belong to the plan item
(:attr:`openco.model.PlanItem.starts_on`, :attr:`openco.model.PlanItem.until`), so that an
ongoing item and a recurring one end the same way.

>>> import datetime as dt
>>> tuesdays = Recurrence.from_rrule("FREQ=WEEKLY;BYDAY=TU")
>>> tuesdays.next_on(dt.date(2026, 4, 14), dt.date(2026, 4, 15))
datetime.date(2026, 4, 21)
>>> tuesdays.as_rrule(), tuesdays.label("fi")
('FREQ=WEEKLY;BYDAY=TU', 'viikoittain: tiistai')
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any, Final, Literal

import attrs
from dateutil import rrule as _rrule
from dateutil.relativedelta import relativedelta

from openco.errors import InvalidModelError
from openco.model import _validators as v
from openco.model.label import LabelledEnum, Language

__all__ = [
    "MAX_RECURRENCE_COUNT",
    "MAX_RECURRENCE_INTERVAL",
    "Frequency",
    "Recurrence",
    "Weekday",
]

MAX_RECURRENCE_INTERVAL: Final = 99
"""The largest *interval*: every 99 days, weeks, months or years at most."""

MAX_RECURRENCE_COUNT: Final = 1000
"""The most occurrences a counted recurrence may have."""

_MAX_RRULE_LENGTH: Final = 200


class Frequency(LabelledEnum):
    """How often a recurring plan item repeats (RFC 5545 ``FREQ``)."""

    DAILY = ("daily", "päivittäin", "dagligen", "daily")
    WEEKLY = ("weekly", "viikoittain", "varje vecka", "weekly")
    MONTHLY = ("monthly", "kuukausittain", "varje månad", "monthly")
    YEARLY = ("yearly", "vuosittain", "varje år", "yearly")


class Weekday(LabelledEnum):
    """A day of the week (RFC 5545 ``BYDAY`` codes, lower case)."""

    MO = ("mo", "maanantai", "måndag", "Monday")
    TU = ("tu", "tiistai", "tisdag", "Tuesday")
    WE = ("we", "keskiviikko", "onsdag", "Wednesday")
    TH = ("th", "torstai", "torsdag", "Thursday")
    FR = ("fr", "perjantai", "fredag", "Friday")
    SA = ("sa", "lauantai", "lördag", "Saturday")
    SU = ("su", "sunnuntai", "söndag", "Sunday")

    @property
    def index(self) -> int:
        """0 for Monday up to 6 for Sunday, as :meth:`datetime.date.weekday`."""
        return _WEEKDAYS.index(self)


_WEEKDAYS: Final = tuple(Weekday)
_EVERY: Final = {
    Language.FI: "{n} {unit} välein",
    Language.SV: "med {n} {unit} intervall",
    Language.EN: "every {n} {unit}",
}
_UNITS: Final = {
    Frequency.DAILY: {Language.FI: "päivän", Language.SV: "dagars", Language.EN: "days"},
    Frequency.WEEKLY: {Language.FI: "viikon", Language.SV: "veckors", Language.EN: "weeks"},
    Frequency.MONTHLY: {Language.FI: "kuukauden", Language.SV: "månaders", Language.EN: "months"},
    Frequency.YEARLY: {Language.FI: "vuoden", Language.SV: "års", Language.EN: "years"},
}
_TIMES: Final = {Language.FI: "kertaa", Language.SV: "gånger", Language.EN: "times"}
_FREQ: Final[dict[Frequency, Literal[0, 1, 2, 3, 4, 5, 6]]] = {
    Frequency.DAILY: _rrule.DAILY,
    Frequency.WEEKLY: _rrule.WEEKLY,
    Frequency.MONTHLY: _rrule.MONTHLY,
    Frequency.YEARLY: _rrule.YEARLY,
}


def _weekdays(value: Iterable[Weekday]) -> frozenset[Weekday]:
    return v.to_frozenset(value)


def _check_whole_number(instance: object, name: str, value: object, high: int) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= high:
        raise v.fail(
            instance,
            name,
            value,
            f"a whole number from 1 to {high}",
            "whole_number",
            low=1,
            high=high,
        )


def _check_day(name: str, value: object, *, optional: bool = False) -> None:
    if optional and value is None:
        return
    if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
        raise v.fail_as("Recurrence", name, value, "a datetime.date", "date")


def _check_until(recurrence: Recurrence, until: object) -> None:
    _check_day("until", until, optional=True)
    if until is not None and recurrence.count is not None:
        raise v.fail_as(
            "Recurrence",
            "until",
            until,
            "None for a recurrence with a count (RFC 5545)",
            "count_with_until",
        )


def _rrule_error(text: object, allowed: str) -> InvalidModelError:
    return v.fail_as("Recurrence", "rrule", text, allowed, "rrule")


@attrs.frozen(kw_only=True)
class Recurrence:
    """Every *interval* days, weeks, months or years, *count* times at most.

    A weekly recurrence falls on *weekdays* (every weekday of the start date's week when
    empty, i.e. the start's own weekday); the other frequencies repeat the start date's day
    (a monthly item started on the 31st skips the months without one, as RFC 5545 says).

    >>> every_other_week = Recurrence(frequency=Frequency.WEEKLY, interval=2,
    ...                               weekdays={Weekday.MO, Weekday.TH}, count=6)
    >>> every_other_week.as_rrule()
    'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH;COUNT=6'
    >>> Recurrence(frequency=Frequency.MONTHLY, weekdays={Weekday.MO})  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    openco.errors.InvalidModelError: Recurrence.weekdays: ..., allowed: no weekdays unless ...
    """

    frequency: Frequency = attrs.field(validator=v.member_of(Frequency))
    interval: int = attrs.field(default=1)
    weekdays: frozenset[Weekday] = attrs.field(
        repr=v.set_repr,
        default=frozenset(),
        converter=_weekdays,
        validator=[v.collection(frozenset, "weekdays"), v.each(Weekday, "a Weekday")],
    )
    count: int | None = attrs.field(default=None)

    @interval.validator
    def _check_interval(self, attribute: attrs.Attribute[Any], value: object) -> None:
        _check_whole_number(self, attribute.name, value, MAX_RECURRENCE_INTERVAL)

    @count.validator
    def _check_count(self, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None:
            _check_whole_number(self, attribute.name, value, MAX_RECURRENCE_COUNT)

    @weekdays.validator
    def _check_weekdays(self, attribute: attrs.Attribute[Any], value: frozenset[Any]) -> None:
        if value and self.frequency is not Frequency.WEEKLY:
            raise v.fail(
                self,
                attribute.name,
                value,
                "no weekdays unless the frequency is weekly",
                "weekdays_not_weekly",
            )

    @classmethod
    def from_rrule(cls, text: str) -> Recurrence:
        """The recurrence an iCalendar ``RRULE`` describes (an optional ``RRULE:`` prefix too).

        Accepted parts: ``FREQ`` (DAILY, WEEKLY, MONTHLY, YEARLY), ``INTERVAL``, ``BYDAY``
        (weekly only, plain weekday codes) and ``COUNT``. The start and the end are the plan
        item's ``starts_on`` and ``until``, so ``DTSTART`` and ``UNTIL`` are refused, as is
        every other part.

        >>> Recurrence.from_rrule("RRULE:FREQ=MONTHLY;INTERVAL=3").interval
        3
        >>> Recurrence.from_rrule("FREQ=HOURLY")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        openco.errors.InvalidModelError: Recurrence.rrule: ..., allowed: FREQ one of ...

        Raises:
            InvalidModelError: the text is not such an ``RRULE``; the message says which part.
        """
        if not isinstance(text, str) or not text.strip() or len(text) > _MAX_RRULE_LENGTH:
            raise _rrule_error(
                text if not isinstance(text, str) else text[:_MAX_RRULE_LENGTH],
                f"an RRULE text of 1-{_MAX_RRULE_LENGTH} characters such as FREQ=WEEKLY;BYDAY=TU",
            )
        body = text.strip()
        if body.upper().startswith("RRULE:"):
            body = body[len("RRULE:") :]
        parts: dict[str, str] = {}
        for part in body.split(";"):
            name, sep, value = part.partition("=")
            name = name.strip().upper()
            if not sep or not value.strip():
                raise _rrule_error(text, "NAME=VALUE parts separated by ';'")
            if name in parts:
                raise _rrule_error(text, f"{name} given once")
            parts[name] = value.strip().upper()
        return cls._from_parts(text, parts)

    @classmethod
    def _from_parts(cls, text: str, parts: dict[str, str]) -> Recurrence:
        unknown = sorted(set(parts) - {"FREQ", "INTERVAL", "BYDAY", "COUNT"})
        if unknown:
            hint = (
                " (the plan item's starts_on and until give the start and the end)"
                if {"DTSTART", "UNTIL"} & set(unknown)
                else ""
            )
            raise _rrule_error(text, f"only FREQ, INTERVAL, BYDAY and COUNT{hint}")
        frequencies = {f.value.upper(): f for f in Frequency}
        if parts.get("FREQ") not in frequencies:
            raise _rrule_error(text, "FREQ one of DAILY, WEEKLY, MONTHLY, YEARLY")
        days = {d.value.upper(): d for d in Weekday}
        weekdays = [d.strip() for d in parts["BYDAY"].split(",")] if "BYDAY" in parts else []
        if any(d not in days for d in weekdays):
            raise _rrule_error(text, "BYDAY a comma-separated list of MO, TU, WE, TH, FR, SA, SU")
        numbers: dict[str, int | None] = {}
        for name, high in (("INTERVAL", MAX_RECURRENCE_INTERVAL), ("COUNT", MAX_RECURRENCE_COUNT)):
            raw = parts.get(name)
            if raw is not None and not (raw.isdigit() and 1 <= int(raw) <= high):
                raise _rrule_error(text, f"{name} a whole number from 1 to {high}")
            numbers[name] = int(raw) if raw is not None else None
        try:
            return cls(
                frequency=frequencies[parts["FREQ"]],
                interval=numbers["INTERVAL"] or 1,
                weekdays=[days[d] for d in weekdays],
                count=numbers["COUNT"],
            )
        except InvalidModelError as error:
            raise _rrule_error(text, error.allowed) from None

    def as_rrule(self) -> str:
        """The iCalendar ``RRULE`` text of this recurrence (without ``DTSTART`` or ``UNTIL``)."""
        parts = [f"FREQ={self.frequency.value.upper()}"]
        if self.interval != 1:
            parts.append(f"INTERVAL={self.interval}")
        if self.weekdays:
            days = sorted(self.weekdays, key=lambda d: d.index)
            parts.append("BYDAY=" + ",".join(d.value.upper() for d in days))
        if self.count is not None:
            parts.append(f"COUNT={self.count}")
        return ";".join(parts)

    def label(self, language: Language | str = Language.EN) -> str:
        """The recurrence in words, e.g. ``"weekly: Tuesday"`` or ``"every 2 months"``.

        >>> r = Recurrence(frequency=Frequency.MONTHLY, interval=2, count=3)
        >>> r.label("fi"), r.label("sv")
        ('2 kuukauden välein (3 kertaa)', 'med 2 månaders intervall (3 gånger)')
        >>> r.label("en")
        'every 2 months (3 times)'
        """
        lang = Language(language)
        words = self.frequency.label(lang)
        if self.interval != 1:
            template = _EVERY[lang]
            words = template.format(n=self.interval, unit=_UNITS[self.frequency][lang])
        if self.weekdays:
            days = sorted(self.weekdays, key=lambda d: d.index)
            words += ": " + ", ".join(d.label(lang) for d in days)
        if self.count is not None:
            words += f" ({self.count} {_TIMES[lang]})"
        return words

    def _rule(self, start: dt.date, until: dt.date | None) -> _rrule.rrule:
        return _rrule.rrule(
            _FREQ[self.frequency],
            dtstart=dt.datetime.combine(start, dt.time()),
            interval=self.interval,
            byweekday=[d.index for d in self.weekdays] or None,
            count=self.count,
            until=None if until is None else dt.datetime.combine(until, dt.time()),
        )

    def _shifted_start(self, start: dt.date, day: dt.date) -> dt.date:
        """A later start with the same occurrences from *day* on, so that few steps remain.

        dateutil walks every period from the start; an item started long ago would cost one
        step per day since. Without a *count*, moving the start forward by whole intervals
        leaves every occurrence from *day* on unchanged, provided the new start falls on the
        start's own day of the month (months and years) and, for weeks, a whole period before
        the week of *day* (so that no weekday of the new first week is skipped at or after
        *day*).
        """
        if self.count is not None or day <= start:
            return start
        if self.frequency is Frequency.DAILY:
            periods = (day - start).days // self.interval
            return start + dt.timedelta(days=periods * self.interval)
        if self.frequency is Frequency.WEEKLY:
            periods = max(0, (day - start).days // (7 * self.interval) - 1)
            return start + dt.timedelta(weeks=periods * self.interval)
        months = 12 if self.frequency is Frequency.YEARLY else 1
        elapsed = (day.year - start.year) * 12 + day.month - start.month
        periods = max(0, elapsed // (months * self.interval) - 1)
        # A start on the 29th-31st does not exist in every month: step back to a period that
        # has the start's day. Some of the next few periods always has it (4 years at most).
        for back in range(periods, max(-1, periods - 50), -1):
            moved = start + relativedelta(months=back * months * self.interval)
            if moved.day == start.day:
                return moved
        return start

    def next_on(
        self, start: dt.date, day: dt.date, *, until: dt.date | None = None
    ) -> dt.date | None:
        """The first occurrence on or after *day*, for a recurrence from *start* to *until*.

        ``None`` when no occurrence is left (the count is used up or *until* has passed).
        A recurrence ends with its count or on *until*, never both (RFC 5545).

        >>> monthly = Recurrence(frequency=Frequency.MONTHLY)
        >>> monthly.next_on(dt.date(2026, 1, 31), dt.date(2026, 2, 1))
        datetime.date(2026, 3, 31)
        >>> monthly.next_on(dt.date(2026, 1, 31), dt.date(2026, 2, 1), until=dt.date(2026, 3, 1))
        """
        _check_day("start", start)
        _check_day("day", day)
        _check_until(self, until)
        found = self._rule(self._shifted_start(start, day), until).after(
            dt.datetime.combine(day, dt.time()), inc=True
        )
        return None if found is None else found.date()

    def last_on(self, start: dt.date, *, until: dt.date | None = None) -> dt.date | None:
        """The last occurrence from *start*, or ``None`` if the recurrence never ends.

        A recurrence ends with its *count* or on *until* (not both); without either it runs on.

        >>> Recurrence(frequency=Frequency.DAILY, count=3).last_on(dt.date(2026, 4, 14))
        datetime.date(2026, 4, 16)
        """
        _check_day("start", start)
        _check_until(self, until)
        if until is None:
            if self.count is None:
                return None
            # At most MAX_RECURRENCE_COUNT occurrences to walk through.
            last: dt.datetime = self._rule(start, None)[-1]
            return last.date()
        found = self._rule(self._shifted_start(start, until), until).before(
            dt.datetime.combine(until, dt.time()), inc=True
        )
        return None if found is None else found.date()
