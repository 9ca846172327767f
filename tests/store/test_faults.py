"""Faults: a writer killed with SIGKILL mid-append, and eight writers on the same 100 cases.

The writers are real processes (tests/store/workers.py) on a real SQLite file or PostgreSQL
database; nothing is mocked. Both tests are bounded in time.
"""

from __future__ import annotations

import datetime as dt
import json
import multiprocessing
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import openco.store
from openco.process import Case
from tests.store.builders import WORKER, case_id, sample_cases, sample_records
from tests.store.workers import run_appends

ROOT = Path(__file__).parent.parent.parent
AT = dt.datetime(2026, 6, 2, 8, 30, tzinfo=dt.UTC)
WRITERS = 8
RECORDS = sample_records(families=1200, seed=11)
SECONDS = 3.0


def worker(*args: str) -> list[str]:
    return [sys.executable, "-m", "tests.store.workers", *args]


def hundred_cases() -> tuple[Case, ...]:
    """100 cases of at least two records (more families than the other tests use)."""
    cases = [c for c in sample_cases(families=1200, seed=11) if len(c.history) >= 2]
    assert len(cases) >= 100
    return tuple(cases[:100])


def write_appends(url: str, cases: tuple[Case, ...], seed: int, out: Path, start: Path) -> None:
    """One writer process: append for the bounded time, then write what it saw to *out*."""
    result = run_appends(url, list(cases), RECORDS, SECONDS, seed, start)
    out.write_text(json.dumps(result), encoding="utf-8")


def assert_every_case_reads_and_every_chain_is_whole(url: str) -> int:
    """Open a fresh store on *url*; return the number of cases checked."""
    with openco.store.open(url, records=RECORDS) as store:
        report = store.verify()
        assert report.ok, report.breaks
        with store._engine.connect() as conn:
            ids = [r[0] for r in conn.exec_driver_sql("SELECT case_id FROM openco_cases")]
        for cid in ids:
            stored = store.read(cid, reader=WORKER, purpose="fault test", at=AT)
            assert stored.version == len(stored.case.history)
        return len(ids)


def test_a_writer_killed_mid_append_leaves_every_case_readable_and_every_chain_whole(
    store_url: str,
) -> None:
    openco.store.open(store_url).close()  # the schema exists before the writer starts
    with subprocess.Popen(  # noqa: S603 - our own interpreter and module
        worker("endless", store_url, "1200", "11"),
        cwd=ROOT, stdout=subprocess.PIPE, text=True,
    ) as process:  # fmt: skip
        assert process.stdout is not None
        committed = [process.stdout.readline().strip() for _ in range(15)]
        time.sleep(0.05)  # somewhere in the middle of the next appends
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=30)

    checked = assert_every_case_reads_and_every_chain_is_whole(store_url)

    assert "done" not in committed
    assert checked >= len(committed)


def test_eight_writers_on_the_same_cases_lose_no_accepted_record_and_store_no_refused_one(
    store_url: str, tmp_path: Path
) -> None:
    cases = hundred_cases()
    with openco.store.open(store_url, records=RECORDS) as store:
        store.append_batch((case_id(c), c.history[:1], 0) for c in cases)
    outs = [tmp_path / f"w{n}.json" for n in range(WRITERS)]
    start = tmp_path / "start"
    # Forked from this process, which has imported everything already: eight interpreters
    # starting from scratch would spend half a minute on two cores importing.
    fork = multiprocessing.get_context("fork")
    processes = [
        fork.Process(target=write_appends, args=(store_url, cases, n, out, start))
        for n, out in enumerate(outs)
    ]
    for process in processes:
        process.start()
    deadline = time.monotonic() + 120
    while len(list(tmp_path.glob("start.ready*"))) < WRITERS and time.monotonic() < deadline:
        time.sleep(0.05)
    start.touch()  # every writer has started up: the bounded time runs for all at once
    for process in processes:
        process.join(timeout=120)
        assert process.exitcode == 0
    results = [json.loads(out.read_text(encoding="utf-8")) for out in outs]
    accepted = {(cid, version): tag for r in results for cid, version, tag in r["accepted"]}
    refused = {tag for r in results for tag in r["refused"]}

    with openco.store.open(store_url, records=RECORDS) as store:
        stored = {
            (cid, v + 1): record.reason
            for cid in (case_id(c) for c in cases)
            for v, record in enumerate(
                store.read(cid, reader=WORKER, purpose="fault test", at=AT).case.history
            )
            if v > 0
        }
        report = store.verify()

    assert report.ok, report.breaks
    assert [t for r in results for t in r["wrongly_accepted"]] == []
    assert stored == accepted  # every accepted record is stored where it was acknowledged
    assert not refused & set(stored.values())
    summary = [(len(r["accepted"]), len(r["refused"]), r["conflicts"]) for r in results]
    assert len(accepted) > WRITERS, summary  # the writers did write …
    assert sum(r["conflicts"] for r in results) > 0, summary  # … and did meet


@pytest.fixture(autouse=True)
def _python_path(monkeypatch: pytest.MonkeyPatch) -> None:
    """The workers import ``tests.store.workers`` from the repository root."""
    monkeypatch.setenv("PYTHONPATH", str(ROOT))
