"""What a family's close-network map says: size, composition, support, structure, diversity.

:func:`measure_map` answers, for one :class:`~openco.model.NetworkMap`, the questions practice
asks of a close network (domain brief §5.5), as one typed :class:`MapMeasures` value:

* **size** and the **balance** between the family's own (informal) people and professionals;
* **composition** by sector, ring, tie quality and support type, as a :class:`Breakdown`
  (counts, shares, every category listed);
* **support**: who gives which kind of support and on which ring (:class:`SupportCoverage`),
  which way support flows and how much of it is mutual (:class:`SupportFlow`);
* **structure** among the members (:class:`Structure`): density, components, isolates, and
  Burt's effective size and constraint of the family at the centre;
* **diversity** (:class:`Diversity`): sectors present, entropy, index of qualitative variation,
  and Krackhardt's E-I index of the member-member ties over sectors.

Definitions, so that numbers can be compared across systems:

* The centre (the family) is tied to every member; member-member ties are the map's
  :class:`~openco.model.MemberTie` records. Structural measures ignore tie quality.
* A *supporter* is a member whose support direction is ``to_family`` or ``mutual``. Each
  supporter's *support* counts as the number of support types they give (at least 1).
* *Reciprocity* is the share of members with any support flow whose flow is mutual
  (dyad reciprocity); ``None`` when no support flows either way.
* *Density* is member-member ties over member pairs (0 for fewer than two members).
* *Effective size* is n - 2t/n for n members and t member-member ties (Borgatti's form of
  Burt's measure); *efficiency* is effective size over n; *constraint* is Burt's aggregate
  constraint on the centre. All three are ``None`` for an empty map.
* *Entropy* is Shannon's, in nats, over the five sectors; the *IQV* is
  ``K/(K-1) * (1 - sum(p²))`` with K = 5 sectors; the *E-I index* is
  ``(external - internal) / (external + internal)`` over member-member ties, where a tie is
  internal when both members are in the same sector, and ``None`` without ties.

:mod:`openco.analysis.batch` computes the same numbers for many maps at once, faster.
"""

from __future__ import annotations

import datetime as dt
import enum
import math
from collections.abc import Iterable, Iterator, Mapping
from typing import Final, Generic, TypeVar

import attrs

from openco.analysis import _graph
from openco.errors import InvalidArgumentError
from openco.limits import DEFAULT_LIMITS, Limits
from openco.model import (
    FamilyId,
    NetworkMap,
    NetworkMapId,
    NetworkSector,
    PersonId,
    Ring,
    SupportDirection,
    SupportType,
    TieQuality,
)

__all__ = [
    "ROW_COLUMNS",
    "Breakdown",
    "Diversity",
    "MapMeasures",
    "Structure",
    "SupportCoverage",
    "SupportFlow",
    "check_map",
    "entropy_and_iqv",
    "measure_map",
]

K = TypeVar("K", bound=enum.Enum)

Cell = int | float | str | None


@attrs.frozen
class Breakdown(Mapping[K, int], Generic[K]):
    """Counts by category, every category listed (zeros too), and the total they share.

    A breakdown is a read-only mapping from category to count; :meth:`share` divides by
    :attr:`total`. For a partition (sector, ring, tie quality) the counts add up to the total,
    so the shares sum to 1.

    >>> b = Breakdown.of(Ring, [Ring.INNER, Ring.INNER, Ring.OUTER])
    >>> b[Ring.INNER], b.total, b.share(Ring.INNER)
    (2, 3, 0.6666666666666666)
    >>> {ring.value: count for ring, count in b.items()}
    {'inner': 2, 'middle': 0, 'outer': 1}
    """

    counts: tuple[tuple[K, int], ...]
    total: int

    @classmethod
    def of(cls, kinds: Iterable[K], values: Iterable[K]) -> Breakdown[K]:
        """Count *values* over the categories *kinds* (an enum class or its members)."""
        counts = dict.fromkeys(kinds, 0)
        total = 0
        for value in values:
            if value not in counts:
                raise InvalidArgumentError(
                    "Breakdown.of", "values", value, f"one of {', '.join(map(str, counts))}"
                )
            counts[value] += 1
            total += 1
        return cls(tuple(counts.items()), total)

    @classmethod
    def from_counts(cls, kinds: Iterable[K], counts: Iterable[int], total: int) -> Breakdown[K]:
        """A breakdown with the given counts, in the order of *kinds*."""
        return cls(tuple(zip(kinds, counts, strict=True)), total)

    def __getitem__(self, key: K) -> int:
        for kind, count in self.counts:
            if kind is key:
                return count
        raise KeyError(key)

    def __iter__(self) -> Iterator[K]:
        return (kind for kind, _ in self.counts)

    def __len__(self) -> int:
        return len(self.counts)

    def share(self, key: K) -> float:
        """``count / total``, or 0.0 when the total is 0."""
        return self[key] / self.total if self.total else 0.0

    def shares(self) -> dict[K, float]:
        """Every category's share, in category order."""
        return {kind: (count / self.total if self.total else 0.0) for kind, count in self.counts}


@attrs.frozen(kw_only=True)
class SupportCoverage:
    """Who gives one kind of support: how many members, how many informal, on which ring."""

    kind: SupportType
    givers: int
    informal_givers: int
    by_ring: Breakdown[Ring]

    @property
    def covered(self) -> bool:
        """Whether anyone on the map gives this kind of support."""
        return self.givers > 0

    @property
    def in_inner_ring(self) -> bool:
        """Whether someone on the inner ring gives it."""
        return self.by_ring[Ring.INNER] > 0


@attrs.frozen(kw_only=True)
class SupportFlow:
    """Which way support flows between the family and its members."""

    to_family: int
    from_family: int
    mutual: int
    none: int
    supporters: int
    informal_supporters: int
    professional_supporters: int
    top_supporter_share: float | None
    """The largest single supporter's share of all support given (``None`` without support)."""

    @property
    def reciprocity(self) -> float | None:
        """Mutual flows over all flows (``None`` when support flows neither way)."""
        flows = self.to_family + self.from_family + self.mutual
        return self.mutual / flows if flows else None


@attrs.frozen(kw_only=True)
class Structure:
    """The members' own ties, and the family's position at the centre (Burt)."""

    member_ties: int
    density: float
    components: tuple[frozenset[PersonId], ...]
    """Connected groups of members, largest first (ties broken by smallest id)."""
    isolates: tuple[PersonId, ...]
    """Members who know nobody else on the map, sorted."""
    effective_size: float | None
    constraint: float | None
    size: int

    @property
    def component_count(self) -> int:
        """How many separate groups the members form (an isolate is a group of one)."""
        return len(self.components)

    @property
    def largest_component(self) -> int:
        """Members in the largest group (0 for an empty map)."""
        return len(self.components[0]) if self.components else 0

    @property
    def efficiency(self) -> float | None:
        """Effective size over the number of members."""
        return None if self.effective_size is None else self.effective_size / self.size


@attrs.frozen(kw_only=True)
class Diversity:
    """How varied the network is over sectors."""

    sectors: int
    """How many of the five sectors have at least one member."""
    entropy: float
    iqv: float
    ei_index: float | None


_SECTORS: Final = tuple(NetworkSector)
_RINGS: Final = tuple(Ring)
_QUALITIES: Final = tuple(TieQuality)
_TYPES: Final = tuple(SupportType)
_GIVING: Final = frozenset({SupportDirection.TO_FAMILY, SupportDirection.MUTUAL})


def _columns() -> tuple[str, ...]:
    names = ["family", "map", "drawn_on", "size", "informal", "professional"]
    names.append("professional_share")
    names += [f"sector_{s.value}" for s in _SECTORS]
    names += [f"ring_{r.value}" for r in _RINGS]
    names += [f"tie_{q.value}" for q in _QUALITIES]
    names += [f"support_{t.value}" for t in _TYPES]
    names += ["supporters", "informal_supporters", "professional_supporters"]
    for t in _TYPES:
        names += [f"{t.value}_{r.value}" for r in _RINGS]
        names.append(f"{t.value}_informal")
    names += ["to_family", "from_family", "mutual", "no_support", "reciprocity"]
    names += ["top_supporter_share", "inner_supportive"]
    names += ["member_ties", "density", "components", "largest_component", "isolates"]
    names += ["effective_size", "efficiency", "constraint"]
    names += ["sectors_present", "entropy", "iqv", "ei_index"]
    return tuple(names)


ROW_COLUMNS: Final[tuple[str, ...]] = _columns()
"""The names of :meth:`MapMeasures.as_row`'s cells, also the columns of a batch table."""


@attrs.frozen(kw_only=True)
class MapMeasures:
    """Everything :func:`measure_map` says about one network map."""

    map: NetworkMapId
    family: FamilyId
    drawn_on: dt.date
    size: int
    informal: int
    professional: int
    by_sector: Breakdown[NetworkSector]
    by_ring: Breakdown[Ring]
    by_tie: Breakdown[TieQuality]
    by_support: Breakdown[SupportType]
    """Members giving each type; the total counts every (member, type) pair once."""
    coverage: tuple[SupportCoverage, ...]
    flow: SupportFlow
    inner_supportive: int
    """Members on the inner ring whose tie is strong and supportive."""
    structure: Structure
    diversity: Diversity

    @property
    def professional_share(self) -> float:
        """Professionals over all members (0.0 for an empty map)."""
        return self.professional / self.size if self.size else 0.0

    def coverage_of(self, kind: SupportType) -> SupportCoverage:
        """The coverage of one support type."""
        for coverage in self.coverage:
            if coverage.kind is kind:
                return coverage
        raise InvalidArgumentError("coverage_of", "kind", kind, "a SupportType")

    def as_row(self) -> dict[str, Cell]:
        """The scalar measures as one flat row, keyed by :data:`ROW_COLUMNS`.

        >>> from openco.synthetic import generate_network_maps
        >>> row = measure_map(next(generate_network_maps(families=1, seed=3))).as_row()
        >>> list(row) == list(ROW_COLUMNS)
        True
        """
        flow, structure, diversity = self.flow, self.structure, self.diversity
        cells: list[Cell] = [
            self.family,
            self.map,
            self.drawn_on.isoformat(),
            self.size,
            self.informal,
            self.professional,
            self.professional_share,
        ]
        cells += [count for _, count in self.by_sector.counts]
        cells += [count for _, count in self.by_ring.counts]
        cells += [count for _, count in self.by_tie.counts]
        cells += [count for _, count in self.by_support.counts]
        cells += [flow.supporters, flow.informal_supporters, flow.professional_supporters]
        for coverage in self.coverage:
            cells += [count for _, count in coverage.by_ring.counts]
            cells.append(coverage.informal_givers)
        cells += [flow.to_family, flow.from_family, flow.mutual, flow.none, flow.reciprocity]
        cells += [flow.top_supporter_share, self.inner_supportive]
        cells += [structure.member_ties, structure.density, structure.component_count]
        cells += [structure.largest_component, len(structure.isolates)]
        cells += [structure.effective_size, structure.efficiency, structure.constraint]
        cells += [diversity.sectors, diversity.entropy, diversity.iqv, diversity.ei_index]
        return dict(zip(ROW_COLUMNS, cells, strict=True))


def entropy_and_iqv(counts: Iterable[int], categories: int) -> tuple[float, float]:
    """Shannon entropy (nats) and the index of qualitative variation of *counts*.

    >>> entropy_and_iqv([1, 1, 0, 0, 0], 5)
    (0.6931471805599453, 0.625)
    """
    counts = list(counts)
    total = sum(counts)
    if not total:
        return 0.0, 0.0
    entropy = 0.0
    squares = 0.0
    for count in counts:
        if count:
            p = count / total
            entropy -= p * math.log(p)
            squares += p * p
    return entropy, categories / (categories - 1) * (1.0 - squares)


def _ordered_components(components: list[set[str]]) -> tuple[frozenset[PersonId], ...]:
    ordered = sorted(components, key=lambda c: (-len(c), min(c)))
    return tuple(frozenset(PersonId(p) for p in c) for c in ordered)


def check_map(nmap: NetworkMap, limits: Limits = DEFAULT_LIMITS) -> None:
    """Refuse a map with more members or ties than *limits* allow.

    >>> from openco.limits import Limits
    >>> from openco.synthetic import example_map
    >>> check_map(example_map(), Limits(members_per_map=4))
    Traceback (most recent call last):
    ...
    openco.errors.LimitExceededError: network map ex-map-1: 10 members on one network map, over the limit of 4 (raise it with --max-members-per-map)

    Raises:
        LimitExceededError: over ``members_per_map`` or ``ties_per_map``.
    """  # noqa: E501 - a doctest's output is one line
    if not isinstance(limits, Limits):
        raise InvalidArgumentError("measure_map", "limits", limits, "a Limits")
    where = f"network map {nmap.id}"
    limits.check("members_per_map", len(nmap.members), where=where)
    limits.check("ties_per_map", len(nmap.ties), where=where)


def measure_map(nmap: NetworkMap, *, limits: Limits = DEFAULT_LIMITS) -> MapMeasures:
    """Measure one family's network map (see the module docstring for the definitions).

    The cost is linear in the map's members and ties. A map over *limits* is refused before
    any work (:func:`check_map`).

    >>> import datetime as dt
    >>> from openco.model import (FamilyId, MemberTie, NetworkMap, NetworkMapId,
    ...     NetworkMember, NetworkSector, PersonId, Ring, SupportDirection, SupportType,
    ...     TieQuality)
    >>> gran = NetworkMember(id=PersonId("gran"), label="Mummo",
    ...     sector=NetworkSector.RELATIVES, ring=Ring.INNER, tie=TieQuality.SUPPORTIVE,
    ...     direction=SupportDirection.MUTUAL, support={SupportType.PRACTICAL})
    >>> aunt = NetworkMember(id=PersonId("aunt"), label="Täti",
    ...     sector=NetworkSector.RELATIVES, ring=Ring.MIDDLE, tie=TieQuality.WEAK)
    >>> nurse = NetworkMember(id=PersonId("nurse"), label="Nurse",
    ...     sector=NetworkSector.PROFESSIONALS, ring=Ring.OUTER, tie=TieQuality.SUPPORTIVE,
    ...     direction=SupportDirection.TO_FAMILY, support={SupportType.INFORMATIONAL})
    >>> nmap = NetworkMap(id=NetworkMapId("m1"), family=FamilyId("f1"),
    ...     drawn_on=dt.date(2026, 3, 2), drawn_with=(PersonId("mum"),),
    ...     members=(gran, aunt, nurse), ties=(MemberTie(a=PersonId("gran"), b=PersonId("aunt")),))
    >>> m = measure_map(nmap)
    >>> m.size, m.informal, m.professional, m.inner_supportive
    (3, 2, 1, 1)
    >>> m.by_sector.share(NetworkSector.RELATIVES)
    0.6666666666666666
    >>> m.structure.density, m.structure.isolates, m.flow.reciprocity
    (0.3333333333333333, ('nurse',), 0.5)

    Raises:
        LimitExceededError: the map has more members or ties than *limits* allow.
    """
    check_map(nmap, limits)
    members = nmap.members
    size = len(members)
    professional = sum(1 for m in members if m.is_professional)
    giving = [m for m in members if m.direction in _GIVING]
    coverage = tuple(
        SupportCoverage(
            kind=kind,
            givers=sum(1 for m in members if kind in m.support),
            informal_givers=sum(1 for m in members if kind in m.support and not m.is_professional),
            by_ring=Breakdown.of(Ring, (m.ring for m in members if kind in m.support)),
        )
        for kind in _TYPES
    )
    amounts = [max(1, len(m.support)) for m in giving]
    direction = Breakdown.of(SupportDirection, (m.direction for m in members))
    flow = SupportFlow(
        to_family=direction[SupportDirection.TO_FAMILY],
        from_family=direction[SupportDirection.FROM_FAMILY],
        mutual=direction[SupportDirection.MUTUAL],
        none=direction[SupportDirection.NONE],
        supporters=len(giving),
        informal_supporters=sum(1 for m in giving if not m.is_professional),
        professional_supporters=sum(1 for m in giving if m.is_professional),
        top_supporter_share=max(amounts) / sum(amounts) if amounts else None,
    )
    ties, density, components, isolates, effective, constraint = _graph.map_structure(nmap)
    structure = Structure(
        member_ties=ties,
        density=density,
        components=_ordered_components(components),
        isolates=tuple(sorted(PersonId(p) for p in isolates)),
        effective_size=effective,
        constraint=constraint,
        size=size,
    )
    by_sector = Breakdown.of(NetworkSector, (m.sector for m in members))
    sector_of = {m.id: m.sector for m in members}
    internal = sum(1 for t in nmap.ties if sector_of[t.a] is sector_of[t.b])
    external = len(nmap.ties) - internal
    entropy, iqv = entropy_and_iqv((c for _, c in by_sector.counts), len(_SECTORS))
    diversity = Diversity(
        sectors=sum(1 for _, c in by_sector.counts if c),
        entropy=entropy,
        iqv=iqv,
        ei_index=(external - internal) / len(nmap.ties) if nmap.ties else None,
    )
    return MapMeasures(
        map=nmap.id,
        family=nmap.family,
        drawn_on=nmap.drawn_on,
        size=size,
        informal=size - professional,
        professional=professional,
        by_sector=by_sector,
        by_ring=Breakdown.of(Ring, (m.ring for m in members)),
        by_tie=Breakdown.of(TieQuality, (m.tie for m in members)),
        by_support=Breakdown.of(SupportType, (t for m in members for t in m.support)),
        coverage=coverage,
        flow=flow,
        inner_supportive=sum(
            1 for m in members if m.ring is Ring.INNER and m.tie is TieQuality.SUPPORTIVE
        ),
        structure=structure,
        diversity=diversity,
    )
