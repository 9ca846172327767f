"""``openco analyse``: documents in, a directory of measures out, all or nothing."""

from __future__ import annotations

import csv
import json
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from openco.cli.analyse import derived_key
from openco.cli.exit_codes import ExitCode
from openco.cli.generate import population_lines
from openco.cli.main import cli
from openco.io import dumps
from openco.synthetic import example_follow_up_map, example_map


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["analyse", *args])
    return result.exit_code, result.stdout, result.stderr


def population(path: Path, families: int, seed: int = 1) -> Path:
    path.write_text(
        "".join(f"{line}\n" for line in population_lines(families=families, seed=seed)),
        encoding="utf-8",
    )
    return path


def rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def city(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return population(tmp_path_factory.mktemp("city") / "city.jsonl", 120)


class TestAnalyse:
    def test_writes_family_and_area_tables_graphml_and_pictures(
        self, city: Path, tmp_path: Path
    ) -> None:
        out = tmp_path / "report"
        code, stdout, _ = run(str(city), "--out", str(out), "--pictures", "2")
        assert code == ExitCode.OK, stdout
        assert sorted(p.name for p in out.iterdir()) == [
            "area-network.csv", "areas.csv", "families.csv", "maps",
            "professional-links.csv", "professionals.graphml",
        ]  # fmt: skip
        assert len(rows(out / "families.csv")) == 120
        assert [r["area"] for r in rows(out / "areas.csv")] == ["a0001"]
        assert (out / "professionals.graphml").read_text(encoding="utf-8").startswith("<graphml")
        pictures = sorted((out / "maps").glob("*.svg"))
        assert [p.name for p in pictures] == ["map-1.svg", "map-2.svg"]
        assert all("<svg" in p.read_text(encoding="utf-8") for p in pictures)
        index = rows(out / "maps" / "index.csv")
        assert [r["picture"] for r in index] == ["map-1.svg", "map-2.svg"]
        assert all(r["family"].startswith("p-") for r in index)
        assert stdout.startswith("Read 121 documents from 1 file: 120 network maps, 120 families")

    def test_pseudonymises_with_a_key_derived_from_the_input(
        self, city: Path, tmp_path: Path
    ) -> None:
        run(str(city), "--out", str(tmp_path / "a"))
        run(str(city), "--out", str(tmp_path / "b"), "--key", derived_key([city]).decode("latin-1"))
        first = rows(tmp_path / "a" / "families.csv")
        assert all(r["family"].startswith("p-") for r in first)
        assert not any("a0001" in r["family"] or "a0001" in r["map"] for r in first)
        assert (tmp_path / "a" / "families.csv").read_bytes() != (
            tmp_path / "b" / "families.csv"
        ).read_bytes()  # the text of the key is not the derived bytes

    def test_the_same_key_gives_the_same_pseudonyms(self, city: Path, tmp_path: Path) -> None:
        for name in ("a", "b"):
            run(str(city), "--out", str(tmp_path / name), "--key", "sixteen bytes or more")
        assert (tmp_path / "a" / "families.csv").read_bytes() == (
            tmp_path / "b" / "families.csv"
        ).read_bytes()

    def test_shows_ids_only_when_asked(self, city: Path, tmp_path: Path) -> None:
        code, stdout, _ = run(str(city), "--out", str(tmp_path / "r"), "--names")
        assert code == ExitCode.OK
        assert rows(tmp_path / "r" / "families.csv")[0]["family"] == "a0001-f00001"
        assert "--names" in stdout

    def test_reads_single_documents_and_maps_without_services(self, tmp_path: Path) -> None:
        (tmp_path / "before.json").write_text(dumps(example_map()), encoding="utf-8")
        (tmp_path / "after.json").write_text(dumps(example_follow_up_map()), encoding="utf-8")
        out = tmp_path / "r"
        code, stdout, _ = run(
            str(tmp_path / "before.json"), str(tmp_path / "after.json"), "-o", str(out),
            "--pictures", "0",
        )  # fmt: skip
        assert code == ExitCode.OK, stdout
        assert sorted(p.name for p in out.iterdir()) == ["families.csv"]
        assert len(rows(out / "families.csv")) == 2

    def test_draws_dot_without_matplotlib(
        self, city: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.setattr("openco.cli.analyse._has_matplotlib", lambda: False)
        run(str(city), "-o", str(tmp_path / "r"), "--pictures", "1")
        assert sorted(p.name for p in (tmp_path / "r" / "maps").iterdir()) == [
            "index.csv", "map-1.dot",
        ]  # fmt: skip

    def test_shows_progress_when_asked(self, city: Path, tmp_path: Path) -> None:
        _, _, stderr = run(str(city), "-o", str(tmp_path / "r"), "--progress")
        assert "Reading" in stderr

    def test_a_bad_document_is_one_line_and_writes_nothing(
        self, city: Path, tmp_path: Path
    ) -> None:
        lines = city.read_text(encoding="utf-8").splitlines()
        broken = json.loads(lines[5])
        broken["data"]["network_maps"][0]["members"][0]["ring"] = "outermost"
        lines[5] = json.dumps(broken)
        bad = tmp_path / "bad.jsonl"
        bad.write_text("\n".join(lines), encoding="utf-8")
        out = tmp_path / "r"
        code, stdout, stderr = run(str(bad), "-o", str(out))
        assert code == ExitCode.INVALID_INPUT
        assert stdout == ""
        assert stderr.count("\n") == 1
        assert stderr.startswith(f"openco: error: 1 problem in the document: {bad}:6: ")
        assert "outermost" in stderr
        assert list(tmp_path.iterdir()) == [bad]

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("not json", "not JSON"),
            ('{"schema_version": 1, "kind": "flower", "data": {}}', "flower"),
            ('{"schema_version": 1, "kind": "bundle", "data": {"areas": 3}}', "data.areas"),
        ],
    )
    def test_an_unreadable_document_names_its_file(
        self, tmp_path: Path, text: str, expected: str
    ) -> None:
        bad = tmp_path / "bad.json"
        bad.write_text(text, encoding="utf-8")
        code, _, stderr = run(str(bad), "-o", str(tmp_path / "r"))
        assert code == ExitCode.INVALID_INPUT
        assert f"{bad}" in stderr
        assert expected in stderr
        assert not (tmp_path / "r").exists()

    def test_refuses_a_directory_that_holds_files(self, city: Path, tmp_path: Path) -> None:
        (tmp_path / "r").mkdir()
        (tmp_path / "r" / "keep.txt").write_text("mine", encoding="utf-8")
        code, _, stderr = run(str(city), "-o", str(tmp_path / "r"))
        assert code == ExitCode.USAGE
        assert "is not empty; choose another directory or add --force" in stderr
        assert [p.name for p in (tmp_path / "r").iterdir()] == ["keep.txt"]

    def test_force_replaces_a_directory_that_holds_files(self, city: Path, tmp_path: Path) -> None:
        (tmp_path / "r").mkdir()
        (tmp_path / "r" / "old.txt").write_text("earlier", encoding="utf-8")
        code, _, _ = run(str(city), "-o", str(tmp_path / "r"), "--pictures", "0", "--force")
        assert code == ExitCode.OK
        assert min(p.name for p in (tmp_path / "r").iterdir()) == "area-network.csv"
        assert not (tmp_path / "r" / "old.txt").exists()
        assert [p.name for p in tmp_path.iterdir()] == ["r"]

    def test_fills_an_empty_directory(self, city: Path, tmp_path: Path) -> None:
        (tmp_path / "r").mkdir()
        code, _, _ = run(str(city), "-o", str(tmp_path / "r"), "--pictures", "0")
        assert code == ExitCode.OK
        assert (tmp_path / "r" / "families.csv").exists()

    @pytest.mark.parametrize(
        ("options", "message"),
        [
            (["--key", "short"], "at least 16 bytes"),
            (["--names", "--key", "sixteen bytes or more"], "cannot be used with --key"),
        ],
    )
    def test_refuses_bad_keys(
        self, city: Path, tmp_path: Path, options: list[str], message: str
    ) -> None:
        code, _, stderr = run(str(city), "-o", str(tmp_path / "r"), *options)
        assert code == ExitCode.USAGE
        assert message in stderr
        assert not (tmp_path / "r").exists()

    def test_a_missing_file_is_a_usage_error(self, tmp_path: Path) -> None:
        code, _, stderr = run(str(tmp_path / "nope.jsonl"), "-o", str(tmp_path / "r"))
        assert code == ExitCode.USAGE
        assert "does not exist" in stderr

    def test_help_lists_the_options(self) -> None:
        code, stdout, _ = run("--help")
        assert code == ExitCode.OK
        for option in ("--out", "--key", "--names", "--pictures", "--progress"):
            assert option in stdout


class TestRoundTrip:
    @settings(max_examples=5, deadline=None)
    @given(families=st.integers(1, 40), seed=st.integers(0, 1000))
    def test_generate_n_families_gives_n_rows(self, families: int, seed: int) -> None:
        runner = CliRunner()
        with tempfile.TemporaryDirectory() as where:
            source, out = Path(where) / "p.jsonl", Path(where) / "r"
            generated = runner.invoke(
                cli, ["generate", f"--families={families}", f"--seed={seed}", f"--out={source}"]
            )
            assert generated.exit_code == ExitCode.OK
            result = runner.invoke(cli, ["analyse", str(source), f"--out={out}", "--pictures=0"])
            assert result.exit_code == ExitCode.OK, result.output
            assert len(rows(out / "families.csv")) == families
