"""Each outbox entry remembers who wrote it, so work saved while signed out is sent only
as its own author, never as whoever signs in next on the same laptop; and which entries
were saved together (a resolution with its timeline entry, follow-up and card), so they
wait together when the server refuses the resolution.

Revision ID: 0011
Revises: 0004
Create Date: 2026-12-12
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("outbox") as outbox:
        # NULL: written before anyone signed in on this laptop (sent as whoever signs in).
        outbox.add_column(sa.Column("author_id", sa.Uuid(), nullable=True))
        outbox.add_column(sa.Column("author_name", sa.String(200), nullable=True))
        outbox.add_column(sa.Column("saved_with", sa.Uuid(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("outbox") as outbox:
        outbox.drop_column("saved_with")
        outbox.drop_column("author_name")
        outbox.drop_column("author_id")
