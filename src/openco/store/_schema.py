"""The store's tables, as SQLAlchemy Core metadata: what the code reads and writes.

The migrations under ``migrations/versions`` create exactly these tables; a test compares the
two, so that the code and the migrations cannot drift apart. Dates are ``DATE`` columns;
access times are ISO 8601 text in UTC (``2026-03-02T09:15:00.000000+00:00``), which sorts and
compares the same in SQLite and PostgreSQL.
"""

from __future__ import annotations

from typing import Final

import sqlalchemy as sa

__all__ = [
    "ACCESS_LOG",
    "CASES",
    "CASE_PERSONS",
    "DOCUMENTS",
    "DUTIES",
    "METADATA",
    "RECORDS",
    "RETENTION",
]

METADATA: Final = sa.MetaData()

ID: Final = 200  # longest id the store accepts (case, person, document, unit)

CASES: Final = sa.Table(
    "openco_cases",
    METADATA,
    sa.Column("case_id", sa.String(ID), primary_key=True),
    sa.Column("version", sa.Integer, nullable=False),
    sa.Column("head", sa.String(64), nullable=False),
    sa.Column("stage", sa.String(64), nullable=False),
    sa.Column("area", sa.String(ID), nullable=False),
    sa.Column("unit", sa.String(ID), nullable=False),
    sa.Column("contact", sa.String(ID), nullable=False),
    sa.Column("family", sa.String(ID), nullable=False),
    sa.Column("child", sa.String(ID), nullable=False),
    sa.Column("opened_on", sa.Date, nullable=False),
    sa.Column("last_on", sa.Date, nullable=False),
    sa.Index("openco_cases_area_stage", "area", "stage"),
)
"""One row per case: its version, the hash at the head of its chain, and the projection."""

RECORDS: Final = sa.Table(
    "openco_records",
    METADATA,
    sa.Column("case_id", sa.String(ID), primary_key=True),
    sa.Column("version", sa.Integer, primary_key=True),
    sa.Column("step", sa.String(64), nullable=False),
    sa.Column("actor", sa.String(ID), nullable=False),
    sa.Column("on", sa.Date, nullable=False),
    sa.Column("body", sa.Text, nullable=False),
    sa.Column("prev", sa.String(64), nullable=False),
    sa.Column("hash", sa.String(64), nullable=False),
)
"""The history: one row per step, its canonical JSON and its link in the case's hash chain."""

DOCUMENTS: Final = sa.Table(
    "openco_documents",
    METADATA,
    sa.Column("kind", sa.String(64), primary_key=True),
    sa.Column("doc_id", sa.String(ID), primary_key=True),
    sa.Column("version", sa.Integer, primary_key=True),
    sa.Column("case_id", sa.String(ID), nullable=True),
    sa.Column("recorded_on", sa.Date, nullable=False),
    sa.Column("body", sa.Text, nullable=False),
    sa.Column("prev", sa.String(64), nullable=False),
    sa.Column("hash", sa.String(64), nullable=False),
    sa.Index("openco_documents_case", "case_id"),
)
"""Versioned documents (families, meetings, plans, consents …), each with its own chain."""

DUTIES: Final = sa.Table(
    "openco_duties",
    METADATA,
    sa.Column("case_id", sa.String(ID), primary_key=True),
    sa.Column("seq", sa.Integer, primary_key=True),
    sa.Column("area", sa.String(ID), nullable=False),
    sa.Column("due", sa.Date, nullable=False),
    sa.Column("rule", sa.String(16), nullable=False),
    sa.Column("duty", sa.String(64), nullable=False),
    sa.Column("owed_by", sa.String(ID), nullable=True),
    sa.Column("owed_by_role", sa.String(32), nullable=False),
    sa.Column("ref", sa.String(ID), nullable=True),
    sa.Index("openco_duties_area_due", "area", "due"),
    sa.Index("openco_duties_owed_by_due", "owed_by", "due"),
)
"""The projection: every open duty of every case with its due date, replaced at each append."""

CASE_PERSONS: Final = sa.Table(
    "openco_case_persons",
    METADATA,
    sa.Column("person_id", sa.String(ID), primary_key=True),
    sa.Column("case_id", sa.String(ID), primary_key=True),
)
"""Whose data each case holds (the family's members), for a client's log extract."""

ACCESS_LOG: Final = sa.Table(
    "openco_access_log",
    METADATA,
    sa.Column("seq", sa.Integer, sa.Identity(), primary_key=True),
    sa.Column("at", sa.String(40), nullable=False),
    sa.Column("reader", sa.String(ID), nullable=False),
    sa.Column("reader_unit", sa.String(ID), nullable=True),
    sa.Column("action", sa.String(32), nullable=False),
    sa.Column("case_id", sa.String(ID), nullable=True),
    sa.Column("kind", sa.String(64), nullable=True),
    sa.Column("doc_id", sa.String(ID), nullable=True),
    sa.Column("doc_version", sa.Integer, nullable=True),
    sa.Column("purpose", sa.Text, nullable=True),
    sa.Column("basis", sa.Text, nullable=True),
    sa.Column("outcome", sa.String(32), nullable=False),
    sa.Index("openco_access_log_case", "case_id", "seq"),
    sa.Index("openco_access_log_reader", "reader", "seq"),
)
"""Every read and disclosure: who, when, what, why, and what was shown or withheld."""

RETENTION: Final = sa.Table(
    "openco_retention",
    METADATA,
    sa.Column("kind", sa.String(64), primary_key=True),
    sa.Column("years", sa.Integer, nullable=False),
    sa.Column("basis", sa.Text, nullable=False),
)
"""How long each kind of record is kept, as data (see :mod:`openco.store.retention`)."""
