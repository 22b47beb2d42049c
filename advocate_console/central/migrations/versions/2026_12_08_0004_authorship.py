"""Authorship: who made each change of the feed.

Who wrote a record and who changed it last travel in the record itself (its JSON, no
column); the change feed keeps who made each change, for the audit.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-08
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

TABLE = "changes"


def upgrade() -> None:
    """Apply this revision."""
    with op.batch_alter_table(TABLE) as table:
        table.add_column(sa.Column("changed_by_id", sa.Uuid(), nullable=True))
        table.add_column(sa.Column("changed_by_name", sa.String(200), nullable=True))


def downgrade() -> None:
    """Undo this revision."""
    with op.batch_alter_table(TABLE) as table:
        table.drop_column("changed_by_name")
        table.drop_column("changed_by_id")
