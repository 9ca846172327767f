"""The schema's migrations: from an empty database, from the previous schema, never backwards."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic.config import Config
from alembic.script import ScriptDirectory

import openco.store
from openco.errors import StoreError
from openco.store._engine import (
    HEAD,
    MIGRATIONS,
    REVISIONS,
    VERSION_TABLE,
    _upgrade,
    current_revision,
    make_engine,
    writing,
)
from openco.store._schema import CASES, DOCUMENTS, DUTIES, METADATA, RECORDS
from tests.store.builders import WORKER, case_id, sample_cases, sample_records

AT = dt.datetime(2026, 6, 2, 8, 30, tzinfo=dt.UTC)


def test_head_is_the_last_migration() -> None:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    script = ScriptDirectory.from_config(config)

    assert script.get_heads() == [HEAD]
    assert [r.revision for r in reversed(list(script.walk_revisions()))] == list(REVISIONS)


def test_an_empty_database_is_migrated_to_exactly_the_tables_the_code_uses(store_url: str) -> None:
    openco.store.open(store_url).close()

    engine = make_engine(store_url)
    with engine.connect() as conn:
        inspector = sa.inspect(conn)
        assert current_revision(conn) == HEAD
        for table in METADATA.sorted_tables:
            columns = {c["name"] for c in inspector.get_columns(table.name)}
            indexes = {i["name"] for i in inspector.get_indexes(table.name)}
            assert columns == {c.name for c in table.columns}, table.name
            assert indexes == {i.name for i in table.indexes}, table.name
    engine.dispose()


def test_a_store_of_the_previous_schema_is_upgraded_with_its_cases(
    store_url: str, tmp_path: Path
) -> None:
    case = sample_cases()[0]
    with openco.store.open(tmp_path / "source.sqlite", records=sample_records()) as source:
        source.add(case)
        with source._engine.connect() as conn:
            rows = {
                t: [r._asdict() for r in conn.execute(sa.select(t))]
                for t in (CASES, RECORDS, DOCUMENTS, DUTIES)
            }
    engine = make_engine(store_url)
    with writing(engine.connect()) as conn, conn.begin():
        _upgrade(conn, "0001")
        for table, values in rows.items():
            if values:
                conn.execute(sa.insert(table), values)
    engine.dispose()

    with openco.store.open(store_url, records=sample_records()) as store:
        stored = store.read(case_id(case), reader=WORKER, purpose="after upgrade", at=AT)
        extract = store.access_log(person=case.child)
        report = store.verify()

    assert stored.case == case
    assert [a.purpose for a in extract] == ["after upgrade"]
    assert report.ok


def test_a_store_written_by_a_newer_openco_is_refused_untouched(store_url: str) -> None:
    openco.store.open(store_url).close()
    engine = make_engine(store_url)
    with writing(engine.connect()) as conn, conn.begin():
        conn.execute(sa.text(f"UPDATE {VERSION_TABLE} SET version_num = '0099'"))  # noqa: S608 - a constant

    with pytest.raises(StoreError, match="newer openco"):
        openco.store.open(store_url)

    with engine.connect() as conn:
        assert current_revision(conn) == "0099"
    engine.dispose()
