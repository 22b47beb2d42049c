"""Migrations make the schema, round-trip, match the models, and index every search lookup."""

from __future__ import annotations

import subprocess
import sys

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from advocate_console.central.core.database import make_engine, migrate, prepare_database
from advocate_console.central.tables import metadata

from .conftest import postgres_database


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def empty_database(request, tmp_path):
    """A database with no tables at all."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'empty.sqlite'}"
        return
    with postgres_database(request.getfixturevalue("postgres_server")) as url:
        yield url


def _differences(url: str) -> list:
    engine = make_engine(url)
    with engine.connect() as connection:
        found = compare_metadata(MigrationContext.configure(connection), metadata)
    engine.dispose()
    return found


def _tables(url: str) -> set[str]:
    engine = make_engine(url)
    names = set(sa.inspect(engine).get_table_names())
    engine.dispose()
    return names


def test_upgrade_to_head_matches_the_models_and_round_trips(empty_database):
    prepare_database(empty_database)
    prepare_database(empty_database)  # a second start-up changes nothing
    assert _differences(empty_database) == []
    assert {"customers", "changes", "customer_phones", "idempotency_keys"} <= _tables(
        empty_database
    )

    migrate(empty_database, "base", downgrade=True)
    assert _tables(empty_database) <= {"alembic_version"}
    prepare_database(empty_database)
    assert _differences(empty_database) == []


AT_HEAD_START = """
import sys
from advocate_console.central.core.database import prepare_database
prepare_database(sys.argv[1])
print("alembic" in sys.modules)
"""


def test_a_database_already_at_head_starts_without_alembic(empty_database):
    """Every worker after the first, and every restart, finds nothing to migrate: it must
    not pay Alembic's import (about half a second of each start) to learn that."""
    prepare_database(empty_database)
    started = subprocess.run(
        [sys.executable, "-c", AT_HEAD_START, empty_database],
        capture_output=True,
        text=True,
        check=True,
    )
    assert started.stdout.strip() == "False", started.stderr
    migrate(empty_database, "0010", downgrade=True)
    started = subprocess.run(
        [sys.executable, "-c", AT_HEAD_START, empty_database],
        capture_output=True,
        text=True,
        check=True,
    )
    assert started.stdout.strip() == "True", started.stderr  # behind: migrated as before
    assert _differences(empty_database) == []


LOOKUPS = {
    "phone": "SELECT customer_id FROM customer_phones WHERE e164 = '+18004322737'",
    "email": "SELECT customer_id FROM customer_emails WHERE email = 'a@example.com'",
    "serial": "SELECT customer_id FROM products WHERE serial_number = 'VR1'",
    "case number": "SELECT customer_id FROM cases WHERE number = 'C-AAAAAAAA'",
    "name prefix": "SELECT customer_id FROM customer_name_keys"
    " WHERE name_key >= 'gar' AND name_key < 'gas'",
    # Every resolution written sums its author's month, and leads list what waits.
    "month's spending": "SELECT sum(cost_cents) FROM authority_spending"
    " WHERE author_id = '6f1d2c3e8a474b0e9a512f9e7c1b4d60' AND resolved_at >= '2026-12-01'",
    "pending approvals": "SELECT data FROM approvals WHERE status = 'pending'",
}


@pytest.mark.parametrize("lookup", LOOKUPS)
def test_every_search_lookup_is_served_by_an_index(empty_database, lookup):
    prepare_database(empty_database)
    engine = make_engine(empty_database)
    with engine.connect() as connection:
        if engine.dialect.name == "sqlite":
            plan = " ".join(
                str(row[-1])
                for row in connection.exec_driver_sql("EXPLAIN QUERY PLAN " + LOOKUPS[lookup])
            )
            assert "USING" in plan and "INDEX" in plan, plan
        else:
            # An empty table would be scanned whatever the indexes; forbid that to see the plan.
            connection.exec_driver_sql("SET enable_seqscan = off")
            plan = " ".join(
                row[0] for row in connection.exec_driver_sql("EXPLAIN " + LOOKUPS[lookup])
            )
            assert "Index" in plan, plan
            assert "Seq Scan" not in plan, plan
    engine.dispose()
