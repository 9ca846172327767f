"""A network-map picture computed from the data: family at the centre, rings, sectors.

:func:`layout_map` places every member by rule, never by hand: the family in the centre,
three rings around it (inner, middle, outer; empty rings are drawn too), and one slice per
sector of life, clockwise from the top in the order of
:class:`~openco.model.NetworkSector`. Members of one ring and sector share their cell,
spread evenly by id. The same map always gives the same picture.

The picture uses the ecomap conventions: the line from the centre to a member shows how the
tie feels (strong and supportive: thick solid; weak: dashed; strained: dash-dot, red;
broken: dotted, grey), and arrows show which way support flows (to the family, from it, or
both ways). Thin grey lines join members who know each other.

* :func:`to_dot` writes Graphviz DOT text (``neato -n2 -Tsvg``), no extra dependencies.
* :func:`to_svg` and :func:`to_png` draw with matplotlib, from the optional extra
  ``openco[plot]``; the output is byte-for-byte the same for the same map and matplotlib.
"""

from __future__ import annotations

import io
import math
import textwrap
from collections import defaultdict
from typing import TYPE_CHECKING, Any, Final

import attrs

from openco.analysis.privacy import Privacy
from openco.errors import InvalidArgumentError, MissingDependencyError
from openco.model import (
    FamilyId,
    Language,
    NetworkMap,
    NetworkSector,
    PersonId,
    Ring,
    SupportDirection,
    TieQuality,
)

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = [
    "MapLayout",
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
"""Radius of a member's disc, shrunk for a map whose busiest cell would not fit."""
_SLICE: Final = 360.0 / len(NetworkSector)
_GAP: Final = 2.4  # centre-to-centre spacing of members, in node radii
_TURN: Final = {Ring.INNER: 0.0, Ring.MIDDLE: -0.2, Ring.OUTER: 0.2}  # of a member's arc

# Okabe-Ito colours: told apart by people with colour-vision deficiencies.
SECTOR_COLOURS: Final = {
    NetworkSector.HOUSEHOLD: "#E69F00",
    NetworkSector.RELATIVES: "#56B4E9",
    NetworkSector.FRIENDS_AND_NEIGHBOURS: "#009E73",
    NetworkSector.SCHOOL_WORK_HOBBIES: "#F0E442",
    NetworkSector.PROFESSIONALS: "#CC79A7",
}
# (matplotlib dash pattern, line width, colour, Graphviz style)
_LINE: Final[dict[TieQuality, tuple[Any, float, str, str]]] = {
    TieQuality.SUPPORTIVE: ("solid", 2.4, "#222222", "bold"),
    TieQuality.WEAK: ((0, (5, 3)), 1.0, "#222222", "dashed"),
    TieQuality.STRAINED: ((0, (6, 2, 1, 2)), 1.6, "#B2182B", "dashed"),
    TieQuality.BROKEN: ((0, (1, 3)), 1.0, "#888888", "dotted"),
}
_VIEW: Final = (5.6, 4.5)  # half the width and height of the picture, in ring units
_LABELS: Final = 3.75  # where the sector names start
_SIDE: Final = 0.3
# ● is the family: arrows point the way support flows
_ARROW_LEGEND: Final = (
    (SupportDirection.TO_FAMILY, "○→●"),
    (SupportDirection.FROM_FAMILY, "○←●"),
    (SupportDirection.MUTUAL, "○↔●"),
)
_ARROWS: Final = {  # member -> centre is the drawing direction
    SupportDirection.TO_FAMILY: ("-|>", "forward"),
    SupportDirection.FROM_FAMILY: ("<|-", "back"),
    SupportDirection.MUTUAL: ("<|-|>", "both"),
    SupportDirection.NONE: ("-", "none"),
}


@attrs.frozen(kw_only=True)
class PlacedMember:
    """A member and where the picture puts them (the centre is at 0, 0)."""

    member: PersonId
    label: str
    sector: NetworkSector
    ring: Ring
    tie: TieQuality
    direction: SupportDirection
    x: float
    y: float


@attrs.frozen(kw_only=True)
class MapLayout:
    """Where everything of one map goes."""

    family: FamilyId
    centre_label: str
    members: tuple[PlacedMember, ...]
    ties: tuple[tuple[PersonId, PersonId, TieQuality], ...]
    node_radius: float = NODE_RADIUS
    sectors: tuple[NetworkSector, ...] = tuple(NetworkSector)
    """The slices, clockwise from the top."""

    def position(self, member: PersonId) -> tuple[float, float]:
        """Where *member* is placed.

        Raises:
            InvalidArgumentError: no such member.
        """
        for placed in self.members:
            if placed.member == member:
                return placed.x, placed.y
        raise InvalidArgumentError("MapLayout.position", "member", member, "a member's id")


def slice_angles(sector: NetworkSector) -> tuple[float, float]:
    """The start and end angle (degrees, counter-clockwise from east) of *sector*'s slice.

    >>> slice_angles(NetworkSector.HOUSEHOLD)
    (18.0, 90.0)
    """
    k = list(NetworkSector).index(sector)
    end = 90.0 - k * _SLICE
    return end - _SLICE, end


def _label(text: str, person: str, privacy: Privacy | None) -> str:
    if privacy is None:
        return text
    name = privacy.name(text)
    return name if name is not None else privacy.person(person)


def _rows(count: int, inner: float, outer: float, node: float) -> list[tuple[float, int]] | None:
    """Radii and sizes of the rows that hold *count* members in one cell, or None if too many.

    Rows are spread evenly across the ring's band; each row holds as many members as fit
    along its arc, and the members are shared out in proportion to that room.
    """
    room = math.radians(_SLICE)
    most = max(1, int((outer - inner) / (_GAP * node)))
    for rows in range(1, most + 1):
        radii = [inner + (outer - inner) * (k + 0.5) / rows for k in range(rows)]
        fits = [max(1, int(r * room / (_GAP * node))) for r in radii]
        if sum(fits) >= count:
            shares = [count * f // sum(fits) for f in fits]
            for k in sorted(range(rows), key=lambda k: -fits[k])[: count - sum(shares)]:
                shares[k] += 1
            return [(r, n) for r, n in zip(radii, shares, strict=True) if n]
    return None


def _band(ring: Ring) -> tuple[float, float]:
    inner = CENTRE_RADIUS if ring is Ring.INNER else RING_EDGES[ring.number - 2]
    return inner + 0.1, RING_EDGES[ring.number - 1] - 0.1


_FAMILY: Final = {Language.FI: "Perhe", Language.SV: "Familjen", Language.EN: "Family"}


def layout_map(
    nmap: NetworkMap, *, privacy: Privacy | None = None, language: Language | str = Language.EN
) -> MapLayout:
    """Place every member of *nmap* on its ring and in its sector.

    Members of one cell (ring and sector) sit in rows along the ring, in the order of their
    ids; a cell with many members gets more rows, and a map whose busiest cell still does not
    fit gets smaller discs (:attr:`MapLayout.node_radius`). Labels are the family's own words
    for their people; with *privacy*, members are shown by pseudonym unless it allows names.

    >>> from openco.synthetic import generate_network_maps
    >>> layout = layout_map(next(generate_network_maps(families=1, seed=1)))
    >>> first = layout.members[0]
    >>> first.ring.value, RING_EDGES[1] < math.hypot(first.x, first.y) < RING_EDGES[2]
    ('outer', True)
    """
    cells: defaultdict[tuple[NetworkSector, Ring], list[int]] = defaultdict(list)
    for index, member in enumerate(nmap.members):
        cells[member.sector, member.ring].append(index)
    node = NODE_RADIUS
    while any(_rows(len(ix), *_band(ring), node) is None for (_, ring), ix in cells.items()):
        node *= 0.85
    placed: list[PlacedMember | None] = [None] * len(nmap.members)
    for (sector, ring), indices in cells.items():
        start, _ = slice_angles(sector)
        rows = _rows(len(indices), *_band(ring), node) or []
        ordered = iter(sorted(indices, key=lambda i: nmap.members[i].id))
        for row, (radius, size) in enumerate(rows):
            # Rings and alternate rows are turned a little against each other, so that a
            # line from the centre to an outer member does not run through an inner one.
            turn = _TURN[ring] + (0.25 if row % 2 else 0.0)
            for k in range(size):
                index = next(ordered)
                member = nmap.members[index]
                angle = math.radians(start + _SLICE * (k + 0.5 + turn) / size)
                placed[index] = PlacedMember(
                    member=member.id,
                    label=_label(member.label, member.id, privacy),
                    sector=sector,
                    ring=ring,
                    tie=member.tie,
                    direction=member.direction,
                    x=round(radius * math.cos(angle), 6),
                    y=round(radius * math.sin(angle), 6),
                )
    return MapLayout(
        family=nmap.family,
        centre_label=_FAMILY[Language(language)]
        if privacy is None
        else privacy.person(nmap.family),
        members=tuple(p for p in placed if p is not None),
        ties=tuple((t.a, t.b, t.quality) for t in nmap.ties),
        node_radius=round(node, 6),
    )


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def to_dot(
    nmap: NetworkMap,
    *,
    privacy: Privacy | None = None,
    language: Language | str = Language.EN,
    scale: float = 1.2,
) -> str:
    """Graphviz DOT text of the map, with every position pinned.

    Render it with ``neato -n2 -Tsvg map.dot -o map.svg`` (``-n2`` keeps the positions).

    >>> from openco.synthetic import generate_network_maps
    >>> dot = to_dot(next(generate_network_maps(families=1, seed=1)))
    >>> dot.splitlines()[0], "ring_outer" in dot
    ('graph network_map {', True)
    """
    layout = layout_map(nmap, privacy=privacy, language=language)
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
            f'width={2 * edge * scale:.3f}, style=dashed, color="#BBBBBB", pos={pos(0, 0)}];'
        )
    for sector in NetworkSector:
        start, _ = slice_angles(sector)
        a = math.radians(start)
        inner, outer = f"cut_{sector.value}_in", f"cut_{sector.value}_out"
        for name, radius in ((inner, CENTRE_RADIUS), (outer, RING_EDGES[-1])):
            lines.append(
                f'  {name} [shape=point, width=0, label="", '
                f"pos={pos(radius * math.cos(a), radius * math.sin(a))}];"
            )
        lines.append(f'  {inner} -- {outer} [color="#BBBBBB"];')
        mid = math.radians(start + _SLICE / 2)
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
        lines.append(
            f"  {node} [shape=circle, fixedsize=true, width={2 * layout.node_radius * scale:.3f}, "
            f'style=filled, fillcolor="{SECTOR_COLOURS[placed.sector]}", label="", '
            f"xlabel={_quote(placed.label)}, pos={pos(placed.x, placed.y)}];"
        )
    for one, other, quality in layout.ties:
        lines.append(
            f'  {node_of[one]} -- {node_of[other]} [color="#AAAAAA", style={_LINE[quality][3]}];'
        )
    for k, placed in enumerate(layout.members):
        _, width, colour, style = _LINE[placed.tie]
        arrow = _ARROWS[placed.direction][1]
        lines.append(
            f'  m{k} -- centre [style={style}, penwidth={width}, color="{colour}", '
            f"dir={arrow}, arrowhead=normal, arrowtail=normal];"
        )
    lines.append("}")
    return "\n".join(lines) + "\n"


def _figure(
    nmap: NetworkMap, privacy: Privacy | None, language: Language | str, title: str | None
) -> Figure:
    try:
        from matplotlib.artist import Artist  # noqa: PLC0415 - optional extra, imported lazily
        from matplotlib.figure import Figure  # noqa: PLC0415
        from matplotlib.lines import Line2D  # noqa: PLC0415
        from matplotlib.patches import Circle, FancyArrowPatch, Patch  # noqa: PLC0415
    except ImportError as error:
        raise MissingDependencyError("drawing a network map", "matplotlib", "plot") from error
    layout = layout_map(nmap, privacy=privacy, language=language)
    width, height = 10.0, 9.4
    figure = Figure(figsize=(width, height), dpi=100)
    box = (0.01, 0.13, 0.98, 0.82)
    axes = figure.add_axes(box)
    axes.set_aspect("equal")
    axes.set_xlim(-_VIEW[0], _VIEW[0])
    axes.set_ylim(-_VIEW[1], _VIEW[1])
    # points per data unit (the equal aspect keeps the tighter of the two), for arrow ends
    per_unit = 72 * min(width * box[2] / (2 * _VIEW[0]), height * box[3] / (2 * _VIEW[1]))
    axes.axis("off")
    for edge in (CENTRE_RADIUS, *RING_EDGES):
        axes.add_patch(Circle((0, 0), edge, fill=False, linestyle="--", color="#BBBBBB", lw=0.8))
    for sector in NetworkSector:
        start, _ = slice_angles(sector)
        a = math.radians(start)
        axes.plot(
            [CENTRE_RADIUS * math.cos(a), RING_EDGES[-1] * math.cos(a)],
            [CENTRE_RADIUS * math.sin(a), RING_EDGES[-1] * math.sin(a)],
            color="#BBBBBB",
            lw=0.8,
        )
        mid = math.radians(start + _SLICE / 2)
        x, y = math.cos(mid), math.sin(mid)
        axes.text(
            _LABELS * x, _LABELS * y, textwrap.fill(sector.label(language), 20),
            ha="left" if x > _SIDE else "right" if x < -_SIDE else "center",
            va="bottom" if y > _SIDE else "top" if y < -_SIDE else "center",
            fontsize=10, multialignment="center",
        )  # fmt: skip
    at = {p.member: (p.x, p.y) for p in layout.members}
    for one, other, quality in layout.ties:
        dash = _LINE[quality][0]
        axes.plot(*zip(at[one], at[other], strict=True), color="#AAAAAA", lw=0.7, linestyle=dash)
    for placed in layout.members:
        dash, width, colour, _ = _LINE[placed.tie]
        axes.add_patch(
            FancyArrowPatch(
                (placed.x, placed.y), (0.0, 0.0),
                arrowstyle=_ARROWS[placed.direction][0], mutation_scale=14,
                shrinkA=layout.node_radius * per_unit + 1, shrinkB=CENTRE_RADIUS * per_unit,
                color=colour, lw=width, linestyle=dash,
            )
        )  # fmt: skip
    axes.add_patch(Circle((0, 0), CENTRE_RADIUS, color="#FFFFFF", ec="#444444", zorder=3))
    axes.text(0, 0, layout.centre_label, ha="center", va="center", fontsize=11, zorder=4)
    for placed in layout.members:
        axes.add_patch(
            Circle((placed.x, placed.y), layout.node_radius, color=SECTOR_COLOURS[placed.sector],
                   ec="#444444", zorder=3)
        )  # fmt: skip
        axes.text(placed.x, placed.y - layout.node_radius - 0.03, placed.label, ha="center",
                  va="top", fontsize=7, zorder=4)  # fmt: skip
    for ring in Ring:
        edge = RING_EDGES[ring.number - 1]
        axes.text(0.05, edge - 0.12, ring.label(language), fontsize=7, color="#888888",
                  ha="left", va="top")  # fmt: skip
    handles: list[Artist] = [
        Line2D([], [], color=_LINE[q][2], lw=_LINE[q][1], linestyle=_LINE[q][0],
               label=q.label(language))
        for q in TieQuality
    ]  # fmt: skip
    handles += [Patch(color=SECTOR_COLOURS[s], label=s.label(language)) for s in NetworkSector]
    figure.legend(
        handles=handles, loc="lower center", bbox_to_anchor=(0.5, 0.035), ncol=3, fontsize=8,
        frameon=False,
    )  # fmt: skip
    arrows = "    ".join(
        f"{symbol} {direction.label(language)}" for direction, symbol in _ARROW_LEGEND
    )
    figure.text(0.5, 0.012, arrows, ha="center", va="bottom", fontsize=8, color="#444444")
    if title is not None:
        figure.suptitle(title, fontsize=13)
    return figure


def to_svg(
    nmap: NetworkMap,
    *,
    privacy: Privacy | None = None,
    language: Language | str = Language.EN,
    title: str | None = None,
) -> str:
    """SVG text of the map picture (needs ``openco[plot]``); the same map gives the same bytes.

    Raises:
        MissingDependencyError: matplotlib is not installed.
    """
    figure = _figure(nmap, privacy, language, title)  # checks that matplotlib is there
    from matplotlib import rc_context  # noqa: PLC0415 - optional extra, imported lazily

    buffer = io.StringIO()
    # A fixed hash salt and no date make the SVG's ids and metadata the same on every run;
    # text as paths keeps the look independent of the viewer's fonts.
    with rc_context({"svg.hashsalt": "openco", "svg.fonttype": "path"}):
        figure.savefig(buffer, format="svg", metadata={"Date": None})
    return buffer.getvalue()


def to_png(
    nmap: NetworkMap,
    *,
    privacy: Privacy | None = None,
    language: Language | str = Language.EN,
    title: str | None = None,
    dpi: int = 100,
) -> bytes:
    """PNG bytes of the map picture (needs ``openco[plot]``).

    Raises:
        MissingDependencyError: matplotlib is not installed.
    """
    figure = _figure(nmap, privacy, language, title)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=dpi, metadata={"Software": None})
    return buffer.getvalue()
