"""Exit codes and one-line messages: whatever fails, the user gets one line and a known code."""

from __future__ import annotations

import importlib
import signal

import click
import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from openco.cli.exit_codes import EXIT_CODES_HELP, ExitCode, exit_code_for, one_line
from openco.cli.main import OpencoGroup
from openco.errors import DocumentProblem, InvalidDocumentError, InvalidModelError

problems = st.builds(DocumentProblem, st.text(), st.text())


class TestExitCodeFor:
    def test_openco_errors_and_undecodable_files_are_invalid_input(self) -> None:
        assert exit_code_for(InvalidModelError("Person", "name", "", "text")) == 1
        assert exit_code_for(UnicodeDecodeError("utf-8", b"\xff", 0, 1, "bad")) == 1

    def test_file_system_errors_and_bugs_are_other_failures(self) -> None:
        assert exit_code_for(FileNotFoundError(2, "No such file")) == ExitCode.FAILURE
        assert exit_code_for(ZeroDivisionError()) == ExitCode.FAILURE

    def test_the_help_table_lists_every_code_once(self) -> None:
        for code in ExitCode:
            assert EXIT_CODES_HELP.count(f"  {int(code)}  ") == 1


class TestOneLine:
    @given(st.lists(problems, max_size=5))
    def test_a_document_error_is_one_line_however_many_problems(
        self, found: list[DocumentProblem]
    ) -> None:
        text = one_line(InvalidDocumentError(found))

        assert len(text.splitlines()) <= 1

    @given(st.text(), st.sampled_from([RuntimeError, OSError, InvalidModelError]))
    def test_any_error_is_one_line(self, message: str, kind: type[Exception]) -> None:
        error = (
            kind(message, message, message, message) if kind is InvalidModelError else kind(message)
        )

        assert len(one_line(error).splitlines()) <= 1

    def test_an_os_error_without_a_file_name_shows_its_reason(self) -> None:
        assert one_line(OSError(28, "No space left on device")) == "No space left on device"


class TestAnInterruptSwallowedByALibrary:
    """An interrupt swallowed by a library still ends the command as interrupted.

    Ctrl-C that lands inside a library's import can be swallowed there and surface later as an
    unrelated error (seen: a half-imported numpy inside matplotlib). It is still the interrupt:
    exit 130 with the interrupt's line, never 'internal error' and exit 3.
    """

    def test_a_failure_after_the_signal_ends_as_interrupted(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        @click.command()
        def broken() -> None:
            raise ValueError("too many values to unpack")

        group = click.Group(name="probe", commands={"broken": broken})
        group.__class__ = OpencoGroup
        # The module, not the function openco.cli.main that openco.cli exports under its name.
        module = importlib.import_module("openco.cli.main")
        monkeypatch.setattr(module, "_SIGNALLED", [signal.SIGINT])

        result = CliRunner().invoke(group, ["broken"])

        assert result.exit_code == ExitCode.INTERRUPTED
        assert "interrupted" in result.output
        assert "internal error" not in result.output

    def test_without_a_signal_it_is_an_internal_error(self) -> None:
        @click.command()
        def broken() -> None:
            raise ValueError("too many values to unpack")

        group = click.Group(name="probe", commands={"broken": broken})
        group.__class__ = OpencoGroup

        result = CliRunner().invoke(group, ["broken"])

        assert result.exit_code == ExitCode.FAILURE
