"""Date arithmetic: Finnish working days, months and area-meeting rounds."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from openco.errors import InvalidModelError
from openco.process.schedule import (
    add_working_days,
    area_meeting_dates,
    days_after,
    is_working_day,
    months_after,
    next_area_meeting,
)

DAYS = st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2035, 12, 31))


class TestWorkingDays:
    @pytest.mark.parametrize(
        ("day", "expected"),
        [
            (dt.date(2026, 12, 24), False),  # Christmas Eve
            (dt.date(2026, 6, 19), False),  # Midsummer Eve
            (dt.date(2026, 4, 6), False),  # Easter Monday
            (dt.date(2026, 12, 6), False),  # Independence Day (a Sunday anyway)
            (dt.date(2027, 12, 6), False),  # Independence Day on a Monday
            (dt.date(2026, 5, 14), False),  # Ascension Day
            (dt.date(2026, 5, 13), True),
            (dt.date(2026, 2, 7), False),  # a Saturday
        ],
    )
    def test_follow_the_finnish_calendar(self, day: dt.date, expected: bool) -> None:
        assert is_working_day(day) is expected

    def test_the_seventh_working_day_over_christmas(self) -> None:
        assert add_working_days(dt.date(2026, 12, 21), 7) == dt.date(2027, 1, 4)

    def test_zero_working_days_is_the_same_day(self) -> None:
        assert add_working_days(dt.date(2026, 12, 24), 0) == dt.date(2026, 12, 24)

    @settings(max_examples=60, deadline=None)
    @given(day=DAYS, count=st.integers(1, 30))
    def test_land_on_a_working_day_with_exactly_count_working_days_in_between(
        self, day: dt.date, count: int
    ) -> None:
        end = add_working_days(day, count)
        between = [day + dt.timedelta(days=n) for n in range(1, (end - day).days + 1)]

        assert is_working_day(end)
        assert sum(is_working_day(d) for d in between) == count

    @pytest.mark.parametrize("count", [-1, 1.5, True])
    def test_refuse_a_count_that_is_not_a_whole_number_of_days(self, count: object) -> None:
        with pytest.raises(InvalidModelError, match="count"):
            add_working_days(dt.date(2026, 1, 1), count)  # type: ignore[arg-type]

    def test_refuse_a_datetime(self) -> None:
        with pytest.raises(InvalidModelError, match="day"):
            is_working_day(dt.datetime(2026, 1, 1, tzinfo=dt.UTC))


class TestMonths:
    def test_clamp_to_the_end_of_a_shorter_month(self) -> None:
        assert months_after(dt.date(2026, 1, 31), 1) == dt.date(2026, 2, 28)

    @settings(max_examples=60)
    @given(day=DAYS, months=st.integers(0, 24))
    def test_never_go_back_and_keep_the_day_where_it_exists(
        self, day: dt.date, months: int
    ) -> None:
        later = months_after(day, months)

        assert later >= day
        assert later.day == day.day or later.day < day.day

    def test_days_after(self) -> None:
        assert days_after(dt.date(2026, 2, 27), 2) == dt.date(2026, 3, 1)


class TestAreaMeetings:
    def test_twice_a_year_on_the_same_day_of_the_month(self) -> None:
        dates = area_meeting_dates(dt.date(2026, 3, 10), until=dt.date(2027, 12, 31))

        assert dates == (
            dt.date(2026, 3, 10),
            dt.date(2026, 9, 10),
            dt.date(2027, 3, 10),
            dt.date(2027, 9, 10),
        )

    @settings(max_examples=60)
    @given(first=DAYS, per_year=st.sampled_from([1, 2, 3, 4, 6, 12]))
    def test_one_round_in_each_interval(self, first: dt.date, per_year: int) -> None:
        until = first + dt.timedelta(days=3 * 366)

        dates = area_meeting_dates(first, until=until, per_year=per_year)

        assert dates[0] == first
        assert all(b > a for a, b in itertools.pairwise(dates))
        assert 3 * per_year <= len(dates) <= 3 * per_year + 1

    def test_refuse_a_frequency_that_does_not_divide_the_year(self) -> None:
        with pytest.raises(InvalidModelError, match="per_year"):
            area_meeting_dates(dt.date(2026, 1, 1), until=dt.date(2027, 1, 1), per_year=5)

    def test_the_next_one_is_half_a_year_on(self) -> None:
        assert next_area_meeting(dt.date(2026, 8, 31)) == dt.date(2027, 2, 28)
