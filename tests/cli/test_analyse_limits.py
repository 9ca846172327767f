"""``openco analyse`` refuses hostile shapes at once, and stays within its memory budget."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

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
