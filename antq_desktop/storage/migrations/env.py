"""Alembic environment: run programmatically with a connection passed in (no alembic.ini)."""

from alembic import context

from antq_desktop.storage import (
    models,  # noqa: F401  (registers the tables)
    search_index,
)
from antq_desktop.storage.base import Base

config = context.config
target_metadata = Base.metadata


def run() -> None:
    connection = config.attributes.get("connection")
    if connection is None:
        raise RuntimeError("migrations run through antq_desktop.storage.migrate, with a connection")
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,  # SQLite cannot ALTER most things: rebuild tables in batch mode
        compare_type=True,
        include_name=search_index.include_name,  # the FTS index is no model: autogenerate leaves it be
    )
    with context.begin_transaction():
        context.run_migrations()


run()
