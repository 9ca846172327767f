"""``openco check``: every problem with its file, line and path; a summary; exit 1 on any."""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from openco.cli.check import DocumentChecker
from openco.cli.exit_codes import ExitCode
from openco.cli.main import cli
from openco.demo import vaaralampi_story
from openco.io import dumps

STORY = vaaralampi_story()


def run(*args: str | Path) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["check", *map(str, args)])
    return result.exit_code, result.output


@pytest.fixture
def story_json(tmp_path: Path) -> Path:
    path = tmp_path / "story.json"
    path.write_text(dumps(STORY, indent=2), encoding="utf-8")
    return path


@pytest.fixture
def maps_jsonl(tmp_path: Path) -> Path:
    path = tmp_path / "maps.jsonl"
    path.write_text("".join(dumps(m) + "\n" for m in STORY.network_maps), encoding="utf-8")
    return path


def edited(document: str, change: str, value: object) -> str:
    """*document* with the JSON value at the dotted path *change* replaced by *value*."""
    raw = json.loads(document)
    *parents, last = change.split(".")
    node = raw
    for step in parents:
        node = node[int(step)] if isinstance(node, list) else node[step]
    node[int(last) if isinstance(node, list) else last] = value
    return json.dumps(raw)


class TestValidFiles:
    def test_valid_documents_of_any_kind_pass(self, story_json: Path, maps_jsonl: Path) -> None:
        code, output = run(story_json, maps_jsonl)

        assert code == ExitCode.OK
        assert output == "Checked 2 files, 3 documents: no problems.\n"

    def test_blank_lines_are_not_documents(self, tmp_path: Path) -> None:
        path = tmp_path / "families.jsonl"
        path.write_text(f"\n{dumps(STORY.families[0])}\n\n", encoding="utf-8")

        assert run(path) == (0, "Checked 1 file, 1 document: no problems.\n")

    def test_a_birth_date_after_today_is_a_problem_only_if_today_is_given(
        self, tmp_path: Path
    ) -> None:
        family = dumps(STORY.families[0])
        path = tmp_path / "family.json"
        path.write_text(edited(family, "data.members.1.birth_date", "2027-01-01"), encoding="utf-8")

        assert run(path)[0] == ExitCode.OK
        assert run(path, "--today", "2026-11-30") == (
            1,
            (
                f"{path}: data.members[1].birth_date: a date after today (2026-11-30)\n"
                "Checked 1 file, 1 document: 1 problem in 1 file.\n"
            ),
        )


class TestProblems:
    def test_every_problem_in_every_file_is_reported(
        self, tmp_path: Path, story_json: Path
    ) -> None:
        first, second = (dumps(m) for m in STORY.network_maps)
        maps = tmp_path / "maps.jsonl"
        maps.write_text(
            "\n".join([
                first,
                edited(second, "data.members.0.ring", "outermost"),
                "",
                "{not json",
                dumps(STORY.families[0]),
            ]),
            encoding="utf-8",
        )  # fmt: skip
        bundle = tmp_path / "bundle.json"
        bundle.write_text(
            edited(story_json.read_text(encoding="utf-8"), "data.plans.0.items.0.responsible", "x"),
            encoding="utf-8",
        )

        code, output = run(story_json, maps, bundle)

        assert code == ExitCode.INVALID_INPUT
        assert output.splitlines() == [
            (
                f"{maps}:2: data.members[0].ring: got 'outermost', expected one of inner, middle, "
                "outer"
            ),
            (
                f"{maps}:4: $: not JSON: Expecting property name enclosed in double quotes: line 1 "
                "column 2 (char 1)"
            ),
            f"{bundle}: data.plans[0].items[0].responsible: no person has id 'x'",
            "Checked 3 files, 6 documents: 3 problems in 2 files.",
        ]

    def test_the_kind_is_read_from_the_document(self, tmp_path: Path) -> None:
        path = tmp_path / "odd.json"
        path.write_text('{"schema_version": 1, "kind": "famly", "data": {}}', encoding="utf-8")

        code, output = run(path)

        assert code == ExitCode.INVALID_INPUT
        assert output.startswith(
            f"{path}: kind: 'famly' is not one of area, bundle, case, concern,"
        )

    def test_each_json_line_names_its_own_kind(self, tmp_path: Path) -> None:
        """A file may mix kinds, as openco analyse reads it (openco generate writes bundles)."""
        path = tmp_path / "mixed.jsonl"
        path.write_text(
            "\n".join([dumps(STORY.families[0]), dumps(STORY.network_maps[0]), dumps(STORY)]),
            encoding="utf-8",
        )

        assert run(path) == (0, "Checked 1 file, 3 documents: no problems.\n")

    def test_a_line_that_is_not_a_document_does_not_stop_the_others(self, tmp_path: Path) -> None:
        path = tmp_path / "maps.jsonl"
        path.write_text("[]\n" + "\n".join(dumps(m) for m in STORY.network_maps), encoding="utf-8")

        assert run(path) == (
            1,
            (
                f"{path}:1: $: a document is a JSON object\n"
                "Checked 1 file, 3 documents: 1 problem in 1 file.\n"
            ),
        )

    def test_a_file_that_is_not_utf8_is_a_problem_not_a_crash(self, tmp_path: Path) -> None:
        path = tmp_path / "latin1.jsonl"
        path.write_bytes(dumps(STORY.families[0]).replace("Laura", "Läura").encode("latin-1"))

        code, output = run(path)

        assert code == ExitCode.INVALID_INPUT
        assert output.startswith(f"{path}:1: $: not UTF-8 text (byte ")

    def test_a_missing_file_is_a_usage_error(self, tmp_path: Path) -> None:
        code, output = run(tmp_path / "nowhere.json")

        assert code == ExitCode.USAGE
        assert "does not exist" in output

    def test_no_file_at_all_is_a_usage_error(self) -> None:
        assert run()[0] == ExitCode.USAGE


class TestStreaming:
    def test_json_lines_are_checked_lazily(self) -> None:
        """A problem on line 3 is reported before the (endless) rest of the file is read."""
        good = dumps(STORY.network_maps[0]).encode()

        def endless() -> Iterator[bytes]:
            yield good
            yield good
            yield b"{}"
            yield from itertools.repeat(good)

        checker = DocumentChecker()
        first = next(checker.check_lines(endless(), Path("big.jsonl")))

        assert first.line == 3
        assert checker.documents <= 4  # iter_loads reports a bad line when it yields the next
