"""Authorship: who made each change of the feed; the feed sends latest versions only.

Who wrote a record and who changed it last travel in the record itself (its JSON, no
column); the change feed keeps who made each change, for the audit, and marks each
record's latest version, the only one it sends (a first sync no longer reads every old
version). Existing changes are marked from the versions that follow them.

Revision ID: 0004
Revises: 0006
Create Date: 2026-12-08
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0006"
branch_labels = None
depends_on = None

TABLE = "changes"


def upgrade() -> None:
    """Apply this revision."""
    with op.batch_alter_table(TABLE) as table:
        table.add_column(sa.Column("changed_by_id", sa.Uuid(), nullable=True))
        table.add_column(sa.Column("changed_by_name", sa.String(200), nullable=True))
        table.add_column(
            sa.Column("latest", sa.Boolean(), nullable=False, server_default=sa.true())
        )
    op.create_index(op.f(f"ix_{TABLE}_record_id"), TABLE, ["record_id"])
    op.execute(
        f"UPDATE {TABLE} SET latest = false WHERE EXISTS (SELECT 1 FROM {TABLE} AS later"
        f" WHERE later.record_id = {TABLE}.record_id AND later.collection = {TABLE}.collection"
        f" AND later.cursor > {TABLE}.cursor)"
    )


def downgrade() -> None:
    """Undo this revision."""
    op.drop_index(op.f(f"ix_{TABLE}_record_id"), TABLE)
    with op.batch_alter_table(TABLE) as table:
        table.drop_column("latest")
        table.drop_column("changed_by_name")
        table.drop_column("changed_by_id")
