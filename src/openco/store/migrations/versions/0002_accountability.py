"""Accountability: the access log, whose data each case holds, and retention as data.

Revision ID: 0002
Revises: 0001

The persons of cases stored under 0001 are filled in from each case's opening record (the
family's members), so that a client's log extract finds their cases whatever openco stored
them.
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

ID = 200


def upgrade() -> None:
    """Add the access log, the case persons (filled in from the records) and retention."""
    persons = op.create_table(
        "openco_case_persons",
        sa.Column("person_id", sa.String(ID), primary_key=True),
        sa.Column("case_id", sa.String(ID), primary_key=True),
    )
    op.create_table(
        "openco_access_log",
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
    )
    op.create_index("openco_access_log_case", "openco_access_log", ["case_id", "seq"])
    op.create_index("openco_access_log_reader", "openco_access_log", ["reader", "seq"])
    op.create_table(
        "openco_retention",
        sa.Column("kind", sa.String(64), primary_key=True),
        sa.Column("years", sa.Integer, nullable=False),
        sa.Column("basis", sa.Text, nullable=False),
    )
    records = sa.table(
        "openco_records", sa.column("case_id"), sa.column("version"), sa.column("body")
    )
    bind = op.get_bind()
    rows = bind.execute(sa.select(records.c.case_id, records.c.body).where(records.c.version == 1))
    found: list[dict[str, str]] = []
    for case_id, body in rows:
        members = json.loads(body)["detail"]["family"]["members"]
        found.extend({"person_id": m["id"], "case_id": case_id} for m in members)
    if found:
        op.bulk_insert(persons, found)


def downgrade() -> None:
    """Nothing: a store is never downgraded (its access log would be lost)."""
    raise NotImplementedError("an openco store is never downgraded")
