"""Advocates' authority limits, what each resolution counts against its author's month,
and requests for a lead's approval.

Revision ID: 0009
Revises: 0010 (re-chained after main reached 0010: report authors)
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Apply this revision."""
    op.create_table(
        "authority_limits",
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("per_case_cents", sa.BigInteger(), nullable=False),
        sa.Column("refund_without_return_cents", sa.BigInteger(), nullable=False),
        sa.Column("warranty_extension_months", sa.Integer(), nullable=False),
        sa.Column("gift_certificate_cents", sa.BigInteger(), nullable=False),
        sa.Column("monthly_cents", sa.BigInteger(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by_id", sa.Uuid(), nullable=True),
        sa.ForeignKeyConstraint(
            ["user_id"], ["advocates.id"], name=op.f("fk_authority_limits_user_id_advocates")
        ),
        sa.PrimaryKeyConstraint("user_id", name=op.f("pk_authority_limits")),
    )
    op.create_table(
        "authority_spending",
        sa.Column("resolution_id", sa.Uuid(), nullable=False),
        sa.Column("author_id", sa.Uuid(), nullable=False),
        sa.Column("resolved_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("cost_cents", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["resolution_id"],
            ["resolutions.id"],
            name=op.f("fk_authority_spending_resolution_id_resolutions"),
        ),
        sa.ForeignKeyConstraint(
            ["author_id"], ["advocates.id"], name=op.f("fk_authority_spending_author_id_advocates")
        ),
        sa.PrimaryKeyConstraint("resolution_id", name=op.f("pk_authority_spending")),
    )
    op.create_index(
        op.f("ix_authority_spending_author_id_resolved_at_cost_cents"),
        "authority_spending",
        ["author_id", "resolved_at", "cost_cents"],
    )
    op.create_table(
        "approvals",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("case_id", sa.Uuid(), nullable=False),
        sa.Column("requester_id", sa.Uuid(), nullable=False),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("data", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], name=op.f("fk_approvals_case_id_cases")),
        sa.ForeignKeyConstraint(
            ["requester_id"], ["advocates.id"], name=op.f("fk_approvals_requester_id_advocates")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_approvals")),
    )
    op.create_index(op.f("ix_approvals_case_id"), "approvals", ["case_id"])
    op.create_index(op.f("ix_approvals_requester_id"), "approvals", ["requester_id"])
    op.create_index(op.f("ix_approvals_status"), "approvals", ["status"])
    op.create_index(op.f("ix_approvals_created_at"), "approvals", ["created_at"])


def downgrade() -> None:
    """Undo this revision."""
    op.drop_table("approvals")
    op.drop_index(
        op.f("ix_authority_spending_author_id_resolved_at_cost_cents"),
        table_name="authority_spending",
    )
    op.drop_table("authority_spending")
    op.drop_table("authority_limits")
