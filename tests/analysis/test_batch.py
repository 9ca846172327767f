from __future__ import annotations

import csv
import io
import math
import sys
from collections.abc import Iterator

import pytest
from hypothesis import given
from hypothesis import strategies as st

from openco.analysis.batch import (
    FLAG_COLUMNS,
    FRAME_COLUMNS,
    TABLE_COLUMNS,
    MeasureTable,
    measure_maps,
)
from openco.analysis.export import measures_csv
from openco.analysis.flags import FlagKind, FlagThresholds, flags_for
from openco.analysis.measures import ROW_COLUMNS, measure_map
from openco.analysis.privacy import Privacy
from openco.errors import InvalidArgumentError, MissingDependencyError
from openco.model import NetworkMap
from openco.synthetic import generate_network_maps
from tests.analysis.builders import empty_map, example_map
from tests.analysis.strategies import QUICK, network_maps


def assert_same_row(table: MeasureTable, index: int, nmap: NetworkMap) -> None:
    expected = measure_map(nmap).as_row()
    got = table.row(index)
    for column in ROW_COLUMNS:
        want, have = expected[column], got[column]
        if isinstance(want, float):
            assert have == pytest.approx(want, rel=1e-12, abs=1e-15), column
        else:
            assert have == want, column


class TestMeasureMaps:
    def test_a_table_row_equals_the_per_map_measures(self) -> None:
        table = measure_maps([example_map(), empty_map()])

        assert len(table) == 2
        assert_same_row(table, 0, example_map())
        assert_same_row(table, 1, empty_map())

    def test_undefined_values_are_none_in_rows_and_nan_in_columns(self) -> None:
        table = measure_maps([empty_map()])

        assert table.row(0)["constraint"] is None
        assert math.isnan(table.column("constraint")[0])

    def test_reads_a_generator_once_and_lazily(self) -> None:
        seen: list[str] = []

        def maps() -> Iterator[NetworkMap]:
            for nmap in generate_network_maps(families=5, seed=1):
                seen.append(nmap.id)
                yield nmap

        table = measure_maps(maps())

        assert table.maps == tuple(seen)

    def test_flag_columns_follow_the_thresholds(self) -> None:
        strict = FlagThresholds(min_informal_size=100)

        table = measure_maps([example_map()], thresholds=strict)

        assert table.row(0)["flag_very_small"] is True
        assert table.flag_counts()[FlagKind.VERY_SMALL] == 1
        assert table.thresholds is strict

    def test_columns_are_read_only(self) -> None:
        column = measure_maps([example_map()]).column("size")

        with pytest.raises(TypeError):
            column[0] = 9  # type: ignore[index]

    def test_an_unknown_column_is_refused_with_the_known_ones(self) -> None:
        with pytest.raises(InvalidArgumentError) as caught:
            measure_maps([example_map()]).column("happiness")

        assert "density" in caught.value.allowed

    def test_thresholds_must_be_flag_thresholds(self) -> None:
        with pytest.raises(InvalidArgumentError):
            measure_maps([], thresholds={"min_informal_size": 3})  # type: ignore[arg-type]

    def test_means_and_totals_leave_undefined_cells_out(self) -> None:
        table = measure_maps([example_map(), empty_map()])

        assert table.total("size") == 5
        assert table.mean("constraint") == pytest.approx(406 / 900)
        assert measure_maps([empty_map()]).mean("constraint") is None

    def test_the_column_list_is_rows_then_flags(self) -> None:
        assert TABLE_COLUMNS == ROW_COLUMNS + FLAG_COLUMNS
        assert set(measure_maps([example_map()]).row(0)) == set(TABLE_COLUMNS)

    def test_many_maps_span_several_chunks(self) -> None:
        maps = list(generate_network_maps(families=4200, seed=3, validate=False))

        table = measure_maps(maps)

        assert len(table) == 4200
        for index in (0, 4095, 4096, 4199):
            assert_same_row(table, index, maps[index])


class TestMeasureMapsProperties:
    @QUICK
    @given(st.lists(network_maps(max_size=10), max_size=4))
    def test_every_row_equals_the_networkx_backed_per_map_measures(
        self, maps: list[NetworkMap]
    ) -> None:
        table = measure_maps(maps)

        for index, nmap in enumerate(maps):
            assert_same_row(table, index, nmap)

    @QUICK
    @given(network_maps(), st.integers(0, 3), st.integers(0, 8), st.floats(0, 3))
    def test_flag_columns_equal_flags_for(
        self, nmap: NetworkMap, inner: int, small: int, ratio: float
    ) -> None:
        thresholds = FlagThresholds(
            min_inner_supportive=inner, min_informal_size=small, max_professional_ratio=ratio
        )

        row = measure_maps([nmap], thresholds=thresholds).row(0)

        raised = {f.kind for f in flags_for(measure_map(nmap), thresholds=thresholds)}
        assert {k for k in FlagKind if row[f"flag_{k.value}"]} == raised


@pytest.fixture(scope="module")
def table() -> MeasureTable:
    return measure_maps([*generate_network_maps(families=60, seed=3), empty_map()])


class TestForNotebooks:
    """pandas, Arrow and the short reprs a notebook shows."""

    def test_the_dataframe_has_the_columns_and_cells_of_families_csv(
        self, table: MeasureTable
    ) -> None:
        privacy = Privacy.pseudonymised(b"0123456789abcdef")
        frame = table.to_pandas(privacy=privacy)
        rows = list(csv.reader(io.StringIO(measures_csv(table, privacy=privacy))))

        assert tuple(frame.columns) == FRAME_COLUMNS == tuple(rows[0])
        for k, row in enumerate(rows[1:]):
            for name, text in zip(rows[0], row, strict=True):
                cell = frame[name].iloc[k]
                if name == "drawn_on":
                    assert cell.date().isoformat()[:7] == text
                    assert cell.day == 1
                elif text == "":
                    assert math.isnan(cell)
                elif text in {"True", "False"}:
                    assert bool(cell) is (text == "True")
                elif name in {"family", "map"}:
                    assert cell == text
                else:
                    assert math.isclose(float(cell), float(text), rel_tol=1e-12)

    def test_dates_are_dates_and_flags_are_booleans(self, table: MeasureTable) -> None:
        frame = table.to_pandas(privacy=Privacy.identified())

        assert str(frame["drawn_on"].dtype).startswith("datetime64")
        assert str(frame["size"].dtype) == "int64"
        assert str(frame["density"].dtype) == "float64"
        assert all(str(frame[c].dtype) == "bool" for c in FLAG_COLUMNS)

    def test_the_arrow_table_has_the_same_columns_with_dates_and_nulls(
        self, table: MeasureTable
    ) -> None:
        arrow = table.to_arrow(privacy=Privacy.identified())

        assert tuple(arrow.column_names) == FRAME_COLUMNS
        assert str(arrow.schema.field("drawn_on").type) == "date32[day]"
        assert arrow.column("drawn_on")[0].as_py() == table.drawn_on[0]
        assert arrow.column("reciprocity").null_count == sum(
            1 for x in table.column("reciprocity") if math.isnan(x)
        )

    def test_the_frame_is_a_copy_the_table_stays_as_it_was(self, table: MeasureTable) -> None:
        frame = table.to_pandas(privacy=Privacy.identified())

        frame.loc[0, "size"] = 999

        assert table.column("size")[0] != 999

    def test_the_repr_of_a_large_table_is_one_short_line(self) -> None:
        table = measure_maps(generate_network_maps(families=3000, seed=1))

        text = repr(table)

        assert len(text) < 300
        assert text.startswith("MeasureTable(3000 maps of 3000 families, drawn ")
        assert len(table._repr_html_()) < 5000

    def test_the_notebook_table_shows_no_ids(self, table: MeasureTable) -> None:
        shown = table._repr_html_()

        assert not any(family in shown for family in table.families)
        assert "more rows" in shown

    def test_without_pandas_the_error_names_the_extra(
        self, table: MeasureTable, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.setitem(sys.modules, "pandas", None)
        monkeypatch.setitem(sys.modules, "pyarrow", None)

        with pytest.raises(MissingDependencyError) as caught:
            table.to_pandas(privacy=Privacy.identified())
        assert caught.value.extra == "dataframe"
        with pytest.raises(MissingDependencyError):
            table.to_arrow(privacy=Privacy.identified())
