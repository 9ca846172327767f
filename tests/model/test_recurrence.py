import datetime as dt
from typing import Any

import pytest
from dateutil import rrule
from hypothesis import given
from hypothesis import strategies as st

from openco.errors import InvalidModelError
from openco.model import (
    MAX_RECURRENCE_COUNT,
    MAX_RECURRENCE_INTERVAL,
    Frequency,
    Recurrence,
    Weekday,
)
from openco.testing import recurrences
from tests.model.refusal import FEWER_EXAMPLES, Changes, assert_change_refused, change

TUESDAYS = Recurrence.from_rrule("FREQ=WEEKLY;BYDAY=TU")
START = dt.date(2026, 4, 14)  # a Tuesday

# A few years around the present: the plain dateutil walk from the start stays quick.
NEAR: Any = st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2032, 12, 31))


def plain_next(
    recurrence: Recurrence, start: dt.date, day: dt.date, until: dt.date | None
) -> dt.date | None:
    """The next occurrence as dateutil computes it from the RRULE text, walking from the start."""
    rule = rrule.rrulestr(
        recurrence.as_rrule(),
        dtstart=dt.datetime.combine(start, dt.time()),
    )
    assert isinstance(rule, rrule.rrule)
    if until is not None:
        rule = rule.replace(until=dt.datetime.combine(until, dt.time()))
    found = rule.after(dt.datetime.combine(day, dt.time()), inc=True)
    return None if found is None else found.date()


class TestOccurrences:
    def test_a_weekly_item_falls_on_its_weekday(self) -> None:
        """Grandmother fetches Aino on Tuesdays: after a Wednesday, the next is Tuesday."""
        assert TUESDAYS.next_on(START, dt.date(2026, 4, 15)) == dt.date(2026, 4, 21)
        assert TUESDAYS.next_on(START, dt.date(2026, 4, 21)) == dt.date(2026, 4, 21)

    def test_nothing_comes_before_the_start(self) -> None:
        assert TUESDAYS.next_on(START, dt.date(2026, 1, 1)) == START

    def test_a_monthly_item_started_on_the_31st_skips_shorter_months(self) -> None:
        """RFC 5545 §3.3.10: an instance on an invalid date is ignored.

        So a monthly item from 31 January comes again on 31 March.
        """
        monthly = Recurrence(frequency=Frequency.MONTHLY)

        assert monthly.next_on(dt.date(2026, 1, 31), dt.date(2026, 2, 1)) == dt.date(2026, 3, 31)

    def test_a_counted_recurrence_ends_after_its_count(self) -> None:
        three = Recurrence(frequency=Frequency.WEEKLY, count=3)

        assert three.last_on(START) == dt.date(2026, 4, 28)
        assert three.next_on(START, dt.date(2026, 4, 29)) is None

    def test_a_recurrence_without_count_or_until_never_ends(self) -> None:
        assert TUESDAYS.last_on(START) is None

    def test_a_count_and_an_until_together_are_refused(self) -> None:
        """RFC 5545 §3.3.10: COUNT and UNTIL must not occur in the same rule."""
        with pytest.raises(InvalidModelError) as caught:
            Recurrence(frequency=Frequency.DAILY, count=2).next_on(
                START, START, until=dt.date(2026, 5, 1)
            )

        assert caught.value.field == "until"

    def test_an_item_started_long_ago_is_found_in_few_steps(self) -> None:
        """A daily item from year 1 asked about in year 9999 is found in few steps.

        Found by arithmetic, not by walking three million days.
        """
        daily = Recurrence(frequency=Frequency.DAILY, interval=7)
        start = dt.date(1, 1, 1)

        found = daily.next_on(start, dt.date(9999, 1, 1))

        assert found is not None
        assert (found - start).days % 7 == 0
        assert dt.date(9999, 1, 1) <= found < dt.date(9999, 1, 8)

    @given(recurrence=recurrences(max_count=None), start=NEAR, day=NEAR, until=st.none() | NEAR)
    def test_the_next_occurrence_is_the_one_dateutil_finds(
        self, recurrence: Recurrence, start: dt.date, day: dt.date, until: dt.date | None
    ) -> None:
        """Moving the start forward to save steps never changes an occurrence (RFC 5545)."""
        assert recurrence.next_on(start, day, until=until) == plain_next(
            recurrence, start, day, until
        )

    @given(recurrence=recurrences(max_count=50), start=NEAR, day=NEAR)
    def test_a_counted_next_occurrence_is_the_one_dateutil_finds(
        self, recurrence: Recurrence, start: dt.date, day: dt.date
    ) -> None:
        assert recurrence.next_on(start, day) == plain_next(recurrence, start, day, None)

    @given(recurrence=recurrences(), start=NEAR, day=NEAR)
    def test_the_next_occurrence_is_never_before_the_day_or_the_start(
        self, recurrence: Recurrence, start: dt.date, day: dt.date
    ) -> None:
        found = recurrence.next_on(start, day)

        if found is not None:
            assert found >= max(day, start)
            last = recurrence.last_on(start)
            assert last is None or found <= last


class TestRrule:
    @given(recurrence=recurrences())
    def test_the_rrule_text_reads_back_as_the_same_recurrence(self, recurrence: Recurrence) -> None:
        assert Recurrence.from_rrule(recurrence.as_rrule()) == recurrence

    @given(recurrence=recurrences())
    def test_dateutil_accepts_every_rrule_text_openco_writes(self, recurrence: Recurrence) -> None:
        rrule.rrulestr(recurrence.as_rrule(), dtstart=dt.datetime.combine(START, dt.time()))

    def test_the_rrule_prefix_and_lower_case_are_accepted(self) -> None:
        assert Recurrence.from_rrule("rrule:freq=weekly;byday=tu") == TUESDAYS

    @pytest.mark.parametrize(
        ("text", "allowed"),
        [
            pytest.param("FREQ=HOURLY", "FREQ one of", id="hourly: items are dated by day"),
            pytest.param("FREQ=WEEKLY;UNTIL=20260630", "until give", id="until in the text"),
            pytest.param("DTSTART=20260414;FREQ=DAILY", "starts_on", id="start in the text"),
            pytest.param("FREQ=MONTHLY;BYMONTHDAY=-1", "only FREQ", id="other parts"),
            pytest.param("FREQ=DAILY;INTERVAL=0", "INTERVAL a whole number", id="interval 0"),
            pytest.param(
                f"FREQ=DAILY;COUNT={MAX_RECURRENCE_COUNT + 1}", "COUNT a whole", id="huge count"
            ),
            pytest.param("FREQ=DAILY;COUNT=-1", "COUNT a whole", id="negative count"),
            pytest.param("FREQ=MONTHLY;BYDAY=MO", "weekly", id="weekdays of a monthly item"),
            pytest.param("FREQ=WEEKLY;BYDAY=1MO", "BYDAY", id="a numbered weekday"),
            pytest.param("FREQ=DAILY;FREQ=WEEKLY", "once", id="a part twice"),
            pytest.param("weekly", "NAME=VALUE", id="not an rrule"),
            pytest.param("", "an RRULE text", id="empty"),
            pytest.param("FREQ=DAILY;" * 40, "an RRULE text", id="too long"),
        ],
    )
    def test_an_rrule_openco_cannot_follow_is_refused_saying_what_is_allowed(
        self, text: str, allowed: str
    ) -> None:
        with pytest.raises(InvalidModelError) as caught:
            Recurrence.from_rrule(text)

        assert (caught.value.owner, caught.value.field) == ("Recurrence", "rrule")
        assert allowed in caught.value.allowed

    def test_the_recurrence_reads_in_finnish_swedish_and_english(self) -> None:
        fortnightly = Recurrence(frequency=Frequency.WEEKLY, interval=2, weekdays={Weekday.TU})

        assert [fortnightly.label(lang) for lang in ("fi", "sv", "en")] == [
            "2 viikon välein: tiistai",
            "med 2 veckors intervall: tisdag",
            "every 2 weeks: Tuesday",
        ]


INVALID: list[Any] = [
    pytest.param(change(frequency="weekly"), "frequency", id="frequency as text"),
    pytest.param(change(interval=0), "interval", id="interval 0"),
    pytest.param(change(interval=MAX_RECURRENCE_INTERVAL + 1), "interval", id="interval too big"),
    pytest.param(change(interval=True), "interval", id="interval a bool"),
    pytest.param(change(count=0), "count", id="count 0"),
    pytest.param(change(count=1.5), "count", id="count not whole"),
    pytest.param(change(weekdays="mo"), "weekdays", id="weekdays as text"),
    pytest.param(change(weekdays=("mo",)), "weekdays[0]", id="a weekday as text"),
    pytest.param(
        change(frequency=Frequency.DAILY, weekdays={Weekday.MO}), "weekdays", id="daily weekdays"
    ),
]


@pytest.mark.parametrize(("changes", "field"), INVALID)
@FEWER_EXAMPLES
@given(recurrence=recurrences(frequency=st.just(Frequency.WEEKLY)))
def test_an_invalid_recurrence_is_refused_naming_the_field(
    recurrence: Recurrence, changes: Changes, field: str
) -> None:
    assert_change_refused(recurrence, changes, field)
