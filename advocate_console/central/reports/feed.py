"""Keeping the report tables current: read the change feed from where they stopped.

Every write to a record appends a change (``changes``; on PostgreSQL they commit out of
cursor order, see ``_settled_newest``). Each worker's ``ReportKeeper`` (``keeper.py``)
catches up in the background, and a report asked for while the tables are behind the
feed waits for that: the changes committed since the last catch-up are projected into
the report tables in pages, each page committed with the new cursor, so an interrupted
catch-up resumes where it stopped and two servers never apply a change twice (they take
turns: an advisory lock on PostgreSQL, ``BEGIN IMMEDIATE`` on SQLite).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Any
from uuid import UUID

from pydantic_core import from_json
from sqlalchemy import Delete, Insert, Select, bindparam, func, insert, or_, select, text, update
from sqlalchemy.orm import Session

from advocate_console.central.changes.models import ChangeRow
from advocate_console.central.changes.service import wait_for_feed_writers
from advocate_console.central.core.database import Database
from advocate_console.domain import Collection

from .authorship import credit_by_name
from .days import day_of, mark_dirty, sum_dirty_days
from .models import (
    ReportCallRow,
    ReportCardRow,
    ReportCaseRow,
    ReportCustomerRow,
    ReportDirtyDayRow,
    ReportFeedRow,
    ReportFollowUpRow,
    ReportModelRow,
    ReportProductRow,
    ReportResolutionRow,
)
from .period import DAY
from .projection import KEYS, PROJECTIONS, TABLES_OF
from .repeats import recount

FEED = "changes"
"""The name of ``report_feed``'s one row."""
PAGE = 20_000
"""Changes read and applied per transaction."""
REPORTS_LOCK = 7_240_308
"""PostgreSQL advisory lock held while the report tables catch up."""
_CHUNK = 500  # ids per DELETE … IN (…)
_READ = [collection.value for collection in PROJECTIONS]
_LOCK = text("SELECT pg_advisory_xact_lock(:key)")
_TRY_LOCK = text("SELECT pg_try_advisory_xact_lock(:key)")
_REACHED = select(ReportFeedRow.cursor).where(ReportFeedRow.name == FEED).scalar_subquery()
_DIRTY = select(ReportDirtyDayRow.day).limit(1).exists()
_STATE = select(_REACHED, select(func.max(ChangeRow.cursor)).scalar_subquery(), _DIRTY)
# Only the changes two users made since the tables' cursor, and those nobody signed in
# made (the server's own, records from before authorship): a range of the cursor's index
# (the few changes since the last catch-up), each row's writer looked at.
_STATE_OF = select(
    _REACHED,
    select(func.max(ChangeRow.cursor))
    .where(
        ChangeRow.cursor > func.coalesce(_REACHED, 0),
        or_(
            ChangeRow.changed_by_id == bindparam("who"),
            ChangeRow.changed_by_id == bindparam("whom"),
            ChangeRow.changed_by_id.is_(None),
        ),
    )
    .scalar_subquery(),
    _DIRTY,
)


def bring_up_to_date(db: Database) -> int:
    """Apply every change the report tables have not seen yet, then sum again the days
    those changes touched; how many changes were read."""
    applied, _reached = _catch_up(db, wait=True)
    return applied


def catch_up(db: Database, *, wait: bool) -> int | None:
    """Bring the report tables up to date; the cursor they reached, or None when another
    server is at it and ``wait`` is False (PostgreSQL: it does the same work)."""
    return _catch_up(db, wait=wait)[1]


def report_state(db: Database, by: tuple[UUID, UUID] | None = None) -> tuple[int, int, bool]:
    """How far the report tables are (their cursor), the feed's newest cursor (``by``: the
    newest of a change these users or no user made, or the tables' cursor when there is
    none since), and whether some day waits to be summed again: one query."""
    with db.read() as session:
        if by is None:
            reached, newest, dirty = session.connection().execute(_STATE).one()
        else:
            values = {"who": by[0], "whom": by[1]}
            reached, newest, dirty = session.connection().execute(_STATE_OF, values).one()
            newest = newest or reached
    return reached or 0, newest or 0, bool(dirty)


def _catch_up(db: Database, *, wait: bool) -> tuple[int, int | None]:
    reached, newest, dirty = report_state(db)
    if reached >= newest and not dirty:
        return 0, reached
    applied, done = 0, False
    while not done:
        settled = _settled_newest(db)
        with db.write() as session:
            if not _take_turns(session, wait=wait):
                return applied, None
            newest = settled if settled is not None else _newest(session)
            count, done, reached = _apply_page(session, newest)
            if done:
                # Once at the end, not per page: a first catch-up touches every day of
                # the history. In the last page's transaction: under steady writes most
                # catch-ups are one page, and each turn taken was another wait in line.
                sum_dirty_days(session)
        applied += count
    return applied, reached


def _settled_newest(db: Database) -> int | None:
    """PostgreSQL: the newest cursor now, when the catch-up begins (not when the report
    was asked for: those who queued behind a catch-up then find theirs done, where each
    did one more; bench_load's scorecards waited 6-12 s in that line), once every change
    up to it is committed. SQLite (None): the newest in the catch-up's turn."""
    if not db.is_postgresql:
        return None
    # Writers commit out of cursor order on PostgreSQL: once those writing now have
    # ended, every cursor up to ``newest`` is committed or for ever empty. When one is
    # slow, this catch-up leaves the new changes to the next one. Waited for before the
    # turn is taken, not holding it: under 100 advocates' writes the other worker's
    # catch-up waited 26 ms on average for this one's wait (bench_load --pg-statements).
    with db.read() as session:
        newest = _newest(session)
        if not wait_for_feed_writers(session):
            return 0
    return newest


def _take_turns(session: Session, *, wait: bool) -> bool:
    """Take this server's turn to catch up (PostgreSQL; SQLite's writers take turns
    anyway); False when another has it and ``wait`` is False."""
    if session.get_bind().dialect.name != "postgresql":
        return True
    if wait:
        session.execute(_LOCK, {"key": REPORTS_LOCK})
        return True
    return bool(session.execute(_TRY_LOCK, {"key": REPORTS_LOCK}).scalar())


def _cursor(session: Session) -> int:
    return session.connection().execute(_CURSOR).scalar() or 0


def _newest(session: Session) -> int:
    return session.connection().execute(_NEWEST).scalar() or 0


def _apply_page(session: Session, newest: int) -> tuple[int, bool, int]:
    """Apply the next page of changes up to cursor ``newest`` (every change up to it is
    committed); (changes read, whether the feed is now caught up, the cursor reached)."""
    start = _cursor(session)
    if newest <= start:  # (another server caught up meanwhile, or nothing is settled)
        return 0, True, start
    rows = session.connection().execute(_PAGE, {"start": start, "newest": newest}).all()
    full = len(rows) == PAGE
    newest_records: dict[Collection, dict[str, dict[str, Any]]] = {c: {} for c in PROJECTIONS}
    for _cursor_of, collection, data in rows:
        record = from_json(data)  # (pydantic-core: twice the speed of json.loads)
        newest_records[Collection(collection)][record["id"]] = record  # the last one wins
    touched: set[str] = set()  # customers whose records changed
    days: set[tuple[str | None, int]] = set()  # (author, day): the advocates' days changed
    for collection, records in newest_records.items():
        if records:
            touched |= _write(session, collection, list(records.values()), days)
    days |= recount(session, touched)
    mark_dirty(session, days)
    reached = rows[-1].cursor if full else newest
    changed = session.connection().execute(_MOVED, {"reached": reached})
    if changed.rowcount == 0:
        session.execute(insert(ReportFeedRow).values(name=FEED, cursor=reached))
    return len(rows), not full, reached


DAY_COLUMNS = {
    ReportResolutionRow: "resolved_s",
    ReportFollowUpRow: "due_s",
    ReportCardRow: "created_s",
    ReportCallRow: "started_s",
}
"""The time that puts a row on an advocate's day (``report_days``)."""


def _write(
    session: Session,
    collection: Collection,
    records: Sequence[dict[str, Any]],
    days: set[tuple[str | None, int]],
) -> set[str]:
    """Replace the report rows of ``records`` with rows for their newest versions, adding
    to ``days`` the advocates' days (author, day) they were and are on (a record given
    to another author or moved to another day: both); the customers whose records these
    were."""
    connection = session.connection()
    ids = [record["id"] for record in records]
    for table in TABLES_OF[collection]:
        old_days, emptying = _emptying(table)
        for start in range(0, len(ids), _CHUNK):
            chunk = {"ids": ids[start : start + _CHUNK]}
            if old_days is not None:
                days.update(map(tuple, connection.execute(old_days, chunk)))
            connection.execute(emptying, chunk)
    rows_by_table: dict[type, list[dict[str, Any]]] = {}
    project = PROJECTIONS[collection]
    for record in records:
        for table, row in project(record):
            rows_by_table.setdefault(table, []).append(row)
    for table, column in DAY_COLUMNS.items():
        credited = rows_by_table.get(table, [])
        credit_by_name(session, credited)  # (the author they are summed under)
        days.update((row["author"], row[column] // DAY) for row in credited)
    touched: set[str] = set()
    if collection is Collection.CUSTOMERS:
        touched = set(ids)
    elif collection is Collection.PRODUCTS:
        _add_models(session, rows_by_table.get(ReportProductRow, []))
    elif collection is Collection.CASES:
        cases = rows_by_table.get(ReportCaseRow, [])
        _copy(session, cases, "product_id", ReportProductRow, "model_number")
        touched = {row["customer_id"] for row in cases}
    elif collection is Collection.RESOLUTIONS:
        resolutions = rows_by_table.get(ReportResolutionRow, [])
        _copy(session, resolutions, "case_id", ReportCaseRow, "customer_id")
        _copy(session, resolutions, "customer_id", ReportCustomerRow, "lifetime_value_cents")
        touched = {row["customer_id"] for row in resolutions if row["customer_id"]}
    elif collection is Collection.CALL_ATTEMPTS:
        calls = [row for row in rows_by_table.get(ReportCallRow, []) if row["case_id"]]
        _copy(session, calls, "case_id", ReportCaseRow, "customer_id")
        touched = {row["customer_id"] for row in calls if row["customer_id"]}
    for table, rows in rows_by_table.items():
        connection.execute(_filling(table), rows)
    return touched


# The catch-up's statements, built once with bound parameters (``ids``: a list): building
# them cost more than running them, at every catch-up.
_CURSOR = select(ReportFeedRow.cursor).where(ReportFeedRow.name == FEED)
_NEWEST = select(func.max(ChangeRow.cursor))
_PAGE = (
    select(ChangeRow.cursor, ChangeRow.collection, ChangeRow.data)
    .where(ChangeRow.cursor > bindparam("start"), ChangeRow.cursor <= bindparam("newest"))
    .where(ChangeRow.collection.in_(_READ))
    .order_by(ChangeRow.cursor)
    .limit(PAGE)
)
_MOVED = (
    update(ReportFeedRow.__table__)
    .where(ReportFeedRow.name == FEED)
    .values(cursor=bindparam("reached"))
)


@cache
def _emptying(table: type) -> tuple[Select | None, Delete]:
    """The advocates' days (author, day) the rows of some records (``ids``) are on (None:
    on no day), and their DELETE."""
    columns = table.__table__.c
    key = columns[KEYS[table]].in_(bindparam("ids", expanding=True))
    days = None
    if table in DAY_COLUMNS:
        days = select(columns.author, day_of(columns[DAY_COLUMNS[table]])).where(key)
    return days, table.__table__.delete().where(key)


@cache
def _filling(table: type) -> Insert:
    return table.__table__.insert()


@cache
def _parents(parent: type, column: str) -> Select:
    """Each of some ``parent`` rows (``ids``): its key and its ``column``."""
    key = parent.__table__.c[KEYS[parent]]
    return select(key, parent.__table__.c[column]).where(key.in_(bindparam("ids", expanding=True)))


_KNOWN_MODELS = select(ReportModelRow.model_number).where(
    ReportModelRow.model_number.in_(bindparam("ids", expanding=True))
)


def _add_models(session: Session, products: list[dict[str, Any]]) -> None:
    """Note the models not seen before, with the brand and name of their first unit."""
    models = ReportModelRow.__table__
    named = {row["model_number"]: row for row in reversed(products)}
    wanted = sorted(named)
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start : start + _CHUNK]
        known = set(session.connection().execute(_KNOWN_MODELS, {"ids": chunk}).scalars())
        fresh = [
            {"model_number": model, "brand": named[model]["brand"], "name": named[model]["name"]}
            for model in chunk
            if model not in known
        ]
        if fresh:
            session.execute(insert(models), fresh)


def _copy(
    session: Session, rows: list[dict[str, Any]], key: str, parent: type, column: str
) -> None:
    """Give each row the ``column`` of the ``parent`` row its ``key`` points at (parents
    are written before their children, in the feed as in the report tables)."""
    wanted = list({row[key] for row in rows if row[key] is not None})
    found: dict[str, Any] = {}
    query = _parents(parent, column)
    for start in range(0, len(wanted), _CHUNK):
        chunk = {"ids": wanted[start : start + _CHUNK]}
        found.update(dict(session.connection().execute(query, chunk).all()))
    for row in rows:
        row[column] = found.get(row[key])
