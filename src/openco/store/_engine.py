"""Engines: an SQLite file (WAL) or a PostgreSQL server, and the schema's migrations."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any, Final

import sqlalchemy as sa

from openco.errors import MissingDependencyError, StoreError

__all__ = ["HEAD", "VERSION_TABLE", "current_revision", "make_engine", "migrate"]

MIGRATIONS: Final = Path(__file__).parent / "migrations"
VERSION_TABLE: Final = "openco_alembic_version"
HEAD: Final = "0002"
"""The schema revision this openco writes; a test checks it is the migrations' head."""
REVISIONS: Final = ("0001", "0002")

_WRITE: Final = "openco_write"
_PG_LOCK: Final = 0x6F70656E636F  # "openco": one advisory lock serialises migrations


def _on_connect(dbapi_connection: Any, _record: object) -> None:  # noqa: ANN401 - the DBAPI is untyped
    # The driver's own transaction handling is switched off, so that the "begin" listener
    # decides: BEGIN IMMEDIATE for writes takes the write lock before the version is read,
    # which makes "read version, compare, append" one step for every process on the file.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    # NORMAL in WAL mode: a committed transaction survives the process being killed; only a
    # power cut or an OS crash can lose the last ones (docs/store.md).
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=60000")
    cursor.close()


def _on_begin(connection: sa.Connection) -> None:
    write = connection.get_execution_options().get(_WRITE, False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def make_engine(target: str | Path) -> sa.Engine:
    """An engine for *target*: a file path or ``sqlite:///…`` URL, or ``postgresql://…``.

    Raises:
        StoreError: the URL names another database.
        MissingDependencyError: PostgreSQL is asked for and psycopg is not installed.
    """
    url = str(target)
    if isinstance(target, Path) or "://" not in url:
        url = f"sqlite:///{url}"
    if url.startswith("sqlite"):
        engine = sa.create_engine(url)
        sa.event.listen(engine, "connect", _on_connect)
        sa.event.listen(engine, "begin", _on_begin)
        return engine
    if url.startswith(("postgresql://", "postgres://")):
        url = "postgresql+psycopg://" + url.split("://", 1)[1]
    if url.startswith("postgresql+psycopg://"):
        if importlib.util.find_spec("psycopg") is None:
            raise MissingDependencyError("a PostgreSQL store", "psycopg", "postgres")
        return sa.create_engine(url, pool_pre_ping=True)
    shown = url.split("://", 1)[0]
    raise StoreError(f"database {shown!r}", "openco stores cases in SQLite or PostgreSQL only")


def writing(connection: sa.Connection) -> sa.Connection:
    """*connection*, set so that its transactions take the write lock at once (SQLite)."""
    return connection.execution_options(**{_WRITE: True})


def current_revision(connection: sa.Connection) -> str | None:
    """The schema revision of the store on *connection*, or ``None`` for an empty database."""
    if not sa.inspect(connection).has_table(VERSION_TABLE):
        return None
    table = sa.table(VERSION_TABLE, sa.column("version_num"))
    found = connection.execute(sa.select(table.c.version_num)).scalar()
    return None if found is None else str(found)


def migrate(engine: sa.Engine) -> str:
    """Bring the schema on *engine* to :data:`HEAD`, creating it in an empty database.

    Returns the revision found before (``"none"`` for an empty database).

    Raises:
        StoreError: the store was written by a newer openco (an unknown revision).
    """
    with writing(engine.connect()) as connection, connection.begin():
        if connection.dialect.name == "postgresql":
            connection.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_LOCK})
        found = current_revision(connection)
        if found == HEAD:
            return found
        if found is not None and found not in REVISIONS:
            raise StoreError(
                "schema",
                f"revision {found!r} was written by a newer openco (this one knows up to "
                f"{HEAD!r}); upgrade openco rather than read it wrongly",
            )
        _upgrade(connection, HEAD)
        return found or "none"


def _upgrade(connection: sa.Connection, revision: str) -> None:
    # Alembic is imported only when a schema changes: opening an up-to-date store skips it.
    from alembic import command  # noqa: PLC0415
    from alembic.config import Config  # noqa: PLC0415

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    command.upgrade(config, revision)
