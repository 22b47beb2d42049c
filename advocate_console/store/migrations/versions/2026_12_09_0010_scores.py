"""The advocate's own score from the store, and the last copy of each report.

Resolutions get who resolved them and when as columns (filled from their JSON here), so
an advocate's own week and month are read through an index, not a scan of the team's
resolutions; ``report_copies`` keeps the last answer of each report the console fetched,
with its time, for the scoreboard offline.

Revision ID: 0010
Revises: 0004
Create Date: 2026-12-09
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("resolutions") as table:
        table.add_column(sa.Column("advocate", sa.String(200), nullable=True))
        table.add_column(sa.Column("resolved_at", sa.DateTime(), nullable=True))
    # As SQLAlchemy writes a naive UTC time ("2026-12-09 14:05:00.000000"), so that the
    # rows filled here and the rows written later compare alike.
    op.execute(
        "UPDATE resolutions SET advocate = json_extract(data, '$.advocate'), "
        "resolved_at = strftime('%Y-%m-%d %H:%M:%f', json_extract(data, '$.resolved_at'))"
        " || '000'"
    )
    op.create_index("ix_resolutions_advocate_resolved", "resolutions", ["advocate", "resolved_at"])
    op.create_table(
        "report_copies",
        sa.Column("owner", sa.String(100), primary_key=True),
        sa.Column("name", sa.String(300), primary_key=True),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("as_of", sa.DateTime(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("report_copies")
    op.drop_index("ix_resolutions_advocate_resolved", table_name="resolutions")
    with op.batch_alter_table("resolutions") as table:
        table.drop_column("resolved_at")
        table.drop_column("advocate")
