"""How a plan's work is shared between the family, its close network and the professionals.

An anticipation dialogue ends in a plan of who does what, with whom and when. The hope is that
the family's own network carries part of it, not only the workers. :func:`plan_load` sorts the
people in each item into a :class:`Party` and counts, per plan, who is responsible for how many
items and who takes part in how many; :func:`area_plan_loads` adds the plans up per area.

A person is sorted in this order: a member of the family is ``family``; a known professional
(given in *professionals*, or a member of the professionals sector on the map) is
``professionals``; any other member of the map is ``close_network``; anyone else is
``unknown``.

Without a network map, the plan's workflow case tells who is who: the close network the family
invited (:attr:`openco.process.Invitation.close_network`) and everyone who took part in one of
the case's meetings as a close-network member are ``close_network``; the case's workers and
the workers who took part in its meetings are ``professionals``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Final

import attrs

from openco.analysis.measures import Breakdown
from openco.errors import InvalidArgumentError
from openco.model import (
    AreaId,
    Family,
    FamilyId,
    ItemStatus,
    LabelledEnum,
    NetworkMap,
    PersonId,
    Plan,
    PlanId,
)
from openco.model.meeting import MeetingRole

if TYPE_CHECKING:  # only for the annotations: the analysis reads a case, it never advances one
    from openco.process.case import Case

__all__ = ["AreaPlanLoad", "Party", "PlanLoad", "area_plan_loads", "plan_load", "plan_loads"]


class Party(LabelledEnum):
    """Who a person in a plan is, seen from the family."""

    FAMILY = ("family", "perhe", "familjen", "the family")
    CLOSE_NETWORK = ("close_network", "läheisverkosto", "närstående", "close network")
    PROFESSIONALS = ("professionals", "ammattilaiset", "yrkespersoner", "professionals")
    UNKNOWN = ("unknown", "tuntematon", "okänd", "unknown")


_PARTIES: Final = tuple(Party)
_NOT_WORKERS: Final = frozenset({"family", "close_network"})


@attrs.frozen(kw_only=True)
class PlanLoad:
    """Who carries one plan's items."""

    plan: PlanId
    family: FamilyId
    items: int
    responsible: Breakdown[Party]
    """Items by the party of the responsible person (shares sum to 1)."""
    involved: Breakdown[Party]
    """Items each party takes part in, as responsible or helper (total: all items)."""
    open_responsible: Breakdown[Party]
    """Open items by the party of the responsible person."""
    shared_items: int
    """Items in which two or more parties work together."""

    @property
    def network_share(self) -> float:
        """The close network's share of responsibility."""
        return self.responsible.share(Party.CLOSE_NETWORK)


@attrs.frozen(kw_only=True)
class AreaPlanLoad:
    """The plans of one area's families, added up."""

    area: AreaId
    families: int
    plans: int
    items: int
    responsible: Breakdown[Party]
    involved: Breakdown[Party]
    shared_items: int


def _case_parties(case: Case) -> dict[PersonId, Party]:
    """Who the case's records say is close network and who is a professional."""
    parties: dict[PersonId, Party] = {}
    if case.invitation is not None:
        for person in case.invitation.close_network:
            parties[person] = Party.CLOSE_NETWORK
    for record in case.history:
        meeting = record.meeting
        if meeting is None:
            continue
        for participant in meeting.participants:
            if participant.role is MeetingRole.CLOSE_NETWORK:
                parties[participant.person] = Party.CLOSE_NETWORK
            elif participant.role.is_professional:
                parties[participant.person] = Party.PROFESSIONALS
    for record in case.history:
        # Whoever took a step in a worker's part (contact worker, colleague, facilitator,
        # supervisor, social services) is a professional. Compared by value so that reading a
        # case does not import the workflow.
        if record.role.value not in _NOT_WORKERS:
            parties[record.actor] = Party.PROFESSIONALS
    parties[case.contact] = Party.PROFESSIONALS
    return parties


def _party_of(
    family: Family,
    network: NetworkMap | None,
    professionals: frozenset[PersonId],
    case: Case | None = None,
) -> Mapping[PersonId, Party]:
    parties: dict[PersonId, Party] = {}
    if network is None and case is not None:
        parties.update(_case_parties(case))
    if network is not None:
        for member in network.members:
            if member.is_professional:
                parties[member.id] = Party.PROFESSIONALS
                if member.professional is not None:
                    parties[member.professional] = Party.PROFESSIONALS
            else:
                parties[member.id] = Party.CLOSE_NETWORK
    for worker in professionals:
        parties[worker] = Party.PROFESSIONALS
    for person in family.members:
        parties[person.id] = Party.FAMILY
    return parties


def plan_load(
    plan: Plan,
    *,
    family: Family | None = None,
    network: NetworkMap | None = None,
    professionals: Iterable[PersonId] = (),
    case: Case | None = None,
) -> PlanLoad:
    """Count who carries the items of *plan*.

    Args:
        plan: the plan.
        family: the plan's family (its members are the ``family`` party); the case's family
            when not given.
        network: the family's network map, to recognise close-network members.
        professionals: ids of professionals who may appear in the plan.
        case: the workflow case the plan was agreed in. Without a *network*, its records tell
            the close network (the family's invitation and the close-network participants of
            its meetings) and its workers.

    Raises:
        InvalidArgumentError: neither *family* nor *case* is given, or *family*, *network* or
            *case* is not the plan's family's.

    >>> from openco.synthetic import generate_population
    >>> family = next(f for f in next(generate_population(families=60, seed=1)).families
    ...               if f.plans)
    >>> load = plan_load(family.plans[0], family=family.family, network=family.network_map)
    >>> load.items, load.responsible.total, sum(load.responsible.shares().values())
    (5, 5, 1.0)
    """
    if case is not None and case.family.id != plan.family:
        raise InvalidArgumentError(
            "plan_load", "case", case.family.id, f"a case of family {plan.family}"
        )
    if family is None:
        if case is None:
            raise InvalidArgumentError("plan_load", "family", None, "a Family, or a case")
        family = case.family
    if family.id != plan.family:
        raise InvalidArgumentError("plan_load", "family", family.id, f"family {plan.family}")
    if network is not None and network.family != plan.family:
        raise InvalidArgumentError(
            "plan_load", "network", network.family, f"a map of family {plan.family}"
        )
    party_of = _party_of(family, network, frozenset(professionals), case)
    responsible: Counter[Party] = Counter()
    open_responsible: Counter[Party] = Counter()
    involved: Counter[Party] = Counter()
    shared = 0
    for item in plan.items:
        party = party_of.get(item.responsible, Party.UNKNOWN)
        responsible[party] += 1
        if item.status is ItemStatus.OPEN:
            open_responsible[party] += 1
        taking_part = {party_of.get(p, Party.UNKNOWN) for p in item.people}
        involved.update(taking_part)
        shared += len(taking_part) > 1
    items = len(plan.items)
    return PlanLoad(
        plan=plan.id,
        family=plan.family,
        items=items,
        responsible=Breakdown.from_counts(_PARTIES, (responsible[p] for p in _PARTIES), items),
        involved=Breakdown.from_counts(_PARTIES, (involved[p] for p in _PARTIES), items),
        open_responsible=Breakdown.from_counts(
            _PARTIES, (open_responsible[p] for p in _PARTIES), sum(open_responsible.values())
        ),
        shared_items=shared,
    )


def _latest_map(maps: list[NetworkMap], plan: Plan) -> NetworkMap | None:
    if not maps:
        return None
    before = [m for m in maps if m.drawn_on <= plan.agreed_on]
    return max(before, key=lambda m: m.drawn_on) if before else min(maps, key=lambda m: m.drawn_on)


def plan_loads(
    plans: Iterable[Plan],
    *,
    families: Iterable[Family],
    maps: Iterable[NetworkMap] = (),
    professionals: Iterable[PersonId] = (),
    cases: Iterable[Case] = (),
) -> tuple[PlanLoad, ...]:
    """:func:`plan_load` for many plans, each with its family and its latest map.

    The map used for a plan is the latest one drawn on or before the plan was agreed, or the
    earliest one if all were drawn later. A plan whose family has no map is read with the case
    among *cases* whose history holds a plan of the same id, if there is one.

    Raises:
        InvalidArgumentError: a plan's family is not among *families*.
    """
    by_family = {f.id: f for f in families}
    maps_of: dict[FamilyId, list[NetworkMap]] = {}
    for nmap in maps:
        maps_of.setdefault(nmap.family, []).append(nmap)
    known = frozenset(professionals)
    case_of: dict[PlanId, Case] = {}
    for case in cases:
        for record in case.history:
            if record.plan is not None:
                case_of[record.plan.id] = case
    loads = []
    for plan in plans:
        family = by_family.get(plan.family)
        if family is None:
            raise InvalidArgumentError(
                "plan_loads", "families", plan.family, "a family for every plan"
            )
        network = _latest_map(maps_of.get(plan.family, []), plan)
        loads.append(
            plan_load(
                plan,
                family=family,
                network=network,
                professionals=known,
                case=case_of.get(plan.id) if network is None else None,
            )
        )
    return tuple(loads)


def area_plan_loads(
    plans: Iterable[Plan],
    *,
    families: Iterable[Family],
    maps: Iterable[NetworkMap] = (),
    professionals: Iterable[PersonId] = (),
) -> tuple[AreaPlanLoad, ...]:
    """The plan loads of every area's families added up, one row per area, sorted by area.

    >>> from openco.synthetic import generate_population
    >>> area = next(generate_population(families=300, seed=1))
    >>> [row] = area_plan_loads(area.plans, families=[f.family for f in area.families],
    ...                         maps=area.network_maps)
    >>> row.area, row.plans, row.responsible.total == row.items
    ('a0001', 12, True)
    """
    family_list = list(families)
    area_of = {f.id: f.home_area for f in family_list}
    rows: dict[AreaId, list[PlanLoad]] = {}
    for load in plan_loads(plans, families=family_list, maps=maps, professionals=professionals):
        rows.setdefault(area_of[load.family], []).append(load)
    result = []
    for area in sorted(rows):
        loads = rows[area]
        items = sum(load.items for load in loads)
        result.append(
            AreaPlanLoad(
                area=area,
                families=len({load.family for load in loads}),
                plans=len(loads),
                items=items,
                responsible=Breakdown.from_counts(
                    _PARTIES, (sum(ld.responsible[p] for ld in loads) for p in _PARTIES), items
                ),
                involved=Breakdown.from_counts(
                    _PARTIES, (sum(ld.involved[p] for ld in loads) for p in _PARTIES), items
                ),
                shared_items=sum(load.shared_items for load in loads),
            )
        )
    return tuple(result)
