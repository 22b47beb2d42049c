"""Conferences on the bridge: the bridges' heartbeats, conferences and their legs.

Revision ID: 0007
Revises: 0003
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0003"
branch_labels = None
depends_on = None


def _when(name: str, nullable: bool = True) -> sa.Column:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def upgrade() -> None:
    """Apply this revision."""
    op.create_table(
        "bridges",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("sip_domain", sa.String(200), nullable=False),
        _when("started_at", nullable=False),
        _when("seen_at", nullable=False),
        _when("stopped_at"),
        sa.Column("wanted", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bridges")),
    )
    op.create_table(
        "conferences",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("bridge_id", sa.Uuid(), nullable=False),
        sa.Column("owner_id", sa.Uuid(), nullable=False),
        sa.Column("owner_name", sa.String(200), nullable=False),
        sa.Column("case_id", sa.Uuid(), nullable=True),
        sa.Column("customer_id", sa.Uuid(), nullable=True),
        sa.Column("category", sa.String(200), nullable=False),
        sa.Column("product_model", sa.String(200), nullable=False),
        sa.Column("address", sa.String(200), nullable=False),
        sa.Column("customer_joins", sa.String(20), nullable=False),
        sa.Column("end_wanted", sa.Boolean(), nullable=False),
        sa.Column("live", sa.Boolean(), nullable=False),
        _when("created_at", nullable=False),
        _when("ended_at"),
        sa.ForeignKeyConstraint(
            ["bridge_id"], ["bridges.id"], name=op.f("fk_conferences_bridge_id_bridges")
        ),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_conferences_case_id_cases")
        ),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customers.id"], name=op.f("fk_conferences_customer_id_customers")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_conferences")),
    )
    op.create_index(op.f("ix_conferences_bridge_id"), "conferences", ["bridge_id"])
    op.create_index(op.f("ix_conferences_owner_id"), "conferences", ["owner_id"])
    op.create_index(op.f("ix_conferences_live"), "conferences", ["live"])
    op.create_table(
        "conference_legs",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("conference_id", sa.Uuid(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("label", sa.String(200), nullable=False),
        sa.Column("target", sa.String(200), nullable=False),
        sa.Column("resource_id", sa.Uuid(), nullable=True),
        sa.Column("attempt_id", sa.Uuid(), nullable=True),
        sa.Column("helped", sa.Boolean(), nullable=True),
        sa.Column("want_hold", sa.Boolean(), nullable=False),
        sa.Column("want_muted", sa.Boolean(), nullable=False),
        sa.Column("want_consult", sa.Boolean(), nullable=False),
        sa.Column("want_drop", sa.Boolean(), nullable=False),
        sa.Column("state", sa.String(20), nullable=False),
        sa.Column("joined", sa.Boolean(), nullable=False),
        sa.Column("sip_code", sa.Integer(), nullable=False),
        sa.Column("reason", sa.String(200), nullable=False),
        sa.Column("outcome", sa.String(20), nullable=True),
        _when("created_at", nullable=False),
        _when("ringing_at"),
        _when("answered_at"),
        _when("joined_at"),
        _when("ended_at"),
        sa.ForeignKeyConstraint(
            ["conference_id"],
            ["conferences.id"],
            name=op.f("fk_conference_legs_conference_id_conferences"),
        ),
        sa.ForeignKeyConstraint(
            ["resource_id"],
            ["resources.id"],
            name=op.f("fk_conference_legs_resource_id_resources"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_conference_legs")),
    )
    op.create_index(op.f("ix_conference_legs_conference_id"), "conference_legs", ["conference_id"])


def downgrade() -> None:
    """Undo this revision."""
    op.drop_table("conference_legs")
    op.drop_table("conferences")
    op.drop_table("bridges")
