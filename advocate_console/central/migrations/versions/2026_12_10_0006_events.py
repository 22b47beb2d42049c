"""Events pushed to consoles, phone systems' integration keys, and their calls.

Revision ID: 0006
Revises: 0007 (re-chained after 0007 reached main)
Create Date: 2026-12-10
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0008"
branch_labels = None
depends_on = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    """Apply this revision."""
    op.create_table(
        "events",
        sa.Column("id", ID, autoincrement=True, nullable=False),
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("xid", sa.BigInteger(), nullable=False),
        sa.Column("event", sa.String(40), nullable=False),
        sa.Column("data", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"], ["advocates.id"], name=op.f("fk_events_user_id_advocates")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_events")),
    )
    op.create_index("ix_events_user_id_xid_id", "events", ["user_id", "xid", "id"])
    op.create_index(op.f("ix_events_created_at"), "events", ["created_at"])
    op.create_table(
        "integration_keys",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("digest", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_integration_keys")),
        sa.UniqueConstraint("name", name=op.f("uq_integration_keys_name")),
        sa.UniqueConstraint("digest", name=op.f("uq_integration_keys_digest")),
    )
    op.create_table(
        "phone_extensions",
        sa.Column("extension", sa.String(40), nullable=False),
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"], ["advocates.id"], name=op.f("fk_phone_extensions_user_id_advocates")
        ),
        sa.PrimaryKeyConstraint("extension", name=op.f("pk_phone_extensions")),
    )
    op.create_table(
        "calls",
        sa.Column("integration_id", sa.Uuid(), nullable=False),
        sa.Column("call_id", sa.String(200), nullable=False),
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("caller", sa.String(100), nullable=False),
        sa.Column("callee", sa.String(100), nullable=False),
        sa.Column("direction", sa.String(3), nullable=False),
        sa.Column("state", sa.String(10), nullable=False),
        sa.Column("offered_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("answered_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("ended_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["integration_id"],
            ["integration_keys.id"],
            name=op.f("fk_calls_integration_id_integration_keys"),
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["advocates.id"], name=op.f("fk_calls_user_id_advocates")
        ),
        sa.PrimaryKeyConstraint("integration_id", "call_id", name=op.f("pk_calls")),
    )
    op.create_index(op.f("ix_calls_user_id"), "calls", ["user_id"])
    # Pruning finds old idempotency keys by age.
    op.create_index(op.f("ix_idempotency_keys_created_at"), "idempotency_keys", ["created_at"])


def downgrade() -> None:
    """Undo this revision."""
    op.drop_index(op.f("ix_idempotency_keys_created_at"), table_name="idempotency_keys")
    op.drop_table("calls")
    op.drop_table("phone_extensions")
    op.drop_table("integration_keys")
    op.drop_table("events")
