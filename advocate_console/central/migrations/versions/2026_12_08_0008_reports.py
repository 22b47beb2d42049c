"""Reports: narrow, indexed copies of what the reports count, kept from the change feed.

Revision ID: 0008
Revises: 0003
Create Date: 2026-12-08

The tables start empty with ``report_feed`` at cursor 0: the first report asked for
reads the whole change feed into them once (about a minute per million records), and
every report after reads only what changed since.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0003"
branch_labels = None
depends_on = None


def _author() -> list[sa.Column]:
    return [
        sa.Column("author", sa.String(200), nullable=True),
        sa.Column("author_name", sa.String(200), nullable=True),
    ]


def _table(name: str, key: str, *columns: sa.Column) -> None:
    op.create_table(
        name,
        sa.Column(key, sa.Uuid(), nullable=False),
        *columns,
        sa.PrimaryKeyConstraint(key, name=op.f(f"pk_{name}")),
    )


def _index(table: str, *columns: str) -> None:
    op.create_index(op.f(f"ix_{table}_{'_'.join(columns)}"), table, list(columns))


def upgrade() -> None:
    """Apply this revision."""
    op.create_table(
        "report_feed",
        sa.Column("name", sa.String(20), nullable=False),
        sa.Column("cursor", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_report_feed")),
    )
    op.bulk_insert(
        sa.table("report_feed", sa.column("name", sa.String), sa.column("cursor", sa.BigInteger)),
        [{"name": "changes", "cursor": 0}],
    )
    _table(
        "report_customers",
        "customer_id",
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("lifetime_value_cents", sa.BigInteger(), nullable=False),
    )
    _table(
        "report_products",
        "product_id",
        sa.Column("customer_id", sa.Uuid(), nullable=False),
        sa.Column("brand", sa.String(200), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("model_number", sa.String(200), nullable=False),
    )
    _index("report_products", "model_number")
    _table(
        "report_cases",
        "case_id",
        sa.Column("number", sa.String(20), nullable=False),
        sa.Column("customer_id", sa.Uuid(), nullable=False),
        sa.Column("product_id", sa.Uuid(), nullable=True),
        sa.Column("model_number", sa.String(200), nullable=True),
        sa.Column("category", sa.String(200), nullable=False),
        sa.Column("failure", sa.Boolean(), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("opened_s", sa.BigInteger(), nullable=False),
    )
    _index("report_cases", "customer_id", "opened_s")
    _index("report_cases", "model_number", "opened_s")
    _index("report_cases", "opened_s")
    _table(
        "report_resolutions",
        "resolution_id",
        sa.Column("case_id", sa.Uuid(), nullable=False),
        *_author(),
        sa.Column("resolved_s", sa.BigInteger(), nullable=False),
        sa.Column("delight", sa.String(20), nullable=False),
        sa.Column("steps", sa.Integer(), nullable=False),
        sa.Column("remedy_cost_cents", sa.BigInteger(), nullable=False),
    )
    _index("report_resolutions", "resolved_s")
    _index("report_resolutions", "case_id")
    op.create_table(
        "report_remedies",
        sa.Column("resolution_id", sa.Uuid(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(30), nullable=False),
        sa.Column("cost_cents", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("resolution_id", "position", name=op.f("pk_report_remedies")),
    )
    _table(
        "report_follow_ups",
        "follow_up_id",
        *_author(),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("due_s", sa.BigInteger(), nullable=False),
        sa.Column("completed_s", sa.BigInteger(), nullable=True),
    )
    _index("report_follow_ups", "due_s")
    _table(
        "report_cards",
        "card_id",
        *_author(),
        sa.Column("state", sa.String(20), nullable=False),
        sa.Column("created_s", sa.BigInteger(), nullable=False),
        sa.Column("gift_value_cents", sa.BigInteger(), nullable=False),
    )
    _index("report_cards", "created_s")
    _table(
        "report_calls",
        "attempt_id",
        *_author(),
        sa.Column("resource_id", sa.Uuid(), nullable=False),
        sa.Column("case_id", sa.Uuid(), nullable=True),
        sa.Column("outcome", sa.String(20), nullable=True),
        sa.Column("helped", sa.Boolean(), nullable=True),
        sa.Column("started_s", sa.BigInteger(), nullable=False),
    )
    _index("report_calls", "started_s")
    _table(
        "report_resources",
        "resource_id",
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("department", sa.String(200), nullable=False),
        sa.Column("role", sa.String(200), nullable=False),
    )


def downgrade() -> None:
    """Undo this revision."""
    for table in (
        "report_resources",
        "report_calls",
        "report_cards",
        "report_follow_ups",
        "report_remedies",
        "report_resolutions",
        "report_cases",
        "report_products",
        "report_customers",
        "report_feed",
    ):
        op.drop_table(table)
