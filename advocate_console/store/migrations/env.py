"""Alembic environment of the local store; run from advocate_console.store.database."""

from __future__ import annotations

from alembic import context

from advocate_console.store.models import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - the store always passes its connection
    raise RuntimeError("The local store runs its migrations with an open connection.")

# SQLite alters tables by copying them: batch mode does that for us.
context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
