"""Name keys folded (accents, apostrophes, periods, punctuation) and one per word of the
name: every stored customer's keys made again, so an upgraded laptop finds "gutierrez",
"odonnell" or "reid" at once, without waiting for a sync. (0014 is remedy_outcomes.)

The keys are written in pages by id with the key index dropped meanwhile and built once
at the end: far faster than keeping it up to date row by row on a large store.

Revision ID: 0015
Revises: 0013
Create Date: 2026-12-03
"""

from __future__ import annotations

from alembic import op

from advocate_console.domain.search import name_keys

revision = "0015"
down_revision = "0013"
branch_labels = None
depends_on = None

PAGE = 20_000


def upgrade() -> None:
    connection = op.get_bind()
    connection.exec_driver_sql("DROP INDEX IF EXISTS ix_customer_name_keys_key")
    connection.exec_driver_sql("DELETE FROM customer_name_keys")
    after = ""
    while True:  # in pages by id, so a large store never sits in memory whole
        page = connection.exec_driver_sql(
            "SELECT id, display_name FROM customers WHERE id > ? ORDER BY id LIMIT ?",
            (after, PAGE),
        ).fetchall()
        if not page:
            break
        rows = [(customer_id, key) for customer_id, name in page for key in name_keys(name)]
        connection.exec_driver_sql(
            "INSERT OR IGNORE INTO customer_name_keys (customer_id, key) VALUES (?, ?)", rows
        )
        after = page[-1][0]
    connection.exec_driver_sql("CREATE INDEX ix_customer_name_keys_key ON customer_name_keys (key)")


def downgrade() -> None:
    # The folded keys stay: the older app finds by them all it did but names it would
    # have found with their accents or apostrophes typed.
    pass
