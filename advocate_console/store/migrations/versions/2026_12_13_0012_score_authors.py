"""The advocate's own score by author id: resolutions get the id the server stamped on
them from the token (``author_id``, filled from their JSON here), indexed with when they
were resolved, so a renamed advocate keeps their score and a name says nothing.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-13
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("resolutions") as table:
        table.add_column(sa.Column("author_id", sa.Uuid(), nullable=True))
    # As SQLAlchemy keeps a UUID in SQLite: 32 hex digits, no dashes.
    op.execute(
        "UPDATE resolutions SET author_id = lower(replace(json_extract(data, '$.author_id'),"
        " '-', '')) WHERE json_extract(data, '$.author_id') IS NOT NULL"
    )
    op.create_index("ix_resolutions_author_resolved", "resolutions", ["author_id", "resolved_at"])


def downgrade() -> None:
    op.drop_index("ix_resolutions_author_resolved", table_name="resolutions")
    with op.batch_alter_table("resolutions") as table:
        table.drop_column("author_id")
