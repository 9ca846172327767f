"""``openco schema``: prints the shipped schema of a kind, or writes it to --out."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from openco.cli.exit_codes import ExitCode
from openco.cli.main import cli
from openco.io.document_schema import stored_schema_text


def test_the_printed_schema_is_the_one_shipped_in_the_package() -> None:
    result = CliRunner().invoke(cli, ["schema", "family"])

    assert result.exit_code == ExitCode.OK
    assert result.output == stored_schema_text("family")


def test_out_writes_the_schema_to_a_file(tmp_path: Path) -> None:
    out = tmp_path / "case.schema.json"

    result = CliRunner().invoke(cli, ["schema", "case", "--out", str(out)])

    assert result.exit_code == ExitCode.OK
    assert result.output == ""
    assert json.loads(out.read_text(encoding="utf-8"))["properties"]["kind"] == {"const": "case"}


def test_an_unknown_kind_is_a_usage_error_that_lists_the_kinds() -> None:
    result = CliRunner().invoke(cli, ["schema", "families"])

    assert result.exit_code == ExitCode.USAGE
    assert "'network_map'" in result.output


def test_a_directory_that_cannot_be_written_leaves_no_file(tmp_path: Path) -> None:
    out = tmp_path / "missing" / "area.schema.json"

    result = CliRunner().invoke(cli, ["schema", "area", "--out", str(out)])

    assert result.exit_code == ExitCode.FAILURE
    assert not out.exists()


def test_an_existing_file_is_replaced_only_with_force(tmp_path: Path) -> None:
    out = tmp_path / "area.schema.json"
    out.write_text("mine", encoding="utf-8")

    refused = CliRunner().invoke(cli, ["schema", "area", "--out", str(out)])
    forced = CliRunner().invoke(cli, ["schema", "area", "--out", str(out), "--force"])

    assert refused.exit_code == ExitCode.USAGE
    assert forced.exit_code == ExitCode.OK
    assert out.read_text(encoding="utf-8") == stored_schema_text("area")
