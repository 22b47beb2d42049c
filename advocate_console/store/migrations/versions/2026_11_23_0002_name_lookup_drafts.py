"""Find callers by name prefix (either name first); keep form drafts across restarts.

The name keys are filled in for customers already in the store, so an upgraded laptop
finds its existing callers by name at once, without waiting for a sync.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from advocate_console.domain.search import name_keys

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    keys = op.create_table(
        "customer_name_keys",
        sa.Column(
            "customer_id",
            sa.Uuid(),
            sa.ForeignKey("customers.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("key", sa.String(200), primary_key=True),
    )
    op.create_index("ix_customer_name_keys_key", "customer_name_keys", ["key"])
    op.create_table(
        "drafts",
        sa.Column("key", sa.String(100), primary_key=True),
        sa.Column("data", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
    )
    customers = sa.table(
        "customers", sa.column("id", sa.Uuid()), sa.column("display_name", sa.String())
    )
    connection = op.get_bind()
    after = None
    while True:  # in pages by id, so a large store never sits in memory whole
        query = sa.select(customers.c.id, customers.c.display_name).order_by(customers.c.id)
        if after is not None:
            query = query.where(customers.c.id > after)
        batch = connection.execute(query.limit(5000)).all()
        if not batch:
            break
        op.bulk_insert(
            keys,
            [
                {"customer_id": customer_id, "key": key}
                for customer_id, display_name in batch
                for key in dict.fromkeys(name_keys(display_name))
            ],
        )
        after = batch[-1][0]


def downgrade() -> None:
    op.drop_table("drafts")
    op.drop_table("customer_name_keys")
