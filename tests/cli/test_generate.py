"""``openco generate``: a seeded population as JSON Lines of bundles, all or nothing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from openco.cli.exit_codes import ExitCode
from openco.cli.generate import population_lines
from openco.cli.main import cli
from openco.io import iter_loads
from openco.model import Bundle
from openco.process import Case, Records, replay


def run(*args: str) -> tuple[int, bytes, str]:
    result = CliRunner().invoke(cli, ["generate", *args])
    return result.exit_code, result.stdout_bytes, result.stderr


class TestGenerate:
    def test_writes_one_bundle_per_family_after_the_areas_services(self, tmp_path: Path) -> None:
        out = tmp_path / "city.jsonl"
        code, _, err = run("--families", "25", "--seed", "3", "--out", str(out))
        assert code == ExitCode.OK
        assert err == f"Wrote 25 families (seed 3) to {out}.\n"
        bundles = list(iter_loads(out.read_text(encoding="utf-8").splitlines(), Bundle))
        assert len(bundles) == 26
        assert not bundles[0].families
        assert bundles[0].professionals
        assert all(len(b.families) == 1 and len(b.network_maps) == 1 for b in bundles[1:])

    def test_writes_to_stdout_with_a_dash(self) -> None:
        code, out, _ = run("--families", "2", "--out", "-")
        assert code == ExitCode.OK
        assert out.decode().splitlines() == list(population_lines(families=2, seed=0))

    def test_the_same_seed_gives_the_same_bytes(self, tmp_path: Path) -> None:
        first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
        run("--families", "40", "--seed", "9", "-o", str(first))
        run("--families", "40", "--seed", "9", "-o", str(second))
        assert first.read_bytes() == second.read_bytes()
        run("--families", "40", "--seed", "10", "-o", str(second), "--force")
        assert first.read_bytes() != second.read_bytes()

    def test_the_families_carry_concerns(self, tmp_path: Path) -> None:
        out = tmp_path / "city.jsonl"
        run("--families", "200", "--seed", "1", "-o", str(out))
        bundles = list(iter_loads(out.read_text(encoding="utf-8").splitlines(), Bundle))
        assert sum(len(b.concerns) for b in bundles) > 0

    @pytest.mark.parametrize("families", ["-1", "many"])
    def test_refuses_a_bad_count_with_a_usage_error(self, tmp_path: Path, families: str) -> None:
        out = tmp_path / "city.jsonl"
        code, _, err = run("--families", families, "-o", str(out))
        assert code == ExitCode.USAGE
        assert "Invalid value for '--families'" in err
        assert not out.exists()

    def test_an_unwritable_place_is_one_line_and_leaves_nothing(self, tmp_path: Path) -> None:
        out = tmp_path / "missing" / "city.jsonl"
        code, _, err = run("--families", "3", "-o", str(out))
        assert code == ExitCode.FAILURE
        assert err.count("\n") == 1
        assert err.startswith("openco: error: No such file or directory")
        assert not out.parent.exists()

    def test_an_existing_file_is_kept_when_writing_fails(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        out = tmp_path / "city.jsonl"
        out.write_text("old\n", encoding="utf-8")

        def broken(**_: int) -> object:
            yield "first line"
            raise OSError(28, "No space left on device")

        monkeypatch.setattr("openco.cli.generate.population_lines", broken)
        code, _, err = run("--families", "3", "-o", str(out), "--force")
        assert code == ExitCode.FAILURE
        assert "No space left on device" in err
        assert out.read_text(encoding="utf-8") == "old\n"
        assert [p.name for p in tmp_path.iterdir()] == ["city.jsonl"]

    def test_help_says_what_it_writes(self) -> None:
        code, out, _ = run("--help")
        assert code == ExitCode.OK
        assert b"--families" in out
        assert b"bundle" in out


class TestCases:
    def test_writes_one_loadable_case_per_concern(self, tmp_path: Path) -> None:
        out, cases = tmp_path / "city.jsonl", tmp_path / "cases.jsonl"
        code, _, _ = run("--families", "300", "--seed", "7", "-o", str(out), "--cases", str(cases))
        assert code == ExitCode.OK
        bundles = list(iter_loads(out.read_text(encoding="utf-8").splitlines(), Bundle))
        records = Records(  # each family's bundle repeats the area's staff and units
            professionals={p.id: p for b in bundles for p in b.professionals},
            units={u.id: u for b in bundles for u in b.units},
            families={f.id: f for b in bundles for f in b.families},
        )
        lines = cases.read_text(encoding="utf-8").splitlines()
        today = dt.date(2100, 1, 1)
        loaded = list(iter_loads(lines, Case, records=records, today=today))
        assert len(loaded) == sum(len(b.concerns) for b in bundles) > 0
        assert all(replay(c.history, records=records, today=today) == c for c in loaded)
        assert len({c.stage for c in loaded}) > 3

    def test_openco_check_accepts_the_cases(self, tmp_path: Path) -> None:
        out, cases = tmp_path / "city.jsonl", tmp_path / "cases.jsonl"
        run("--families", "100", "-o", str(out), "--cases", str(cases))
        args = ["check", "--records", str(out), "--today", "2100-01-01", str(cases)]
        result = CliRunner().invoke(cli, args)
        assert result.exit_code == ExitCode.OK, result.output
        assert "no problems" in result.output

    def test_openco_check_judges_cases_only_by_the_records(self, tmp_path: Path) -> None:
        out, cases = tmp_path / "city.jsonl", tmp_path / "cases.jsonl"
        run("--families", "30", "-o", str(out), "--cases", str(cases))
        result = CliRunner().invoke(cli, ["check", str(cases)])
        assert result.exit_code == ExitCode.INVALID_INPUT
        assert "judged by the records" in result.output

    def test_the_population_file_is_the_same_with_or_without_cases(self, tmp_path: Path) -> None:
        run("--families", "50", "-o", str(tmp_path / "a.jsonl"))
        run("--families", "50", "-o", str(tmp_path / "b.jsonl"), "--cases", str(tmp_path / "c"))
        assert (tmp_path / "a.jsonl").read_bytes() == (tmp_path / "b.jsonl").read_bytes()

    def test_cases_go_beside_a_population_on_stdout(self, tmp_path: Path) -> None:
        cases = tmp_path / "cases.jsonl"
        code, out, _ = run("--families", "100", "-o", "-", "--cases", str(cases))
        assert code == ExitCode.OK
        assert out
        assert cases.read_text(encoding="utf-8").count('"kind": "case"') > 0

    def test_a_failed_run_leaves_no_cases_file(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        cases = tmp_path / "cases.jsonl"

        def broken(**_: object) -> object:
            yield "first line"
            raise OSError(28, "No space left on device")

        monkeypatch.setattr("openco.cli.generate.population_lines", broken)
        code, _, _ = run("--families", "3", "-o", str(tmp_path / "c.jsonl"), "--cases", str(cases))
        assert code == ExitCode.FAILURE
        assert list(tmp_path.iterdir()) == []

    def test_help_mentions_the_cases(self) -> None:
        _, out, _ = run("--help")
        assert b"--cases" in out
        assert b"case document" in out


class TestPopulationLines:
    @settings(max_examples=10)
    @given(families=st.integers(0, 30), seed=st.integers(0, 2**32))
    def test_each_family_is_one_line_besides_one_line_per_area(
        self, families: int, seed: int
    ) -> None:
        lines = list(population_lines(families=families, seed=seed))
        assert len(lines) == families + (1 if families else 0)
