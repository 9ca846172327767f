"""Consent-aware views: the case's own workers see it whole, others what consent allows."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest

import openco.store
from openco.demo import vaaralampi_case_steps, vaaralampi_records
from openco.errors import InvalidArgumentError
from openco.model import PersonId, ProfessionalId, UnitId
from openco.process import Case, Provision, StatutoryBasis
from openco.store import Reader, Store

IN_CONSENT = dt.datetime(2026, 6, 1, 9, 0, tzinfo=dt.UTC)
AFTER_CONSENT = dt.datetime(2027, 6, 1, 9, 0, tzinfo=dt.UTC)


def story_case() -> Case:
    case = None
    for step in vaaralampi_case_steps():
        case = step.apply(case)
    assert case is not None
    return case


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    with openco.store.open(store_url, records=vaaralampi_records()) as opened:
        opened.add(story_case())
        yield opened


def reader(person: str, unit: str | None = None) -> Reader:
    return Reader(person=PersonId(person), unit=None if unit is None else UnitId(unit))


class TestView:
    def test_the_cases_own_worker_sees_it_whole(self, store: Store) -> None:
        view = store.view("c-aino", reader=reader("w-teacher"), purpose="work", at=IN_CONSENT)

        assert view.full
        assert view.shown == story_case().history
        assert view.withheld == ()

    def test_a_unit_the_consent_names_sees_what_it_covers_while_it_is_valid(
        self, store: Store
    ) -> None:
        nurse = reader("w-nurse", "clinic-vaaralampi")

        during = store.view("c-aino", reader=nurse, purpose="check-up", at=IN_CONSENT)
        after = store.view("c-aino", reader=nurse, purpose="check-up", at=AFTER_CONSENT)

        assert not during.full
        assert during.withheld == ()
        assert after.shown == ()
        assert len(after.withheld) == len(story_case().history)
        assert all(w.reasons for w in after.withheld)

    def test_a_unit_without_consent_sees_nothing_unless_a_basis_is_stated(
        self, store: Store
    ) -> None:
        social = reader("w-social")
        basis = StatutoryBasis(
            provision=Provision.SOCIAL_WELFARE_ACT_35_2,
            decided_by=ProfessionalId(PersonId("w-teacher")),
            reason="The child's interest requires it",
            units={UnitId("family-work")},
        )

        without = store.view("c-aino", reader=social, purpose="assessment", at=IN_CONSENT)
        stated = store.view("c-aino", reader=social, basis=basis, at=IN_CONSENT)

        assert without.shown == ()
        assert {w.scope.value for w in without.withheld} == {"concern", "meeting", "plan"}
        assert stated.withheld == ()
        assert len(stated.shown) == len(story_case().history)

    def test_the_unit_is_the_records_not_the_callers(self, store: Store) -> None:
        claimed = reader("w-nurse", "daycare-kuusikko")  # the nurse is in the clinic

        view = store.view("c-aino", reader=claimed, purpose="x", at=AFTER_CONSENT)

        assert not view.full
        assert view.shown == ()

    def test_every_view_is_logged_with_what_was_withheld(self, store: Store) -> None:
        store.view("c-aino", reader=reader("w-teacher"), purpose="work", at=IN_CONSENT)
        store.view("c-aino", reader=reader("w-social"), purpose="look", at=IN_CONSENT)

        log = store.access_log(person=PersonId("p-aino"))

        assert [(a.reader, a.action, a.outcome) for a in log] == [
            ("w-teacher", "view", "shown"),
            ("w-social", "view", "withheld"),
        ]

    def test_a_view_without_a_reader_is_refused(self, store: Store) -> None:
        with pytest.raises(InvalidArgumentError, match="reader"):
            store.view("c-aino", reader="w-teacher", purpose="x", at=IN_CONSENT)  # type: ignore[arg-type]
