"""Alembic's environment for the store: always run on a connection the store passes in."""

from __future__ import annotations

from alembic import context

from openco.store._schema import METADATA

VERSION_TABLE = "openco_alembic_version"  # not alembic_version: the embedding system may own that


def run() -> None:
    """Run the migrations on the connection in the configuration's attributes."""
    context.configure(
        connection=context.config.attributes["connection"],
        target_metadata=METADATA,
        version_table=VERSION_TABLE,
        transactional_ddl=True,
    )
    with context.begin_transaction():
        context.run_migrations()


# Alembic runs this file with its context set up; imported otherwise (pytest collecting
# doctests, say) it does nothing.
if getattr(context, "config", None) is not None:
    run()
