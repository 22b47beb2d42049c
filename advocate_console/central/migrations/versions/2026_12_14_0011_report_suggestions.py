"""Reports count suggested remedies: accepted and dismissed, per resolution and per day.

A resolution carries the remedies the form suggested and what the advocate did with each
(``suggestions``: accepted, dismissed or only shown). ``report_resolutions`` gets how many
were accepted and dismissed, and ``report_days`` sums them, with the resolutions where at
least one was accepted. As revision 0010 does, the report tables are emptied with
``report_feed`` back at 0: the first report after the upgrade reads the whole change feed
again and counts the suggestions of every resolution already on record.

Revision ID: 0011
Revises: 0009
Create Date: 2026-12-14
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0009"
branch_labels = None
depends_on = None

RESOLUTION_COLUMNS = ("suggestions_accepted", "suggestions_dismissed")
DAY_COLUMNS = (*RESOLUTION_COLUMNS, "suggestion_accepted")
FILLED = (
    "report_customers",
    "report_products",
    "report_models",
    "report_cases",
    "report_resolutions",
    "report_remedies",
    "report_follow_ups",
    "report_cards",
    "report_calls",
    "report_resources",
    "report_days",
    "report_dirty_days",
)


def _refill_later() -> None:
    for table in FILLED:
        op.execute(f"DELETE FROM {table}")
    op.execute('UPDATE report_feed SET "cursor" = 0')


def _add(table: str, names: tuple[str, ...], kind: type[sa.types.TypeEngine]) -> None:
    # Added with a default so a NOT NULL column can be added at all (SQLite), then the
    # default dropped: the feed reader always writes them, as the models say.
    with op.batch_alter_table(table) as batch:
        for name in names:
            batch.add_column(sa.Column(name, kind(), nullable=False, server_default="0"))
    with op.batch_alter_table(table) as batch:
        for name in names:
            batch.alter_column(name, server_default=None)


def upgrade() -> None:
    """Apply this revision."""
    _refill_later()  # first, so the tables SQLite copies to alter them are empty
    _add("report_resolutions", RESOLUTION_COLUMNS, sa.Integer)
    _add("report_days", DAY_COLUMNS, sa.BigInteger)


def downgrade() -> None:
    """Undo this revision."""
    _refill_later()
    for table, names in (("report_resolutions", RESOLUTION_COLUMNS), ("report_days", DAY_COLUMNS)):
        with op.batch_alter_table(table) as batch:
            for name in names:
                batch.drop_column(name)
