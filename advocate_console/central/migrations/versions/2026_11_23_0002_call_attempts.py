"""Call attempts: every try at dialling a resource into a call, for the ranking.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

TABLE = "call_attempts"


def _fk(column: str, target: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column], [f"{target}.id"], name=op.f(f"fk_{TABLE}_{column}_{target}")
    )


def upgrade() -> None:
    """Apply this revision."""
    op.create_table(
        TABLE,
        sa.Column("resource_id", sa.Uuid(), nullable=False),
        sa.Column("case_id", sa.Uuid(), nullable=True),
        sa.Column("customer_id", sa.Uuid(), nullable=True),
        sa.Column("category", sa.String(200), nullable=False),
        sa.Column("product_model", sa.String(200), nullable=False),
        sa.Column("helped", sa.Boolean(), nullable=True),
        sa.Column("advocate", sa.String(200), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("data", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        _fk("resource_id", "resources"),
        _fk("case_id", "cases"),
        _fk("customer_id", "customers"),
        sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{TABLE}")),
    )
    op.create_index(op.f(f"ix_{TABLE}_resource_id"), TABLE, ["resource_id"])
    op.create_index(
        op.f(f"ix_{TABLE}_category_product_model"), TABLE, ["category", "product_model"]
    )


def downgrade() -> None:
    """Undo this revision."""
    op.drop_table(TABLE)
