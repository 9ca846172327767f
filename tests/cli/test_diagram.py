"""``openco diagram``: the workflow as Mermaid, DOT or a Markdown table."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from openco.cli.exit_codes import ExitCode
from openco.cli.main import cli
from openco.process import DEFAULT_WORKFLOW, render_dot, render_mermaid, render_table


class TestDiagram:
    def test_mermaid_is_the_default(self) -> None:
        result = CliRunner().invoke(cli, ["diagram"])

        assert result.exit_code == 0
        assert result.stdout == render_mermaid(DEFAULT_WORKFLOW) + "\n"

    @pytest.mark.parametrize("language", ["en", "fi", "sv"])
    def test_dot_is_labelled_in_the_language_asked(self, language: str) -> None:
        result = CliRunner().invoke(cli, ["diagram", "--format", "dot", "--lang", language])

        assert result.exit_code == 0
        assert result.stdout == render_dot(DEFAULT_WORKFLOW, language=language) + "\n"

    def test_markdown_uses_the_stable_names_unless_a_language_is_asked(self) -> None:
        plain = CliRunner().invoke(cli, ["diagram", "--format", "markdown"])
        finnish = CliRunner().invoke(cli, ["diagram", "--format", "markdown", "--lang", "fi"])

        assert plain.stdout == render_table(DEFAULT_WORKFLOW) + "\n"
        assert finnish.stdout == render_table(DEFAULT_WORKFLOW, language="fi") + "\n"

    def test_an_unknown_format_is_a_usage_error(self) -> None:
        result = CliRunner().invoke(cli, ["diagram", "--format", "png"])

        assert result.exit_code == ExitCode.USAGE
        assert "'--format'" in result.stderr
        assert result.stdout == ""

    def test_an_unknown_language_is_a_usage_error(self) -> None:
        result = CliRunner().invoke(cli, ["diagram", "--lang", "de"])

        assert result.exit_code == ExitCode.USAGE

    def test_help_lists_the_formats(self) -> None:
        result = CliRunner().invoke(cli, ["diagram", "--help"])

        assert result.exit_code == 0
        assert "mermaid" in result.stdout
        assert "markdown" in result.stdout
