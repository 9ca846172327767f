"""Cases, their records, versioned documents and the duty projection.

Revision ID: 0001
Revises: (none)
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

ID = 200


def upgrade() -> None:
    """Create the first schema."""
    op.create_table(
        "openco_cases",
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
    )
    op.create_index("openco_cases_area_stage", "openco_cases", ["area", "stage"])
    op.create_table(
        "openco_records",
        sa.Column("case_id", sa.String(ID), primary_key=True),
        sa.Column("version", sa.Integer, primary_key=True),
        sa.Column("step", sa.String(64), nullable=False),
        sa.Column("actor", sa.String(ID), nullable=False),
        sa.Column("on", sa.Date, nullable=False),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("prev", sa.String(64), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
    )
    op.create_table(
        "openco_documents",
        sa.Column("kind", sa.String(64), primary_key=True),
        sa.Column("doc_id", sa.String(ID), primary_key=True),
        sa.Column("version", sa.Integer, primary_key=True),
        sa.Column("case_id", sa.String(ID), nullable=True),
        sa.Column("recorded_on", sa.Date, nullable=False),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("prev", sa.String(64), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
    )
    op.create_index("openco_documents_case", "openco_documents", ["case_id"])
    op.create_table(
        "openco_duties",
        sa.Column("case_id", sa.String(ID), primary_key=True),
        sa.Column("seq", sa.Integer, primary_key=True),
        sa.Column("area", sa.String(ID), nullable=False),
        sa.Column("due", sa.Date, nullable=False),
        sa.Column("rule", sa.String(16), nullable=False),
        sa.Column("duty", sa.String(64), nullable=False),
        sa.Column("owed_by", sa.String(ID), nullable=True),
        sa.Column("owed_by_role", sa.String(32), nullable=False),
        sa.Column("ref", sa.String(ID), nullable=True),
    )
    op.create_index("openco_duties_area_due", "openco_duties", ["area", "due"])
    op.create_index("openco_duties_owed_by_due", "openco_duties", ["owed_by", "due"])


def downgrade() -> None:
    """Nothing: a store is never downgraded (its records would be lost)."""
    raise NotImplementedError("an openco store is never downgraded")
