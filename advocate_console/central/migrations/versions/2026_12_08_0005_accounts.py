"""Accounts: disabled users, password changes an admin requires, tokens revoked with the
wipe order, and failed sign-ins counted for throttling.

Revision ID: 0005
Revises: 0006
Create Date: 2026-12-08
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

FAILURES = "sign_in_failures"


def upgrade() -> None:
    """Apply this revision."""
    with op.batch_alter_table("advocates") as table:
        table.add_column(sa.Column("disabled_at", sa.DateTime(timezone=True), nullable=True))
        table.add_column(
            sa.Column(
                "password_change_required",
                sa.Boolean(),
                server_default=sa.false(),
                nullable=False,
            )
        )
    with op.batch_alter_table("tokens") as table:
        table.add_column(sa.Column("wipe", sa.Boolean(), server_default=sa.false(), nullable=False))
    op.create_table(
        FAILURES,
        sa.Column("key", sa.String(300), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("last_failure_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("locked_until", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("key", name=op.f(f"pk_{FAILURES}")),
    )
    op.create_index(op.f(f"ix_{FAILURES}_last_failure_at"), FAILURES, ["last_failure_at"])


def downgrade() -> None:
    """Undo this revision."""
    op.drop_index(op.f(f"ix_{FAILURES}_last_failure_at"), table_name=FAILURES)
    op.drop_table(FAILURES)
    with op.batch_alter_table("tokens") as table:
        table.drop_column("wipe")
    with op.batch_alter_table("advocates") as table:
        table.drop_column("password_change_required")
        table.drop_column("disabled_at")
