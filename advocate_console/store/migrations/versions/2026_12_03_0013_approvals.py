"""Authority and approvals: the last copy of the advocate's authority (limits and what is
left this month, for offline work), and the approvals this console knows (the advocate's
own requests, a lead's pending ones), each request kept until the server has it.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "authority",
        sa.Column("advocate_id", sa.Uuid(), primary_key=True),
        sa.Column("data", sa.Text(), nullable=False),
        sa.Column("fetched_at", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "approvals",
        sa.Column("id", sa.Uuid(), primary_key=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("data", sa.Text(), nullable=False),
        sa.Column("case_id", sa.Uuid(), nullable=False),
        sa.Column("requester_id", sa.Uuid(), nullable=True),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        # The request's own outbox: True until the server has it (sent again, safely:
        # the id is the console's, and a second POST of it answers the first).
        sa.Column("unsent", sa.Boolean(), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("refused", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    op.create_index("ix_approvals_case_id", "approvals", ["case_id"])
    op.create_index("ix_approvals_status", "approvals", ["status", "created_at"])
    op.create_index("ix_approvals_unsent", "approvals", ["unsent"])


def downgrade() -> None:
    op.drop_table("approvals")
    op.drop_table("authority")
