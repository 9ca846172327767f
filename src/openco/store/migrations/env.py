"""Alembic's environment for the store: always run on a connection the store passes in."""

from __future__ import annotations

from alembic import context

from openco.store._schema import METADATA

VERSION_TABLE = "openco_alembic_version"  # not alembic_version: the embedding system may own that

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=METADATA,
    version_table=VERSION_TABLE,
    transactional_ddl=True,
)
with context.begin_transaction():
    context.run_migrations()
