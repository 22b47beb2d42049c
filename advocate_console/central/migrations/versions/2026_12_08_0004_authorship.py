"""Authorship: who made each change of the feed; the feed sends latest versions only;
who has which case open (presence).

Who wrote a record and who changed it last travel in the record itself (its JSON, no
column); the change feed keeps who made each change, for the audit, and marks each
record's latest version, the only one it sends (a first sync no longer reads every old
version). Existing changes are marked from the versions that follow them.

Revision ID: 0004
Revises: 0006
Create Date: 2026-12-08
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0006"
branch_labels = None
depends_on = None

TABLE = "changes"


def upgrade() -> None:
    """Apply this revision."""
    with op.batch_alter_table(TABLE) as table:
        table.add_column(sa.Column("changed_by_id", sa.Uuid(), nullable=True))
        table.add_column(sa.Column("changed_by_name", sa.String(200), nullable=True))
        table.add_column(
            sa.Column("latest", sa.Boolean(), nullable=False, server_default=sa.true())
        )
    op.create_index(op.f(f"ix_{TABLE}_record_id"), TABLE, ["record_id"])
    # Who has which case open (two advocates on one case are told of each other).
    op.create_table(
        "case_presence",
        sa.Column("case_id", sa.Uuid(), nullable=False),
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("seen_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_case_presence_case_id_cases")
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["advocates.id"], name=op.f("fk_case_presence_user_id_advocates")
        ),
        sa.PrimaryKeyConstraint("case_id", "user_id", name=op.f("pk_case_presence")),
    )
    op.create_index(op.f("ix_case_presence_seen_at"), "case_presence", ["seen_at"])
    op.execute(
        f"UPDATE {TABLE} SET latest = false WHERE EXISTS (SELECT 1 FROM {TABLE} AS later"
        f" WHERE later.record_id = {TABLE}.record_id AND later.collection = {TABLE}.collection"
        f" AND later.cursor > {TABLE}.cursor)"
    )


def downgrade() -> None:
    """Undo this revision."""
    op.drop_index(op.f("ix_case_presence_seen_at"), "case_presence")
    op.drop_table("case_presence")
    op.drop_index(op.f(f"ix_{TABLE}_record_id"), TABLE)
    with op.batch_alter_table(TABLE) as table:
        table.drop_column("latest")
        table.drop_column("changed_by_name")
        table.drop_column("changed_by_id")
