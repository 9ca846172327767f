"""``openco import-csv``: spreadsheets in, network_map documents out, all or nothing."""

from __future__ import annotations

import csv
import io
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path

import attrs
import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from openco.cli.exit_codes import ExitCode
from openco.cli.main import cli
from openco.cli.output import write_lines
from openco.demo import vaaralampi_story
from openco.io import iter_loads
from openco.model import NetworkMap

HEADER = "family,drawn_on,drawn_with,member,label,sector,ring,tie,direction,support"
ROWS = [
    (
        "f-1,2026-03-02,p-mum,n-gran,Mummo,suku,sisin kehä,vahva ja tukeva,to_family,"
        '"emotional;practical"'
    ),
    "f-1,2026-03-02,p-mum,n-eeva,Eeva,friends_and_neighbours,outer,weak,,",
    (
        "f-2,2026-03-05,p-dad,n-coach,Coach Ville,school_work_hobbies,middle,supportive,mutual,"
        "practical"
    ),
]
# The demo story's maps without their member-to-member ties, which the CSV has no column for.
DEMO_MAPS = [attrs.evolve(m, ties=()) for m in vaaralampi_story().network_maps]


def spreadsheet(maps: Sequence[NetworkMap], *, language: str) -> str:
    """The maps as an analyst keeps them, enumerations in *language*."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(["family", "drawn_on", "drawn_with", "member", "label", "sector", "ring",
                     "tie", "direction", "support", "map"])  # fmt: skip
    for nmap in maps:
        for m in nmap.members:
            writer.writerow([
                nmap.family, f"{nmap.drawn_on:%d.%m.%Y}", ";".join(nmap.drawn_with), m.id,
                m.label, m.sector.label(language), m.ring.label(language),
                m.tie.label(language), m.direction.label(language),
                ";".join(s.label(language) for s in m.support), nmap.id,
            ])  # fmt: skip
    return out.getvalue()


def import_csv(csv_path: Path, out: Path, *options: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["import-csv", str(csv_path), "-o", str(out), *options])
    return result.exit_code, result.stdout, result.stderr


def read_maps(path: Path) -> list[NetworkMap]:
    with path.open(encoding="utf-8") as lines:
        return list(iter_loads(lines, NetworkMap))


class TestImport:
    def test_rows_become_one_map_per_family_and_date(self, tmp_path: Path) -> None:
        (tmp_path / "members.csv").write_text("\n".join([HEADER, *ROWS]), encoding="utf-8")

        code, stdout, stderr = import_csv(tmp_path / "members.csv", tmp_path / "maps.jsonl")

        assert (code, stderr) == (ExitCode.OK, "")
        assert stdout == (
            f"Wrote 2 network maps of 2 families (3 members) to {tmp_path / 'maps.jsonl'}.\n"
        )
        first, second = read_maps(tmp_path / "maps.jsonl")
        assert [m.label for m in first.members] == ["Mummo", "Eeva"]
        assert second.id == "f-2@2026-03-05"

    @pytest.mark.parametrize("language", ["fi", "sv", "en"])
    def test_the_demo_maps_come_back_from_a_spreadsheet_in_any_language(
        self, tmp_path: Path, language: str
    ) -> None:
        csv_path = tmp_path / "members.csv"
        # A Finnish or Swedish spreadsheet program writes ; between cells and a byte-order mark.
        csv_path.write_text(spreadsheet(DEMO_MAPS, language=language), encoding="utf-8-sig")

        code, _, stderr = import_csv(csv_path, tmp_path / "maps.jsonl")

        assert code == ExitCode.OK, stderr
        assert read_maps(tmp_path / "maps.jsonl") == DEMO_MAPS

    @settings(max_examples=25)
    @given(
        maps=st.lists(st.sampled_from(DEMO_MAPS), min_size=1, max_size=2, unique_by=id),
        language=st.sampled_from(["fi", "sv", "en"]),
    )
    def test_maps_written_to_a_spreadsheet_import_back_unchanged(
        self, maps: list[NetworkMap], language: str
    ) -> None:
        runner = CliRunner()
        text = spreadsheet(maps, language=language)

        # Hypothesis runs this many times in one test: a fresh directory each time, not tmp_path.
        with tempfile.TemporaryDirectory() as directory:
            here = Path(directory)
            (here / "in.csv").write_text(text, encoding="utf-8")
            result = runner.invoke(cli, ["import-csv", str(here / "in.csv"), "-o", str(here / "o")])

            assert result.exit_code == 0, result.stderr
            assert read_maps(here / "o") == maps

    def test_a_tab_separated_file_needs_no_option(self, tmp_path: Path) -> None:
        rows = [HEADER, ROWS[1]]
        (tmp_path / "members.tsv").write_text(
            "\n".join(r.replace(",", "\t") for r in rows), encoding="utf-8"
        )

        code, _, _ = import_csv(tmp_path / "members.tsv", tmp_path / "maps.jsonl")

        assert code == ExitCode.OK
        assert len(read_maps(tmp_path / "maps.jsonl")) == 1

    def test_the_delimiter_can_be_given(self, tmp_path: Path) -> None:
        (tmp_path / "members.csv").write_text(f"{HEADER}\n{ROWS[1]}", encoding="utf-8")

        right = import_csv(tmp_path / "members.csv", tmp_path / "o.jsonl", "--delimiter", ",")
        wrong = import_csv(tmp_path / "members.csv", tmp_path / "o.jsonl", "--delimiter", ";")

        assert right[0] == ExitCode.OK
        assert wrong[0] == ExitCode.INVALID_INPUT
        assert "row 1: unknown column(s): family,drawn_on," in wrong[2]

    def test_an_existing_output_is_replaced_only_with_force(self, tmp_path: Path) -> None:
        (tmp_path / "members.csv").write_text("\n".join([HEADER, *ROWS]), encoding="utf-8")
        (tmp_path / "maps.jsonl").write_text("old\n", encoding="utf-8")

        refused = import_csv(tmp_path / "members.csv", tmp_path / "maps.jsonl")
        assert refused[0] == ExitCode.USAGE
        assert "add --force" in refused[2]
        assert (tmp_path / "maps.jsonl").read_text(encoding="utf-8") == "old\n"

        import_csv(tmp_path / "members.csv", tmp_path / "maps.jsonl", "--force")

        assert len(read_maps(tmp_path / "maps.jsonl")) == 2


class TestBadInput:
    def test_every_bad_row_is_reported_and_nothing_is_written(self, tmp_path: Path) -> None:
        rows = [HEADER, ROWS[0], ROWS[1].replace("outer", "outermost"), "f-3,2026-13-01" + ","
                + ROWS[2].split(",", 2)[2].replace("practical", "money")]  # fmt: skip
        (tmp_path / "members.csv").write_text("\n".join(rows), encoding="utf-8")

        code, stdout, stderr = import_csv(tmp_path / "members.csv", tmp_path / "maps.jsonl")

        csv_path = tmp_path / "members.csv"
        assert code == ExitCode.INVALID_INPUT
        assert stdout == ""
        assert stderr.splitlines() == [
            (
                f"{csv_path}: row 3, column ring: 'outermost' is not one of inner, middle, outer "
                "(or their Finnish, Swedish or English names)"
            ),
            (
                f"{csv_path}: row 4, column drawn_on: '2026-13-01' is not a date; write it as "
                "2026-03-02 or 2.3.2026"
            ),
            (
                f"{csv_path}: row 4, column support: 'money' is not one of emotional, practical, "
                "informational (or their Finnish, Swedish or English names)"
            ),
            f"3 problems in {csv_path}; nothing written to {tmp_path / 'maps.jsonl'}.",
        ]
        assert sorted(p.name for p in tmp_path.iterdir()) == ["members.csv"]

    def test_a_failed_import_leaves_an_earlier_output_untouched(self, tmp_path: Path) -> None:
        (tmp_path / "members.csv").write_text(f"{HEADER}\n{ROWS[0]},extra", encoding="utf-8")
        (tmp_path / "maps.jsonl").write_text("earlier\n", encoding="utf-8")

        code, _, _ = import_csv(tmp_path / "members.csv", tmp_path / "maps.jsonl")

        assert code == ExitCode.INVALID_INPUT
        assert (tmp_path / "maps.jsonl").read_text(encoding="utf-8") == "earlier\n"

    def test_an_unknown_column_is_refused_rather_than_dropped(self, tmp_path: Path) -> None:
        (tmp_path / "members.csv").write_text(f"{HEADER},suport\n{ROWS[1]},x", encoding="utf-8")

        code, _, stderr = import_csv(tmp_path / "members.csv", tmp_path / "maps.jsonl")

        assert code == ExitCode.INVALID_INPUT
        assert "row 1: unknown column(s): suport; rename them to one of family, drawn_on" in stderr

    def test_an_output_directory_that_does_not_exist_fails_with_one_line(
        self, tmp_path: Path
    ) -> None:
        (tmp_path / "members.csv").write_text("\n".join([HEADER, *ROWS]), encoding="utf-8")

        code, _, stderr = import_csv(tmp_path / "members.csv", tmp_path / "no" / "maps.jsonl")

        assert code == ExitCode.FAILURE
        assert stderr == (
            f"openco: error: No such file or directory: '{tmp_path / 'no' / 'maps.jsonl'}'\n"
        )

    def test_out_is_required(self, tmp_path: Path) -> None:
        (tmp_path / "members.csv").write_text(HEADER, encoding="utf-8")

        result = CliRunner().invoke(cli, ["import-csv", str(tmp_path / "members.csv")])

        assert result.exit_code == ExitCode.USAGE
        assert "Missing option '-o' / '--out'" in result.stderr

    def test_a_file_saved_by_excel_on_finnish_windows_is_read(self, tmp_path: Path) -> None:
        """Excel's plain CSV: Windows-1252, ";" between cells, empty columns, blank rows."""
        rows = [f"{HEADER};;", *(f"{row};;" for row in ROWS), ";;;;", ""]
        text = "\r\n".join(r.replace(",", ";") for r in rows).replace("Mummo", "Mummo Märta")
        (tmp_path / "members.csv").write_bytes(text.encode("cp1252"))

        code, stdout, _ = import_csv(tmp_path / "members.csv", tmp_path / "maps.jsonl")

        assert code == ExitCode.OK, stdout
        assert "Mummo Märta" in (tmp_path / "maps.jsonl").read_text(encoding="utf-8")

    def test_a_wrong_encoding_names_the_file_row_and_remedy(self, tmp_path: Path) -> None:
        text = f"{HEADER}\n{ROWS[0]}".replace("Mummo", "Mummo Märta")
        (tmp_path / "members.csv").write_bytes(text.encode("latin-1"))

        code, _, stderr = import_csv(
            tmp_path / "members.csv", tmp_path / "maps.jsonl", "--encoding", "utf-8"
        )

        assert code == ExitCode.INVALID_INPUT
        assert stderr.startswith(f"{tmp_path / 'members.csv'}: row 2: byte 0xe4 is not utf-8;")
        assert "--encoding cp1252" in stderr
        assert not (tmp_path / "maps.jsonl").exists()


class TestWriteLines:
    def test_a_failure_while_writing_leaves_the_old_file_and_no_temporary(
        self, tmp_path: Path
    ) -> None:
        target = tmp_path / "maps.jsonl"
        target.write_text("old\n", encoding="utf-8")

        def lines() -> Iterator[str]:
            yield "new"
            raise RuntimeError("disk went away")

        with pytest.raises(RuntimeError):
            write_lines(target, lines(), force=True)

        assert target.read_text(encoding="utf-8") == "old\n"
        assert [p.name for p in tmp_path.iterdir()] == ["maps.jsonl"]
