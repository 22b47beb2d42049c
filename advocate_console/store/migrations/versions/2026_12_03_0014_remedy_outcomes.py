"""Remedy outcomes: what each resolution did by product model, kind and problem, for the
suggested remedies (derived from the replica, never synced).

Revision ID: 0014
Revises: 0004
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "remedy_outcomes",
        sa.Column("resolution_id", sa.Uuid(), primary_key=True),
        sa.Column("product_model", sa.String(200), nullable=False),
        sa.Column("product_kind", sa.String(200), nullable=False),
        sa.Column("problem", sa.String(200), nullable=False),
        sa.Column("remedy_key", sa.String(400), nullable=False),
        sa.Column("remedies", sa.Text(), nullable=False),
        sa.Column("delight", sa.String(20), nullable=False),
        sa.Column("cost_cents", sa.Integer(), nullable=False),
        sa.Column("complete", sa.Boolean(), nullable=False),
    )
    # The suggestions group one model's (else one kind's) outcomes of one problem by
    # remedies: these indexes hold every column the grouping reads but the cost.
    op.create_index(
        "ix_remedy_outcomes_model",
        "remedy_outcomes",
        ["product_model", "problem", "remedy_key", "delight"],
    )
    op.create_index(
        "ix_remedy_outcomes_kind",
        "remedy_outcomes",
        ["product_kind", "problem", "remedy_key", "delight"],
    )
    op.create_index("ix_remedy_outcomes_incomplete", "remedy_outcomes", ["complete"])


def downgrade() -> None:
    op.drop_table("remedy_outcomes")
