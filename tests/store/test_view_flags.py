"""The store's view shows the rules' flags (L20, §25.3) on the records the reader may see."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest

import openco.store
from openco.model import PersonId, ProfessionalId, UnitId
from openco.process import Provision, StatutoryBasis, Step, flags
from openco.store import Reader, Store
from tests.process.test_police_first import (
    POLICE,
    RAISE,
    RECORDS,
    SUSPECTED,
    notification,
    prepared,
    then,
)

AT = dt.datetime(2026, 6, 1, 9, 0, tzinfo=dt.UTC)
TOLD_FIRST = then(
    prepared(),
    (Step.RECOGNISE_CRITERIA, SUSPECTED),
    RAISE,
    (Step.NOTIFY_CHILD_WELFARE, notification(custodian_told=True)),
    (Step.NOTIFY_POLICE, POLICE),
)


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    with openco.store.open(store_url, records=RECORDS) as opened:
        opened.add(TOLD_FIRST)
        yield opened


def test_the_cases_own_worker_sees_the_flags_on_the_notifications(store: Store) -> None:
    view = store.view("c-1", reader=Reader(person=PersonId("w-teacher")), purpose="work", at=AT)

    assert view.full
    assert view.flags == flags(TOLD_FIRST, records=RECORDS)
    assert [f.step for f in view.flags] == [Step.NOTIFY_CHILD_WELFARE, Step.NOTIFY_POLICE]
    assert all(f.refers_to == (4,) for f in view.flags)  # the concern raised with the mother


def test_a_reader_who_may_see_no_record_sees_no_flag(store: Store) -> None:
    social = Reader(person=PersonId("w-social"), unit=UnitId("u-social"))

    view = store.view("c-1", reader=social, purpose="assessment", at=AT)

    assert view.shown == ()
    assert view.flags == ()


def test_with_a_statutory_basis_social_services_see_the_flags_too(store: Store) -> None:
    social = Reader(person=PersonId("w-social"), unit=UnitId("u-social"))
    basis = StatutoryBasis(
        provision=Provision.CHILD_WELFARE_ACT_25,
        decided_by=ProfessionalId(PersonId("w-teacher")),
        reason="A child welfare notification",
        units={UnitId("u-social")},
    )

    view = store.view("c-1", reader=social, basis=basis, at=AT)

    assert view.withheld == ()
    assert len(view.flags) == 2
