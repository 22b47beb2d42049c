"""Outbox entries keep what they were based on, and can wait on the advocate.

A patch remembers the record as the server last confirmed it (``base_data``), so a
stale update can tell which fields someone else changed; a conflict keeps the server's
version (``server_data``) until the advocate chooses.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("outbox") as outbox:
        # "pending" is pushed by the sync engine; "conflict" waits for the advocate.
        outbox.add_column(
            sa.Column("state", sa.String(10), nullable=False, server_default="pending")
        )
        outbox.add_column(sa.Column("base_data", sa.Text(), nullable=True))
        outbox.add_column(sa.Column("server_data", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("outbox") as outbox:
        outbox.drop_column("server_data")
        outbox.drop_column("base_data")
        outbox.drop_column("state")
