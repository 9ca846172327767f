"""The store's fixtures: one PostgreSQL server for the session, and a store per engine.

Every contract test runs twice, against SQLite and against a real PostgreSQL started from the
machine's binaries (tests/store/postgres_server.py). Each PostgreSQL test gets a schema of its
own, so tests never see each other's cases. Without PostgreSQL binaries the PostgreSQL half is
skipped locally, and fails in CI (``CI`` set), where .ci/run installs them.
"""

from __future__ import annotations

import datetime as dt
import itertools
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

import openco.store
from tests.store.builders import sample_records
from tests.store.postgres_server import PostgresServer, find_binaries

ENGINES = ("sqlite", "postgresql")
START = dt.datetime(2026, 6, 1, 9, 0, tzinfo=dt.UTC)
_schemas = itertools.count(1)


class StepClock:
    """A clock that moves one second on at every reading: injected, never hidden."""

    def __init__(self, start: dt.datetime = START) -> None:
        self.now = start

    def __call__(self) -> dt.datetime:
        self.now += dt.timedelta(seconds=1)
        return self.now


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresServer]:
    """One PostgreSQL server for the whole session."""
    binaries = find_binaries()
    if binaries is None:
        if os.environ.get("CI"):
            pytest.fail("PostgreSQL binaries are missing: .ci/run installs Debian's postgresql")
        pytest.skip("PostgreSQL binaries (initdb, pg_ctl) are not installed")
    server = PostgresServer(binaries)
    server.start()
    yield server
    server.stop()


def new_schema(server: PostgresServer) -> str:
    """A URL whose connections use a new, empty schema of *server*."""
    name = f"t{os.getpid()}_{next(_schemas)}"
    engine = sa.create_engine(server.url.replace("postgresql://", "postgresql+psycopg://"))
    with engine.begin() as conn:
        conn.execute(sa.text(f"CREATE SCHEMA {name}"))
    engine.dispose()
    return f"{server.url}&options=-csearch_path%3D{name}"


@pytest.fixture(params=ENGINES)
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty store's URL: an SQLite file, or a fresh PostgreSQL schema."""
    if request.param == "sqlite":
        return str(tmp_path / "cases.sqlite")
    server: PostgresServer = request.getfixturevalue("postgres")
    return new_schema(server)


@pytest.fixture
def open_store(store_url: str) -> Iterator[Callable[[], openco.store.Store]]:
    """Opens stores (connections) on one database, with a stepping clock; closes them."""
    opened: list[openco.store.Store] = []

    def opener() -> openco.store.Store:
        store = openco.store.open(store_url, records=sample_records(), clock=StepClock())
        opened.append(store)
        return store

    yield opener
    for store in opened:
        store.close()


@pytest.fixture
def store(open_store: Callable[[], openco.store.Store]) -> openco.store.Store:
    """An empty store on each engine."""
    return open_store()
