"""``openco analyse`` refuses hostile shapes at once, and stays within its memory budget."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from click.testing import CliRunner

from openco.cli import analyse as analyse_module
from openco.cli._limits import ByteSize
from openco.cli.exit_codes import ExitCode
from openco.cli.generate import population_lines
from openco.cli.main import cli
from openco.io import dumps
from openco.model import Bundle
from openco.synthetic.shapes import crowded_area, crowded_family, dense_map, star_professional


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["analyse", *args])
    return result.exit_code, result.stdout, result.stderr


def write(path: Path, bundle: Bundle) -> Path:
    path.write_text(dumps(bundle) + "\n", encoding="utf-8")
    return path


class TestShapes:
    @pytest.mark.parametrize(
        ("shape", "option", "value"),
        [
            (crowded_family(professionals=600), "--max-members-per-map", "600"),
            (dense_map(members=200), "--max-ties-per-map", "19,900"),
            (star_professional(families=30), "--max-families-per-professional", "30"),
            (crowded_area(units=30), "--max-units-per-area", "30"),
        ],
    )
    def test_a_shape_over_a_limit_is_refused_naming_limit_value_and_option(
        self, tmp_path: Path, shape: Bundle, option: str, value: str
    ) -> None:
        source = write(tmp_path / "shape.jsonl", shape)
        lowered = {
            "--max-families-per-professional": ["--max-families-per-professional", "29"],
            "--max-units-per-area": ["--max-units-per-area", "29"],
        }.get(option, [])

        code, stdout, stderr = run(str(source), "-o", str(tmp_path / "r"), *lowered)

        assert code == ExitCode.INVALID_INPUT, stderr
        assert stdout == ""
        assert option in stderr
        assert value in stderr
        assert stderr.count("\n") == 1
        assert sorted(p.name for p in tmp_path.iterdir()) == ["shape.jsonl"]

    def test_raising_the_limit_analyses_the_shape(self, tmp_path: Path) -> None:
        source = write(tmp_path / "shape.jsonl", crowded_family(professionals=600))
        out = tmp_path / "r"

        code, stdout, stderr = run(
            str(source), "-o", str(out), "--max-members-per-map", "600",
            "--max-professionals-per-family", "600", "--pictures", "0",
        )  # fmt: skip

        assert code == ExitCode.OK, stderr
        links = (out / "professional-links.csv").read_text(encoding="utf-8").splitlines()
        assert len(links) == 1 + 600 * 599 // 2
        assert "600 professionals" in stdout

    def test_a_large_network_says_its_betweenness_is_estimated(self, tmp_path: Path) -> None:
        source = write(tmp_path / "shape.jsonl", star_professional(families=40))
        out = tmp_path / "r"

        code, _, stderr = run(str(source), "-o", str(out), "--betweenness-sample", "10")

        assert code == ExitCode.OK, stderr
        network = (out / "area-network.csv").read_text(encoding="utf-8").splitlines()
        assert network[1].split(",")[-1] == "1.0"  # the hub, exact even when sampled


class TestMemoryBudget:
    def test_a_run_over_the_budget_stops_with_the_option_named(self, tmp_path: Path) -> None:
        source = tmp_path / "city.jsonl"
        source.write_text(
            "".join(f"{line}\n" for line in population_lines(families=20, seed=1)),
            encoding="utf-8",
        )

        code, _, stderr = run(str(source), "-o", str(tmp_path / "r"), "--memory-budget", "1MiB")

        assert code == ExitCode.INVALID_INPUT
        assert "--memory-budget" in stderr
        assert "bytes of memory held by openco analyse" in stderr
        assert not (tmp_path / "r").exists()

    @pytest.mark.parametrize(
        ("text", "size"),
        [("2GiB", 2 * 1024**3), ("1500MiB", 1500 * 1024**2), ("3G", 3 * 10**9),
         ("2147483648", 2**31), ("1.5 gib", 3 * 1024**3 // 2)],
    )  # fmt: skip
    def test_sizes_are_read_with_their_units(self, text: str, size: int) -> None:
        assert ByteSize().convert(text, None, None) == size

    @pytest.mark.parametrize("text", ["lots", "2 parsecs", "-1GiB", "100KiB"])
    def test_a_bad_size_is_a_usage_error(self, tmp_path: Path, text: str) -> None:
        code, _, stderr = run(str(tmp_path), "-o", str(tmp_path / "r"), "--memory-budget", text)

        assert code == ExitCode.USAGE
        assert "--memory-budget" in stderr


class TestTwoProcesses:
    """A large input is read by two processes; the output is the one process's, byte for byte."""

    @pytest.fixture
    def small_parts(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setattr(analyse_module, "_PARALLEL_FROM", 1)

    def population(self, path: Path, families: int) -> Path:
        path.write_text(
            "".join(f"{line}\n" for line in population_lines(families=families, seed=3)),
            encoding="utf-8",
        )
        return path

    @pytest.mark.usefixtures("small_parts")
    def test_two_processes_write_what_one_writes(self, tmp_path: Path) -> None:
        source = self.population(tmp_path / "city.jsonl", 90)
        extra = write(tmp_path / "extra.jsonl", star_professional(families=5))
        (tmp_path / "k").write_text("a key of sixteen bytes or more\n", encoding="utf-8")
        key = ["--key-file", str(tmp_path / "k")]

        one = run(str(source), str(extra), "-o", str(tmp_path / "one"), "--workers", "1", *key)
        two = run(str(source), str(extra), "-o", str(tmp_path / "two"), "--workers", "3", *key)

        assert one[0] == two[0] == ExitCode.OK, (one, two)
        assert one[1].replace("one", "two") == two[1]
        written = sorted(p.relative_to(tmp_path / "one") for p in (tmp_path / "one").rglob("*"))
        assert written
        assert written == sorted(
            p.relative_to(tmp_path / "two") for p in (tmp_path / "two").rglob("*")
        )
        for name in written:
            if (tmp_path / "one" / name).is_file():
                assert (tmp_path / "one" / name).read_bytes() == (
                    tmp_path / "two" / name
                ).read_bytes(), name

    @pytest.mark.usefixtures("small_parts")
    def test_a_bad_line_in_a_later_part_names_its_line(self, tmp_path: Path) -> None:
        source = self.population(tmp_path / "city.jsonl", 40)
        lines = source.read_text(encoding="utf-8").splitlines()
        lines[35] = lines[35].replace('"ring": "inner"', '"ring": "innermost"', 1)
        source.write_text("\n".join(lines) + "\n", encoding="utf-8")

        code, _, stderr = run(str(source), "-o", str(tmp_path / "r"), "--workers", "2")

        assert code == ExitCode.INVALID_INPUT
        assert f"{source}:36: " in stderr
        assert not (tmp_path / "r").exists()

    @pytest.mark.parametrize("parts", [2, 3, 5])
    def test_the_parts_cover_every_line_once_and_start_at_lines(
        self, tmp_path: Path, parts: int, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.setattr(analyse_module, "_PARALLEL_FROM", 1)
        files = [
            self.population(tmp_path / "a.jsonl", 7),
            write(tmp_path / "b.json", crowded_area(units=2)),
            self.population(tmp_path / "c.jsonl", 3),
        ]

        found = analyse_module._parts(files, parts)

        assert found is not None
        assert len(found) == parts
        spans: dict[Path, list[tuple[int, int]]] = {}
        for run_ in found:
            for segment in run_:
                end = segment.end if segment.end is not None else segment.path.stat().st_size
                spans.setdefault(segment.path, []).append((segment.start, end))
                if segment.start:
                    assert segment.path.read_bytes()[segment.start - 1] == ord("\n")
        for path in files:
            covered = sorted(spans[path])
            assert covered[0][0] == 0
            assert covered[-1][1] == path.stat().st_size
            assert all(a[1] == b[0] for a, b in itertools.pairwise(covered))
