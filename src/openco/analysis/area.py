"""The network of professionals around families: who works with whom, per unit and per area.

Two professionals are linked when they work with the same family, and the link is stronger
for every family they share and every meeting with a family they attend together.
:func:`area_network` builds that network from the records openco keeps (network maps,
meetings, plans and concerns) and answers the questions of interface work between units
(domain brief §8.4, P16-P17):

* which pairs of units in an area are tied, how strongly, and which have no tie at all
  (:class:`UnitPairTie`, :attr:`AreaReport.missing_unit_pairs`);
* who are the brokers, the professionals on many shortest paths between others
  (exact betweenness, the same numbers as :func:`networkx.betweenness_centrality`);
* which groups work together (Louvain communities, seeded, as networkx computes them), and
  which groups are silos, drawn from a single unit;
* which families have many professionals who never met together (uncoordinated support);
* which units attend the area meetings.

A professional *works with* a family when they appear on the family's network map (as the
``professional`` of a member), in a meeting with the family, in the family's plan, or as the
worker of a concern about the family's child. Concerns contribute only that link: the zones
of concern never enter the network or any report. Professionals not passed in
*professionals* are left out, because their unit is unknown.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from itertools import combinations
from typing import Final, cast

import attrs

from openco.analysis import _betweenness, _graph
from openco.analysis._bulk import paused_gc
from openco.errors import InvalidArgumentError
from openco.model import (
    AreaId,
    Bundle,
    Concern,
    Family,
    FamilyId,
    Meeting,
    MeetingKind,
    MeetingRole,
    NetworkMap,
    PersonId,
    Plan,
    Professional,
    ProfessionalId,
    ServiceUnit,
    UnitId,
)

__all__ = [
    "AreaReport",
    "Broker",
    "Group",
    "ProfessionalLink",
    "ProfessionalNetwork",
    "UncoordinatedFamily",
    "UnitAttendance",
    "UnitPairTie",
    "area_network",
    "area_network_of",
]

_MIN_SILO: Final = 2
_WORKER_ROLES: Final = frozenset(role for role in MeetingRole if role.is_professional)


@attrs.frozen(kw_only=True)
class ProfessionalLink:
    """Two professionals who work with the same families (``a`` sorts before ``b``)."""

    a: ProfessionalId
    b: ProfessionalId
    shared_families: int
    joint_meetings: int

    @property
    def weight(self) -> int:
        """Shared families plus joint meetings: the weight Louvain uses."""
        return self.shared_families + self.joint_meetings


@attrs.frozen(kw_only=True)
class UnitPairTie:
    """How strongly two units are tied in one area (``a`` sorts before ``b``)."""

    area: AreaId
    a: UnitId
    b: UnitId
    shared_families: int
    """Families of the area that both units work with."""
    joint_meetings: int
    """Meetings with the area's families that workers of both units attended."""
    linked_pairs: int
    """Pairs of professionals, one from each unit, linked through the area's families."""

    @property
    def tied(self) -> bool:
        """Whether the two units share any family or meeting in the area."""
        return self.shared_families > 0 or self.joint_meetings > 0

    @property
    def weight(self) -> int:
        """Shared families plus joint meetings."""
        return self.shared_families + self.joint_meetings


@attrs.frozen(kw_only=True)
class Broker:
    """A professional and their betweenness in the whole network (0 to 1)."""

    professional: ProfessionalId
    unit: UnitId
    betweenness: float


@attrs.frozen(kw_only=True)
class Group:
    """A group of professionals who work together (a Louvain community)."""

    number: int
    """Groups are numbered from 0, largest first."""
    professionals: frozenset[ProfessionalId]
    units: frozenset[UnitId]
    internal_weight: int
    """Link weight inside the group."""
    external_weight: int
    """Link weight from the group's members to everyone else."""

    @property
    def is_silo(self) -> bool:
        """Whether the group is drawn from one unit only (and has two or more members)."""
        return len(self.units) == 1 and len(self.professionals) >= _MIN_SILO


@attrs.frozen(kw_only=True)
class UncoordinatedFamily:
    """A family with many professionals, no two of whom attended a meeting together."""

    family: FamilyId
    area: AreaId | None
    professionals: tuple[ProfessionalId, ...]


@attrs.frozen(kw_only=True)
class UnitAttendance:
    """How many of an area's meetings a unit sent someone to."""

    area: AreaId
    unit: UnitId
    attended: int
    meetings: int

    @property
    def share(self) -> float:
        """Attended over held (0.0 when none were held)."""
        return self.attended / self.meetings if self.meetings else 0.0


@attrs.frozen(kw_only=True)
class AreaReport:
    """The professionals' network as seen from one area, ready for a report."""

    area: AreaId
    units: tuple[UnitId, ...]
    """Units serving the area (their ``areas`` include it), sorted."""
    families: int
    """Families of the area that at least one professional works with."""
    professionals: int
    """Professionals working with the area's families."""
    links: int
    """Pairs of those professionals linked through the area's families."""
    density: float
    """Links over all pairs of the area's professionals."""
    unit_ties: tuple[UnitPairTie, ...]
    """Every pair of units serving the area or working with its families, tied or not."""
    brokers: tuple[Broker, ...]
    """The area's professionals with the highest betweenness (above 0), highest first."""
    attendance: tuple[UnitAttendance, ...]
    uncoordinated: tuple[UncoordinatedFamily, ...]

    @property
    def missing_unit_pairs(self) -> tuple[tuple[UnitId, UnitId], ...]:
        """Pairs of units with no shared family and no joint meeting in the area."""
        return tuple((t.a, t.b) for t in self.unit_ties if not t.tied)

    def __repr__(self) -> str:
        """One line: an area's report can hold every pair of its units."""
        return (
            f"AreaReport(area={self.area!r}, {len(self.units)} units, {self.families} families, "
            f"{self.professionals} professionals, {self.links} links, "
            f"{len(self.missing_unit_pairs)} unit pairs never meeting)"
        )


@attrs.frozen(kw_only=True)
class ProfessionalNetwork:
    """The whole network of professionals, with a report per area.

    Use :func:`openco.analysis.export.to_networkx` for anything not answered here.
    """

    professionals: tuple[ProfessionalId, ...]
    """Every professional passed in, sorted, linked or not."""
    units: tuple[UnitId, ...]
    """The unit of each professional, in the order of :attr:`professionals`."""
    links: tuple[ProfessionalLink, ...]
    centrality: tuple[Broker, ...]
    """Every professional's betweenness, highest first (ties by id)."""
    groups: tuple[Group, ...]
    modularity: float
    """Weighted modularity of :attr:`groups`."""
    areas: tuple[AreaReport, ...]
    seed: int
    """The seed Louvain used."""

    def area(self, area: AreaId | str) -> AreaReport:
        """The report of one area.

        Raises:
            InvalidArgumentError: no report for that area.
        """
        for report in self.areas:
            if report.area == area:
                return report
        raise InvalidArgumentError(
            "ProfessionalNetwork.area", "area", area, "one of " + ", ".join(self.area_ids)
        )

    @property
    def area_ids(self) -> tuple[AreaId, ...]:
        """The areas reported on, sorted."""
        return tuple(r.area for r in self.areas)

    def __repr__(self) -> str:
        """One line: a city's network holds hundreds of thousands of links."""
        return (
            f"ProfessionalNetwork({len(self.professionals)} professionals, "
            f"{len(self.links)} links, {len(self.groups)} groups, {len(self.areas)} areas)"
        )

    def _repr_html_(self) -> str:
        """The areas as a table, for notebooks."""
        from openco.analysis.report import network_table  # noqa: PLC0415 - report imports area

        return network_table(self)

    @property
    def silos(self) -> tuple[Group, ...]:
        """Groups drawn from a single unit."""
        return tuple(g for g in self.groups if g.is_silo)

    @property
    def isolated(self) -> tuple[ProfessionalId, ...]:
        """Professionals with no link to anyone."""
        linked = {p for link in self.links for p in (link.a, link.b)}
        return tuple(p for p in self.professionals if p not in linked)

    def betweenness(self) -> dict[ProfessionalId, float]:
        """Every professional's betweenness, keyed by id."""
        return {b.professional: b.betweenness for b in self.centrality}

    def unit_of(self, professional: ProfessionalId | str) -> UnitId:
        """The unit of *professional*.

        Raises:
            InvalidArgumentError: the professional is not in the network.
        """
        for person, unit in zip(self.professionals, self.units, strict=True):
            if person == professional:
                return unit
        raise InvalidArgumentError(
            "ProfessionalNetwork.unit_of", "professional", professional, "a professional's id"
        )


def _index(
    professionals: Iterable[Professional], units: Iterable[ServiceUnit]
) -> tuple[dict[ProfessionalId, UnitId], dict[UnitId, ServiceUnit]]:
    unit_of: dict[ProfessionalId, UnitId] = {}
    for person in professionals:
        if not isinstance(person, Professional):
            raise InvalidArgumentError(
                "area_network", "professionals", person, "Professional values"
            )
        known = unit_of.setdefault(person.id, person.unit)
        if known != person.unit:
            raise InvalidArgumentError(
                "area_network", "professionals", person.id, "one unit per professional"
            )
    unit_by_id: dict[UnitId, ServiceUnit] = {}
    for unit in units:
        if not isinstance(unit, ServiceUnit):
            raise InvalidArgumentError("area_network", "units", unit, "ServiceUnit values")
        unit_by_id[unit.id] = unit
    return unit_of, unit_by_id


class _Collector:
    """Reads the records once and counts everything the reports need."""

    def __init__(self, unit_of: Mapping[ProfessionalId, UnitId]) -> None:
        self.unit_of = unit_of
        self.works_with: defaultdict[FamilyId, set[ProfessionalId]] = defaultdict(set)
        self.joint: Counter[tuple[ProfessionalId, ProfessionalId]] = Counter()
        self.joint_units: Counter[tuple[AreaId | None, UnitId, UnitId]] = Counter()
        self.met_together: set[FamilyId] = set()
        self.area_meetings: defaultdict[AreaId, list[frozenset[UnitId]]] = defaultdict(list)

    def maps(self, maps: Iterable[NetworkMap]) -> None:
        unit_of = self.unit_of
        works_with = self.works_with
        for nmap in maps:
            for member in nmap.members:
                worker = member.professional
                if worker is not None and worker in unit_of:
                    works_with[nmap.family].add(worker)

    def plans(self, plans: Iterable[Plan]) -> None:
        for plan in plans:
            workers = {ProfessionalId(p) for p in plan.people if p in self.unit_of}
            if workers:
                self.works_with[plan.family].update(workers)

    def concerns(self, concerns: Iterable[Concern]) -> None:
        for concern in concerns:
            if concern.worker in self.unit_of:
                self.works_with[concern.family].add(concern.worker)

    def meetings(self, meetings: Iterable[Meeting], area_of: Mapping[FamilyId, AreaId]) -> None:
        unit_of, roles, area_kind = self.unit_of, _WORKER_ROLES, MeetingKind.AREA_MEETING
        works_with, joint, joint_units = self.works_with, self.joint, self.joint_units
        for meeting in meetings:
            if meeting.kind is area_kind:
                if meeting.area is not None:
                    units = frozenset(
                        p.unit if p.unit is not None else unit_of[ProfessionalId(p.person)]
                        for p in meeting.participants
                        if p.role in roles and (p.unit is not None or p.person in unit_of)
                    )
                    self.area_meetings[meeting.area].append(units)
                continue
            family = meeting.family
            if family is None:  # pragma: no cover - the model requires a family
                continue
            # participants' ids are professionals' ids once found in unit_of
            workers = cast(
                "list[ProfessionalId]",
                [p.person for p in meeting.participants if p.role in roles and p.person in unit_of],
            )
            if not workers:
                continue
            works_with[family].update(workers)
            if len(workers) < 2:  # noqa: PLR2004
                continue
            workers.sort()
            self.met_together.add(family)
            joint.update(combinations(workers, 2))
            met = sorted({unit_of[w] for w in workers})
            if len(met) > 1:
                area = area_of.get(family)
                joint_units.update((area, ua, ub) for ua, ub in combinations(met, 2))


class _FamilyCounts:
    """One pass over who works with which family: pairs, areas, unit pairs, lone cases."""

    def __init__(
        self, collected: _Collector, area_of: Mapping[FamilyId, AreaId], min_professionals: int
    ) -> None:
        unit_of = collected.unit_of
        met_together = collected.met_together
        # Shared families, counted pair by pair and area by area: the weighted projection of
        # the family-professional graph, without building that graph. Meeting participants
        # work with the family, so every pair that met together also shares that family.
        by_area: defaultdict[AreaId | None, Counter[tuple[ProfessionalId, ProfessionalId]]] = (
            defaultdict(Counter)
        )
        area_workers: defaultdict[AreaId, set[ProfessionalId]] = defaultdict(set)
        area_families: Counter[AreaId] = Counter()
        family_units: defaultdict[AreaId, Counter[tuple[UnitId, UnitId]]] = defaultdict(Counter)
        uncoordinated: defaultdict[AreaId | None, list[UncoordinatedFamily]] = defaultdict(list)
        for family, workers in collected.works_with.items():
            home = area_of.get(family)
            ordered = sorted(workers) if len(workers) > 1 else list(workers)
            if home is not None:
                area_workers[home].update(ordered)
                area_families[home] += 1
            if len(ordered) > 1:
                by_area[home].update(combinations(ordered, 2))
                if home is not None:
                    units = sorted({unit_of[w] for w in ordered})
                    if len(units) > 1:
                        family_units[home].update(combinations(units, 2))
            if len(ordered) >= min_professionals and family not in met_together:
                uncoordinated[home].append(
                    UncoordinatedFamily(family=family, area=home, professionals=tuple(ordered))
                )
        self.shared: Counter[tuple[ProfessionalId, ProfessionalId]] = Counter()
        for counts in by_area.values():
            self.shared.update(counts)
        self.area_pairs = {
            area: counts.keys() for area, counts in by_area.items() if area is not None
        }
        self.area_workers = area_workers
        self.area_families = area_families
        self.family_units = family_units
        self.uncoordinated = uncoordinated


def _reports(
    *,
    collected: _Collector,
    counts: _FamilyCounts,
    area_of: Mapping[FamilyId, AreaId],
    unit_by_id: Mapping[UnitId, ServiceUnit],
    centrality: Mapping[ProfessionalId, float],
    brokers_per_area: int,
) -> tuple[AreaReport, ...]:
    unit_of = collected.unit_of
    areas: set[AreaId] = set(area_of.values()) | set(collected.area_meetings)
    serving: defaultdict[AreaId, set[UnitId]] = defaultdict(set)
    for unit in unit_by_id.values():
        areas.update(unit.areas)
        for area in unit.areas:
            serving[area].add(unit.id)
    area_workers, uncoordinated = counts.area_workers, counts.uncoordinated
    reports = []
    for area in sorted(areas):
        units = set(serving[area]) | {unit_of[w] for w in area_workers[area]}
        linked: Counter[tuple[UnitId, UnitId]] = Counter()
        for a, b in counts.area_pairs.get(area, ()):
            ua, ub = unit_of[a], unit_of[b]
            if ua != ub:
                linked[(ua, ub) if ua < ub else (ub, ua)] += 1
        links = len(counts.area_pairs.get(area, ()))
        ties = tuple(
            UnitPairTie(
                area=area,
                a=ua,
                b=ub,
                shared_families=counts.family_units[area][ua, ub],
                joint_meetings=collected.joint_units[area, ua, ub],
                linked_pairs=linked[ua, ub],
            )
            for ua, ub in combinations(sorted(units), 2)
        )
        workers = area_workers[area]
        ranked = sorted(
            (w for w in workers if centrality.get(w, 0.0) > 0.0),
            key=lambda w: (-centrality[w], w),
        )[:brokers_per_area]
        held = collected.area_meetings.get(area, [])
        attendance = tuple(
            UnitAttendance(
                area=area,
                unit=unit,
                attended=sum(1 for sent in held if unit in sent),
                meetings=len(held),
            )
            for unit in sorted(serving[area] | {u for sent in held for u in sent})
        )
        pairs = len(workers) * (len(workers) - 1) // 2
        reports.append(
            AreaReport(
                area=area,
                units=tuple(sorted(serving[area])),
                families=counts.area_families[area],
                professionals=len(workers),
                links=links,
                density=links / pairs if pairs else 0.0,
                unit_ties=ties,
                brokers=tuple(
                    Broker(professional=w, unit=unit_of[w], betweenness=centrality[w])
                    for w in ranked
                ),
                attendance=attendance,
                uncoordinated=tuple(sorted(uncoordinated[area], key=lambda f: f.family)),
            )
        )
    return tuple(reports)


def area_network(
    *,
    professionals: Iterable[Professional],
    units: Iterable[ServiceUnit] = (),
    families: Iterable[Family] = (),
    maps: Iterable[NetworkMap] = (),
    meetings: Iterable[Meeting] = (),
    plans: Iterable[Plan] = (),
    concerns: Iterable[Concern] = (),
    seed: int = 0,
    brokers_per_area: int = 3,
    min_professionals: int = 3,
    workers: int = 1,
) -> ProfessionalNetwork:
    """Build the network of professionals and report on every area.

    Args:
        professionals: every professional to include, with their unit.
        units: the service units, for the areas they serve.
        families: the families, for their home areas.
        maps: network maps; a member with a ``professional`` id links that worker to the family.
        meetings: meetings with families (joint attendance) and area meetings (attendance).
        plans: plans; professionals named in an item work with the plan's family.
        concerns: a concern's worker works with its family (the zone is not read).
        seed: the seed of the Louvain community detection.
        brokers_per_area: how many brokers each area report lists.
        min_professionals: how many professionals make a family without any joint meeting
            "uncoordinated".
        workers: processes to compute betweenness with. 1 (the default) starts none; on a
            machine with two free cores, 2 nearly halves the time for a city's network.

    >>> from openco.synthetic import generate_population
    >>> area = next(generate_population(families=300, seed=1))
    >>> network = area_network(
    ...     professionals=area.all_professionals, units=area.all_units,
    ...     families=[f.family for f in area.families], maps=area.network_maps,
    ...     meetings=area.meetings, plans=area.plans, seed=1)
    >>> report = network.area("a0001")
    >>> report.professionals, len(report.unit_ties), report.missing_unit_pairs
    (6, 10, ())
    >>> [round(b.betweenness, 3) for b in report.brokers]
    []
    """
    if not isinstance(seed, int) or isinstance(seed, bool):
        raise InvalidArgumentError("area_network", "seed", seed, "an int")
    for name, value in (
        ("brokers_per_area", brokers_per_area),
        ("min_professionals", min_professionals),
    ):
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise InvalidArgumentError("area_network", name, value, "a whole number >= 0")
    if not isinstance(workers, int) or isinstance(workers, bool) or workers < 1:
        raise InvalidArgumentError("area_network", "workers", workers, "a whole number >= 1")
    with paused_gc():
        return _area_network(
            professionals=professionals, units=units, families=families, maps=maps,
            meetings=meetings, plans=plans, concerns=concerns, seed=seed,
            brokers_per_area=brokers_per_area, min_professionals=min_professionals,
            workers=workers,
        )  # fmt: skip


def _area_network(
    *,
    professionals: Iterable[Professional],
    units: Iterable[ServiceUnit],
    families: Iterable[Family],
    maps: Iterable[NetworkMap],
    meetings: Iterable[Meeting],
    plans: Iterable[Plan],
    concerns: Iterable[Concern],
    seed: int,
    brokers_per_area: int,
    min_professionals: int,
    workers: int,
) -> ProfessionalNetwork:
    unit_of, unit_by_id = _index(professionals, units)
    area_of = {f.id: f.home_area for f in families}
    collected = _Collector(unit_of)
    collected.maps(maps)
    collected.plans(plans)
    collected.concerns(concerns)
    collected.meetings(meetings, area_of)

    counts = _FamilyCounts(collected, area_of, min_professionals)
    shared = counts.shared
    joint = collected.joint
    pairs = sorted(shared.keys() | joint.keys())
    links = tuple(
        ProfessionalLink(a=a, b=b, shared_families=shared[a, b], joint_meetings=joint[a, b])
        for a, b in pairs
    )
    people = sorted(unit_of)
    neighbours: defaultdict[ProfessionalId, list[ProfessionalId]] = defaultdict(list)
    for a, b in pairs:
        neighbours[a].append(b)
        neighbours[b].append(a)
    centrality = _betweenness.betweenness(people, neighbours, workers=workers)
    graph = _graph.weighted_graph(people, ((lk.a, lk.b, lk.weight) for lk in links))
    communities = _graph.louvain(graph, seed=seed) if people else []
    ordered = sorted(communities, key=lambda c: (-len(c), min(c)))
    group_of = {p: k for k, community in enumerate(ordered) for p in community}
    internal = [0] * len(ordered)
    touching = [0] * len(ordered)
    for link in links:
        ga, gb = group_of[link.a], group_of[link.b]
        touching[ga] += link.weight
        if ga == gb:
            internal[ga] += link.weight
        else:
            touching[gb] += link.weight
    # Weighted modularity, sum over groups of L/m - (D/2m)^2, from the same integer weights
    # networkx's modularity() would add up again (the tests compare the two).
    total = sum(link.weight for link in links)
    modularity = (
        math.fsum(
            inside / total - ((inside + touch) / (2 * total)) ** 2
            for inside, touch in zip(internal, touching, strict=True)
        )
        if total
        else 0.0
    )
    groups = tuple(
        Group(
            number=k,
            professionals=frozenset(ProfessionalId(PersonId(p)) for p in community),
            units=frozenset(unit_of[ProfessionalId(PersonId(p))] for p in community),
            internal_weight=internal[k],
            external_weight=touching[k] - internal[k],
        )
        for k, community in enumerate(ordered)
    )
    reports = _reports(
        collected=collected,
        counts=counts,
        area_of=area_of,
        unit_by_id=unit_by_id,
        centrality=centrality,
        brokers_per_area=brokers_per_area,
    )
    return ProfessionalNetwork(
        professionals=tuple(people),
        units=tuple(unit_of[p] for p in people),
        links=links,
        centrality=tuple(
            Broker(professional=p, unit=unit_of[p], betweenness=centrality[p])
            for p in sorted(people, key=lambda p: (-centrality[p], p))
        ),
        groups=groups,
        modularity=modularity,
        areas=reports,
        seed=seed,
    )


def area_network_of(bundle: Bundle, *, seed: int = 0) -> ProfessionalNetwork:
    """:func:`area_network` over everything in *bundle*."""
    return area_network(
        professionals=bundle.professionals,
        units=bundle.units,
        families=bundle.families,
        maps=bundle.network_maps,
        meetings=bundle.meetings,
        plans=bundle.plans,
        concerns=bundle.concerns,
        seed=seed,
    )
