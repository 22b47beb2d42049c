"""Alembic environment: runs on the connection ``prepare_database`` hands over."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from advocate_console.central.tables import metadata

config = context.config


def run_migrations() -> None:
    """Migrate on the given connection, or on a fresh one from ``sqlalchemy.url``."""
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    engine = create_engine(config.get_main_option("sqlalchemy.url"))
    with engine.begin() as fresh:
        _run(fresh)
    engine.dispose()


def _run(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    raise SystemExit("Offline (--sql) migrations are not supported; run them on a database.")
run_migrations()
