import datetime as dt
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from openco.model import (
    Consent,
    ConsentGiver,
    ConsentId,
    DataScope,
    FamilyId,
    PersonId,
    UnitId,
)
from openco.testing import consents
from tests.model.refusal import (
    FEWER_EXAMPLES,
    Changes,
    assert_change_refused,
    assert_refused,
    change,
)

START = dt.date(2026, 3, 10)
END = dt.date(2027, 3, 10)
CLINIC = UnitId("clinic")


def consent(*, until: dt.date | None = END) -> Consent:
    return Consent(
        id=ConsentId("k1"),
        family=FamilyId("f1"),
        subject=PersonId("p2"),
        given_by=PersonId("p1"),
        giver=ConsentGiver.CUSTODIAN,
        scopes={DataScope.CONCERN, DataScope.PLAN},
        units={CLINIC},
        valid_from=START,
        valid_until=until,
    )


def day_before(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=1)


class TestValidity:
    def test_a_consent_is_valid_from_its_first_to_its_last_day(self) -> None:
        given_consent = consent()

        assert not given_consent.is_valid_on(day_before(START))
        assert given_consent.is_valid_on(START)
        assert given_consent.is_valid_on(END)
        assert not given_consent.is_valid_on(END + dt.timedelta(days=1))

    def test_a_consent_without_an_end_stays_valid(self) -> None:
        assert consent(until=None).is_valid_on(dt.date(2100, 1, 1))

    def test_a_withdrawn_consent_ends_the_day_it_is_withdrawn(self) -> None:
        withdrawn = consent().withdrawn(on=dt.date(2026, 6, 1))

        assert withdrawn.is_valid_on(dt.date(2026, 5, 31))
        assert not withdrawn.is_valid_on(dt.date(2026, 6, 1))
        assert consent().is_valid_on(dt.date(2026, 6, 1))

    def test_a_consent_may_be_withdrawn_on_its_first_day(self) -> None:
        assert not consent().withdrawn(on=START).is_valid_on(START)

    def test_a_consent_cannot_be_withdrawn_twice(self) -> None:
        withdrawn = consent().withdrawn(on=dt.date(2026, 6, 1))

        assert_refused(lambda: withdrawn.withdrawn(on=dt.date(2026, 7, 1)), "withdrawn_on")

    def test_a_withdrawal_before_the_consent_was_valid_is_refused(self) -> None:
        assert_refused(lambda: consent().withdrawn(on=day_before(START)), "withdrawn_on")

    def test_a_consent_covers_its_units_and_scopes_while_valid(self) -> None:
        given_consent = consent()

        assert given_consent.covers(CLINIC, DataScope.PLAN, on=START)
        assert not given_consent.covers(UnitId("school"), DataScope.PLAN, on=START)
        assert not given_consent.covers(CLINIC, DataScope.HEALTH, on=START)
        assert not given_consent.covers(CLINIC, DataScope.PLAN, on=day_before(START))

    @given(given_consent=consents(), day=st.dates())
    def test_a_consent_is_valid_exactly_inside_its_window(
        self, given_consent: Consent, day: dt.date
    ) -> None:
        last = given_consent.valid_until or dt.date.max
        withdrawn = given_consent.withdrawn_on

        inside = given_consent.valid_from <= day <= last and (withdrawn is None or day < withdrawn)

        assert given_consent.is_valid_on(day) == inside

    @given(given_consent=consents(), data=st.data())
    def test_nothing_is_covered_from_the_withdrawal_on(
        self, given_consent: Consent, data: st.DataObject
    ) -> None:
        if given_consent.withdrawn_on is not None:
            given_consent = attrs.evolve(given_consent, withdrawn_on=None)
        on = data.draw(st.dates(min_value=given_consent.valid_from), label="withdrawn on")
        day = data.draw(st.dates(min_value=on), label="day")

        withdrawn = given_consent.withdrawn(on=on)

        assert not withdrawn.is_valid_on(day)
        assert not any(
            withdrawn.covers(unit, scope, on=day)
            for unit in given_consent.units
            for scope in DataScope
        )


class TestGiver:
    def test_a_person_may_consent_for_themself(self) -> None:
        own = attrs.evolve(consent(), given_by=PersonId("p2"), giver=ConsentGiver.SELF)

        assert own.given_by == own.subject

    @given(given_consent=consents())
    def test_the_giver_is_the_subject_exactly_when_they_consent_for_themself(
        self, given_consent: Consent
    ) -> None:
        assert attrs.evolve(given_consent) == given_consent
        is_self = given_consent.giver is ConsentGiver.SELF
        assert (given_consent.given_by == given_consent.subject) == is_self


INVALID_CONSENT: list[Any] = [
    pytest.param(change(id=""), "id", id="id empty"),
    pytest.param(change(family=None), "family", id="family None"),
    pytest.param(change(subject=" "), "subject", id="subject blank"),
    pytest.param(change(given_by=""), "given_by", id="given by empty"),
    pytest.param(change(giver="self"), "giver", id="giver as text"),
    pytest.param(
        lambda c: {"giver": ConsentGiver.SELF, "given_by": "a" if c.subject != "a" else "b"},
        "giver",
        id="self-consent given by someone else",
    ),
    pytest.param(
        lambda c: {"giver": ConsentGiver.CUSTODIAN, "given_by": c.subject},
        "giver",
        id="custodian consent given by the subject",
    ),
    pytest.param(change(scopes=()), "scopes", id="no scopes"),
    pytest.param(change(scopes="plan"), "scopes", id="scopes as one text"),
    pytest.param(change(scopes=["plan"]), "scopes[0]", id="a scope as text"),
    pytest.param(change(units=()), "units", id="no units"),
    pytest.param(change(units="clinic"), "units", id="units as one text"),
    pytest.param(change(units=["clinic 2"]), "units[0]", id="a unit not an id"),
    pytest.param(change(valid_from=None), "valid_from", id="valid from None"),
    pytest.param(
        lambda c: {"valid_until": day_before(c.valid_from)},
        "valid_until",
        id="valid until before valid from",
    ),
    pytest.param(
        change(valid_until=dt.datetime(2027, 1, 1, tzinfo=dt.UTC)),
        "valid_until",
        id="valid until a datetime",
    ),
    pytest.param(
        lambda c: {"valid_until": None, "withdrawn_on": day_before(c.valid_from)},
        "withdrawn_on",
        id="withdrawn before valid from",
    ),
    pytest.param(change(withdrawn_on="2026-06-01"), "withdrawn_on", id="withdrawn on as text"),
]


@pytest.mark.parametrize(("changes", "field"), INVALID_CONSENT)
@FEWER_EXAMPLES
@given(given_consent=consents(dates=st.dates(min_value=dt.date(2000, 1, 1))))
def test_an_invalid_consent_is_refused_naming_the_field(
    given_consent: Consent, changes: Changes, field: str
) -> None:
    assert_change_refused(given_consent, changes, field)
