"""Reports: narrow, indexed copies of what the reports count, kept from the change feed.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-08

The tables start empty with ``report_feed`` at cursor 0: the first report asked for
reads the whole change feed into them once (about a minute per million records), and
every report after reads only what changed since.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

# What report_days sums per advocate and day, as the revision made it.
DAY_SUMS = (
    "resolutions",
    "delighted",
    "satisfied",
    "neutral",
    "unhappy",
    "all_five_steps",
    "step_empathized",
    "step_took_ownership",
    "step_lessened_inconvenience",
    "step_managed_memory",
    "step_extended_experience",
    "remedy_cost_cents",
    "remedy_cost_cents_repair_fee_waived",
    "remedy_cost_cents_warranty_extended",
    "remedy_cost_cents_replacement",
    "remedy_cost_cents_refund_without_return",
    "remedy_cost_cents_account_credit",
    "remedy_cost_cents_gift_certificate",
    "remedy_cost_cents_information_only",
    "remedy_cost_cents_other",
    "lifetime_value_cents",
    "came_back",
    "follow_ups_on_time",
    "follow_ups_late",
    "follow_ups_open",
    "cards_sent",
    "gift_value_cents",
    "conferences_held",
    "people_brought_in",
)


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
    _customers_and_products()
    _cases()
    _resolutions()
    _activity()
    _days()


def _customers_and_products() -> None:
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
    op.create_table(
        "report_models",
        sa.Column("model_number", sa.String(200), nullable=False),
        sa.Column("brand", sa.String(200), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.PrimaryKeyConstraint("model_number", name=op.f("pk_report_models")),
    )


def _cases() -> None:
    """Cases, with the columns what is broken reads."""
    _table(
        "report_cases",
        "case_id",
        sa.Column("number", sa.String(20), nullable=False),
        sa.Column("customer_id", sa.Uuid(), nullable=False),
        sa.Column("product_id", sa.Uuid(), nullable=True),
        sa.Column("model_number", sa.String(200), nullable=True),
        sa.Column("category", sa.String(200), nullable=False),
        sa.Column("failure", sa.Boolean(), nullable=False),
        sa.Column("repeat_failure", sa.Boolean(), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("opened_s", sa.BigInteger(), nullable=False),
        sa.Column("delight", sa.String(20), nullable=True),
        sa.Column("remedy_cost_cents", sa.BigInteger(), nullable=True),
    )
    _index("report_cases", "customer_id", "opened_s")
    _index("report_cases", "model_number", "opened_s")
    op.create_index(
        "ix_report_cases_failures",
        "report_cases",
        [
            "opened_s",
            "failure",
            "model_number",
            "category",
            "repeat_failure",
            "delight",
            "remedy_cost_cents",
        ],
    )


def _resolutions() -> None:
    """Resolutions and their remedies."""
    _table(
        "report_resolutions",
        "resolution_id",
        sa.Column("case_id", sa.Uuid(), nullable=False),
        sa.Column("customer_id", sa.Uuid(), nullable=True),
        *_author(),
        sa.Column("resolved_s", sa.BigInteger(), nullable=False),
        sa.Column("delight", sa.String(20), nullable=False),
        sa.Column("steps", sa.Integer(), nullable=False),
        sa.Column("remedy_cost_cents", sa.BigInteger(), nullable=False),
        sa.Column("came_back", sa.Boolean(), nullable=False),
        sa.Column("lifetime_value_cents", sa.BigInteger(), nullable=True),
    )
    _index("report_resolutions", "resolved_s")
    _index("report_resolutions", "case_id")
    _index("report_resolutions", "customer_id")
    op.create_table(
        "report_remedies",
        sa.Column("resolution_id", sa.Uuid(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(30), nullable=False),
        sa.Column("cost_cents", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("resolution_id", "position", name=op.f("pk_report_remedies")),
    )


def _activity() -> None:
    """Follow-ups, cards, call attempts and the resources they reach."""
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
        sa.Column("customer_id", sa.Uuid(), nullable=True),
        sa.Column("outcome", sa.String(20), nullable=True),
        sa.Column("helped", sa.Boolean(), nullable=True),
        sa.Column("started_s", sa.BigInteger(), nullable=False),
        sa.Column("case_resolved", sa.Boolean(), nullable=False),
        sa.Column("case_delighted", sa.Boolean(), nullable=False),
    )
    _index("report_calls", "author", "started_s")
    _index("report_calls", "customer_id")
    op.create_index(
        "ix_report_calls_resources",
        "report_calls",
        [
            "started_s",
            "resource_id",
            "outcome",
            "helped",
            "case_id",
            "case_resolved",
            "case_delighted",
        ],
    )
    _table(
        "report_resources",
        "resource_id",
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("department", sa.String(200), nullable=False),
        sa.Column("role", sa.String(200), nullable=False),
    )


def _days() -> None:
    op.create_table(
        "report_days",
        sa.Column("day", sa.Integer(), nullable=False),
        sa.Column("author", sa.String(200), nullable=False),
        sa.Column("author_name", sa.String(200), nullable=True),
        *(sa.Column(name, sa.BigInteger(), nullable=False) for name in DAY_SUMS),
        sa.PrimaryKeyConstraint("day", "author", name=op.f("pk_report_days")),
    )
    op.create_table(
        "report_dirty_days",
        sa.Column("day", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("day", name=op.f("pk_report_dirty_days")),
    )


def downgrade() -> None:
    """Undo this revision."""
    for table in (
        "report_dirty_days",
        "report_days",
        "report_resources",
        "report_calls",
        "report_cards",
        "report_follow_ups",
        "report_remedies",
        "report_resolutions",
        "report_cases",
        "report_models",
        "report_products",
        "report_customers",
        "report_feed",
    ):
        op.drop_table(table)
