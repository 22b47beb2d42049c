"""Name keys folded (accents, apostrophes, periods, punctuation) and one per word of the
name: every customer's keys made again from their stored record, so the caller search
finds "gutierrez", "odonnell" or "reid" as soon as the server is upgraded.

Written in pages by id (a large database never sits in memory whole).

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-16
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

from advocate_console.domain.search import name_keys

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

PAGE = 5000

customers = sa.table("customers", sa.column("id", sa.Uuid()), sa.column("data", sa.Text()))
keys = sa.table(
    "customer_name_keys", sa.column("name_key", sa.String()), sa.column("customer_id", sa.Uuid())
)


def upgrade() -> None:
    connection = op.get_bind()
    connection.execute(sa.delete(keys))
    query = sa.select(customers.c.id, customers.c.data).order_by(customers.c.id).limit(PAGE)
    after = None
    while True:
        page = connection.execute(
            query if after is None else query.where(customers.c.id > after)
        ).all()
        if not page:
            break
        # As customers/lookups.py writes them: each key once, cut to the column's size.
        rows = [
            {"name_key": key, "customer_id": customer_id}
            for customer_id, data in page
            for key in sorted({key[:200] for key in name_keys(json.loads(data)["display_name"])})
        ]
        connection.execute(sa.insert(keys), rows)
        after = page[-1][0]


def downgrade() -> None:
    # The folded keys stay: the older server finds by them all it did but names it would
    # have found with their accents or apostrophes typed.
    pass
