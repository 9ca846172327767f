"""How a family's network changed between two versions of its map.

Practice draws the map again at the follow-up of an anticipation dialogue: did the network
grow around the child after the plan? :func:`compare_maps` answers with a :class:`MapChange`:
members kept, lost and gained (matched by member id, which is stable across versions), moves
between rings (inward is towards the family), moves between sectors, changes of tie quality
and of support direction, and every kind of support gained or lost, member by member.
:func:`map_history` compares each version with the next.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable

import attrs

from openco.errors import InvalidArgumentError
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
    "DirectionChange",
    "MapChange",
    "RingMove",
    "SectorShift",
    "SupportChange",
    "TieChange",
    "compare_maps",
    "map_history",
]


@attrs.frozen(kw_only=True)
class RingMove:
    """A member placed on another ring than before."""

    member: PersonId
    before: Ring
    after: Ring

    @property
    def inward(self) -> bool:
        """Whether the member moved closer to the family."""
        return self.after.number < self.before.number


@attrs.frozen(kw_only=True)
class SectorShift:
    """A member placed in another sector than before (a neighbour who became a friend)."""

    member: PersonId
    before: NetworkSector
    after: NetworkSector


@attrs.frozen(kw_only=True)
class TieChange:
    """A member whose tie feels different now."""

    member: PersonId
    before: TieQuality
    after: TieQuality


@attrs.frozen(kw_only=True)
class DirectionChange:
    """A member whose support now flows another way."""

    member: PersonId
    before: SupportDirection
    after: SupportDirection


@attrs.frozen(kw_only=True)
class SupportChange:
    """One kind of support one member gives now and did not before (or the other way)."""

    member: PersonId
    kind: SupportType


@attrs.frozen(kw_only=True)
class MapChange:
    """What changed from map *before* to map *after* of one family. Every tuple is sorted."""

    family: FamilyId
    before: NetworkMapId
    after: NetworkMapId
    before_on: dt.date
    after_on: dt.date
    kept: tuple[PersonId, ...]
    lost: tuple[PersonId, ...]
    gained: tuple[PersonId, ...]
    ring_moves: tuple[RingMove, ...]
    sector_shifts: tuple[SectorShift, ...]
    tie_changes: tuple[TieChange, ...]
    direction_changes: tuple[DirectionChange, ...]
    support_gained: tuple[SupportChange, ...]
    """Support given in *after* and not in *before*, by kept and gained members."""
    support_lost: tuple[SupportChange, ...]
    """Support given in *before* and not in *after*, by kept and lost members."""

    @property
    def size_change(self) -> int:
        """Members gained minus members lost."""
        return len(self.gained) - len(self.lost)

    @property
    def moved_inward(self) -> tuple[RingMove, ...]:
        """Ring moves towards the family."""
        return tuple(m for m in self.ring_moves if m.inward)

    @property
    def moved_outward(self) -> tuple[RingMove, ...]:
        """Ring moves away from the family."""
        return tuple(m for m in self.ring_moves if not m.inward)

    @property
    def is_unchanged(self) -> bool:
        """Whether nothing measured here changed (labels and dates aside)."""
        return not (
            self.lost
            or self.gained
            or self.ring_moves
            or self.sector_shifts
            or self.tie_changes
            or self.direction_changes
            or self.support_gained
            or self.support_lost
        )

    def summary(self) -> dict[str, int]:
        """The counts of every kind of change, for a report row."""
        return {
            "kept": len(self.kept),
            "lost": len(self.lost),
            "gained": len(self.gained),
            "moved_inward": len(self.moved_inward),
            "moved_outward": len(self.moved_outward),
            "sector_shifts": len(self.sector_shifts),
            "tie_changes": len(self.tie_changes),
            "direction_changes": len(self.direction_changes),
            "support_gained": len(self.support_gained),
            "support_lost": len(self.support_lost),
        }


def _support_pairs(nmap: NetworkMap) -> set[tuple[PersonId, SupportType]]:
    return {(m.id, kind) for m in nmap.members for kind in m.support}


def _support_changes(pairs: set[tuple[PersonId, SupportType]]) -> tuple[SupportChange, ...]:
    ordered = sorted(pairs, key=lambda p: (p[0], p[1].value))
    return tuple(SupportChange(member=m, kind=k) for m, k in ordered)


def compare_maps(before: NetworkMap, after: NetworkMap) -> MapChange:
    """Compare two versions of one family's map.

    Raises:
        InvalidArgumentError: the maps belong to different families, or *after* is dated
            before *before*.

    >>> from openco.synthetic import generate_network_maps
    >>> first = next(generate_network_maps(families=1, seed=4))
    >>> compare_maps(first, first).is_unchanged
    True
    >>> import attrs, datetime as dt
    >>> gran = first.members[0]
    >>> closer = attrs.evolve(gran, ring=Ring.INNER)
    >>> later = attrs.evolve(first.redrawn(new_id=NetworkMapId("v2"),
    ...     drawn_on=first.drawn_on + dt.timedelta(days=90)),
    ...     members=(closer, *first.members[1:]))
    >>> change = compare_maps(first, later)
    >>> [(m.member, m.before.value, m.after.value) for m in change.moved_inward]
    [('a0001-f00001-n1', 'outer', 'inner')]
    """
    if not isinstance(before, NetworkMap):
        raise InvalidArgumentError("compare_maps", "before", before, "a NetworkMap")
    if not isinstance(after, NetworkMap):
        raise InvalidArgumentError("compare_maps", "after", after, "a NetworkMap")
    if after.family != before.family:
        raise InvalidArgumentError(
            "compare_maps", "after", after.family, f"a map of the same family ({before.family})"
        )
    if after.drawn_on < before.drawn_on:
        raise InvalidArgumentError(
            "compare_maps", "after", after.drawn_on, f"a map drawn on or after {before.drawn_on}"
        )
    old = {m.id: m for m in before.members}
    new = {m.id: m for m in after.members}
    kept = sorted(old.keys() & new.keys())
    ring_moves = []
    sector_shifts = []
    tie_changes = []
    direction_changes = []
    for person in kept:
        was, now = old[person], new[person]
        if was.ring is not now.ring:
            ring_moves.append(RingMove(member=person, before=was.ring, after=now.ring))
        if was.sector is not now.sector:
            sector_shifts.append(SectorShift(member=person, before=was.sector, after=now.sector))
        if was.tie is not now.tie:
            tie_changes.append(TieChange(member=person, before=was.tie, after=now.tie))
        if was.direction is not now.direction:
            direction_changes.append(
                DirectionChange(member=person, before=was.direction, after=now.direction)
            )
    support_before = _support_pairs(before)
    support_after = _support_pairs(after)
    return MapChange(
        family=before.family,
        before=before.id,
        after=after.id,
        before_on=before.drawn_on,
        after_on=after.drawn_on,
        kept=tuple(kept),
        lost=tuple(sorted(old.keys() - new.keys())),
        gained=tuple(sorted(new.keys() - old.keys())),
        ring_moves=tuple(ring_moves),
        sector_shifts=tuple(sector_shifts),
        tie_changes=tuple(tie_changes),
        direction_changes=tuple(direction_changes),
        support_gained=_support_changes(support_after - support_before),
        support_lost=_support_changes(support_before - support_after),
    )


def map_history(maps: Iterable[NetworkMap]) -> tuple[MapChange, ...]:
    """Compare each version of one family's map with the next, oldest first.

    The maps may come in any order; they are sorted by date (then id).

    Raises:
        InvalidArgumentError: the maps belong to more than one family.
    """
    ordered = sorted(maps, key=lambda m: (m.drawn_on, m.id))
    families = {m.family for m in ordered}
    if len(families) > 1:
        raise InvalidArgumentError(
            "map_history", "maps", sorted(families), "maps of one family only"
        )
    return tuple(compare_maps(a, b) for a, b in itertools.pairwise(ordered))
