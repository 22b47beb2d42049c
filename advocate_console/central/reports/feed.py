"""Keeping the report tables current: read the change feed from where they stopped.

Every write to a record appends a change (``changes``), in commit order on both
databases. Before a report is computed, the changes committed since the last one are
projected into the report tables in pages, each page committed with the new cursor, so
an interrupted catch-up resumes where it stopped and two servers never apply a change
twice (they take turns: an advisory lock on PostgreSQL, ``BEGIN IMMEDIATE`` on SQLite).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pydantic_core import from_json
from sqlalchemy import func, insert, select, text, update
from sqlalchemy.orm import Session

from advocate_console.central.changes.models import ChangeRow
from advocate_console.central.core.database import Database
from advocate_console.domain import Collection

from .models import ReportCaseRow, ReportFeedRow, ReportProductRow
from .projection import KEYS, PROJECTIONS, TABLES_OF

FEED = "changes"
"""The name of ``report_feed``'s one row."""
PAGE = 20_000
"""Changes read and applied per transaction."""
REPORTS_LOCK = 7_240_308
"""PostgreSQL advisory lock held while the report tables catch up."""
_CHUNK = 500  # ids per DELETE … IN (…)
_READ = [collection.value for collection in PROJECTIONS]


def bring_up_to_date(db: Database) -> int:
    """Apply every change the report tables have not seen yet; how many were read."""
    with db.read() as session:
        if _cursor(session) >= _newest(session):
            return 0
    applied = 0
    while True:
        with db.write() as session:
            if session.get_bind().dialect.name == "postgresql":
                session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": REPORTS_LOCK})
            count, done = _apply_page(session)
        applied += count
        if done:
            return applied


def _cursor(session: Session) -> int:
    return session.scalar(select(ReportFeedRow.cursor).where(ReportFeedRow.name == FEED)) or 0


def _newest(session: Session) -> int:
    return session.scalar(select(func.max(ChangeRow.cursor))) or 0


def _apply_page(session: Session) -> tuple[int, bool]:
    """Apply the next page of changes; (changes read, whether the feed is now caught up)."""
    start = _cursor(session)
    # Everything up to the newest cursor seen now is committed (the feed's lock makes
    # cursors visible in commit order), so a page bounded by it never skips a change.
    newest = _newest(session)
    rows = session.execute(
        select(ChangeRow.cursor, ChangeRow.collection, ChangeRow.data)
        .where(ChangeRow.cursor > start, ChangeRow.cursor <= newest)
        .where(ChangeRow.collection.in_(_READ))
        .order_by(ChangeRow.cursor)
        .limit(PAGE)
    ).all()
    full = len(rows) == PAGE
    newest_records: dict[Collection, dict[str, dict[str, Any]]] = {c: {} for c in PROJECTIONS}
    for _cursor_of, collection, data in rows:
        record = from_json(data)  # (pydantic-core: twice the speed of json.loads)
        newest_records[Collection(collection)][record["id"]] = record  # the last one wins
    for collection, records in newest_records.items():
        if records:
            _write(session, collection, list(records.values()))
    reached = rows[-1].cursor if full else newest
    changed = session.execute(
        update(ReportFeedRow).where(ReportFeedRow.name == FEED).values(cursor=reached)
    )
    if changed.rowcount == 0:
        session.execute(insert(ReportFeedRow).values(name=FEED, cursor=reached))
    return len(rows), not full


def _write(session: Session, collection: Collection, records: Sequence[dict[str, Any]]) -> None:
    """Replace the report rows of ``records`` with rows for their newest versions."""
    connection = session.connection()
    ids = [record["id"] for record in records]
    for table in TABLES_OF[collection]:
        key = table.__table__.c[KEYS[table]]
        for start in range(0, len(ids), _CHUNK):
            connection.execute(table.__table__.delete().where(key.in_(ids[start : start + _CHUNK])))
    rows_by_table: dict[type, list[dict[str, Any]]] = {}
    project = PROJECTIONS[collection]
    for record in records:
        for table, row in project(record):
            rows_by_table.setdefault(table, []).append(row)
    if collection is Collection.CASES:
        _copy_models(session, rows_by_table.get(ReportCaseRow, []))
    for table, rows in rows_by_table.items():
        connection.execute(table.__table__.insert(), rows)


def _copy_models(session: Session, cases: list[dict[str, Any]]) -> None:
    """Give each case the model number of its product (written before it, as parents are)."""
    wanted = list({row["product_id"] for row in cases if row["product_id"] is not None})
    models: dict[str, str] = {}
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start : start + _CHUNK]
        found = session.execute(
            select(ReportProductRow.product_id, ReportProductRow.model_number).where(
                ReportProductRow.product_id.in_(chunk)
            )
        )
        models.update(dict(found.all()))
    for row in cases:
        row["model_number"] = models.get(row["product_id"])
