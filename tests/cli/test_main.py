"""The ``openco`` command group: help, exit codes, one-line errors and --debug."""

from __future__ import annotations

import re
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from openco.cli.exit_codes import ExitCode
from openco.cli.main import OpencoGroup, cli
from openco.errors import DocumentProblem, InvalidDocumentError

DOCS = Path(__file__).parent.parent.parent / "docs"


def failing_group(error: BaseException) -> click.Group:
    """A group like openco's, with one command that raises *error*."""

    @click.group(cls=OpencoGroup)
    @click.option("--debug", is_flag=True)
    @click.pass_context
    def group(ctx: click.Context, debug: bool) -> None:
        ctx.meta["openco.debug"] = debug

    @group.command()
    def fail() -> None:
        raise error

    return group


class TestHelp:
    def test_the_help_lists_every_command_and_the_exit_codes(self) -> None:
        result = CliRunner().invoke(cli, ["--help"])

        assert result.exit_code == 0
        for name in cli.commands:
            assert name in result.output
        for code in ExitCode:
            assert re.search(rf"^\s+{int(code)}\s+\S", result.output, re.MULTILINE)

    @pytest.mark.parametrize("name", sorted(cli.commands))
    def test_every_command_has_help(self, name: str) -> None:
        result = CliRunner().invoke(cli, [name, "--help"])

        assert result.exit_code == 0
        assert result.output.startswith(f"Usage: cli {name}")

    def test_an_unknown_command_is_a_usage_error(self) -> None:
        result = CliRunner().invoke(cli, ["analyze-everything"])

        assert result.exit_code == ExitCode.USAGE
        assert "No such command" in result.stderr

    def test_the_version_is_printed(self) -> None:
        result = CliRunner().invoke(cli, ["--version"])

        assert result.exit_code == 0
        assert result.output.startswith("openco, version ")

    def test_the_docs_list_the_same_exit_codes(self) -> None:
        page = (DOCS / "cli.md").read_text(encoding="utf-8")

        for code in ExitCode:
            assert re.search(rf"^\| {int(code)} \| ", page, re.MULTILINE), code


class TestFailures:
    @pytest.mark.parametrize(
        ("error", "code", "message"),
        [
            (
                InvalidDocumentError([DocumentProblem("data.id", "missing")]),
                ExitCode.INVALID_INPUT,
                "openco: error: 1 problem in the document: data.id: missing\n",
            ),
            (
                PermissionError(13, "Permission denied", "out.jsonl"),
                ExitCode.FAILURE,
                "openco: error: Permission denied: 'out.jsonl'\n",
            ),
            (
                KeyError("x"),
                ExitCode.FAILURE,
                (
                    "openco: error: internal error (KeyError: 'x'); run again with --debug for "
                    "the traceback\n"
                ),
            ),
        ],
    )
    def test_a_failure_is_one_line_on_stderr_with_its_exit_code(
        self, error: Exception, code: ExitCode, message: str
    ) -> None:
        result = CliRunner().invoke(failing_group(error), ["fail"])

        assert result.exit_code == code
        assert result.stderr == message
        assert result.stdout == ""

    def test_debug_adds_the_traceback_and_keeps_the_exit_code(self) -> None:
        error = InvalidDocumentError([DocumentProblem("data.id", "missing")])

        result = CliRunner().invoke(failing_group(error), ["--debug", "fail"])

        assert result.exit_code == ExitCode.INVALID_INPUT
        assert result.stderr.startswith("Traceback (most recent call last):")
        assert result.stderr.endswith(
            "openco: error: 1 problem in the document: data.id: missing\n"
        )

    def test_the_openco_command_takes_debug_before_any_command(self, tmp_path: Path) -> None:
        (tmp_path / "m.csv").write_text(
            "family,drawn_on,drawn_with,member,label,sector,ring,tie\n", encoding="utf-8"
        )
        args = ["import-csv", str(tmp_path / "m.csv"), "-o", str(tmp_path / "no" / "m.jsonl")]

        plain = CliRunner().invoke(cli, args)
        debug = CliRunner().invoke(cli, ["--debug", *args])

        assert plain.exit_code == debug.exit_code == ExitCode.FAILURE
        assert "Traceback" not in plain.stderr
        assert "Traceback (most recent call last):" in debug.stderr
        assert debug.stderr.endswith(plain.stderr)

    def test_click_usage_errors_pass_through_unchanged(self) -> None:
        result = CliRunner().invoke(cli, ["check", "--today", "yesterday", "x.json"])

        assert result.exit_code == ExitCode.USAGE
        assert "openco: error" not in result.stderr
