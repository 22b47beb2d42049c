"""Replica of the advocate's records, the outbox and sync state.

Revision ID: 0001
Revises:
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _record_table(name: str, *columns: sa.Column) -> None:
    op.create_table(
        name,
        sa.Column("id", sa.Uuid(), primary_key=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("data", sa.Text(), nullable=False),
        *columns,
    )


def upgrade() -> None:
    _record_table("customers", sa.Column("display_name", sa.String(200), nullable=False))
    for side, column in (("customer_phones", "e164"), ("customer_emails", "email")):
        op.create_table(
            side,
            sa.Column(
                "customer_id",
                sa.Uuid(),
                sa.ForeignKey("customers.id", ondelete="CASCADE"),
                primary_key=True,
            ),
            sa.Column(column, sa.String(254 if column == "email" else 20), primary_key=True),
        )
        op.create_index(f"ix_{side}_{column}", side, [column])
    _record_table(
        "products",
        sa.Column("customer_id", sa.Uuid(), nullable=False, index=True),
        sa.Column("serial_number", sa.String(60), nullable=False, index=True),
    )
    _record_table(
        "cases",
        sa.Column("customer_id", sa.Uuid(), nullable=False, index=True),
        sa.Column("number", sa.String(20), nullable=False, index=True),
        sa.Column("opened_at", sa.DateTime(), nullable=False),
    )
    _record_table(
        "interactions",
        sa.Column("customer_id", sa.Uuid(), nullable=False),
        sa.Column("case_id", sa.Uuid(), nullable=True),
        sa.Column("occurred_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_interactions_customer_time", "interactions", ["customer_id", "occurred_at"])
    _record_table("resources", sa.Column("name", sa.String(200), nullable=False))
    _record_table("resolutions", sa.Column("case_id", sa.Uuid(), nullable=False, index=True))
    _record_table(
        "follow_ups",
        sa.Column("customer_id", sa.Uuid(), nullable=False, index=True),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("due_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_follow_ups_status_due", "follow_ups", ["status", "due_at"])
    _record_table(
        "cards",
        sa.Column("customer_id", sa.Uuid(), nullable=False, index=True),
        sa.Column("state", sa.String(20), nullable=False, index=True),
    )
    op.create_table(
        "outbox",
        sa.Column("seq", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("idempotency_key", sa.String(64), nullable=False, unique=True),
        sa.Column("collection", sa.String(30), nullable=False),
        sa.Column("record_id", sa.Uuid(), nullable=False, index=True),
        sa.Column("op", sa.String(10), nullable=False),
        sa.Column("base_version", sa.Integer(), nullable=True),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("last_error", sa.Text(), nullable=True),
    )
    op.create_table(
        "sync_state",
        sa.Column("key", sa.String(50), primary_key=True),
        sa.Column("value", sa.Text(), nullable=False),
    )


def downgrade() -> None:
    for table in (
        "sync_state",
        "outbox",
        "cards",
        "follow_ups",
        "resolutions",
        "resources",
        "interactions",
        "cases",
        "products",
        "customer_emails",
        "customer_phones",
        "customers",
    ):
        op.drop_table(table)
