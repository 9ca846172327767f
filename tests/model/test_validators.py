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
from openco.model._validators import _ID, is_identifier
from tests.model.refusal import assert_refused

# The tests' own reading of a Finnish personal identity code (henkilötunnus) and of an id, written
# apart from the model's so that a slip in one shows up against the other.
# A code counts where it stands on its own (not glued to letters or digits on either side), so
# that UUIDs and hex keys, whose a-f read as century signs, are not mistaken for one.
IDENTITY_CODE = re.compile(
    r"(?<![a-z0-9])(0[1-9]|[12]\d|3[01])(0[1-9]|1[0-2])\d\d[-+A-FU-Y]\d{3}[0-9A-Y](?![a-z0-9])",
    re.IGNORECASE,
)
ID = re.compile(r"(?![A-Za-z]:)(?!.*\.\.)[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}")
_CHECK = "0123456789ABCDEFHJKLMNPRSTUVWXY"
_ID_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._:@-"


def is_id(text: str) -> bool:
    return ID.fullmatch(text) is not None and IDENTITY_CODE.search(text) is None


@st.composite
def identity_codes(draw: st.DrawFn) -> str:
    """A well-formed, generated personal identity code, in upper or lower case."""
    day = draw(st.integers(1, 31))
    month = draw(st.integers(1, 12))
    year = draw(st.integers(0, 99))
    individual = draw(st.integers(2, 999))
    sign = draw(st.sampled_from("-+ABCDEFUVWXY"))
    check = _CHECK[int(f"{day:02d}{month:02d}{year:02d}{individual:03d}") % 31]
    code = f"{day:02d}{month:02d}{year:02d}{sign}{individual:03d}{check}"
    return code.lower() if draw(st.booleans()) else code


@st.composite
def ids_holding_an_identity_code(draw: st.DrawFn) -> tuple[str, str]:
    """An id-shaped text (1-128 id characters) with an identity code somewhere in it."""
    code = draw(identity_codes())
    before = draw(st.text(_ID_CHARS, max_size=40).filter(lambda t: not t or t[0].isalnum()))
    after = draw(st.text(_ID_CHARS, max_size=40))
    # On its own: apart from letters and digits around it.
    before += draw(st.sampled_from("._:@-")) if before and before[-1].isalnum() else ""
    after = (draw(st.sampled_from("._:@-")) if after and after[0].isalnum() else "") + after
    return before + code + after, code


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
        if is_id(text):
            assert person(text).id == text
        else:
            assert_refused(lambda: person(text), "id")

    @given(text=st.text(alphabet="aA09:.-_@/ xcC+", max_size=12) | st.text(max_size=11))
    def test_a_short_id_is_checked_as_the_one_pattern_checks_it(self, text: str) -> None:
        """is_identifier checks ids shorter than an identity code with a shorter pattern."""
        assert is_identifier(text) == (_ID.fullmatch(text) is not None)

    def test_the_error_says_what_an_id_may_hold(self) -> None:
        error = assert_refused(lambda: person("a b"), "id")

        assert "._:@-" in error.allowed
        assert error.value == "a b"

    def test_in_a_collection_the_error_names_the_element(self) -> None:
        assert_refused(lambda: unit(["south pole"]), "areas[0]")


class TestNoIdentityCodeAsId:
    """Ids are pseudonymous record keys shown in messages: a personal identity code is no id."""

    @given(drawn=ids_holding_an_identity_code())
    def test_an_id_holding_an_identity_code_is_refused_and_never_echoed(
        self, drawn: tuple[str, str]
    ) -> None:
        text, code = drawn

        error = assert_refused(lambda: person(text), "id")

        assert error.code == "identity_code"
        for message in (str(error), *(error.message(lang) for lang in ("fi", "sv", "en"))):
            assert code.lower() not in message.lower()
            assert IDENTITY_CODE.search(message) is None

    @given(drawn=ids_holding_an_identity_code())
    def test_no_collection_of_ids_holds_one_either(self, drawn: tuple[str, str]) -> None:
        error = assert_refused(lambda: unit([drawn[0]]), "areas[0]")

        assert error.code == "identity_code"

    @pytest.mark.parametrize(
        "text",
        [
            "150321A123B",  # born 15 March 2021, the 2000s' sign A
            "010190-9876",  # the 1900s' hyphen
            "311299+123X",  # the 1800s' plus
            "010203Y9876",  # one of the signs added in 2023 (Y = 1900s)
            "asiakas-150321a123b",  # lower case, inside a longer key
            "f@150321A123B.case",
        ],
    )
    def test_a_guardian_keyed_by_their_identity_code_is_refused(self, text: str) -> None:
        error = assert_refused(lambda: person(text), "id")

        assert error.code == "identity_code"
        assert "pseudonym" in error.message("en")
        assert "henkilötunnus" in error.message("fi")
        assert "personbeteckning" in error.message("sv")
        assert text[:6] not in str(error)

    @pytest.mark.parametrize(
        "text",
        [
            "a0001-f00012-g1",  # the synthetic population's keys
            "p-150321",  # a date alone is no identity code
            "150321-12",  # nor a date with a short number
            "990321A123B",  # no 99th day of a month
            "151321A123B",  # no 13th month
            "150321G123B",  # G is no century sign
            "urn:oid:1.2.246.562.10.00000000001",  # an organisation's OID
            "c0ffee00-1503-4321-a123-150321a123b7",  # a UUID: hex letters read as signs
            "p-9a150321a123b0ff",  # a key of hex digits
        ],
    )
    def test_other_keys_with_dates_and_numbers_stay_ids(self, text: str) -> None:
        assert person(text).id == text

    @given(text=st.from_regex(ID, fullmatch=True))
    def test_every_other_id_shaped_text_is_still_an_id(self, text: str) -> None:
        if IDENTITY_CODE.search(text) is None:
            assert person(text).id == text


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
