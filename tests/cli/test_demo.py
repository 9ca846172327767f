"""``openco demo``: the story end to end, its files, its languages, and failures all or nothing."""

from __future__ import annotations

import datetime as dt
import json
import os
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

from openco.cli.demo import LANGUAGES, demo_files, run_demo, tell_story
from openco.cli.exit_codes import ExitCode
from openco.cli.main import cli
from openco.demo import vaaralampi_records
from openco.errors import InvalidArgumentError
from openco.io import loads
from openco.model import Bundle
from openco.process import Case

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
EXPECTED = {
    "story.txt", "story.json", "case.json", "workflow.mmd", "workflow.dot",
    "area-report.md", "area-report.csv", "network-map-before.dot", "network-map-after.dot",
    "network-map-before.svg", "network-map-after.svg",
    "network-map-before.png", "network-map-after.png", "workflow.svg", "workflow.png",
    "report.html",
}  # fmt: skip


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    out = tmp_path_factory.mktemp("demo") / "demo-output"
    result = CliRunner().invoke(cli, ["demo", "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out, result.stdout


def names(directory: Path) -> set[str]:
    return {p.name for p in directory.iterdir()}


class TestTheDemoEndToEnd:
    def test_it_writes_every_file_and_nothing_else(self, written: tuple[Path, str]) -> None:
        out, stdout = written

        assert names(out) == EXPECTED | {"cases.sqlite"}  # the store: tests/cli/test_store.py
        assert stdout.rstrip().endswith(f"Wrote {len(EXPECTED) + 1} files to {out}")

    def test_the_account_tells_the_whole_story(self, written: tuple[Path, str]) -> None:
        _, stdout = written

        for part in (
            "grey zone", "preparation questions", "custodial parent", "What goes well",
            "anticipation dialogue", "Grandmother (mummo)", "Neighbour Eeva",
            "from outside the case", "1. Aino (child)", "Refused:", "[L5]",
            "The case is unchanged", "never blocked", "The worklist on 2026-04-22",
            "(overdue)", "grew from 4 to 6", "The worry now: small concern", "Vaaralampi:",
            "Ounasrinne:",
        ):  # fmt: skip
            assert part in stdout

    def test_the_pictures_are_valid_svg_and_png(self, written: tuple[Path, str]) -> None:
        out, _ = written

        for when in ("before", "after"):
            root = ET.parse(out / f"network-map-{when}.svg").getroot()  # noqa: S314 - our own file
            assert root.tag == "{http://www.w3.org/2000/svg}svg"
            assert (out / f"network-map-{when}.png").read_bytes().startswith(PNG_SIGNATURE)
            assert (out / f"network-map-{when}.dot").read_text("utf-8").startswith("graph ")

    def test_the_case_history_loads_back_equal(self, written: tuple[Path, str]) -> None:
        out, _ = written

        text = (out / "case.json").read_text(encoding="utf-8")
        records, today = vaaralampi_records(), dt.date(2026, 12, 31)

        case = loads(text, Case, records=records, today=today)

        assert case == tell_story().case
        assert case.stage.value == "closed"

    def test_the_story_bundle_loads_back(self, written: tuple[Path, str]) -> None:
        out, _ = written

        story = loads((out / "story.json").read_text(encoding="utf-8"), Bundle)

        assert story == tell_story().story

    def test_the_diagrams_and_area_report_are_there(self, written: tuple[Path, str]) -> None:
        out, _ = written

        assert (out / "workflow.mmd").read_text("utf-8").startswith("stateDiagram-v2")
        assert (out / "workflow.dot").read_text("utf-8").startswith("digraph workflow")
        report = (out / "area-report.md").read_text("utf-8")
        assert "| Vaaralampi |" in report
        assert "| Ounasrinne |" in report
        rows = (out / "area-report.csv").read_text("utf-8").splitlines()
        assert rows[0].startswith("area,")
        assert sorted(r.split(",")[0] for r in rows[1:]) == ["ounasrinne", "vaaralampi"]
        json.loads((out / "story.json").read_text("utf-8"))

    def test_a_directory_that_holds_files_is_refused_without_force(self, tmp_path: Path) -> None:
        out = tmp_path / "out"
        out.mkdir()
        (out / "mine.txt").write_text("kept", encoding="utf-8")

        result = CliRunner().invoke(cli, ["demo", "--out", str(out)])

        assert result.exit_code == ExitCode.USAGE
        assert "add --force" in result.stderr
        assert names(out) == {"mine.txt"}

    def test_force_replaces_the_directory_as_a_whole(self, tmp_path: Path) -> None:
        out = tmp_path / "out"
        out.mkdir()
        (out / "mine.txt").write_text("replaced", encoding="utf-8")

        run_demo(out, echo=lambda _: None, force=True)

        assert names(out) == EXPECTED | {"cases.sqlite"}
        assert names(tmp_path) == {"out"}


class TestLanguages:
    @pytest.mark.parametrize(
        ("language", "title"),
        [
            ("en", "The Vaaralampi story"),
            ("fi", "Vaaralammen tarina"),
            ("sv", "Berättelsen från Vaaralampi"),
        ],
    )
    def test_each_language_tells_the_story_with_its_own_refusal(
        self, language: str, title: str
    ) -> None:
        result = CliRunner().invoke(cli, ["demo", "--lang", language])

        assert result.exit_code == 0, result.output
        assert result.stdout.startswith(title)
        told = tell_story(language)
        reason = {"en": "is not allowed", "fi": "ei kelpaa", "sv": "inte"}[language]
        assert reason in next(line for line in told.text.splitlines() if "[L5]" in line)

    def test_every_language_renders_the_same_files(self) -> None:
        told = tell_story("fi")

        for language in LANGUAGES:
            assert set(demo_files(told, language).files) == EXPECTED

    def test_tell_story_refuses_an_unknown_language(self) -> None:
        with pytest.raises(InvalidArgumentError, match="language"):
            tell_story("de")


class TestBadInput:
    def test_help_lists_the_options_and_the_files(self) -> None:
        result = CliRunner().invoke(cli, ["demo", "--help"])

        assert result.exit_code == 0
        for part in ("--out", "--lang", "case.json", "area-report.md"):
            assert part in result.stdout

    def test_an_unknown_language_is_a_usage_error_and_writes_nothing(self, tmp_path: Path) -> None:
        result = CliRunner().invoke(cli, ["demo", "--lang", "de", "--out", str(tmp_path / "o")])

        assert result.exit_code == ExitCode.USAGE
        assert "'--lang'" in result.stderr
        assert list(tmp_path.iterdir()) == []

    def test_without_out_the_demo_only_prints(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.chdir(tmp_path)

        result = CliRunner().invoke(cli, ["demo"])

        assert result.exit_code == 0
        assert list(tmp_path.iterdir()) == []

    def test_out_naming_a_file_is_a_usage_error(self, tmp_path: Path) -> None:
        (tmp_path / "taken").write_text("mine", encoding="utf-8")

        result = CliRunner().invoke(cli, ["demo", "--out", str(tmp_path / "taken")])

        assert result.exit_code == ExitCode.USAGE
        assert (tmp_path / "taken").read_text(encoding="utf-8") == "mine"

    def test_an_unwritable_out_fails_with_one_line(self, tmp_path: Path) -> None:
        (tmp_path / "file").write_text("", encoding="utf-8")

        result = CliRunner().invoke(cli, ["demo", "--out", str(tmp_path / "file" / "demo")])

        assert result.exit_code == ExitCode.FAILURE
        assert result.stderr.startswith("openco: error: ")
        assert result.stderr.count("\n") == 1
        assert result.stdout == ""
        assert names(tmp_path) == {"file"}

    @pytest.mark.skipif(os.geteuid() == 0, reason="root may write anywhere")
    def test_a_read_only_parent_fails_and_leaves_nothing(self, tmp_path: Path) -> None:
        parent = tmp_path / "ro"
        parent.mkdir()
        parent.chmod(0o500)
        try:
            result = CliRunner().invoke(cli, ["demo", "--out", str(parent / "demo")])
        finally:
            parent.chmod(0o700)

        assert result.exit_code == ExitCode.FAILURE
        assert result.stderr.count("\n") == 1
        assert list(parent.iterdir()) == []

    def test_a_failure_half_way_leaves_the_directory_as_it_was(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        out = tmp_path / "out"
        calls = 0
        real_write = Path.write_text

        def failing(self: Path, *args: object, **kwargs: object) -> int:
            nonlocal calls
            calls += 1
            if calls == 3:
                raise OSError(28, "No space left on device", str(self))
            return real_write(self, *args, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(Path, "write_text", failing)

        result = CliRunner().invoke(cli, ["demo", "--out", str(out)])

        assert result.exit_code == ExitCode.FAILURE
        assert "No space left on device" in result.stderr
        assert names(tmp_path) == set()
