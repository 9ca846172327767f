"""``openco store``: init, import what generate --cases writes, verify, log and worklist."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
import sqlalchemy as sa
from click.testing import CliRunner, Result

import openco.store
from openco.cli.exit_codes import ExitCode
from openco.cli.main import cli
from openco.cli.store import _records
from openco.demo import vaaralampi_records
from openco.io import iter_loads, loads
from openco.process import Case, Records, obligations
from openco.store import Reader

AT = dt.datetime(2026, 6, 2, tzinfo=dt.UTC)
READER = Reader(person="w-test")


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, ["store", *args])


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Case], Records]:
    folder = tmp_path_factory.mktemp("generated")
    cases = folder / "cases.jsonl"
    result = CliRunner().invoke(
        cli, ["generate", "--families", "300", "--seed", "5", "--out", str(folder / "pop.jsonl"),
              "--cases", str(cases)],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    records = _records(folder / "pop.jsonl")
    lines = cases.read_text(encoding="utf-8").splitlines()
    return cases, list(iter_loads(lines, Case, records=records, today=dt.date.max)), records


def store_import(target: str, source: Path, *args: str) -> Result:
    """``openco store import`` with the population file beside *source* as the records."""
    return run("import", target, str(source), "--records", str(source.parent / "pop.jsonl"), *args)


class TestImport:
    def test_every_generated_case_is_stored_and_reads_back_equal(
        self, generated: tuple[Path, list[Case], Records], tmp_path: Path
    ) -> None:
        source, cases, records = generated
        target = str(tmp_path / "cases.sqlite")

        result = store_import(target, source, "--batch", "7")

        assert result.exit_code == ExitCode.OK, result.output
        assert f"stored {len(cases)} cases" in result.stdout
        with openco.store.open(target, records=records) as store:
            for case in cases:
                stored = store.read(str(case.concern.id), reader=READER, purpose="t", at=AT)
                assert stored.case == case

    def test_importing_the_same_file_twice_is_harmless(
        self, generated: tuple[Path, list[Case], Records], tmp_path: Path
    ) -> None:
        source, cases, records = generated
        target = str(tmp_path / "cases.sqlite")

        store_import(target, source)
        again = store_import(target, source)

        assert again.exit_code == ExitCode.OK, again.output
        with openco.store.open(target, records=records) as store:
            assert len(store) == len(cases)

    def test_a_bad_line_is_named_and_its_batch_is_not_stored(
        self, generated: tuple[Path, list[Case], Records], tmp_path: Path
    ) -> None:
        source, _, _ = generated
        lines = source.read_text(encoding="utf-8").splitlines()
        bad = tmp_path / "bad.jsonl"
        bad.write_text("\n".join([*lines[:3], '{"kind": "case"}', *lines[3:5]]) + "\n")
        target = str(tmp_path / "cases.sqlite")

        result = run("import", target, str(bad), "--batch", "2", "--records",
                     str(source.parent / "pop.jsonl"))  # fmt: skip

        assert result.exit_code == ExitCode.INVALID_INPUT
        assert "line 4" in result.stderr
        assert "stored 2 cases before the bad line" in result.stderr
        with openco.store.open(target) as store:
            assert len(store) == 2


class TestVerifyLogAndWorklist:
    def test_verify_says_every_chain_is_whole_and_exits_1_on_tampering(
        self, generated: tuple[Path, list[Case], Records], tmp_path: Path
    ) -> None:
        source, _, _ = generated
        target = tmp_path / "cases.sqlite"
        store_import(str(target), source)

        assert "every chain is whole" in run("verify", str(target)).stdout
        engine = sa.create_engine(f"sqlite:///{target}")
        with engine.begin() as conn:
            conn.exec_driver_sql(
                "UPDATE openco_records SET body = body || ' ' WHERE version = 1 AND rowid = "
                "(SELECT min(rowid) FROM openco_records)"
            )
        engine.dispose()
        broken = run("verify", str(target))

        assert broken.exit_code == 1
        assert "at version 1: its content does not match its hash" in broken.stdout

    def test_the_worklist_is_logged_and_shows_in_the_clients_log(
        self, generated: tuple[Path, list[Case], Records], tmp_path: Path
    ) -> None:
        source, cases, records = generated
        target = str(tmp_path / "cases.sqlite")
        store_import(target, source)
        case = next(c for c in cases if obligations(c, today=c.last_on, records=records))
        area = case.family.home_area

        listed = run("worklist", target, "--area", area, "--until", "2100-01-01",
                     "--reader", "w-cli", "--unit", "u1", "--purpose", "weekly")  # fmt: skip
        extract = run("log", target, "--person", case.child)

        assert listed.exit_code == ExitCode.OK, listed.output
        assert str(case.concern.id) in listed.stdout
        entries = [json.loads(line) for line in extract.stdout.splitlines()]
        assert [(e["reader"], e["action"], e["purpose"]) for e in entries] == [
            ("w-cli", "worklist", "weekly")
        ]

    def test_a_worklist_without_a_purpose_is_a_usage_error(self, tmp_path: Path) -> None:
        result = run("worklist", str(tmp_path / "s.sqlite"), "--area", "a", "--until",
                     "2026-01-01", "--reader", "w1")  # fmt: skip

        assert result.exit_code == ExitCode.USAGE
        assert "--purpose" in result.stderr

    def test_init_creates_an_empty_store(self, tmp_path: Path) -> None:
        result = run("init", str(tmp_path / "new.sqlite"))

        assert result.exit_code == ExitCode.OK
        assert "ready, 0 cases" in result.stdout


def test_the_demo_leaves_its_case_in_a_store(tmp_path: Path) -> None:
    out = tmp_path / "demo"
    assert CliRunner().invoke(cli, ["demo", "--out", str(out)]).exit_code == 0
    records = vaaralampi_records()
    text = (out / "case.json").read_text(encoding="utf-8")
    case = loads(text, Case, records=records, today=dt.date.max)

    with openco.store.open(out / "cases.sqlite", records=records) as store:
        stored = store.read(str(case.concern.id), reader=READER, purpose="t", at=AT)

    assert stored.case == case
