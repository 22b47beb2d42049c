"""Reports count by author id: the report tables get the id of each record's author.

The records carry the author the server stamped from the token (``author_id``, revision
0004); the report tables kept only the name a record carried. Each table that credits an
advocate gets ``author_id``, and the report tables are emptied with ``report_feed`` back
at 0: the first report after the upgrade reads the whole change feed again (every version
of every record) and fills them afresh, each row credited by its record's ``author_id``,
or, for a record from before authorship, by the one user with the name it carries (see
``central/reports/authorship.py``). About 30 s of CPU per million records, once.

Revision ID: 0010
Revises: 0005
Create Date: 2026-12-13
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0005"
branch_labels = None
depends_on = None

CREDITED = ("report_resolutions", "report_follow_ups", "report_cards", "report_calls")
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


def upgrade() -> None:
    """Apply this revision."""
    for table in (*CREDITED, "report_days"):
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("author_id", sa.Uuid(), nullable=True))
    _refill_later()


def downgrade() -> None:
    """Undo this revision."""
    for table in (*CREDITED, "report_days"):
        with op.batch_alter_table(table) as batch:
            batch.drop_column("author_id")
    _refill_later()  # by names again, as the code of revision 0005 counts
