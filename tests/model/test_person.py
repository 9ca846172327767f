import datetime as dt
from typing import Any

import attrs
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from openco.errors import InvalidModelError
from openco.model import (
    AFTERCARE_AGE_LIMIT,
    CHILD_AGE_LIMIT,
    OWN_APPLICATION_AGE,
    Person,
    PersonId,
)
from openco.testing import people
from tests.model.refusal import FEWER_EXAMPLES, Changes, assert_change_refused, change


def born(day: dt.date) -> Person:
    return Person(id=PersonId("p1"), name="Ilona", birth_date=day)


def birthday(person: Person, age: int) -> dt.date:
    """The day *person* turns *age*: the same day and month, or 1 March for 29 February."""
    born_on = person.birth_date
    try:
        return born_on.replace(year=born_on.year + age)
    except ValueError:
        return dt.date(born_on.year + age, 3, 1)


class TestAge:
    def test_a_person_turns_a_year_older_on_their_birthday(self) -> None:
        person = born(dt.date(2015, 6, 1))

        assert person.age_on(dt.date(2025, 5, 31)) == 9
        assert person.age_on(dt.date(2025, 6, 1)) == 10

    def test_someone_born_on_29_february_turns_a_year_older_on_1_march(self) -> None:
        person = born(dt.date(2020, 2, 29))

        assert person.age_on(dt.date(2021, 2, 28)) == 0
        assert person.age_on(dt.date(2021, 3, 1)) == 1
        assert person.age_on(dt.date(2024, 2, 28)) == 3
        assert person.age_on(dt.date(2024, 2, 29)) == 4

    def test_a_person_is_aged_zero_on_the_day_they_are_born(self) -> None:
        assert born(dt.date(2026, 1, 1)).age_on(dt.date(2026, 1, 1)) == 0

    def test_an_age_before_birth_is_refused_naming_the_birth_date(self) -> None:
        person = born(dt.date(2026, 1, 1))

        with pytest.raises(InvalidModelError) as caught:
            person.age_on(dt.date(2025, 12, 31))

        assert caught.value.field == "birth_date"

    @given(person=people(), later=st.integers(0, 200 * 366))
    def test_age_never_decreases(self, person: Person, later: int) -> None:
        day = person.birth_date + dt.timedelta(days=later)
        assume(day < dt.date.max)

        assert person.age_on(day) <= person.age_on(day + dt.timedelta(days=1))

    @given(
        person=people(birth_dates=st.dates(max_value=dt.date(9000, 1, 1))),
        years=st.integers(0, 150),
    )
    def test_on_the_nth_birthday_a_person_is_n(self, person: Person, years: int) -> None:
        day = birthday(person, years)

        assert person.age_on(day) == years
        if years > 0:
            assert person.age_on(day - dt.timedelta(days=1)) == years - 1


class TestLegalAges:
    """The age limits of the Child Welfare Act (child < 18, own application 12+, aftercare < 25)."""

    def test_a_person_is_a_child_until_the_18th_birthday(self) -> None:
        person = born(dt.date(2008, 3, 15))

        assert person.is_child_on(dt.date(2026, 3, 14))
        assert not person.is_child_on(dt.date(2026, 3, 15))

    def test_a_child_may_apply_on_their_own_from_the_12th_birthday(self) -> None:
        person = born(dt.date(2014, 3, 15))

        assert not person.can_apply_for_child_welfare_on(dt.date(2026, 3, 14))
        assert person.can_apply_for_child_welfare_on(dt.date(2026, 3, 15))

    def test_an_adult_can_no_longer_apply_as_a_child(self) -> None:
        assert not born(dt.date(2000, 1, 1)).can_apply_for_child_welfare_on(dt.date(2026, 1, 1))

    def test_aftercare_age_runs_from_18_to_the_25th_birthday(self) -> None:
        person = born(dt.date(2001, 3, 15))

        assert not person.is_in_aftercare_age_on(dt.date(2019, 3, 14))
        assert person.is_in_aftercare_age_on(dt.date(2019, 3, 15))
        assert person.is_in_aftercare_age_on(dt.date(2026, 3, 14))
        assert not person.is_in_aftercare_age_on(dt.date(2026, 3, 15))

    def test_the_limits_are_those_of_the_law(self) -> None:
        assert (OWN_APPLICATION_AGE, CHILD_AGE_LIMIT, AFTERCARE_AGE_LIMIT) == (12, 18, 25)

    @given(
        person=people(birth_dates=st.dates(max_value=dt.date(9000, 1, 1))),
        days=st.integers(0, 40 * 366),
    )
    def test_child_and_aftercare_ages_never_overlap(self, person: Person, days: int) -> None:
        day = person.birth_date + dt.timedelta(days=days)

        assert not (person.is_child_on(day) and person.is_in_aftercare_age_on(day))
        if person.can_apply_for_child_welfare_on(day):
            assert person.is_child_on(day)


class TestPersonIsValid:
    @given(person=people())
    def test_a_generated_person_survives_reconstruction(self, person: Person) -> None:
        assert attrs.evolve(person) == person

    def test_an_id_of_128_characters_is_allowed(self) -> None:
        assert Person(id=PersonId("a" * 128), name="Ilona", birth_date=dt.date(2020, 1, 1))

    @pytest.mark.parametrize(
        "crafted", ["a/b", "../../x", "a\\b", "a..b", "/etc/x", "c:x", "C:", "a\x00b", ".x"]
    )
    def test_ids_that_a_path_could_be_made_of_are_refused(self, crafted: str) -> None:
        """Ids end up in file names of other systems: no path characters (issue 11)."""
        with pytest.raises(InvalidModelError, match="id"):
            Person(id=PersonId(crafted), name="Ilona", birth_date=dt.date(2020, 1, 1))

    def test_ids_may_hold_the_punctuation_of_urns_and_emails(self) -> None:
        person_id = PersonId("urn:oid:1.2.246-x_z@example.org")

        assert Person(id=person_id, name="Ilona", birth_date=dt.date(2020, 1, 1)).id == person_id


INVALID: list[Any] = [
    pytest.param(change(id=""), "id", id="id empty"),
    pytest.param(change(id=" p1"), "id", id="id with a space"),
    pytest.param(change(id="-p1"), "id", id="id starting with punctuation"),
    pytest.param(change(id="p1\n"), "id", id="id with a trailing newline"),
    pytest.param(change(id="pä"), "id", id="id with a non-ASCII letter"),
    pytest.param(change(id="a" * 129), "id", id="id of 129 characters"),
    pytest.param(change(id=1), "id", id="id not text"),
    pytest.param(change(id=None), "id", id="id None"),
    pytest.param(change(name=""), "name", id="name empty"),
    pytest.param(change(name=" \t\u00a0"), "name", id="name only white space"),
    pytest.param(change(name=None), "name", id="name None"),
    pytest.param(change(name=7), "name", id="name not text"),
    pytest.param(change(birth_date=None), "birth_date", id="birth date None"),
    pytest.param(change(birth_date="2020-01-01"), "birth_date", id="birth date as text"),
    pytest.param(
        change(birth_date=dt.datetime(2020, 1, 1, tzinfo=dt.UTC)),
        "birth_date",
        id="birth date a datetime",
    ),
]


@pytest.mark.parametrize(("changes", "field"), INVALID)
@FEWER_EXAMPLES
@given(person=people())
def test_an_invalid_person_is_refused_naming_the_field(
    person: Person, changes: Changes, field: str
) -> None:
    assert_change_refused(person, changes, field)
