"""Graph files and CSV tables for analysts, pseudonymised unless the caller opts out.

Every function takes a :class:`~openco.analysis.privacy.Privacy` that says how people are
shown, and returns text (or writes it to a text stream you pass): openco itself never opens a
file. Graph formats are written by networkx: GraphML, GEXF and node-link JSON.

* :func:`to_graphml`, :func:`to_gexf`, :func:`to_node_link`: a network map (the family at
  the centre, tied to every member, plus the member-member ties) or a
  :class:`~openco.analysis.area.ProfessionalNetwork`.
* :func:`to_networkx`: the same graph as a networkx object, the escape hatch for any
  algorithm openco does not offer. This is the only public function that returns one.
* CSV tables: :func:`members_csv`, :func:`ties_csv`, :func:`measures_csv` (one row per map),
  :func:`area_measures_csv` (the families' map measures, one row per area), :func:`area_csv`
  (the professionals' network, one row per area), :func:`links_csv` (the professionals'
  links) and :func:`family_members_csv` (ages as bands).

Ids of people, families and maps are pseudonymised; ids of areas and units are not, because
they name no one. Names appear only with ``Privacy.identified(names=True)``.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
import re
import secrets
from collections.abc import Hashable, Iterable, Iterator, Mapping, Sequence
from typing import Any, Final, TextIO, overload

from openco.analysis import _graph
from openco.analysis.area import ProfessionalNetwork
from openco.analysis.batch import TABLE_COLUMNS, MeasureTable
from openco.analysis.flags import FlagKind, flags_for
from openco.analysis.measures import MapMeasures
from openco.analysis.privacy import DEFAULT_AGE_BANDS, Privacy, age_band
from openco.errors import InvalidArgumentError
from openco.model import AreaId, Family, FamilyId, NetworkMap, NetworkSector, Ring, TieQuality

__all__ = [
    "area_csv",
    "area_measures_csv",
    "family_members_csv",
    "links_csv",
    "measures_csv",
    "measures_csv_rows",
    "members_csv",
    "ties_csv",
    "to_gexf",
    "to_graphml",
    "to_networkx",
    "to_node_link",
]

Attributes = dict[str, str | int | float | bool]
Graphable = NetworkMap | ProfessionalNetwork


def _map_graph(
    nmap: NetworkMap, privacy: Privacy
) -> tuple[list[tuple[Hashable, Attributes]], list[tuple[Hashable, Hashable, Attributes]]]:
    centre = privacy.family(nmap.family)
    nodes: list[tuple[Hashable, Attributes]] = [
        (centre, {"kind": "centre", "drawn_on": privacy.date(nmap.drawn_on)})
    ]
    edges: list[tuple[Hashable, Hashable, Attributes]] = []
    for m in nmap.members:
        node = privacy.person(m.id)
        if node == centre:
            raise InvalidArgumentError(
                "export", "nmap", m.id, "member ids different from the family id"
            )
        attributes: Attributes = {
            "kind": "member",
            "sector": m.sector.value,
            "ring": m.ring.value,
            "tie": m.tie.value,
            "direction": m.direction.value,
            "support": ",".join(sorted(t.value for t in m.support)),
            "professional": m.is_professional,
        }
        label = privacy.name(m.label)
        if label is not None:
            attributes["label"] = label
        nodes.append((node, attributes))
        edges.append(
            (centre, node, {"kind": "centre", "tie": m.tie.value, "direction": m.direction.value})
        )
    edges.extend(
        (privacy.person(t.a), privacy.person(t.b), {"kind": "member", "tie": t.quality.value})
        for t in nmap.ties
    )
    return nodes, edges


def _network_graph(
    network: ProfessionalNetwork, privacy: Privacy
) -> tuple[list[tuple[Hashable, Attributes]], list[tuple[Hashable, Hashable, Attributes]]]:
    group_of = {p: g.number for g in network.groups for p in g.professionals}
    centrality = network.betweenness()
    nodes: list[tuple[Hashable, Attributes]] = [
        (
            privacy.professional(p),
            {
                "unit": unit,
                "betweenness": centrality[p],
                "group": group_of.get(p, -1),
            },
        )
        for p, unit in zip(network.professionals, network.units, strict=True)
    ]
    edges: list[tuple[Hashable, Hashable, Attributes]] = [
        (
            privacy.professional(link.a),
            privacy.professional(link.b),
            {
                "weight": link.weight,
                "shared_families": link.shared_families,
                "joint_meetings": link.joint_meetings,
            },
        )
        for link in network.links
    ]
    return nodes, edges


def _graph_of(
    value: Graphable, privacy: Privacy
) -> tuple[list[tuple[Hashable, Attributes]], list[tuple[Hashable, Hashable, Attributes]]]:
    if not isinstance(privacy, Privacy):
        raise InvalidArgumentError("export", "privacy", privacy, "a Privacy")
    if isinstance(value, NetworkMap):
        return _map_graph(value, privacy)
    if isinstance(value, ProfessionalNetwork):
        return _network_graph(value, privacy)
    raise InvalidArgumentError(
        "export", "value", type(value).__name__, "a NetworkMap or a ProfessionalNetwork"
    )


def to_graphml(value: Graphable, *, privacy: Privacy) -> str:
    """GraphML text of a network map or of the professionals' network.

    >>> from openco.synthetic import generate_network_maps
    >>> nmap = next(generate_network_maps(families=1, seed=1))
    >>> text = to_graphml(nmap, privacy=Privacy.pseudonymised(b"sixteen byte key"))
    >>> text.startswith("<graphml"), nmap.family in text
    (True, False)
    """
    return _graph.to_graphml(*_graph_of(value, privacy))


def to_gexf(value: Graphable, *, privacy: Privacy) -> str:
    """GEXF text (for Gephi) of a network map or of the professionals' network."""
    return _graph.to_gexf(*_graph_of(value, privacy))


def to_node_link(value: Graphable, *, privacy: Privacy) -> str:
    """Node-link JSON text (for D3 and networkx) of a map or of the professionals' network."""
    return _graph.to_node_link(*_graph_of(value, privacy))


def to_networkx(value: Graphable, *, privacy: Privacy | None = None) -> _graph.NxGraph[Any]:
    """The escape hatch: a :class:`networkx.Graph` of a map or of the professionals' network.

    A map becomes the family's node (``kind="centre"``) tied to every member, plus the
    member-member ties (``kind="member"``); node and edge attributes are those of the GraphML
    export. The professionals' network has ``weight``, ``shared_families`` and
    ``joint_meetings`` on its edges, ``unit``, ``betweenness`` and ``group`` on its nodes.

    Like every export, the graph is pseudonymised by default: without *privacy*, under a
    random key that is thrown away (pass ``Privacy.pseudonymised(key)`` for pseudonyms that
    match your other exports). Real ids and names only with ``Privacy.identified(...)``.

    >>> from openco.synthetic import generate_network_maps
    >>> import networkx as nx
    >>> nmap = next(generate_network_maps(families=1, seed=1))
    >>> nmap.family in to_networkx(nmap)
    False
    >>> graph = to_networkx(nmap, privacy=Privacy.identified())
    >>> graph.nodes["a0001-f00001"]["kind"], nx.is_connected(graph)
    ('centre', True)
    """
    chosen = privacy if privacy is not None else Privacy.pseudonymised(secrets.token_bytes(32))
    return _graph.to_networkx(*_graph_of(value, chosen))


Cell = str | int | float | bool | None


def _emit(header: Sequence[str], rows: Iterable[Sequence[Cell]], out: TextIO | None) -> str | None:
    if out is None:
        buffer = io.StringIO()
        _emit(header, rows, buffer)
        return buffer.getvalue()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    # repr() gives the shortest text that reads back as the same float
    writer.writerows(
        ["" if c is None else (repr(c) if isinstance(c, float) else c) for c in row] for row in rows
    )
    return None


@overload
def members_csv(maps: Iterable[NetworkMap], *, privacy: Privacy, out: None = None) -> str: ...
@overload
def members_csv(maps: Iterable[NetworkMap], *, privacy: Privacy, out: TextIO) -> None: ...
def members_csv(
    maps: Iterable[NetworkMap], *, privacy: Privacy, out: TextIO | None = None
) -> str | None:
    """One row per member of every map: who they are placed as, and what they give.

    Returns the text, or writes it to *out* (any text stream) and returns ``None``.

    >>> from openco.synthetic import generate_network_maps
    >>> text = members_csv(generate_network_maps(families=2, seed=1),
    ...                    privacy=Privacy.pseudonymised(b"sixteen byte key"))
    >>> text.splitlines()[0]
    'family,map,drawn_on,member,sector,ring,tie,direction,support,professional'
    """
    header: tuple[str, ...] = (
        "family", "map", "drawn_on", "member", "sector", "ring", "tie", "direction", "support",
        "professional",
    )  # fmt: skip
    if privacy.names:
        header = (*header, "label")

    def rows() -> Iterator[list[Cell]]:
        for nmap in maps:
            family, ident = privacy.family(nmap.family), privacy.map(nmap.id)
            for m in nmap.members:
                row: list[Cell] = [
                    family, ident, privacy.date(nmap.drawn_on), privacy.person(m.id),
                    m.sector.value, m.ring.value, m.tie.value, m.direction.value,
                    ";".join(sorted(t.value for t in m.support)), m.is_professional,
                ]  # fmt: skip
                if privacy.names:
                    row.append(m.label)
                yield row

    return _emit(header, rows(), out)


@overload
def ties_csv(maps: Iterable[NetworkMap], *, privacy: Privacy, out: None = None) -> str: ...
@overload
def ties_csv(maps: Iterable[NetworkMap], *, privacy: Privacy, out: TextIO) -> None: ...
def ties_csv(
    maps: Iterable[NetworkMap], *, privacy: Privacy, out: TextIO | None = None
) -> str | None:
    """One row per member-member tie of every map."""
    header = ("family", "map", "a", "b", "tie")
    rows = (
        [
            privacy.family(nmap.family),
            privacy.map(nmap.id),
            privacy.person(t.a),
            privacy.person(t.b),
            t.quality.value,
        ]
        for nmap in maps
        for t in nmap.ties
    )
    return _emit(header, rows, out)


_SHARE_GROUPS: tuple[tuple[str, Sequence[str]], ...] = (
    ("sector", [s.value for s in NetworkSector]),
    ("ring", [r.value for r in Ring]),
    ("tie", [q.value for q in TieQuality]),
)
_SHARES = tuple(f"{group}_{value}_share" for group, values in _SHARE_GROUPS for value in values)


def _shown(column: str, value: Cell, privacy: Privacy) -> Cell:
    """A cell of the measure table as *privacy* shows it: pseudonyms, dates by the month."""
    if column == "family":
        return privacy.family(str(value))
    if column == "map":
        return privacy.map(str(value))
    if column == "drawn_on" and isinstance(value, str | dt.date):
        day = dt.date.fromisoformat(value) if isinstance(value, str) else value
        return privacy.date(day)
    return value


def _measure_rows(source: Iterable[MapMeasures], privacy: Privacy) -> Iterator[list[Cell]]:
    for row in map(_with_flags, source):
        size = row["size"]
        cells: list[Cell] = [_shown(c, row[c], privacy) for c in TABLE_COLUMNS]
        for group, values in _SHARE_GROUPS:
            for value in values:
                count = row[f"{group}_{value}"]
                cells.append(count / size if size else 0.0)  # type: ignore[operator]
        yield cells


def _with_flags(measures: MapMeasures) -> dict[str, Cell]:
    raised = {f.kind for f in flags_for(measures)}
    row: dict[str, Cell] = dict(measures.as_row())
    row.update({f"flag_{k.value}": k in raised for k in FlagKind})
    return row


@overload
def measures_csv(
    measures: MeasureTable | Iterable[MapMeasures], *, privacy: Privacy, out: None = None
) -> str: ...
@overload
def measures_csv(
    measures: MeasureTable | Iterable[MapMeasures], *, privacy: Privacy, out: TextIO
) -> None: ...
def measures_csv(
    measures: MeasureTable | Iterable[MapMeasures],
    *,
    privacy: Privacy,
    out: TextIO | None = None,
) -> str | None:
    """One row per map: every column of a measure table, then the shares of each category.

    The columns are :data:`~openco.analysis.batch.TABLE_COLUMNS`, then the share of each
    sector, ring and tie quality. Flags use the table's thresholds, or the default thresholds
    for :class:`~openco.analysis.measures.MapMeasures` values.
    """
    header = (*TABLE_COLUMNS, *_SHARES)
    if not isinstance(measures, MeasureTable):
        return _emit(header, _measure_rows(measures, privacy), out)
    if out is None:
        buffer = io.StringIO()
        measures_csv(measures, privacy=privacy, out=buffer)
        return buffer.getvalue()
    csv.writer(out, lineterminator="\n").writerow(header)
    measures_csv_rows(measures, privacy=privacy, out=out)
    return None


# What makes the csv module quote a cell (QUOTE_MINIMAL, lineterminator "\n").
_QUOTED: Final = re.compile(r'[,"\r\n]')


def measures_csv_rows(table: MeasureTable, *, privacy: Privacy, out: TextIO) -> None:
    r"""The rows of :func:`measures_csv` without the header line, written to *out*.

    For a table measured in parts, by several processes: the header once, then each part's
    rows, gives the file :func:`measures_csv` gives for the whole table.

    >>> from openco.analysis.batch import measure_maps
    >>> from openco.synthetic import generate_network_maps
    >>> table = measure_maps(generate_network_maps(families=4, seed=1))
    >>> privacy = Privacy.identified()
    >>> whole = measures_csv(table, privacy=privacy)
    >>> rows = io.StringIO()
    >>> measures_csv_rows(table, privacy=privacy, out=rows)
    >>> whole.partition("\n")[2] == rows.getvalue()
    True
    """
    writer = csv.writer(out, lineterminator="\n")
    chunk: list[tuple[str, ...]] = []
    for row in table.text_rows(privacy=privacy):
        chunk.append(row)
        if len(chunk) == _ROWS_AT_ONCE:
            _write_rows(chunk, writer, out)
    _write_rows(chunk, writer, out)


_ROWS_AT_ONCE: Final = 4096


def _write_rows(rows: list[tuple[str, ...]], writer: Any, out: TextIO) -> None:  # noqa: ANN401 - csv's writer type is private
    """*rows* as the csv module writes them; joined directly when no cell needs quotes."""
    if not rows:
        return
    # Only the ids and dates (the first three cells) are text: numbers never need quotes.
    if _QUOTED.search("".join(f"{r[0]}{r[1]}{r[2]}" for r in rows)):
        writer.writerows(rows)
    else:
        out.write("\n".join(map(",".join, rows)))
        out.write("\n")
    rows.clear()


@overload
def area_csv(network: ProfessionalNetwork, *, out: None = None) -> str: ...
@overload
def area_csv(network: ProfessionalNetwork, *, out: TextIO) -> None: ...
def area_csv(network: ProfessionalNetwork, *, out: TextIO | None = None) -> str | None:
    """One row per area: its families, professionals, links, unit pairs and meetings.

    The columns also count the unit pairs tied and missing and the uncoordinated families,
    and give the mean area-meeting attendance and the top broker's betweenness. No person is
    named, so no privacy choice is needed.
    """
    header = (
        "area", "units", "families", "professionals", "links", "density", "unit_pairs",
        "unit_pairs_tied", "unit_pairs_missing", "uncoordinated_families",
        "area_meetings", "mean_attendance", "top_betweenness",
    )  # fmt: skip

    def rows() -> Iterator[list[Cell]]:
        for r in network.areas:
            held = max((a.meetings for a in r.attendance), default=0)
            shares = [a.share for a in r.attendance]
            yield [
                r.area, len(r.units), r.families, r.professionals, r.links, r.density,
                len(r.unit_ties), sum(t.tied for t in r.unit_ties), len(r.missing_unit_pairs),
                len(r.uncoordinated), held,
                math.fsum(shares) / len(shares) if shares else None,
                r.brokers[0].betweenness if r.brokers else 0.0,
            ]  # fmt: skip

    return _emit(header, rows(), out)


_AREA_MEANS = (
    "size", "informal", "professional", "professional_share", "supporters", "inner_supportive",
    "density", "components", "effective_size", "constraint", "sectors_present", "iqv",
)  # fmt: skip


@overload
def area_measures_csv(
    table: MeasureTable, *, area_of: Mapping[FamilyId, AreaId], out: None = None
) -> str: ...
@overload
def area_measures_csv(
    table: MeasureTable, *, area_of: Mapping[FamilyId, AreaId], out: TextIO
) -> None: ...
def area_measures_csv(
    table: MeasureTable, *, area_of: Mapping[FamilyId, AreaId], out: TextIO | None = None
) -> str | None:
    """One row per area of the families' map measures: counts, means and flag shares.

    Each row has how many maps the area has, the mean of the main measures, and the share of
    maps raising each flag. Families missing from *area_of* are counted under an empty area.

    Aggregates name no one, so no privacy choice is needed; an area with very few families
    can still point at them, so leave small areas out before publishing.

    >>> from openco.analysis.batch import measure_maps
    >>> from openco.synthetic import generate_population
    >>> area = next(generate_population(families=50, seed=1))
    >>> table = measure_maps(area.network_maps)
    >>> text = area_measures_csv(table, area_of={f.family.id: f.family.home_area
    ...                                          for f in area.families})
    >>> text.splitlines()[1].split(",")[:2]
    ['a0001', '50']
    """
    rows_of: dict[str, list[int]] = {}
    for index, family in enumerate(table.families):
        rows_of.setdefault(area_of.get(family, ""), []).append(index)
    flags = [f"flag_{k.value}" for k in FlagKind]
    header = ("area", "maps", *(f"mean_{c}" for c in _AREA_MEANS), *(f"{f}_share" for f in flags))

    def mean(column: str, rows: list[int]) -> float | None:
        values = [v for v in (table.column(column)[i] for i in rows) if v == v]  # noqa: PLR0124 - NaN test
        return math.fsum(values) / len(values) if values else None

    def rows() -> Iterator[list[Cell]]:
        for area in sorted(rows_of):
            picked = rows_of[area]
            yield [
                area,
                len(picked),
                *(mean(c, picked) for c in _AREA_MEANS),
                *(mean(f, picked) for f in flags),
            ]

    return _emit(header, rows(), out)


@overload
def links_csv(network: ProfessionalNetwork, *, privacy: Privacy, out: None = None) -> str: ...
@overload
def links_csv(network: ProfessionalNetwork, *, privacy: Privacy, out: TextIO) -> None: ...
def links_csv(
    network: ProfessionalNetwork, *, privacy: Privacy, out: TextIO | None = None
) -> str | None:
    """One row per link between two professionals, with their units."""
    unit_of = dict(zip(network.professionals, network.units, strict=True))
    header = ("a", "unit_a", "b", "unit_b", "shared_families", "joint_meetings", "weight")
    rows: Iterator[list[Cell]] = (
        [
            privacy.professional(link.a),
            unit_of[link.a],
            privacy.professional(link.b),
            unit_of[link.b],
            link.shared_families,
            link.joint_meetings,
            link.weight,
        ]
        for link in network.links
    )
    return _emit(header, rows, out)


@overload
def family_members_csv(
    families: Iterable[Family],
    *,
    on: dt.date,
    privacy: Privacy,
    bands: Sequence[int] = ...,
    out: None = None,
) -> str: ...
@overload
def family_members_csv(
    families: Iterable[Family],
    *,
    on: dt.date,
    privacy: Privacy,
    bands: Sequence[int] = ...,
    out: TextIO,
) -> None: ...
def family_members_csv(
    families: Iterable[Family],
    *,
    on: dt.date,
    privacy: Privacy,
    bands: Sequence[int] = DEFAULT_AGE_BANDS,
    out: TextIO | None = None,
) -> str | None:
    """One row per family member: age band on *on* (never the birth date), custodian or not.

    >>> from openco.synthetic import generate_population
    >>> import datetime as dt
    >>> area = next(generate_population(families=1, seed=1))
    >>> privacy = Privacy.pseudonymised(b"sixteen byte key")
    >>> text = family_members_csv([area.families[0].family], on=dt.date(2026, 1, 1),
    ...                           privacy=privacy)
    >>> print(text)  # doctest: +ELLIPSIS
    family,area,person,age_band,custodian
    p-...,a0001,p-...,30-39,True
    p-...,a0001,p-...,30-39,True
    p-...,a0001,p-...,3-6,False
    p-...,a0001,p-...,0-2,False
    p-...,a0001,p-...,7-12,False
    <BLANKLINE>
    """
    header: tuple[str, ...] = ("family", "area", "person", "age_band", "custodian")
    if privacy.names:
        header = (*header, "name")

    def rows() -> Iterator[list[Cell]]:
        for family in families:
            custodians = {c.adult for c in family.custody if c.kind.is_custodian}
            for person in family.members:
                row: list[Cell] = [
                    privacy.family(family.id),
                    family.home_area,
                    privacy.person(person.id),
                    age_band(person.birth_date, on=on, bands=bands),
                    person.id in custodians,
                ]
                if privacy.names:
                    row.append(person.name)
                yield row

    return _emit(header, rows(), out)
