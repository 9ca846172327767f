"""The compiled writers and readers of openco.io._compiled agree with cattrs, value for value.

``dumps`` writes through a writer compiled per class and the readers structure through a
reader compiled per class; both are shortcuts that must never change a byte of the text nor
accept anything cattrs' strict hooks refuse.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from openco.errors import InvalidDocumentError
from openco.io import document_kinds, dumps, loads, to_document
from openco.io._compiled import reader, structure, writer
from openco.io._converter import converter, fast_converter
from openco.model import (
    AreaId,
    Custody,
    CustodyKind,
    Family,
    FamilyId,
    Frequency,
    NetworkMap,
    NetworkMapId,
    NetworkMember,
    NetworkSector,
    Person,
    PersonId,
    Recurrence,
    Ring,
    SupportDirection,
    SupportType,
    TieQuality,
)

MODEL_KINDS = sorted(
    (kind for kind in document_kinds().values() if attrs.has(kind) and reader(kind)),
    key=lambda kind: kind.__name__,
)


def general_text(obj: object) -> str:
    """What dumps wrote before the compiled writers: cattrs' unstructure, then json.dumps."""
    return json.dumps(to_document(obj), ensure_ascii=False)


@pytest.mark.parametrize("kind", MODEL_KINDS, ids=lambda k: k.__name__)
@given(data=st.data())
def test_the_compiled_writer_writes_the_general_text(kind: type, data: st.DataObject) -> None:
    value = data.draw(st.from_type(kind))

    assert writer(kind)(value) == json.dumps(converter.unstructure(value), ensure_ascii=False)
    assert dumps(value) == general_text(value)


@pytest.mark.parametrize("kind", MODEL_KINDS, ids=lambda k: k.__name__)
@given(data=st.data())
def test_the_compiled_reader_builds_what_cattrs_builds(kind: type, data: st.DataObject) -> None:
    value = data.draw(st.from_type(kind))
    plain = json.loads(json.dumps(converter.unstructure(value)))
    read = reader(kind)
    assert read is not None

    assert read(plain) == fast_converter.structure(plain, kind) == value


def family() -> Family:
    return Family(
        id=FamilyId("f1"),
        members=[
            Person(id=PersonId("g1"), name='Äiti "Ä" \\ \x1f', birth_date=dt.date(1990, 1, 2)),
            Person(id=PersonId("c1"), name="Lapsi \u2028", birth_date=dt.date(2020, 5, 6)),
        ],
        custody=[
            Custody(child=PersonId("c1"), adult=PersonId("g1"), kind=CustodyKind.OTHER_CUSTODIAN)
        ],
        home_area=AreaId("a1"),
    )


def network_map() -> NetworkMap:
    member = NetworkMember(
        id=PersonId("n1"),
        label="Mummo",
        sector=NetworkSector.RELATIVES,
        ring=Ring.INNER,
        tie=TieQuality.SUPPORTIVE,
        direction=SupportDirection.MUTUAL,
        support={SupportType.PRACTICAL, SupportType.EMOTIONAL},
    )
    return NetworkMap(
        id=NetworkMapId("m1"),
        family=FamilyId("f1"),
        drawn_on=dt.date(2026, 3, 1),
        drawn_with=(PersonId("g1"),),
        members=[member],
    )


def test_escapes_and_sorted_sets_are_written_as_json_dumps_writes_them() -> None:
    for obj in (family(), network_map()):
        assert dumps(obj) == general_text(obj)


def test_a_value_of_an_unexpected_type_is_written_by_the_general_path() -> None:
    # Only an object built with the validators off can hold one; dumps still writes what
    # cattrs and json.dumps write (here: a number where a name belongs, a bool for an int).
    with attrs.validators.disabled():
        odd = attrs.evolve(family(), language=5)  # type: ignore[arg-type]
        recurrence = attrs.evolve(Recurrence(frequency=Frequency.WEEKLY), interval=True)

    assert dumps(odd) == general_text(odd)
    assert '"language": 5' in dumps(odd)
    assert dumps(recurrence) == general_text(recurrence)


def data_of(obj: object) -> dict[str, Any]:
    return json.loads(dumps(obj))["data"]  # type: ignore[no-any-return]


@pytest.mark.parametrize(
    ("change", "where"),
    [
        (lambda d: d.update(extra=1), ""),
        (lambda d: d.update(language=None), "language"),
        (lambda d: d.update(language=["fi"]), "language"),
        (lambda d: d["members"][0].update(birth_date="19900102"), "members[0].birth_date"),
        (lambda d: d["members"][0].update(birth_date="1990-W01-2"), "members[0].birth_date"),
        (lambda d: d["members"][0].update(birth_date="1990-02-30"), "members[0].birth_date"),
        (lambda d: d["members"][0].update(id=7), "members[0].id"),
        (lambda d: d.update(members={"a": 1}), "members"),
        (lambda d: d.update(members="g1"), "members"),
        (lambda d: d["custody"][0].update(kind="CUSTODIAL_PARENT"), "custody[0].kind"),
        (lambda d: d["custody"][0].update(kind=["other_custodian"]), "custody[0].kind"),
        (lambda d: d["members"][0].update(id="../x"), "members[0].id"),
    ],
)
def test_what_cattrs_refuses_the_compiled_reader_refuses(change: Any, where: str) -> None:
    data = data_of(family())
    change(data)

    obj, problems = structure(data, Family)

    assert obj is None
    assert [p.path for p in problems] == [where]
    with pytest.raises(InvalidDocumentError):
        loads(json.dumps({"schema_version": 1, "kind": "family", "data": data}), Family)


@pytest.mark.parametrize(
    ("kind", "change"),
    [
        (NetworkMember, lambda d: d.update(support="practical")),
        (NetworkMember, lambda d: d.update(support=["practical", 1])),
        (NetworkMember, lambda d: d.update(known_since=True)),
        (Recurrence, lambda d: d.update(interval=True)),
        (Recurrence, lambda d: d.update(interval=2.0)),
        (Recurrence, lambda d: d.update(interval="2")),
    ],
)
def test_numbers_booleans_and_sets_are_read_as_strictly_as_cattrs(kind: type, change: Any) -> None:
    value = (
        network_map().members[0]
        if kind is NetworkMember
        else Recurrence(frequency=Frequency.WEEKLY)
    )
    data = json.loads(json.dumps(converter.unstructure(value)))
    read = reader(kind)
    assert read is not None
    assert read(data) == value
    change(data)

    with pytest.raises(Exception):  # noqa: B017, PT011 - any refusal sends the data to cattrs
        read(data)
    assert structure(data, kind)[0] is None


def test_a_missing_key_with_a_default_is_read_by_cattrs_with_the_default() -> None:
    data = data_of(family())
    del data["language"], data["custody"]

    obj, problems = structure(data, Family)

    assert problems == []
    assert obj == attrs.evolve(family(), custody=())
