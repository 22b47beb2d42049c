"""The report keeper sums again only the advocates' days that changed, not whole days.

``report_dirty_days`` listed days; each catch-up summed every advocate's records of those
days again (with 100 advocates writing, 11 ms and 3,000–4,000 blocks a catch-up, growing
with the day's records). It now lists (day, author) pairs, ``report_days``' key, and the
catch-up reads each advocate's records of a day through a new index on the author and the
time of resolutions, follow-ups and cards (calls had one). Days marked dirty before the
upgrade are marked for every author with records or sums on them: the same sums, no
reading the change feed again. A downgrade keeps the days of the pairs.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-15
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

TABLE = "report_dirty_days"
TIMES = {
    "report_resolutions": "resolved_s",
    "report_follow_ups": "due_s",
    "report_cards": "created_s",
}
_DAY = 86_400
_CHUNK = 500


def _authors_on(days: list[int]) -> str:
    """SELECT the (day, author) of every advocate with records or sums on ``days``."""
    listed = ", ".join(str(int(day)) for day in days)
    times = {**TIMES, "report_calls": "started_s"}
    parts = [
        f"SELECT {time} / {_DAY} AS day, author FROM {table} "
        f"WHERE author IS NOT NULL AND {time} / {_DAY} IN ({listed})"
        for table, time in times.items()
    ]
    parts.append(f"SELECT day, author FROM report_days WHERE day IN ({listed})")
    return " UNION ".join(parts)


def _create(*keys: str) -> None:
    columns = [sa.Column("day", sa.Integer(), nullable=False)]
    if "author" in keys:
        columns.append(sa.Column("author", sa.String(length=200), nullable=False))
    op.create_table(TABLE, *columns, sa.PrimaryKeyConstraint(*keys, name=op.f(f"pk_{TABLE}")))


def upgrade() -> None:
    """Apply this revision."""
    days = sorted(op.get_bind().execute(sa.text(f"SELECT day FROM {TABLE}")).scalars())
    op.drop_table(TABLE)
    _create("day", "author")
    for start in range(0, len(days), _CHUNK):
        chunk = days[start : start + _CHUNK]
        op.execute(f"INSERT INTO {TABLE} (day, author) {_authors_on(chunk)}")
    for table, time in TIMES.items():
        op.create_index(op.f(f"ix_{table}_author_{time}"), table, ["author", time])


def downgrade() -> None:
    """Undo this revision."""
    for table, time in TIMES.items():
        op.drop_index(op.f(f"ix_{table}_author_{time}"), table_name=table)
    days = sorted(set(op.get_bind().execute(sa.text(f"SELECT day FROM {TABLE}")).scalars()))
    op.drop_table(TABLE)
    _create("day")
    if days:
        op.get_bind().execute(
            sa.table(TABLE, sa.column("day")).insert(), [{"day": day} for day in days]
        )
