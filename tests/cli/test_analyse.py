"""``openco analyse``: documents in, a directory of measures out, all or nothing."""

from __future__ import annotations

import csv
import json
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from openco.cli.exit_codes import ExitCode
from openco.cli.generate import population_lines
from openco.cli.keys import KEY_ENV
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
        assert "members[0].ring: got 'outermost'" in stderr  # a word of the vocabulary
        assert list(tmp_path.iterdir()) == [bad]

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("not json", "not JSON"),
            ('{"schema_version": 1, "kind": "flower", "data": {}}', "kind: got 'flower'"),
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
        assert sorted(p.name for p in tmp_path.iterdir()) == ["r", "r.pseudonym-key"]

    def test_fills_an_empty_directory(self, city: Path, tmp_path: Path) -> None:
        (tmp_path / "r").mkdir()
        code, _, _ = run(str(city), "-o", str(tmp_path / "r"), "--pictures", "0")
        assert code == ExitCode.OK
        assert (tmp_path / "r" / "families.csv").exists()

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


def key_file(path: Path, text: str = "a key of sixteen bytes or more\n") -> Path:
    path.write_text(text, encoding="utf-8")
    path.chmod(0o600)
    return path


class TestKeys:
    def test_without_a_key_a_new_random_one_is_written_beside_the_output(
        self, city: Path, tmp_path: Path
    ) -> None:
        code, stdout, _ = run(str(city), "--out", str(tmp_path / "r"), "--pictures", "0")

        assert code == ExitCode.OK
        written = tmp_path / "r.pseudonym-key"
        assert stat.S_IMODE(written.stat().st_mode) == 0o600
        assert len(written.read_bytes().strip()) == 64
        assert f"a new random key, written to {written} (owner-only)" in stdout
        first = rows(tmp_path / "r" / "families.csv")
        assert all(r["family"].startswith("p-") for r in first)
        assert not any("a0001" in r["family"] or "a0001" in r["map"] for r in first)

    def test_the_key_is_never_derived_from_the_data(self, city: Path, tmp_path: Path) -> None:
        """The same input twice, without a key: two keys, unrelated pseudonyms."""
        for name in ("a", "b"):
            run(str(city), "--out", str(tmp_path / name), "--pictures", "0")

        assert (tmp_path / "a.pseudonym-key").read_bytes() != (
            tmp_path / "b.pseudonym-key"
        ).read_bytes()
        a, b = rows(tmp_path / "a" / "families.csv"), rows(tmp_path / "b" / "families.csv")
        assert not {r["family"] for r in a} & {r["family"] for r in b}

    def test_the_key_of_an_earlier_run_is_never_overwritten_by_accident(
        self, city: Path, tmp_path: Path
    ) -> None:
        run(str(city), "--out", str(tmp_path / "r"), "--pictures", "0")
        kept = (tmp_path / "r.pseudonym-key").read_bytes()

        code, _, stderr = run(str(city), "--out", str(tmp_path / "r"), "--pictures", "0")

        assert code == ExitCode.USAGE
        assert "add --force" in stderr
        assert (tmp_path / "r.pseudonym-key").read_bytes() == kept

    def test_a_key_file_gives_the_same_pseudonyms_as_the_run_that_made_it(
        self, city: Path, tmp_path: Path
    ) -> None:
        run(str(city), "--out", str(tmp_path / "a"), "--pictures", "0")

        code, stdout, _ = run(
            str(city), "--out", str(tmp_path / "b"), "--pictures", "0",
            "--key-file", str(tmp_path / "a.pseudonym-key"),
        )  # fmt: skip

        assert code == ExitCode.OK
        assert "with the key in" in stdout
        assert not (tmp_path / "b.pseudonym-key").exists()
        assert (tmp_path / "a" / "families.csv").read_bytes() == (
            tmp_path / "b" / "families.csv"
        ).read_bytes()

    def test_the_environment_may_hold_the_key(self, city: Path, tmp_path: Path) -> None:
        key = key_file(tmp_path / "k")
        for name, env in (("a", {}), ("b", {KEY_ENV: key.read_text(encoding="utf-8")})):
            options = ["--key-file", str(key)] if not env else []
            result = CliRunner(env=env).invoke(
                cli, ["analyse", str(city), "-o", str(tmp_path / name), "--pictures", "0", *options]
            )
            assert result.exit_code == ExitCode.OK, result.output

        assert f"${KEY_ENV}" in result.stdout
        assert (tmp_path / "a" / "families.csv").read_bytes() == (
            tmp_path / "b" / "families.csv"
        ).read_bytes()

    def test_a_key_on_the_command_line_is_refused_with_the_way_to_give_one(
        self, city: Path, tmp_path: Path
    ) -> None:
        code, _, stderr = run(str(city), "-o", str(tmp_path / "r"), "--key", "sixteen bytes ++")

        assert code == ExitCode.USAGE
        assert "--key was removed" in stderr
        assert "--key-file" in stderr
        assert KEY_ENV in stderr
        assert list(tmp_path.iterdir()) == []

    @pytest.mark.parametrize(
        ("make", "message"),
        [
            (lambda d: ["--key-file", str(key_file(d / "k", "short\n"))], "at least 16"),
            (lambda d: ["--names", "--key-file", str(key_file(d / "k"))], "--names"),
        ],
    )
    def test_refuses_bad_keys(
        self, city: Path, tmp_path: Path, make: Callable[[Path], list[str]], message: str
    ) -> None:
        keys = tmp_path / "keys"
        keys.mkdir()

        code, _, stderr = run(str(city), "-o", str(tmp_path / "r"), *make(keys))

        assert code == ExitCode.USAGE
        assert message in stderr
        assert "short" not in stderr.replace("too short", "")
        assert sorted(p.name for p in tmp_path.iterdir()) == ["keys"]

    def test_a_key_file_others_can_read_is_used_with_a_warning(
        self, city: Path, tmp_path: Path
    ) -> None:
        key = key_file(tmp_path / "k")
        key.chmod(0o644)

        code, _, stderr = run(
            str(city), "-o", str(tmp_path / "r"), "--pictures", "0", "--key-file", str(key)
        )

        assert code == ExitCode.OK
        assert "can be read by others" in stderr

    def test_pseudonymised_dates_are_by_the_month_unless_asked(
        self, city: Path, tmp_path: Path
    ) -> None:
        key = key_file(tmp_path / "k")
        for name, options in (("m", []), ("d", ["--exact-dates"])):
            run(str(city), "-o", str(tmp_path / name), "--key-file", str(key), *options)

        assert all(len(r["drawn_on"]) == 7 for r in rows(tmp_path / "m" / "families.csv"))
        assert all(len(r["drawn_on"]) == 7 for r in rows(tmp_path / "m" / "maps" / "index.csv"))
        assert all(len(r["drawn_on"]) == 10 for r in rows(tmp_path / "d" / "families.csv"))

    def test_names_output_is_owner_only(self, city: Path, tmp_path: Path) -> None:
        run(str(city), "-o", str(tmp_path / "r"), "--names", "--pictures", "1")

        assert stat.S_IMODE((tmp_path / "r").stat().st_mode) == 0o700
        assert stat.S_IMODE((tmp_path / "r" / "families.csv").stat().st_mode) == 0o600
