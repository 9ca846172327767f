"""openco.store on SQLite and PostgreSQL, beside the eventsourcing library's recorders.

    python benchmarks/bench_store.py            # about 10 minutes on 2 cores
    python benchmarks/bench_store.py --quick    # about 3 minutes: smaller, shorter

Measures, on each engine (PostgreSQL: a throwaway server started from the machine's binaries,
as the tests do, and stopped at the end):

* appended steps per second: one writer and 8 writers (forked processes, disjoint cases),
  in single-step transactions and in batches of 50 cases;
* the same appends (the same canonical JSON, one stored event per step) through eventsourcing's
  SQLite and PostgreSQL aggregate recorders, which store events and nothing else: no workflow
  check, no hash chain, no projection, no documents;
* the area worklist ("every duty due in the coming week in one area") over 100,000 stored
  cases (20,000 with --quick), through ``Store.worklist`` (which also logs every case listed)
  and as the bare query;
* reading a stored case without the cache: the SQL and the replay, and the replay alone.

Every phase is bounded in time; the script stops on its own. See benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import multiprocessing
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import sqlalchemy as sa

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the PostgreSQL helper of the tests

from tests.store.postgres_server import PostgresServer, find_binaries  # noqa: E402

import openco.store  # noqa: E402
from openco.io.case import record_data  # noqa: E402
from openco.process import Case, Records  # noqa: E402
from openco.store._chain import GENESIS, canonical, link  # noqa: E402
from openco.store._schema import CASES, DUTIES, RECORDS  # noqa: E402
from openco.synthetic import area_records, generate_cases, generate_population  # noqa: E402

ON = dt.date(2026, 6, 1)
AT = dt.datetime(2026, 6, 2, 8, 0, tzinfo=dt.UTC)
READER = openco.store.Reader(person="w-bench", unit="u-bench")
WRITERS = 8
BATCH = 50


def workload(cases_wanted: int, seed: int = 3) -> tuple[list[Case], Records]:
    """At least *cases_wanted* synthetic cases of several areas, and the registers of them."""
    cases: list[Case] = []
    professionals: dict[Any, Any] = {}
    units: dict[Any, Any] = {}
    families: dict[Any, Any] = {}
    for area in generate_population(families=cases_wanted * 12, seed=seed):
        made = list(generate_cases(area, seed=seed, on=ON))
        records = area_records(area)
        professionals.update(records.professionals)
        units.update(records.units)
        families.update(records.families)
        cases.extend(made)
        if len(cases) >= cases_wanted:
            break
    registers = Records(professionals=professionals, units=units, families=families)
    return cases, registers


def steps(cases: list[Case]) -> int:
    return sum(len(c.history) for c in cases)


def bounded(items: list[Any], seconds: float) -> Iterator[Any]:
    """*items* until *seconds* have passed."""
    end = time.perf_counter() + seconds
    for item in items:
        if time.perf_counter() > end:
            return
        yield item


# --- openco.store -----------------------------------------------------------------------------


def append_single(store: openco.store.Store, cases: list[Case], seconds: float) -> float:
    """Steps per second, one transaction per step."""
    done = 0
    start = time.perf_counter()
    for case in bounded(cases, seconds):
        cid = str(case.concern.id)
        for version, record in enumerate(case.history):
            store.append(cid, record, expected_version=version)
        done += len(case.history)
    return done / (time.perf_counter() - start)


def append_batches(store: openco.store.Store, cases: list[Case], seconds: float) -> float:
    """Steps per second, BATCH whole cases per transaction."""
    batches = [cases[i : i + BATCH] for i in range(0, len(cases), BATCH)]
    done = 0
    start = time.perf_counter()
    for batch in bounded(batches, seconds):
        store.append_batch((str(c.concern.id), c.history, 0) for c in batch)
        done += steps(batch)
    return done / (time.perf_counter() - start)


def _writer(  # noqa: PLR0917 - a forked process's arguments
    url: str,
    cases: list[Case],
    records: Records,
    mode: str,
    seconds: float,
    barrier: Any,
    results: Any,
) -> None:
    store = openco.store.open(url, records=records)
    store.version("warm-up")
    barrier.wait()
    start = time.perf_counter()
    rate = append_single if mode == "single" else append_batches
    per_second = rate(store, cases, seconds)
    results.put(per_second * (time.perf_counter() - start))
    store.close()


def append_parallel(
    url: str, cases: list[Case], records: Records, mode: str, seconds: float
) -> float:
    """Steps per second of WRITERS forked writers on disjoint cases, together."""
    fork = multiprocessing.get_context("fork")
    barrier = fork.Barrier(WRITERS + 1)
    results = fork.Queue()
    share = len(cases) // WRITERS
    processes = [
        fork.Process(
            target=_writer,
            args=(
                url,
                cases[n * share : (n + 1) * share],
                records,
                mode,
                seconds,
                barrier,
                results,
            ),
        )
        for n in range(WRITERS)
    ]
    for process in processes:
        process.start()
    barrier.wait()
    start = time.perf_counter()
    total: float = sum(results.get(timeout=seconds + 300) for _ in processes)
    elapsed = time.perf_counter() - start
    for process in processes:
        process.join(timeout=60)
    return total / elapsed


# --- eventsourcing ----------------------------------------------------------------------------


def es_events(cases: list[Case]) -> list[list[Any]]:
    """The same appends as eventsourcing StoredEvents: one per step, the same JSON."""
    from eventsourcing.persistence import StoredEvent  # noqa: PLC0415

    return [
        [
            StoredEvent(
                originator_id=uuid.uuid5(uuid.NAMESPACE_URL, str(case.concern.id)),
                originator_version=version,
                topic="openco.process:StepTaken",
                state=canonical(record_data(record)).encode(),
            )
            for version, record in enumerate(case.history, 1)
        ]
        for case in cases
    ]


def es_single(recorder: Any, events: list[list[Any]], seconds: float) -> float:
    done = 0
    start = time.perf_counter()
    for case in bounded(events, seconds):
        for event in case:
            recorder.insert_events([event])
        done += len(case)
    return done / (time.perf_counter() - start)


def es_batches(recorder: Any, events: list[list[Any]], seconds: float) -> float:
    batches = [events[i : i + BATCH] for i in range(0, len(events), BATCH)]
    done = 0
    start = time.perf_counter()
    for batch in bounded(batches, seconds):
        flat = [e for case in batch for e in case]
        recorder.insert_events(flat)
        done += len(flat)
    return done / (time.perf_counter() - start)


def es_sqlite(path: Path) -> Any:
    from eventsourcing.sqlite import SQLiteAggregateRecorder, SQLiteDatastore  # noqa: PLC0415

    recorder = SQLiteAggregateRecorder(SQLiteDatastore(str(path)))
    recorder.create_table()
    return recorder


def es_postgres(server: PostgresServer, schema: str) -> Any:
    from eventsourcing.postgres import (  # noqa: PLC0415
        PostgresAggregateRecorder,
        PostgresDatastore,
    )

    datastore = PostgresDatastore("postgres", str(server.root), "5432", "openco", "", pool_size=2)
    recorder = PostgresAggregateRecorder(datastore, events_table_name=f"{schema}_events")
    recorder.create_table()
    return recorder


# --- the worklist over many cases -------------------------------------------------------------


def fill(store: openco.store.Store, cases: list[Case], total: int, areas: int) -> None:
    """Store *total* cases: copies of *cases* under new ids, spread over *areas* areas.

    The copies are written with bulk inserts (records with their hash chains, the cases'
    heads and projection, the duties), which is what appending them would leave, only faster.
    """
    engine = store._engine  # noqa: SLF001 - a benchmark fills the tables directly
    registers = store.records()
    from openco.process import obligations  # noqa: PLC0415

    prepared = []
    for case in cases:
        bodies = [canonical(record_data(r)) for r in case.history]
        duties = obligations(case, today=dt.date(9000, 1, 1), records=registers)
        prepared.append((case, bodies, duties))
    chunk: dict[str, list[dict[str, Any]]] = {"cases": [], "records": [], "duties": []}

    def flush() -> None:
        with engine.begin() as conn:
            for table, rows in ((CASES, "cases"), (RECORDS, "records"), (DUTIES, "duties")):
                if chunk[rows]:
                    conn.execute(sa.insert(table), chunk[rows])
                chunk[rows] = []

    for n in range(total):
        case, bodies, duties = prepared[n % len(prepared)]
        cid = f"bulk-{n:06d}"
        area = f"area-{n % areas:02d}"
        prev = GENESIS
        for version, (record, body) in enumerate(zip(case.history, bodies, strict=True), 1):
            digest = link(prev, cid, version, body)
            chunk["records"].append({"case_id": cid, "version": version, "step": record.step.value,
                                     "actor": record.actor, "on": record.on, "body": body,
                                     "prev": prev, "hash": digest})  # fmt: skip
            prev = digest
        chunk["cases"].append({"case_id": cid, "version": len(bodies), "head": prev,
                               "stage": case.stage.value, "area": area, "unit": case.unit,
                               "contact": case.contact, "family": case.family.id,
                               "child": case.child, "opened_on": case.opened_on,
                               "last_on": case.last_on})  # fmt: skip
        for seq, o in enumerate(duties):
            chunk["duties"].append({"case_id": cid, "seq": seq, "area": area, "due": o.due,
                                    "rule": o.rule, "duty": o.duty.value,
                                    "owed_by": o.owed_by, "owed_by_role": o.owed_by_role.value,
                                    "ref": o.ref})  # fmt: skip
        if len(chunk["cases"]) >= 5000:
            flush()
    flush()
    with engine.begin() as conn:
        conn.exec_driver_sql("ANALYZE")  # fresh statistics, as a database in use has


def timed(function: Callable[[], object], repeats: int) -> float:
    """Median milliseconds of *function* over *repeats* calls."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        function()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def worklist_ms(store: openco.store.Store, areas: int) -> tuple[float, float, int]:
    """(worklist ms, bare query ms, duties listed) for one area's coming week."""
    dues = sorted({d for (d,) in store._engine.connect().execute(sa.select(DUTIES.c.due))})  # noqa: SLF001
    week_start = dues[len(dues) // 2]
    until = week_start + dt.timedelta(days=6)
    area = f"area-{areas // 2:02d}"
    found = store.worklist(
        area, since=week_start, until=until, reader=READER, purpose="benchmark", at=AT
    )
    query = (
        sa.select(DUTIES, CASES.c.stage)
        .join(CASES, CASES.c.case_id == DUTIES.c.case_id)
        .where(DUTIES.c.area == area, DUTIES.c.due <= until, DUTIES.c.due >= week_start)
        .order_by(DUTIES.c.due, DUTIES.c.case_id, DUTIES.c.seq)
    )

    def bare() -> object:
        with store._engine.connect() as conn:  # noqa: SLF001
            return conn.execute(query).all()

    full = timed(
        lambda: store.worklist(
            area, since=week_start, until=until, reader=READER, purpose="benchmark", at=AT
        ),
        15,
    )
    return full, timed(bare, 30), len(found)


def replay_ms(store: openco.store.Store, ids: list[str]) -> tuple[float, float, float]:
    """(read ms uncached, replay-only ms, mean records per case) over *ids*."""
    reads, replays, sizes = [], [], []
    for cid in ids:
        store._cache.clear()  # noqa: SLF001 - measure the uncached path
        start = time.perf_counter()
        stored = store.read(cid, reader=READER, purpose="benchmark", at=AT)
        reads.append((time.perf_counter() - start) * 1000)
        with store._engine.connect() as conn:  # noqa: SLF001
            bodies = list(conn.execute(sa.select(RECORDS.c.body).where(RECORDS.c.case_id == cid)
                                       .order_by(RECORDS.c.version)).scalars())  # fmt: skip
        start = time.perf_counter()
        store.replay_bodies(cid, bodies)
        replays.append((time.perf_counter() - start) * 1000)
        sizes.append(stored.version)
    return statistics.median(reads), statistics.median(replays), statistics.mean(sizes)


# --- the run ----------------------------------------------------------------------------------


def engines(
    folder: Path, server: PostgresServer | None
) -> Iterator[tuple[str, Callable[[str], str]]]:
    """(engine name, a function giving a fresh store URL for a label)."""
    yield "sqlite", lambda label: str(folder / f"{label}.sqlite")
    if server is not None:

        def schema(label: str) -> str:
            engine = sa.create_engine(server.url.replace("postgresql://", "postgresql+psycopg://"))
            with engine.begin() as conn:
                conn.exec_driver_sql(f"CREATE SCHEMA {label}")
            engine.dispose()
            return f"{server.url}&options=-csearch_path%3D{label}"

        yield "postgresql", schema


def main() -> None:  # noqa: PLR0915 - the run, top to bottom
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="smaller and shorter")
    quick = parser.parse_args().quick
    seconds = 8.0 if quick else 20.0
    total = 20_000 if quick else 100_000
    areas = 10 if quick else 50
    started = time.perf_counter()
    cases, records = workload(800 if quick else 2000)
    print(f"workload: {len(cases)} cases, {steps(cases)} steps "
          f"(made in {time.perf_counter() - started:.0f} s)")  # fmt: skip
    binaries = find_binaries()
    server = None
    if binaries is not None:
        server = PostgresServer(binaries)
        server.start()
    folder = Path(tempfile.mkdtemp(prefix="openco-bench-"))
    rows: list[tuple[str, ...]] = []
    try:
        for name, url_for in engines(folder, server):
            store = openco.store.open(url_for("single"), records=records)
            single = append_single(store, cases, seconds)
            store.close()
            store = openco.store.open(url_for("batch"), records=records)
            batched = append_batches(store, cases, seconds)
            store.close()
            url = url_for("parallel_single")
            openco.store.open(url).close()
            par_single = append_parallel(url, cases, records, "single", seconds)
            url = url_for("parallel_batch")
            openco.store.open(url).close()
            par_batch = append_parallel(url, cases, records, "batch", seconds)
            events = es_events(cases)
            if name == "sqlite":
                es_one = es_single(es_sqlite(folder / "es-single.sqlite"), events, seconds)
                es_many = es_batches(es_sqlite(folder / "es-batch.sqlite"), events, seconds)
            else:
                assert server is not None
                es_one = es_single(es_postgres(server, "es_single"), events, seconds)
                es_many = es_batches(es_postgres(server, "es_batch"), events, seconds)
            rows.append((name, "openco.store", f"{single:,.0f}", f"{batched:,.0f}",
                         f"{par_single:,.0f}", f"{par_batch:,.0f}"))  # fmt: skip
            rows.append((name, "eventsourcing recorder", f"{es_one:,.0f}", f"{es_many:,.0f}",
                         "", ""))  # fmt: skip
            print(f"{name}: appends measured", flush=True)
            store = openco.store.open(url_for("worklist"), records=records)
            start = time.perf_counter()
            fill(store, cases, total, areas)
            filled = time.perf_counter() - start
            full, bare, listed = worklist_ms(store, areas)
            ids = [f"bulk-{n:06d}" for n in range(0, total, max(1, total // 200))]
            read, replay, size = replay_ms(store, ids)
            store.close()
            print(f"{name}: {total:,} cases stored in bulk in {filled:.0f} s; worklist of one "
                  f"area's week ({listed} duties): {full:.1f} ms with logging, {bare:.1f} ms "
                  f"the bare query; read a stored case uncached {read:.2f} ms, replay alone "
                  f"{replay:.2f} ms ({size:.1f} records a case)", flush=True)  # fmt: skip
    finally:
        if server is not None:
            server.stop()
    print()
    print("| engine | implementation | 1 writer, step per txn | 1 writer, batches of 50 "
          "cases | 8 writers, step per txn | 8 writers, batches |")  # fmt: skip
    print("| --- | --- | ---: | ---: | ---: | ---: |")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    print(f"\nsteps per second; {seconds:.0f} s per measurement; "
          f"total {time.perf_counter() - started:.0f} s")  # fmt: skip


if __name__ == "__main__":
    main()
