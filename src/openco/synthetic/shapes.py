"""Hostile shapes: the inputs that would make an analysis grow faster than its input.

Each function builds one shape of issue 11's security review as a
:class:`~openco.model.Bundle` of valid records, at the size asked for, so that tests and
``benchmarks/bench_shapes.py`` can check that openco either refuses it at once by a limit
(:mod:`openco.limits`) or analyses it within its documented bound:

* :func:`star_professional`: one professional on the network maps of *families* families,
  each map also naming a second, different professional (a star of *families* links);
* :func:`crowded_family`: one family whose map names *professionals* professionals;
* :func:`dense_map`: one family whose map has *members* members, every pair tied, or the
  first *ties* pairs;
* :func:`crowded_area`: *units* service units all serving one area, one worker each, and a
  family per unit.

Ids are counters; the names are invented. Nothing is random.

>>> bundle = star_professional(families=3)
>>> len(bundle.families), len(bundle.professionals)
(3, 4)
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable
from typing import Final

from openco.model import (
    Area,
    AreaId,
    Bundle,
    Family,
    FamilyId,
    MemberTie,
    NetworkMap,
    NetworkMapId,
    NetworkMember,
    NetworkSector,
    Person,
    PersonId,
    Professional,
    ProfessionalId,
    Ring,
    ServiceKind,
    ServiceUnit,
    TieQuality,
    UnitId,
)

__all__ = ["crowded_area", "crowded_family", "dense_map", "star_professional"]

DAY: Final = dt.date(2026, 3, 2)
"""The day every map of a shape is drawn on."""
_AREA: Final = AreaId("s-area")
_UNIT: Final = UnitId("s-unit")


def _area() -> Area:
    return Area(id=_AREA, name="Shape area", municipality="Synthetic municipality")


def _unit(unit: UnitId = _UNIT) -> ServiceUnit:
    return ServiceUnit(id=unit, name=f"Unit {unit}", kind=ServiceKind.OTHER, areas=[_AREA])


def _professional(number: int, unit: UnitId = _UNIT) -> Professional:
    return Professional(
        id=ProfessionalId(PersonId(f"s-w{number}")),
        name=f"Worker {number}",
        unit=unit,
        profession="social worker",
        mandated_notifier=True,
    )


def _family(number: int) -> Family:
    return Family(
        id=FamilyId(f"s-f{number}"),
        members=(
            Person(id=PersonId(f"s-f{number}-g1"), name="Parent", birth_date=dt.date(1990, 1, 1)),
        ),
        home_area=_AREA,
    )


def _worker_member(professional: Professional) -> NetworkMember:
    return NetworkMember(
        id=PersonId(f"m-{professional.id}"),
        label="Worker",
        sector=NetworkSector.PROFESSIONALS,
        ring=Ring.OUTER,
        tie=TieQuality.WEAK,
        professional=professional.id,
    )


def _map(family: Family, members: list[NetworkMember], ties: list[MemberTie]) -> NetworkMap:
    return NetworkMap(
        id=NetworkMapId(f"{family.id}-map"),
        family=family.id,
        drawn_on=DAY,
        drawn_with=(family.members[0].id,),
        members=members,
        ties=ties,
    )


def star_professional(*, families: int) -> Bundle:
    """One professional (``s-w0``) on the maps of *families* families, each with one other."""
    hub = _professional(0)
    others = [_professional(k + 1) for k in range(families)]
    homes = [_family(k) for k in range(families)]
    maps = [
        _map(family, [_worker_member(hub), _worker_member(other)], [])
        for family, other in zip(homes, others, strict=True)
    ]
    return Bundle(
        areas=[_area()],
        units=[_unit()],
        professionals=[hub, *others],
        families=homes,
        network_maps=maps,
    )


def crowded_family(*, professionals: int) -> Bundle:
    """One family whose map names *professionals* different professionals."""
    workers = [_professional(k) for k in range(professionals)]
    family = _family(0)
    return Bundle(
        areas=[_area()],
        units=[_unit()],
        professionals=workers,
        families=[family],
        network_maps=[_map(family, [_worker_member(w) for w in workers], [])],
    )


def dense_map(*, members: int, ties: int | None = None) -> Bundle:
    """One family's map of *members* members, every pair tied (or only the first *ties*)."""
    family = _family(0)
    people = [
        NetworkMember(
            id=PersonId(f"s-n{k}"),
            label=f"Friend {k}",
            sector=NetworkSector.FRIENDS_AND_NEIGHBOURS,
            ring=Ring.MIDDLE,
            tie=TieQuality.SUPPORTIVE,
        )
        for k in range(members)
    ]
    pairs: Iterable[tuple[PersonId, PersonId]] = itertools.combinations((m.id for m in people), 2)
    if ties is not None:
        pairs = itertools.islice(pairs, ties)
    links = [MemberTie(a=a, b=b) for a, b in pairs]
    return Bundle(areas=[_area()], families=[family], network_maps=[_map(family, people, links)])


def crowded_area(*, units: int) -> Bundle:
    """*units* units serving one area, a worker in each, and a family on each worker's map."""
    unit_ids = [UnitId(f"s-u{k}") for k in range(units)]
    workers = [_professional(k, unit) for k, unit in enumerate(unit_ids)]
    homes = [_family(k) for k in range(units)]
    return Bundle(
        areas=[_area()],
        units=[_unit(unit) for unit in unit_ids],
        professionals=workers,
        families=homes,
        network_maps=[
            _map(family, [_worker_member(worker)], [])
            for family, worker in zip(homes, workers, strict=True)
        ],
    )
