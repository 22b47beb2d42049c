"""Call attempts (synced, for ranking who helped before) and favourite resources (local).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "call_attempts",
        sa.Column("id", sa.Uuid(), primary_key=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("data", sa.Text(), nullable=False),
        sa.Column("resource_id", sa.Uuid(), nullable=False),
        sa.Column("case_id", sa.Uuid(), nullable=True),
        sa.Column("category", sa.String(200), nullable=False),
        sa.Column("product_model", sa.String(200), nullable=False),
        sa.Column("outcome", sa.String(20), nullable=True),
        sa.Column("helped", sa.Boolean(), nullable=True),
        sa.Column("advocate", sa.String(200), nullable=True),
        sa.Column("started_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_call_attempts_resource_id", "call_attempts", ["resource_id"])
    op.create_index("ix_call_attempts_case_id", "call_attempts", ["case_id"])
    # The ranking reads every attempt of one category and product model.
    op.create_index(
        "ix_call_attempts_category_model", "call_attempts", ["category", "product_model"]
    )
    op.create_table(
        "favourite_resources",
        sa.Column("resource_id", sa.Uuid(), primary_key=True),
        sa.Column("added_at", sa.DateTime(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("favourite_resources")
    op.drop_table("call_attempts")
