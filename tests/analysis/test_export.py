from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Callable

import attrs
import networkx as nx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from openco.analysis.area import area_network
from openco.analysis.batch import SHARE_COLUMNS, TABLE_COLUMNS, measure_maps
from openco.analysis.export import (
    area_csv,
    area_measures_csv,
    family_members_csv,
    links_csv,
    measures_csv,
    members_csv,
    ties_csv,
    to_gexf,
    to_graphml,
    to_networkx,
    to_node_link,
)
from openco.analysis.measures import measure_map
from openco.analysis.privacy import Privacy
from openco.errors import InvalidArgumentError
from openco.model import ConcernZone, FamilyId, NetworkMap, NetworkMapId
from tests.analysis import area_builders as ab
from tests.analysis.builders import example_map
from tests.analysis.strategies import QUICK, network_maps

KEY = b"0123456789abcdef-key"
HIDDEN = Privacy.pseudonymised(KEY)
OPEN = Privacy.identified(names=True)


def rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


class TestGraphFormats:
    @pytest.mark.parametrize(
        ("write", "read"),
        [
            (to_graphml, nx.parse_graphml),
            (to_gexf, lambda text: nx.read_gexf(io.BytesIO(text.encode()))),
            (to_node_link, lambda text: nx.node_link_graph(json.loads(text), edges="edges")),
        ],
        ids=["graphml", "gexf", "node-link"],
    )
    def test_a_map_reads_back_with_the_centre_members_and_ties(
        self, write: Callable[..., str], read: Callable[[str], nx.Graph[str]]
    ) -> None:
        graph = read(write(example_map(), privacy=OPEN))

        assert graph.number_of_nodes() == 6
        assert graph.number_of_edges() == 5 + 3
        assert graph.nodes["f1"]["kind"] == "centre"
        assert graph.nodes["gran"]["ring"] == "inner"
        assert graph.nodes["gran"]["label"] == "Gran"

    @pytest.mark.parametrize("write", [to_graphml, to_gexf, to_node_link])
    def test_pseudonymised_exports_show_neither_ids_nor_names(
        self, write: Callable[..., str]
    ) -> None:
        text = write(example_map(), privacy=HIDDEN)

        for secret in ("gran", "Gran", "nurse", "Nurse", '"f1"', ">f1<"):
            assert secret not in text
        assert HIDDEN.person("gran") in text

    def test_the_same_input_gives_the_same_text(self) -> None:
        assert to_graphml(example_map(), privacy=HIDDEN) == to_graphml(
            example_map(), privacy=HIDDEN
        )

    def test_the_professionals_network_exports_with_weights(self) -> None:
        network = area_network(professionals=ab.professionals(), maps=ab.maps())

        graph = nx.parse_graphml(to_graphml(network, privacy=OPEN))

        assert graph["w1"]["w2"]["weight"] == 2
        assert graph.nodes["w1"]["unit"] == "u1"

    def test_to_networkx_is_the_escape_hatch(self) -> None:
        graph = to_networkx(example_map(), privacy=OPEN)

        assert nx.is_connected(graph)
        assert graph.nodes["gran"]["sector"] == "relatives"
        assert to_networkx(example_map(), privacy=HIDDEN).has_node(HIDDEN.person("gran"))

    def test_to_networkx_pseudonymises_by_default(self) -> None:
        graph = to_networkx(example_map())

        assert not {"gran", "f1"} & set(graph.nodes)
        assert not any(data.get("label") == "Gran" for _, data in graph.nodes(data=True))

    def test_only_maps_and_networks_are_exported(self) -> None:
        with pytest.raises(InvalidArgumentError):
            to_graphml("a map", privacy=HIDDEN)  # type: ignore[arg-type]
        with pytest.raises(InvalidArgumentError):
            to_graphml(example_map(), privacy="pseudonymised")  # type: ignore[arg-type]


class TestCsvTables:
    def test_members_one_row_each_pseudonymised(self) -> None:
        table = rows(members_csv([example_map()], privacy=HIDDEN))

        assert len(table) == 5
        assert {r["member"] for r in table} == {HIDDEN.person(m.id) for m in example_map().members}
        assert "label" not in table[0]
        assert table[0]["support"] == "emotional;practical"

    def test_members_with_names_on_opt_in(self) -> None:
        table = rows(members_csv([example_map()], privacy=OPEN))

        assert table[0]["label"] == "Gran"
        assert table[0]["member"] == "gran"

    def test_ties(self) -> None:
        table = rows(ties_csv([example_map()], privacy=OPEN))

        assert [(r["a"], r["b"], r["tie"]) for r in table] == [
            ("aunt", "gran", "supportive"),
            ("friend", "gran", "supportive"),
            ("friend", "neighbour", "supportive"),
        ]

    def test_measures_from_a_table_and_from_measures_agree(self) -> None:
        from_table = measures_csv(measure_maps([example_map()]), privacy=HIDDEN)
        from_measures = measures_csv([measure_map(example_map())], privacy=HIDDEN)

        one, two = rows(from_table)[0], rows(from_measures)[0]
        assert list(one)[: len(TABLE_COLUMNS)] == list(TABLE_COLUMNS)
        assert one["family"] == HIDDEN.family("f1")
        assert one["sector_relatives_share"] == "0.4"
        for column in one:
            if column not in ("constraint", "effective_size", "efficiency"):
                assert one[column] == two[column], column
            else:
                assert float(one[column]) == pytest.approx(float(two[column]))

    @QUICK
    @given(st.lists(network_maps(), max_size=6), st.booleans())
    def test_the_table_is_written_as_its_rows_say(
        self, maps: list[NetworkMap], coarse: bool
    ) -> None:
        """The column-wise writer gives the cells row() gives, as the row-wise writer wrote them."""
        maps = [
            attrs.evolve(m, id=NetworkMapId(f"m{k}"), family=FamilyId(f"f{k}"))
            for k, m in enumerate(maps)
        ]
        table = measure_maps(maps)
        privacy = Privacy.pseudonymised(b"0123456789abcdef", coarse_dates=coarse)
        expected = io.StringIO()
        writer = csv.writer(expected, lineterminator="\n")
        writer.writerow([*TABLE_COLUMNS, *SHARE_COLUMNS])
        for row in table.rows():
            cells: list[object] = [
                privacy.family(str(row["family"])),
                privacy.map(str(row["map"])),
                privacy.date(dt.date.fromisoformat(str(row["drawn_on"]))),
                *(row[c] for c in TABLE_COLUMNS[3:]),
            ]
            for column in SHARE_COLUMNS:
                count, size = row[column.removesuffix("_share")], row["size"]
                cells.append(count / size if size else 0.0)  # type: ignore[operator]
            writer.writerow(
                ["" if c is None else repr(c) if isinstance(c, float) else c for c in cells]
            )

        assert measures_csv(table, privacy=privacy) == expected.getvalue()

    @pytest.mark.parametrize("family", ["f1", "f,1", 'f"1', "f\n1", ""])
    def test_rows_joined_directly_are_what_the_csv_module_writes(self, family: str) -> None:
        from openco.analysis.export import _write_rows  # noqa: PLC0415 - the private fast path

        rows = [(family, "m1", "2026-01", "1", "", "0.5"), ("f2", "m2", "2026-02", "2", "3", "")]
        expected, got = io.StringIO(), io.StringIO()
        csv.writer(expected, lineterminator="\n").writerows(rows)

        _write_rows(list(rows), csv.writer(got, lineterminator="\n"), got)

        assert got.getvalue() == expected.getvalue()

    def test_writes_to_a_stream_when_given_one(self) -> None:
        out = io.StringIO()

        result = measures_csv(measure_maps([example_map()]), privacy=HIDDEN, out=out)

        assert result is None
        assert out.getvalue().startswith("family,map,drawn_on,size")

    def test_area_and_links(self) -> None:
        network = area_network(
            professionals=ab.professionals(), units=ab.units(), families=ab.families(),
            maps=ab.maps(), meetings=ab.meetings(),
        )  # fmt: skip

        areas = rows(area_csv(network))
        links = rows(links_csv(network, privacy=HIDDEN))

        assert [r["area"] for r in areas] == ["north", "south"]
        assert areas[1]["unit_pairs_missing"] == "2"
        assert areas[0]["mean_attendance"] == "0.5"
        assert {r["unit_a"] for r in links} <= {"u1", "u2", "u3", "u4"}
        assert all(r["a"].startswith("p-") for r in links)

    def test_family_members_have_age_bands_and_no_birth_dates(self) -> None:
        text = family_members_csv(ab.families(), on=dt.date(2026, 1, 1), privacy=HIDDEN)

        assert "1990" not in text
        assert {r["age_band"] for r in rows(text)} == {"30-39"}
        assert "Laura" not in text
        assert "Laura" in family_members_csv(ab.families(), on=dt.date(2026, 1, 1), privacy=OPEN)


def test_no_export_of_a_bundle_with_concerns_shows_a_zone() -> None:
    """Concern zones are the worker's own; they never appear in family-level output."""
    network = area_network(
        professionals=ab.professionals(), units=ab.units(), families=ab.families(),
        maps=ab.maps(), meetings=ab.meetings(), plans=ab.plans(), concerns=ab.concerns(),
    )  # fmt: skip
    texts = [
        to_graphml(network, privacy=OPEN), to_gexf(network, privacy=OPEN),
        to_node_link(network, privacy=OPEN), area_csv(network), links_csv(network, privacy=OPEN),
        members_csv(ab.maps(), privacy=OPEN), measures_csv(measure_maps(ab.maps()), privacy=OPEN),
        family_members_csv(ab.families(), on=dt.date(2026, 1, 1), privacy=OPEN),
    ]  # fmt: skip

    for text in texts:
        assert "zone" not in text.lower()
        for zone in ConcernZone:
            for language in ("fi", "sv", "en"):
                assert zone.label(language) not in text


def test_area_measures_one_row_per_area_with_means_and_flag_shares() -> None:
    maps = ab.maps()
    table = measure_maps(maps)
    homes = {f.id: f.home_area for f in ab.families()}

    rows_ = rows(area_measures_csv(table, area_of=homes))

    assert [(r["area"], r["maps"]) for r in rows_] == [("north", "3"), ("south", "1")]
    assert rows_[0]["mean_size"] == repr((2 + 2 + 3) / 3)
    assert rows_[1]["flag_very_small_share"] == "1.0"
    unplaced = rows(area_measures_csv(table, area_of={}))
    assert [(r["area"], r["maps"]) for r in unplaced] == [("", "4")]
