"""A network-map picture computed from the data: family at the centre, rings, sectors.

:func:`layout_map` places every member by rule, never by hand: the family in the centre,
three rings around it (inner, middle, outer; empty rings are drawn too), and one slice per
sector of life, clockwise from the top in the order of
:class:`~openco.model.NetworkSector`. Members of one ring and sector share their cell, in
rows along the ring, and no two members' discs ever overlap: a sector that needs more room
than a fifth of the circle gets a wider slice, and a map that still does not fit gets smaller
discs. The same map always gives the same picture, byte for byte.

Members are shown by a short code: the letter of their sector and a number (``R1`` is the
first relative the family named, ``F3`` the third friend or neighbour). The codes give nothing
away, so pictures are pseudonymised by default; the family's own words for their people (or
the members' ids) appear beside the discs only when a :class:`~openco.analysis.privacy.Privacy`
opts in to them. Names are placed where they cross the fewest lines.

The picture uses the ecomap conventions: the line from the centre to a member shows how the
tie feels (strong and supportive: thick solid; weak: dashed; strained: dash-dot, red;
broken: dotted, grey), and the arrow shows which way support flows (to the family, from it, or
both ways). Blue curves join members who know each other. Drawn against an *earlier* version
of the map, members gained since are ringed and marked ``+``, members lost are shown as
dashed ghosts where they were, and members who moved to another ring or sector carry a thin
arrow from where they were.

* :func:`to_dot` writes Graphviz DOT text (``neato -n2 -Tsvg``), no extra dependencies.
* :func:`to_svg` and :func:`to_png` draw with matplotlib, from the optional extra
  ``openco[plot]``; the SVG keeps its text as text (selectable and searchable).
"""

from __future__ import annotations

import datetime as dt
import io
import math
import textwrap
from collections import defaultdict
from collections.abc import Iterator, Sequence
from types import ModuleType
from typing import TYPE_CHECKING, Any, Final

import attrs

from openco.analysis.privacy import Privacy
from openco.errors import InvalidArgumentError, MissingDependencyError
from openco.model import (
    FamilyId,
    LabelledEnum,
    Language,
    NetworkMap,
    NetworkMember,
    NetworkSector,
    PersonId,
    Ring,
    SupportDirection,
    TieQuality,
)

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = [
    "SECTOR_CODES",
    "MapLayout",
    "MapMark",
    "PlacedMember",
    "layout_map",
    "slice_angles",
    "to_dot",
    "to_png",
    "to_svg",
]

CENTRE_RADIUS: Final = 0.45
RING_EDGES: Final = (1.75, 2.75, 3.6)
"""Outer radius of the inner, middle and outer ring (the centre disc has radius 0.45)."""
NODE_RADIUS: Final = 0.17
"""Radius of a member's disc, shrunk for a map whose members would not fit."""
SECTOR_CODES: Final[dict[NetworkSector, str]] = {
    NetworkSector.HOUSEHOLD: "H",
    NetworkSector.RELATIVES: "R",
    NetworkSector.FRIENDS_AND_NEIGHBOURS: "F",
    NetworkSector.SCHOOL_WORK_HOBBIES: "S",
    NetworkSector.PROFESSIONALS: "P",
}
"""The letter that starts the codes of a sector's members (the same in every language)."""

_SLICE: Final = 360.0 / len(NetworkSector)
_MIN_SLICE: Final = math.radians(30.0)  # room for an empty sector's name
_ROOMY: Final = 0.6  # a sector needing more of its fifth than this gets a slice sized by need
_GAP: Final = 2.4  # centre-to-centre spacing of members, in node radii
_MARGIN: Final = 0.1  # between a ring line and the members' band
_TURN: Final = {Ring.INNER: 0.0, Ring.MIDDLE: -0.2, Ring.OUTER: 0.2}  # of a member's arc

# Okabe-Ito colours: told apart by people with colour-vision deficiencies.
SECTOR_COLOURS: Final = {
    NetworkSector.HOUSEHOLD: "#E69F00",
    NetworkSector.RELATIVES: "#56B4E9",
    NetworkSector.FRIENDS_AND_NEIGHBOURS: "#009E73",
    NetworkSector.SCHOOL_WORK_HOBBIES: "#F0E442",
    NetworkSector.PROFESSIONALS: "#CC79A7",
}
_MEMBER_TIE: Final = "#0072B2"  # the blue of Okabe-Ito, used for nothing else
_GRID: Final = "#C8C8C8"
# (matplotlib dash pattern, line width, colour, Graphviz style)
_LINE: Final[dict[TieQuality, tuple[Any, float, str, str]]] = {
    TieQuality.SUPPORTIVE: ("solid", 2.4, "#222222", "bold"),
    TieQuality.WEAK: ((0, (5, 3)), 1.0, "#222222", "dashed"),
    TieQuality.STRAINED: ((0, (6, 2, 1, 2)), 1.6, "#B2182B", "dashed"),
    TieQuality.BROKEN: ((0, (1, 3)), 1.0, "#888888", "dotted"),
}
_VIEW: Final = (5.6, 4.5)  # half the width and height of the map, in ring units
_LABELS: Final = 3.75  # where the sector names start
_SIDE: Final = 0.3
_ARROWS: Final = {  # member -> centre is the drawing direction
    SupportDirection.TO_FAMILY: ("-|>", "forward"),
    SupportDirection.FROM_FAMILY: ("<|-", "back"),
    SupportDirection.MUTUAL: ("<|-|>", "both"),
    SupportDirection.NONE: ("-", "none"),
}
# The size of a name label, in ring units, for the picture's 7-point text.
_CHAR_WIDTH: Final = 0.068
_LINE_HEIGHT: Final = 0.15
_WRAP: Final = 18


class MapMark(LabelledEnum):
    """How a member differs from the earlier version of the map a picture is drawn against."""

    GAINED = ("gained", "uusi", "ny", "new")
    LOST = ("lost", "poistunut", "borta", "no longer on the map")
    MOVED = (
        "moved",
        "siirtynyt (pisteviiva: ennen)",
        "flyttad (prickad: förut)",
        "moved (dotted: before)",
    )


@attrs.frozen(kw_only=True)
class PlacedMember:
    """A member and where the picture puts them (the centre is at 0, 0).

    Attributes:
        code: the short code shown in the disc (``R1``), stable for the member on this map
            and on a map drawn against it.
        label: what is written beside the disc: the family's word for the member or their
            id, if the privacy allows it; empty otherwise.
        label_x: the centre of the label beside the disc.
        label_y: the centre of the label beside the disc.
        mark: how the member changed since the earlier map, if one was given.
        was: where the member was on the earlier map (for a moved member).
    """

    member: PersonId
    code: str
    label: str
    sector: NetworkSector
    ring: Ring
    tie: TieQuality
    direction: SupportDirection
    x: float
    y: float
    label_x: float = 0.0
    label_y: float = 0.0
    mark: MapMark | None = None
    was: tuple[float, float] | None = None


@attrs.frozen(kw_only=True)
class MapLayout:
    """Where everything of one map goes."""

    family: FamilyId
    centre_label: str
    members: tuple[PlacedMember, ...]
    """Every member, then (drawn against an earlier map) the members lost since."""
    ties: tuple[tuple[PersonId, PersonId, TieQuality], ...]
    node_radius: float = NODE_RADIUS
    slices: tuple[tuple[NetworkSector, float, float], ...] = attrs.field(
        factory=lambda: tuple((s, *slice_angles(s)) for s in NetworkSector)
    )
    """Each sector's slice: start and end angle, degrees counter-clockwise from east."""
    language: Language = Language.EN
    """The language of the picture's words."""
    earlier_on: dt.date | None = None
    """The day the earlier map was drawn, if the layout marks the changes since."""
    coarse_dates: bool = True
    """Whether the picture shows dates by the month only (as pseudonymised exports do)."""

    def _repr_svg_(self) -> str | None:
        """The picture, for notebooks (``None`` without matplotlib: the text repr is shown)."""
        try:
            return _svg_text(_figure(self, None))
        except MissingDependencyError:
            return None

    def position(self, member: PersonId) -> tuple[float, float]:
        """Where *member* is placed.

        Raises:
            InvalidArgumentError: no such member.
        """
        for placed in self.members:
            if placed.member == member:
                return placed.x, placed.y
        raise InvalidArgumentError("MapLayout.position", "member", member, "a member's id")

    def slice(self, sector: NetworkSector) -> tuple[float, float]:
        """The start and end angle of *sector*'s slice in this picture."""
        return next((start, end) for s, start, end in self.slices if s is sector)


def slice_angles(sector: NetworkSector) -> tuple[float, float]:
    """The start and end angle (degrees, counter-clockwise from east) of an equal slice.

    Maps whose sectors fit into a fifth of the circle each are drawn with these slices;
    :attr:`MapLayout.slices` gives the slices of a crowded map.

    >>> slice_angles(NetworkSector.HOUSEHOLD)
    (18.0, 90.0)
    """
    k = list(NetworkSector).index(sector)
    end = 90.0 - k * _SLICE
    return end - _SLICE, end


def _band(ring: Ring) -> tuple[float, float]:
    inner = CENTRE_RADIUS if ring is Ring.INNER else RING_EDGES[ring.number - 2]
    return inner + _MARGIN, RING_EDGES[ring.number - 1] - _MARGIN


def _radii(band: tuple[float, float], rows: int) -> list[float]:
    inner, outer = band
    return [inner + (outer - inner) * (k + 0.5) / rows for k in range(rows)]


def _most_rows(band: tuple[float, float], gap: float) -> int:
    return max(1, int((band[1] - band[0]) / gap))


def _capacity(radii: Sequence[float], angle: float, gap: float) -> list[int]:
    # a hair of slack, so that rounding never drops a member the arithmetic says fits
    return [int(r * angle / gap + 1e-9) for r in radii]


def _need(count: int, band: tuple[float, float], gap: float) -> float:
    """The narrowest slice (radians) that holds *count* members in *band*, spaced by *gap*."""
    if count == 0:
        return 0.0
    best = math.inf
    for rows in range(1, _most_rows(band, gap) + 1):
        radii = _radii(band, rows)
        low, high = 0.0, count * gap / radii[0] + 1e-6
        for _ in range(48):
            middle = (low + high) / 2
            if sum(_capacity(radii, middle, gap)) >= count:
                high = middle
            else:
                low = middle
        best = min(best, high)
    return best


def _rows(
    count: int, band: tuple[float, float], angle: float, gap: float
) -> list[tuple[float, int]]:
    """Radii and sizes of the rows that hold *count* members in a slice of *angle*.

    Of the row counts that fit, the one that leaves the most room between neighbours (along
    the row and across rows) wins, so that a cell with room spreads out over its band.
    """
    best: tuple[float, list[tuple[float, int]]] | None = None
    for rows in range(1, _most_rows(band, gap) + 1):
        radii = _radii(band, rows)
        fits = _capacity(radii, angle, gap)
        if sum(fits) < count:
            continue
        shares = [count * f // sum(fits) for f in fits]
        for k in sorted(range(rows), key=lambda k: -fits[k])[: count - sum(shares)]:
            shares[k] += 1
        chosen = [(r, n) for r, n in zip(radii, shares, strict=True) if n]
        across = (band[1] - band[0]) / rows if len(chosen) > 1 else math.inf
        room = min(across, *(r * angle / n for r, n in chosen))
        if best is None or room > best[0] + 1e-9:
            best = (room, chosen)
    if best is None:  # pragma: no cover - the slice was sized to fit
        raise AssertionError
    return best[1]


def _slices(counts: dict[tuple[NetworkSector, Ring], int], gap: float) -> list[float] | None:
    """Each sector's slice width (radians), or None if the members do not fit at this *gap*."""
    needs = [
        max(_MIN_SLICE, *(_need(counts.get((s, r), 0), _band(r), gap) for r in Ring))
        for s in NetworkSector
    ]
    equal = 2 * math.pi / len(needs)
    if all(n <= _ROOMY * equal for n in needs):
        return [equal] * len(needs)
    if sum(needs) > 2 * math.pi:
        return None
    # The room left is shared in proportion to need: crowded sectors spread out.
    return [n * 2 * math.pi / sum(needs) for n in needs]


@attrs.frozen
class _Slot:
    """One disc to place: a member now, a member lost, or where a moved member was."""

    member: NetworkMember
    mark: MapMark | None
    ghost: bool  # where a moved member was: placed, but not a member of the layout


def _codes(nmap: NetworkMap, earlier: NetworkMap | None) -> dict[PersonId, str]:
    """R1, F3, ...: by sector, in the order the family named them (the earlier map first)."""
    codes: dict[PersonId, str] = {}
    counters: defaultdict[str, int] = defaultdict(int)
    for member in (*(earlier.members if earlier else ()), *nmap.members):
        if member.id not in codes:
            letter = SECTOR_CODES[member.sector]
            counters[letter] += 1
            codes[member.id] = f"{letter}{counters[letter]}"
    return codes


def _slots(nmap: NetworkMap, earlier: NetworkMap | None) -> list[_Slot]:
    if earlier is None:
        return [_Slot(m, None, ghost=False) for m in nmap.members]
    before = {m.id: m for m in earlier.members}
    now = {m.id for m in nmap.members}
    slots: list[_Slot] = []
    for member in nmap.members:
        old = before.get(member.id)
        if old is None:
            slots.append(_Slot(member, MapMark.GAINED, ghost=False))
        elif (old.sector, old.ring) != (member.sector, member.ring):
            slots.append(_Slot(member, MapMark.MOVED, ghost=False))
            slots.append(_Slot(old, MapMark.MOVED, ghost=True))
        else:
            slots.append(_Slot(member, None, ghost=False))
    slots += [_Slot(m, MapMark.LOST, ghost=False) for m in earlier.members if m.id not in now]
    return slots


def _place(
    slots: Sequence[_Slot], order: dict[PersonId, int], node: float
) -> tuple[list[tuple[float, float]], list[tuple[NetworkSector, float, float]]] | None:
    """Every slot's position and the slices, or None if the discs do not fit at size *node*."""
    gap = _GAP * node
    cells: defaultdict[tuple[NetworkSector, Ring], list[int]] = defaultdict(list)
    for index, slot in enumerate(slots):
        cells[slot.member.sector, slot.member.ring].append(index)
    widths = _slices({cell: len(ix) for cell, ix in cells.items()}, gap)
    if widths is None:
        return None
    slices: list[tuple[NetworkSector, float, float]] = []
    end = math.pi / 2
    for sector, width in zip(NetworkSector, widths, strict=True):
        slices.append((sector, end - width, end))
        end -= width
    start_of = {s: (start, end - start) for s, start, end in slices}
    spots: list[tuple[float, float]] = [(0.0, 0.0)] * len(slots)
    for (sector, ring), indices in cells.items():
        start, width = start_of[sector]
        ordered = iter(sorted(indices, key=lambda i: (order[slots[i].member.id], slots[i].ghost)))
        for row, (radius, size) in enumerate(_rows(len(indices), _band(ring), width, gap)):
            # Rings and alternate rows are turned a little against each other, so that a
            # line from the centre to an outer member does not run through an inner one;
            # never so far that a disc comes closer than half a gap to the slice's edge.
            room = max(0.0, 0.5 - gap * size / (2 * radius * width))
            turn = max(-room, min(room, _TURN[ring] + (0.25 if row % 2 else 0.0)))
            for k in range(size):
                angle = start + width * (k + 0.5 + turn) / size
                spots[next(ordered)] = (radius * math.cos(angle), radius * math.sin(angle))
    degrees = [(s, math.degrees(a), math.degrees(b)) for s, a, b in slices]
    return spots, degrees


def _apart(spots: Sequence[tuple[float, float]], distance: float) -> bool:
    """Whether every two spots are at least *distance* apart (a grid, so near-linear)."""
    grid: defaultdict[tuple[int, int], list[tuple[float, float]]] = defaultdict(list)
    for x, y in spots:
        cx, cy = math.floor(x / distance), math.floor(y / distance)
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                if any(math.dist((x, y), o) < distance for o in grid[cx + dx, cy + dy]):
                    return False
        grid[cx, cy].append((x, y))
    return True


def _shown(member: NetworkMember, privacy: Privacy | None) -> str:
    if privacy is None or (privacy.pseudonyms is not None and not privacy.names):
        return ""
    return member.label if privacy.names else member.id


_FAMILY: Final = {Language.FI: "Perhe", Language.SV: "Familjen", Language.EN: "Family"}


def layout_map(
    nmap: NetworkMap,
    *,
    earlier: NetworkMap | None = None,
    privacy: Privacy | None = None,
    language: Language | str = Language.EN,
) -> MapLayout:
    """Place every member of *nmap* on its ring and in its sector, no two discs overlapping.

    Members of one cell (ring and sector) sit in rows along the ring, in the order the family
    named them. Each sector gets a fifth of the circle unless its members need more; then the
    crowded sectors widen and the others narrow (:attr:`MapLayout.slices`). A map that still
    does not fit gets smaller discs (:attr:`MapLayout.node_radius`).

    Args:
        nmap: the map to lay out.
        earlier: an earlier version of the same family's map: members gained, lost and
            moved since are marked (:class:`MapMark`), lost members placed where they were,
            and the codes are those of the earlier map.
        privacy: whether names appear beside the discs. By default (``None``) and with a
            pseudonymising :class:`~openco.analysis.privacy.Privacy`, only the codes are
            shown; ``Privacy.identified(names=True)`` adds the family's words for their
            people, ``Privacy.identified()`` the members' ids.
        language: the language of the centre's word.

    >>> from openco.synthetic import generate_network_maps
    >>> layout = layout_map(next(generate_network_maps(families=1, seed=1)))
    >>> first = layout.members[0]
    >>> first.code, first.label, first.ring.value
    ('R1', '', 'outer')
    >>> RING_EDGES[1] < math.hypot(first.x, first.y) < RING_EDGES[2]
    True
    """
    if earlier is not None and earlier.family != nmap.family:
        raise InvalidArgumentError(
            "layout_map", "earlier", earlier.id, f"an earlier map of family {nmap.family}"
        )
    codes = _codes(nmap, earlier)
    order = {member: k for k, member in enumerate(codes)}
    slots = _slots(nmap, earlier)
    node = NODE_RADIUS
    while True:
        placed = _place(slots, order, node)
        # 2.1 rather than 2: the discs' outlines never touch either.
        if placed is not None and _apart(placed[0], 2.1 * node):
            break
        node *= 0.9
    spots, slices = placed
    was = {s.member.id: spot for s, spot in zip(slots, spots, strict=True) if s.ghost}
    members = [
        PlacedMember(
            member=slot.member.id,
            code=codes[slot.member.id],
            label=_shown(slot.member, privacy),
            sector=slot.member.sector,
            ring=slot.member.ring,
            tie=slot.member.tie,
            direction=slot.member.direction,
            x=round(x, 6),
            y=round(y, 6),
            mark=slot.mark,
            was=None
            if slot.member.id not in was
            else (round(was[slot.member.id][0], 6), round(was[slot.member.id][1], 6)),
        )
        for slot, (x, y) in zip(slots, spots, strict=True)
        if not slot.ghost
    ]
    ties = tuple((t.a, t.b, t.quality) for t in nmap.ties)
    members = _place_labels(members, ties, node)
    return MapLayout(
        family=nmap.family,
        centre_label=_FAMILY[Language(language)],
        members=tuple(members),
        ties=ties,
        node_radius=round(node, 6),
        slices=tuple((s, round(a, 6), round(b, 6)) for s, a, b in slices),
        language=Language(language),
        earlier_on=None if earlier is None else earlier.drawn_on,
        coarse_dates=privacy is None or privacy.coarse_dates,
    )


# --- where the names go --------------------------------------------------------------------

Box = tuple[float, float, float, float]  # left, bottom, right, top


def _label_size(text: str) -> tuple[float, float]:
    lines = textwrap.wrap(text, _WRAP) or [""]
    return max(len(line) for line in lines) * _CHAR_WIDTH, len(lines) * _LINE_HEIGHT


def _segment_hits_box(a: tuple[float, float], b: tuple[float, float], box: Box) -> bool:
    """Liang-Barsky clipping: does the segment from *a* to *b* pass through *box*?"""
    (x0, y0), (x1, y1) = a, b
    dx, dy = x1 - x0, y1 - y0
    low, high = 0.0, 1.0
    for p, q in ((-dx, x0 - box[0]), (dx, box[2] - x0), (-dy, y0 - box[1]), (dy, box[3] - y0)):
        if p == 0:
            if q < 0:
                return False
            continue
        t = q / p
        if p < 0:
            low = max(low, t)
        else:
            high = min(high, t)
        if low > high:
            return False
    return True


def _circle_box_distance(cx: float, cy: float, box: Box) -> tuple[float, float]:
    """The nearest and farthest distance from (cx, cy) to a point of *box*."""
    nx = min(max(cx, box[0]), box[2])
    ny = min(max(cy, box[1]), box[3])
    fx = max(abs(cx - box[0]), abs(cx - box[2]))
    fy = max(abs(cy - box[1]), abs(cy - box[3]))
    return math.hypot(cx - nx, cy - ny), math.hypot(fx, fy)


def _boxes_meet(one: Box, other: Box) -> bool:
    return one[0] < other[2] and other[0] < one[2] and one[1] < other[3] and other[1] < one[3]


def _candidates(p: PlacedMember, width: float, height: float, node: float) -> Iterator[Box]:
    """Places for a label beside the disc: outward from the centre first, then around it."""
    outward = math.atan2(p.y, p.x) if (p.x or p.y) else math.pi / 2
    for turn in (0, 1, -1, 2, -2, 3, -3, 4):
        angle = outward + turn * math.pi / 4
        ux, uy = math.cos(angle), math.sin(angle)
        # the box's centre far enough out along (ux, uy) for its near edge to clear the disc
        reach = node + 0.04 + abs(ux) * width / 2 + abs(uy) * height / 2
        x, y = p.x + ux * reach, p.y + uy * reach
        yield (x - width / 2, y - height / 2, x + width / 2, y + height / 2)


_SCORED_LABELS: Final = 80  # members up to which names are placed by scoring


def _outward(member: PlacedMember, node: float) -> PlacedMember:
    if not member.label:
        return member
    box = next(_candidates(member, *_label_size(member.label), node))
    return attrs.evolve(
        member, label_x=round((box[0] + box[2]) / 2, 6), label_y=round((box[1] + box[3]) / 2, 6)
    )


def _place_labels(
    members: list[PlacedMember], ties: Sequence[tuple[PersonId, PersonId, TieQuality]], node: float
) -> list[PlacedMember]:
    """Put each label where it covers no disc or label and crosses the fewest lines."""
    if not any(m.label for m in members):
        return members
    if len(members) > _SCORED_LABELS:
        # Scoring is quadratic; a map this large is unreadable with names anyway, so each
        # name simply goes outward from the centre.
        return [_outward(m, node) for m in members]
    at = {m.member: (m.x, m.y) for m in members}
    lines = [((m.x, m.y), (0.0, 0.0)) for m in members if m.mark is not MapMark.LOST]
    lines += [(at[a], at[b]) for a, b, _ in ties if a in at and b in at]
    discs = [(m.x, m.y, node) for m in members] + [(0.0, 0.0, CENTRE_RADIUS)]
    circles = (CENTRE_RADIUS, *RING_EDGES)
    taken: list[Box] = []
    result = []
    for member in members:
        if not member.label:
            result.append(member)
            continue
        width, height = _label_size(member.label)
        best: tuple[float, Box] | None = None
        for rank, box in enumerate(_candidates(member, width, height, node)):
            score = rank * 0.1
            if box[0] < -_VIEW[0] or box[2] > _VIEW[0] or box[1] < -_VIEW[1] or box[3] > _VIEW[1]:
                score += 1000
            score += 100 * sum(
                1 for x, y, r in discs if _circle_box_distance(x, y, box)[0] < r + 0.01
            )
            score += 100 * sum(
                1
                for t in taken
                if t[0] < box[2] and box[0] < t[2] and t[1] < box[3] and box[1] < t[3]
            )
            score += 10 * sum(1 for a, b in lines if _segment_hits_box(a, b, box))
            score += 3 * sum(
                1 for r in circles if (d := _circle_box_distance(0, 0, box))[0] < r < d[1]
            )
            if best is None or score < best[0]:
                best = (score, box)
        assert best is not None  # noqa: S101 - there are always candidates
        box = best[1]
        taken.append(box)
        result.append(
            attrs.evolve(
                member,
                label_x=round((box[0] + box[2]) / 2, 6),
                label_y=round((box[1] + box[3]) / 2, 6),
            )
        )
    return result


# --- Graphviz --------------------------------------------------------------------------------


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def to_dot(
    nmap: NetworkMap,
    *,
    earlier: NetworkMap | None = None,
    privacy: Privacy | None = None,
    language: Language | str = Language.EN,
    scale: float = 1.2,
) -> str:
    """Graphviz DOT text of the map, with every position pinned.

    Render it with ``neato -n2 -Tsvg map.dot -o map.svg`` (``-n2`` keeps the positions).
    *earlier* and *privacy* work as in :func:`layout_map`: by default the members are shown
    by their codes only.

    >>> from openco.synthetic import generate_network_maps
    >>> dot = to_dot(next(generate_network_maps(families=1, seed=1)))
    >>> dot.splitlines()[0], "ring_outer" in dot
    ('graph network_map {', True)
    """
    layout = layout_map(nmap, earlier=earlier, privacy=privacy, language=language)
    lines = [
        "graph network_map {",
        (
            "  graph [layout=neato, splines=false, outputorder=edgesfirst, forcelabels=true, "
            'fontname="Helvetica"];'
        ),
        '  node [fontname="Helvetica", fontsize=10];',
    ]
    points = 72 * scale  # Graphviz positions are in points

    def pos(x: float, y: float) -> str:
        return f'"{x * points:.2f},{y * points:.2f}!"'

    for ring, edge in zip(Ring, RING_EDGES, strict=True):
        lines.append(
            f'  ring_{ring.value} [shape=circle, fixedsize=true, label="", '
            f'width={2 * edge * scale:.3f}, style=dashed, color="{_GRID}", pos={pos(0, 0)}];'
        )
    for sector, start, end in layout.slices:
        a = math.radians(start)
        inner, outer = f"cut_{sector.value}_in", f"cut_{sector.value}_out"
        for name, radius in ((inner, CENTRE_RADIUS), (outer, RING_EDGES[-1])):
            lines.append(
                f'  {name} [shape=point, width=0, label="", '
                f"pos={pos(radius * math.cos(a), radius * math.sin(a))}];"
            )
        lines.append(f'  {inner} -- {outer} [color="{_GRID}"];')
        mid = math.radians((start + end) / 2)
        r = RING_EDGES[-1] + 0.3
        lines.append(
            f"  sector_{sector.value} [shape=plaintext, label={_quote(sector.label(language))}, "
            f"pos={pos(r * math.cos(mid), r * math.sin(mid))}];"
        )
    lines.append(
        f"  centre [shape=circle, fixedsize=true, width={2 * CENTRE_RADIUS * scale:.3f}, "
        f'style=filled, fillcolor="#FFFFFF", label={_quote(layout.centre_label)}, pos={pos(0, 0)}];'
    )
    node_of = {}
    for k, placed in enumerate(layout.members):
        node = f"m{k}"
        node_of[placed.member] = node
        look = (
            'style=dashed, color="#888888"'
            if placed.mark is MapMark.LOST
            else f'style=filled, fillcolor="{SECTOR_COLOURS[placed.sector]}"'
            + (", penwidth=3" if placed.mark is MapMark.GAINED else "")
        )
        xlabel = f", xlabel={_quote(placed.label)}" if placed.label else ""
        lines.append(
            f"  {node} [shape=circle, fixedsize=true, width={2 * layout.node_radius * scale:.3f}, "
            f"{look}, label={_quote(placed.code)}, fontsize=8{xlabel}, "
            f"pos={pos(placed.x, placed.y)}];"
        )
    for one, other, quality in layout.ties:
        lines.append(
            f'  {node_of[one]} -- {node_of[other]} [color="{_MEMBER_TIE}", '
            f"style={_LINE[quality][3]}];"
        )
    for k, placed in enumerate(layout.members):
        if placed.mark is MapMark.LOST:
            continue
        _, width, colour, style = _LINE[placed.tie]
        arrow = _ARROWS[placed.direction][1]
        lines.append(
            f'  m{k} -- centre [style={style}, penwidth={width}, color="{colour}", '
            f"dir={arrow}, arrowhead=normal, arrowtail=normal];"
        )
    lines.append("}")
    return "\n".join(lines) + "\n"


# --- matplotlib ------------------------------------------------------------------------------

_WORDS: Final[dict[str, dict[Language, str]]] = {
    "tie": {
        Language.EN: "Tie to the family",
        Language.FI: "Suhde perheeseen",
        Language.SV: "Relationen till familjen",
    },
    "support": {
        Language.EN: "Support",
        Language.FI: "Tuki",
        Language.SV: "Stöd",
    },
    "between": {
        Language.EN: "Between members",
        Language.FI: "Jäsenten välillä",
        Language.SV: "Mellan medlemmarna",
    },
    "know": {
        Language.EN: "know each other",
        Language.FI: "tuntevat toisensa",
        Language.SV: "känner varandra",
    },
    "sectors": {
        Language.EN: "Sectors",
        Language.FI: "Sektorit",
        Language.SV: "Sektorer",
    },
    "since": {
        Language.EN: "Changes since {on}",
        Language.FI: "Muutokset {on} jälkeen",
        Language.SV: "Ändringar sedan {on}",
    },
}


def _day(day: dt.date, language: Language, *, coarse: bool) -> str:
    """A date as people write it: 2.3.2026 in Finnish and Swedish, 2026-03-02 in English.

    With *coarse*, the month only: 3/2026, or 2026-03.
    """
    if language is Language.EN:
        return day.isoformat()[: 7 if coarse else 10]
    return f"{day.month}/{day.year}" if coarse else f"{day.day}.{day.month}.{day.year}"


def _word(key: str, language: Language, **values: object) -> str:
    return _WORDS[key][language].format(**values)


def _import_matplotlib() -> ModuleType:
    try:
        import matplotlib.figure  # noqa: PLC0415 - optional extra, imported lazily
        import matplotlib.lines  # noqa: PLC0415
        import matplotlib.patches  # noqa: PLC0415
    except ImportError as error:
        raise MissingDependencyError("drawing a network map", "matplotlib", "plot") from error
    return matplotlib


def _disc(
    axes: Axes,
    mpl: ModuleType,
    at: tuple[float, float],
    radius: float,
    *,
    sector: NetworkSector,
    mark: MapMark | None,
) -> str:
    """Draw one member's disc as its mark says; return the colour its code is written in."""
    circle = mpl.patches.Circle
    if mark is MapMark.LOST:
        axes.add_patch(
            circle(at, radius, fill=False, ec="#777777", ls=(0, (2, 2)), lw=1.0, zorder=3)
        )
        colour = "#777777"
    else:
        axes.add_patch(circle(at, radius, color=SECTOR_COLOURS[sector], ec="#333333", lw=0.8,
                              zorder=3))  # fmt: skip
        colour = "#000000"
    if mark is MapMark.GAINED:
        axes.add_patch(circle(at, radius * 1.28, fill=False, ec="#000000", lw=1.6, zorder=3))
    return colour


def _draw_map(  # noqa: C901 - one picture, drawn top to bottom
    axes: Axes, mpl: ModuleType, layout: MapLayout, language: Language, per_unit: float
) -> None:
    Circle = mpl.patches.Circle  # noqa: N806
    FancyArrowPatch = mpl.patches.FancyArrowPatch  # noqa: N806
    node = layout.node_radius
    axes.set_aspect("equal")
    axes.set_xlim(-_VIEW[0], _VIEW[0])
    axes.set_ylim(-_VIEW[1], _VIEW[1])
    axes.axis("off")
    for edge in (CENTRE_RADIUS, *RING_EDGES):
        axes.add_patch(Circle((0, 0), edge, fill=False, linestyle="--", color=_GRID, lw=0.8))
    for sector, start, end in layout.slices:
        a = math.radians(start)
        axes.plot(
            [CENTRE_RADIUS * math.cos(a), RING_EDGES[-1] * math.cos(a)],
            [CENTRE_RADIUS * math.sin(a), RING_EDGES[-1] * math.sin(a)],
            color=_GRID,
            lw=0.8,
        )
        mid = math.radians((start + end) / 2)
        x, y = math.cos(mid), math.sin(mid)
        axes.text(
            _LABELS * x, _LABELS * y,
            f"{SECTOR_CODES[sector]}  " + textwrap.fill(sector.label(language), 20),
            ha="left" if x > _SIDE else "right" if x < -_SIDE else "center",
            va="bottom" if y > _SIDE else "top" if y < -_SIDE else "center",
            fontsize=10, multialignment="center", color="#333333",
        )  # fmt: skip
    for ring in Ring:
        edge = RING_EDGES[ring.number - 1]
        axes.text(0.06, edge - 0.06, ring.label(language), fontsize=7, color="#999999",
                  ha="left", va="top", rotation=0, zorder=1)  # fmt: skip
    at = {p.member: (p.x, p.y) for p in layout.members}
    for one, other, quality in layout.ties:
        axes.add_patch(
            FancyArrowPatch(
                at[one], at[other], arrowstyle="-", connectionstyle="arc3,rad=0.25",
                shrinkA=node * per_unit, shrinkB=node * per_unit,
                color=_MEMBER_TIE, lw=1.3, linestyle=_LINE[quality][0], zorder=2,
            )
        )  # fmt: skip
    for placed in layout.members:
        if placed.mark is MapMark.LOST:
            continue
        dash, width, colour, _ = _LINE[placed.tie]
        axes.add_patch(
            FancyArrowPatch(
                (placed.x, placed.y), (0.0, 0.0),
                arrowstyle=_ARROWS[placed.direction][0], mutation_scale=14,
                shrinkA=node * per_unit + 1, shrinkB=CENTRE_RADIUS * per_unit,
                color=colour, lw=width, linestyle=dash, zorder=1.5,
            )
        )  # fmt: skip
        if placed.was is not None:
            axes.add_patch(
                Circle(placed.was, node * 0.8, fill=False, ec="#777777", ls=(0, (1, 2)), lw=1.0,
                       zorder=3)
            )  # fmt: skip
            axes.add_patch(
                FancyArrowPatch(
                    placed.was, (placed.x, placed.y), arrowstyle="-|>", mutation_scale=9,
                    shrinkA=node * 0.8 * per_unit, shrinkB=node * 1.3 * per_unit,
                    color="#555555", lw=0.9, zorder=2.5,
                )
            )  # fmt: skip
    axes.add_patch(Circle((0, 0), CENTRE_RADIUS, color="#FFFFFF", ec="#444444", zorder=3))
    axes.text(0, 0, layout.centre_label, ha="center", va="center", fontsize=11, zorder=4)
    code_size = min(8.5, max(5.0, 0.95 * node * per_unit))
    for placed in layout.members:
        colour = _disc(axes, mpl, (placed.x, placed.y), node, sector=placed.sector,
                       mark=placed.mark)  # fmt: skip
        axes.text(placed.x, placed.y, placed.code, ha="center", va="center",
                  fontsize=code_size, color=colour, zorder=4)  # fmt: skip
        if placed.mark is MapMark.GAINED:
            axes.text(placed.x + node * 1.05, placed.y + node * 1.05, "+", ha="center",
                      va="center", fontsize=10, fontweight="bold", zorder=4)  # fmt: skip
        if placed.label:
            axes.text(
                placed.label_x, placed.label_y, textwrap.fill(placed.label, _WRAP),
                ha="center", va="center", fontsize=7, multialignment="center", zorder=4,
                color="#555555" if placed.mark is MapMark.LOST else "#000000",
                bbox={"boxstyle": "round,pad=0.12", "fc": "white", "ec": "none", "alpha": 0.85},
            )  # fmt: skip


def _draw_legend(
    axes: Axes,
    mpl: ModuleType,
    language: Language,
    since: str | None,
) -> None:
    """The legend, drawn with the same artists as the map (units: inches)."""
    Circle = mpl.patches.Circle  # noqa: N806
    FancyArrowPatch = mpl.patches.FancyArrowPatch  # noqa: N806
    width, height = axes.get_xlim()[1], axes.get_ylim()[1]
    axes.axis("off")
    row = height - 0.18
    step = 0.42
    column = 1.75  # where the items start, after the heading
    item = (width - column) / 4

    def heading(text: str) -> None:
        axes.text(0, row, textwrap.fill(text, 19), fontsize=8.5, fontweight="bold", va="center",
                  ha="left", linespacing=1.0)  # fmt: skip

    def words(x: float, text: str) -> None:
        axes.text(x, row, textwrap.fill(text, 19), fontsize=8, va="center", ha="left",
                  linespacing=1.0)  # fmt: skip

    heading(_word("tie", language))
    for k, quality in enumerate(TieQuality):
        x = column + k * item
        dash, lw, colour, _ = _LINE[quality]
        axes.plot([x, x + 0.4], [row, row], color=colour, lw=lw, linestyle=dash)
        words(x + 0.48, quality.label(language))
    row -= step
    heading(_word("support", language))
    for k, direction in enumerate(
        (SupportDirection.TO_FAMILY, SupportDirection.FROM_FAMILY, SupportDirection.MUTUAL,
         SupportDirection.NONE)
    ):  # fmt: skip
        x = column + k * item
        axes.add_patch(Circle((x + 0.06, row), 0.06, color="#56B4E9", ec="#333333", lw=0.6))
        axes.add_patch(Circle((x + 0.5, row), 0.075, color="#FFFFFF", ec="#444444", lw=0.8))
        axes.add_patch(
            FancyArrowPatch((x + 0.06, row), (x + 0.5, row), arrowstyle=_ARROWS[direction][0],
                            mutation_scale=9, shrinkA=0.06 * 72 + 1, shrinkB=0.075 * 72,
                            color="#222222", lw=1.2)
        )  # fmt: skip
        words(x + 0.64, direction.label(language))
    row -= step
    heading(_word("between", language))
    axes.add_patch(
        FancyArrowPatch((column, row - 0.04), (column + 0.4, row - 0.04), arrowstyle="-",
                        connectionstyle="arc3,rad=0.4", color=_MEMBER_TIE, lw=1.3)
    )  # fmt: skip
    words(column + 0.48, _word("know", language))
    if since is not None:
        row -= step
        heading(_word("since", language, on=since))
        for k, mark in enumerate(MapMark):
            x = column + k * item
            if mark is MapMark.MOVED:
                axes.add_patch(Circle((x + 0.06, row), 0.05, fill=False, ec="#777777",
                                      ls=(0, (1, 2)), lw=1.0))  # fmt: skip
            else:
                _disc(axes, mpl, (x + 0.06, row), 0.06, sector=NetworkSector.RELATIVES, mark=mark)
            if mark is MapMark.GAINED:
                axes.text(x + 0.15, row + 0.07, "+", fontsize=9, fontweight="bold",
                          ha="center", va="center")  # fmt: skip
            words(x + 0.25, mark.label(language))
    row -= step
    heading(_word("sectors", language))
    for k, sector in enumerate(NetworkSector):
        x = column + (k % 3) * (width - column) / 3
        y = row - (k // 3) * 0.32
        axes.add_patch(Circle((x + 0.07, y), 0.07, color=SECTOR_COLOURS[sector], ec="#333333",
                              lw=0.6))  # fmt: skip
        axes.text(x + 0.07, y, SECTOR_CODES[sector], fontsize=6.5, ha="center", va="center")
        axes.text(x + 0.2, y, sector.label(language), fontsize=8, va="center", ha="left")


_WIDTH: Final = 10.0  # inches
_MAP_HEIGHT: Final = 8.2
_LEGEND_HEIGHT: Final = 2.2
_TITLE_HEIGHT: Final = 0.5


def _figure(layout: MapLayout, title: str | None) -> Figure:
    mpl = _import_matplotlib()
    lang = layout.language
    top = _TITLE_HEIGHT if title is not None else 0.1
    legend_height = _LEGEND_HEIGHT + (0.42 if layout.earlier_on is not None else 0.0)
    height = _MAP_HEIGHT + legend_height + top
    figure = mpl.figure.Figure(figsize=(_WIDTH, height), dpi=100)
    box = (0.01, legend_height / height, 0.98, _MAP_HEIGHT / height)
    axes = figure.add_axes(box)
    # points per ring unit (the equal aspect keeps the tighter of the two), for arrow ends
    per_unit = 72 * min(_WIDTH * box[2] / (2 * _VIEW[0]), _MAP_HEIGHT / (2 * _VIEW[1]))
    _draw_map(axes, mpl, layout, lang, per_unit)
    legend_box = (0.05, 0.1 / height, 0.9, (legend_height - 0.2) / height)
    legend = figure.add_axes(legend_box)
    legend.set_xlim(0, _WIDTH * legend_box[2])
    legend.set_ylim(0, legend_height - 0.2)
    legend.set_aspect("equal")
    since = (
        None
        if layout.earlier_on is None
        else _day(layout.earlier_on, lang, coarse=layout.coarse_dates)
    )
    _draw_legend(legend, mpl, lang, since=since)
    if title is not None:
        figure.text(0.5, 1 - 0.3 / height, title, fontsize=14, ha="center", va="center")
    return figure  # type: ignore[no-any-return]


def to_svg(
    nmap: NetworkMap,
    *,
    earlier: NetworkMap | None = None,
    privacy: Privacy | None = None,
    language: Language | str = Language.EN,
    title: str | None = None,
) -> str:
    """SVG text of the map picture (needs ``openco[plot]``); the same map gives the same bytes.

    The text stays text (``<text>`` elements, selectable and searchable), in a sans-serif
    font of the viewer's. *earlier* and *privacy* work as in :func:`layout_map`.

    Raises:
        MissingDependencyError: matplotlib is not installed.
    """
    layout = layout_map(nmap, earlier=earlier, privacy=privacy, language=language)
    return _svg_text(_figure(layout, title))


_STYLE: Final[dict[str, Any]] = {
    # A fixed hash salt and no date make the SVG's ids and metadata the same on every run;
    # text stays text, in the first of these fonts the viewer has.
    "svg.hashsalt": "openco",
    "svg.fonttype": "none",
    "font.family": "sans-serif",
    "font.sans-serif": ["DejaVu Sans", "Helvetica", "Arial", "Liberation Sans"],
}


def _svg_text(figure: Figure) -> str:
    from matplotlib import rc_context  # noqa: PLC0415 - optional extra, imported lazily

    buffer = io.StringIO()
    with rc_context(_STYLE):  # type: ignore[arg-type]  # rc keys are typed as literals
        figure.savefig(buffer, format="svg", metadata={"Date": None})
    return buffer.getvalue()


def _png_bytes(figure: Figure, dpi: int) -> bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=dpi, metadata={"Software": None})
    return buffer.getvalue()


def to_png(
    nmap: NetworkMap,
    *,
    earlier: NetworkMap | None = None,
    privacy: Privacy | None = None,
    language: Language | str = Language.EN,
    title: str | None = None,
    dpi: int = 100,
) -> bytes:
    """PNG bytes of the map picture (needs ``openco[plot]``); see :func:`to_svg`.

    Raises:
        MissingDependencyError: matplotlib is not installed.
    """
    layout = layout_map(nmap, earlier=earlier, privacy=privacy, language=language)
    return _png_bytes(_figure(layout, title), dpi)
