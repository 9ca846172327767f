"""The shared validators of ``openco.model._validators``, tested through their effects."""

import datetime as dt
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from openco.errors import InvalidModelError
from openco.model import (
    AreaId,
    Consent,
    ConsentGiver,
    ConsentId,
    DataScope,
    Family,
    FamilyId,
    Person,
    PersonId,
    ServiceKind,
    ServiceUnit,
    UnitId,
)
from tests.model.refusal import assert_refused

ID = re.compile(r"(?![A-Za-z]:)(?!.*\.\.)[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}")


def person(person_id: object = "p1", name: object = "Ilona", born: object = None) -> Person:
    return Person(
        id=person_id,  # type: ignore[arg-type]
        name=name,  # type: ignore[arg-type]
        birth_date=born or dt.date(2020, 1, 1),  # type: ignore[arg-type]
    )


def unit(areas: object) -> ServiceUnit:
    return ServiceUnit(
        id=UnitId("u1"),
        name="Neuvola",
        kind=ServiceKind.CHILD_HEALTH_CLINIC,
        areas=areas,  # type: ignore[arg-type]
    )


class TestIdentifiers:
    @given(text=st.text(max_size=130) | st.from_regex(ID, fullmatch=True))
    def test_an_id_is_accepted_exactly_when_it_matches_the_pattern(self, text: str) -> None:
        """Ids are 1-128 letters, digits or ._:@- starting with a letter or digit, no path."""
        if ID.fullmatch(text):
            assert person(text).id == text
        else:
            assert_refused(lambda: person(text), "id")

    def test_the_error_says_what_an_id_may_hold(self) -> None:
        error = assert_refused(lambda: person("a b"), "id")

        assert "._:@-" in error.allowed
        assert error.value == "a b"

    def test_in_a_collection_the_error_names_the_element(self) -> None:
        assert_refused(lambda: unit(["south pole"]), "areas[0]")


class TestText:
    @pytest.mark.parametrize("blank", ["", " ", "\t\n", "\u00a0", "\u3000"])
    def test_text_of_only_white_space_of_any_script_is_refused(self, blank: str) -> None:
        assert_refused(lambda: person(name=blank), "name")

    def test_text_with_a_letter_is_kept_as_written(self) -> None:
        assert person(name=" Ilona ").name == " Ilona "


class TestDates:
    def test_a_datetime_is_not_a_date(self) -> None:
        """A datetime would compare with dates yet carry a time zone and an hour."""
        born = dt.datetime(2020, 1, 1, 12, tzinfo=dt.UTC)

        error = assert_refused(lambda: person(born=born), "birth_date")

        assert error.allowed == "a datetime.date"

    def test_a_date_after_its_limit_names_the_limit(self) -> None:
        error = assert_refused(
            lambda: Consent(
                id=ConsentId("k1"),
                family=FamilyId("f1"),
                subject=PersonId("p1"),
                given_by=PersonId("p1"),
                giver=ConsentGiver.SELF,
                scopes={DataScope.PLAN},
                units={UnitId("u1")},
                valid_from=dt.date(2026, 3, 1),
                valid_until=dt.date(2026, 2, 1),
            ),
            "valid_until",
        )

        assert "valid_from (2026-03-01)" in error.allowed


class TestCollections:
    @pytest.mark.parametrize(
        "areas", [["north"], ("north",), {"north"}, frozenset({"north"}), iter(["north"])]
    )
    def test_any_collection_of_ids_is_accepted(self, areas: object) -> None:
        assert unit(areas).areas == frozenset({"north"})

    @pytest.mark.parametrize("areas", ["north", b"north", None, 7, AreaId("n")])
    def test_text_or_a_single_value_is_refused_rather_than_split_into_characters(
        self, areas: object
    ) -> None:
        error = assert_refused(lambda: unit(areas), "areas")

        assert "not text or a single value" in error.allowed

    def test_a_collection_of_unhashable_things_is_refused_naming_the_field(self) -> None:
        assert_refused(lambda: unit([["north"]]), "areas")

    def test_duplicates_are_refused_naming_the_second_and_the_key(self) -> None:
        error = assert_refused(
            lambda: Family(id=FamilyId("f1"), members=[person(), person()], home_area=AreaId("a")),
            "members[1].id",
        )

        assert error.value == "p1"
        assert "not used before" in error.allowed


class TestEnumerations:
    def test_a_value_instead_of_a_member_is_refused_listing_the_members(self) -> None:
        error = assert_refused(
            lambda: ServiceUnit(
                id=UnitId("u1"),
                name="Neuvola",
                kind="ngo",  # type: ignore[arg-type]
                areas={AreaId("a")},
            ),
            "kind",
        )

        assert error.allowed.startswith("a ServiceKind: child_health_clinic, ")


class TestErrors:
    def test_the_message_names_class_field_value_and_what_is_allowed(self) -> None:
        error = assert_refused(lambda: person(name=""), "name")

        assert str(error) == "Person.name: got '' (empty text), allowed: a non-empty text"

    def test_the_message_shows_the_value_only_masked(self) -> None:
        """No personal data in errors or logs (issue 11): text by its shape only."""
        error = assert_refused(lambda: person("150321A123B Aino Virtanen"), "id")

        assert "Aino" not in str(error)
        assert "150321" not in str(error)
        assert "25 characters" in str(error)

    def test_an_invalid_model_error_is_a_value_error(self) -> None:
        with pytest.raises(ValueError, match=r"Person\.name"):
            person(name="")

    def test_the_error_is_raised_as_an_invalid_model_error(self) -> None:
        with pytest.raises(InvalidModelError):
            person(person_id=None)
