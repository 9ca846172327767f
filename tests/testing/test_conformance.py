"""The conformance suite: what it says of each document is what openco says, every time."""

from __future__ import annotations

import functools
import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from openco.cli.check import DocumentChecker
from openco.cli.exit_codes import ExitCode
from openco.cli.main import cli
from openco.io import document_kinds, loads, schema
from openco.testing.conformance import (
    ConformanceCase,
    conformance_cases,
    manifest,
    read_options,
)

KINDS = ("area", "family", "network_map", "consent", "bundle", "case")


@functools.cache
def suite() -> tuple[ConformanceCase, ...]:
    return conformance_cases(kinds=KINDS, valid_per_kind=2, invalid_per_kind=6)


def test_each_kind_has_valid_and_invalid_documents() -> None:
    for kind in KINDS:
        mine = [case for case in suite() if case.kind == kind]
        assert any(case.valid for case in mine)
        assert any(not case.valid for case in mine)


def test_a_valid_document_loads_and_an_invalid_one_is_refused_with_the_problems_listed() -> None:
    for case in suite():
        checker = DocumentChecker(**read_options(document_kinds()[case.kind]))
        found = list(checker.check_text(case.text.encode(), Path(case.file)))

        assert [problem.problem for problem in found] == list(case.problems), case.file
        assert case.valid == (not case.problems)


def test_every_valid_document_passes_its_json_schema() -> None:
    for case in suite():
        if case.valid:
            jsonschema.validate(json.loads(case.text), schema(case.kind))


def test_an_invalid_document_that_passes_its_schema_breaks_a_rule_between_fields() -> None:
    """The loader's shape messages ("missing", "expected …") are always schema violations."""
    for case in suite():
        if case.valid:
            continue
        errors = list(
            jsonschema.Draft202012Validator(schema(case.kind)).iter_errors(json.loads(case.text))
        )
        if not errors:
            assert not any(
                p.message == "missing" or ", expected " in p.message for p in case.problems
            ), case.file


def test_the_same_seed_makes_the_same_suite_in_another_process() -> None:
    code = (
        "import json; from openco.testing.conformance import conformance_cases, manifest; "
        "cases = conformance_cases(kinds=('family', 'case'), valid_per_kind=1, "
        "invalid_per_kind=3); "
        "print(json.dumps([manifest(cases, seed=0), [c.text for c in cases]]))"
    )

    runs = [
        subprocess.run(  # noqa: S603 - our own interpreter, fixed code
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        ).stdout
        for _ in range(2)
    ]

    assert runs[0] == runs[1]
    assert json.loads(runs[0])[0]["cases"]


def test_another_seed_makes_other_documents() -> None:
    one = conformance_cases(kinds=("family",), valid_per_kind=2, invalid_per_kind=0)
    other = conformance_cases(seed=1, kinds=("family",), valid_per_kind=2, invalid_per_kind=0)

    assert [c.text for c in one] != [c.text for c in other]


def test_the_manifest_names_every_file_and_the_paths_of_its_problems() -> None:
    index = manifest(suite(), seed=0)

    assert [entry["file"] for entry in index["cases"]] == [case.file for case in suite()]
    for entry, case in zip(index["cases"], suite(), strict=True):
        assert entry["valid"] == case.valid
        if not case.valid:
            assert [p["path"] for p in entry["problems"]] == [p.path for p in case.problems]


@pytest.mark.parametrize("kind", ["area", "case"])
def test_a_valid_document_reads_back_as_its_class(kind: str) -> None:
    case = next(c for c in suite() if c.kind == kind and c.valid)

    cls = document_kinds()[kind]

    assert type(loads(case.text, cls, **read_options(cls))) is cls


class TestTheCommand:
    def test_it_writes_the_documents_the_manifest_the_schemas_and_a_readme(
        self, tmp_path: Path
    ) -> None:
        out = tmp_path / "suite"

        result = CliRunner().invoke(cli, ["conformance", "--out", str(out)])

        assert result.exit_code == ExitCode.OK, result.output
        index = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
        assert all((out / entry["file"]).is_file() for entry in index["cases"])
        assert {e["kind"] for e in index["cases"]} == set(document_kinds())
        assert (out / "schemas" / "case.schema.json").is_file()
        records = ["check", "--records", str(out / "case" / "records.json"), "--today"]
        cases = sorted(str(p) for p in (out / "case").glob("valid-*.json"))
        checked = CliRunner().invoke(cli, [*records, "2100-01-01", *cases])
        assert checked.exit_code == ExitCode.OK, checked.output
        assert "openco conformance --seed 0" in (out / "README.md").read_text(encoding="utf-8")
        assert "valid and" in result.output

    def test_a_folder_that_is_not_empty_is_refused_without_force(self, tmp_path: Path) -> None:
        (tmp_path / "mine.txt").write_text("keep", encoding="utf-8")

        result = CliRunner().invoke(cli, ["conformance", "--out", str(tmp_path)])

        assert result.exit_code == ExitCode.USAGE
        assert (tmp_path / "mine.txt").read_text(encoding="utf-8") == "keep"
