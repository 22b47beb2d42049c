"""Writing and reading the change feed, so that a cursor never skips a committed change.

The feed sends each record's latest version only: a new version of a record marks the
one before as no longer latest, in the same transaction. A reader after cursor N thus
gets every record whose latest version came after N, at that version, and nothing it
would overwrite at once; a record changed again while a sync pages through the feed
comes again later, at its newer version (the older one is no longer sent). Every
version stays in the table for the audit.

Writers do not wait for each other. On PostgreSQL a change takes its cursor from a
sequence when it is written, and transactions commit in any order: cursor 41 may be
visible while 40 is still in flight, and a reader that went on from 41 would never see
40. So the reader waits out such transactions instead (see ``_settle``): a cursor
missing below the highest one read is a hole, and holes are either still in flight or
for ever empty (a rolled-back write). When a page has a hole, the reader waits until
every transaction writing to the feed at that moment has ended (milliseconds: they were
committing), and reads again; what is missing then stays missing. Those transactions
are the ones holding the ROW EXCLUSIVE lock on ``changes`` that PostgreSQL gives a
statement writing to a table before it runs, so before the sequence gives a cursor,
until the transaction ends (``pg_locks`` lists them). A transaction that has not
written a change yet (waiting on a lock, or a report catching up) is not waited for: its
cursor, when it takes one, will be above every cursor already read. Before this a
single advisory lock, held until commit, made every write on the server take its turn;
then readers waited for every older transaction, written to the feed or not.

SQLite takes writers one at a time anyway (BEGIN IMMEDIATE), so its cursors are dense.
An older version left out of a page looks like a hole and is waited out like one, once
(below ``SETTLED`` no gap is looked at again).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from datetime import datetime
from typing import Any
from uuid import UUID

from sqlalchemy import Connection, bindparam, insert, update
from sqlalchemy.orm import Session

from advocate_console.api.schemas import ChangeOp
from advocate_console.central.core.database import Database
from advocate_console.central.core.reads import Sql
from advocate_console.central.core.writes import Statement
from advocate_console.domain import Collection
from advocate_console.domain.records import Advocate

from .models import ChangeRow

log = logging.getLogger(__name__)

# How long a reader waits for transactions in flight before it answers with the part of
# the page below the hole (the client then asks again at once).
SETTLE_TIMEOUT = 2.0
# The most changes a page read on the event loop may have (read_changes_at_once).
AT_ONCE = 100
# The transactions writing to the change feed now (see the module's docstring); written
# once and run on the driver's cursor (core/reads.py): a busy feed polls them often.
_FEED_WRITERS = Sql(
    "SELECT coalesce(array_agg(virtualtransaction), '{}') FROM pg_locks"
    " WHERE locktype = 'relation' AND relation = 'changes'::regclass"
    " AND mode = 'RowExclusiveLock'"
)
_STILL_WRITING = Sql(
    "SELECT count(*) FROM pg_locks WHERE locktype = 'relation'"
    " AND relation = 'changes'::regclass AND mode = 'RowExclusiveLock'"
    " AND virtualtransaction = ANY(:writers)"
)


def wait_for_feed_writers(session: Session | Connection, timeout: float = SETTLE_TIMEOUT) -> bool:
    """Wait until every transaction writing to the change feed now has ended (PostgreSQL),
    so that every cursor drawn before this call is committed or for ever empty; False
    when one was still writing after ``timeout`` seconds."""
    connection = session.connection() if isinstance(session, Session) else session
    writers = _FEED_WRITERS.rows(connection)[0][0]
    deadline = time.monotonic() + timeout
    pause = 0.001
    while writers and _STILL_WRITING.rows(connection, writers=writers)[0][0]:
        if time.monotonic() > deadline:
            return False
        time.sleep(pause)
        pause = min(pause * 2, 0.02)  # (a poll is a query: not every millisecond for long)
    return True


class _Highest:
    """A cursor per database that only rises, shared by the worker's threads."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.below: dict[str, int] = {}

    def get(self, url: str) -> int:
        return self.below.get(url, 0)

    def raise_to(self, url: str, cursor: int) -> None:
        with self._lock:
            self.below[url] = max(self.below.get(url, 0), cursor)


# The highest cursor below which every hole is known to be final (a fact about the
# database, so each worker may learn it on its own).
SETTLED = _Highest()


def record_change(
    session: Session,
    collection: Collection,
    record_id: UUID,
    version: int,
    data_json: str,
    committed_at: datetime,
    *,
    by: Advocate | None = None,
    new: bool = False,
) -> None:
    """Append one change, made ``by`` whom, in the current transaction; unless the record
    is ``new``, its version before is no longer the latest.

    The transaction must have written before (the record's own row): PostgreSQL then
    has given it a transaction id before the sequence gives the change its cursor, so
    a reader that sees the cursor missing also sees the transaction in flight.
    """
    connection = session.connection()
    if not new:
        values = {"the_record": record_id, "the_collection": collection.value}
        _NO_LONGER_LATEST.rows(connection, values)
    _CHANGE.rows(
        connection,
        {
            "collection": collection.value,
            "record_id": record_id,
            "version": version,
            "data": data_json,
            "committed_at": committed_at,
            "changed_by_id": by.id if by else None,
            "changed_by_name": by.display_name if by else None,
            "latest": True,
        },
    )


# Built once (core/writes.py): building the INSERT through the ORM for each change was
# a tenth of the workers' CPU under bench_load. No RETURNING (``inline``): nothing reads
# the cursor back.
_CHANGES = ChangeRow.__table__
_CHANGE = Statement(insert(_CHANGES).inline())
_NO_LONGER_LATEST = Statement(
    update(_CHANGES)
    .where(
        _CHANGES.c.record_id == bindparam("the_record"),
        _CHANGES.c.collection == bindparam("the_collection"),
        _CHANGES.c.latest,
    )
    .values(latest=False)
)


# The highest cursor a page read here ended at: a hint of how far behind a reader is.
HEADS = _Highest()


def read_changes(
    db: Database, since: int, limit: int, check: Callable[[Connection], Any] | None = None
) -> bytes:
    """Up to ``limit`` changes after cursor ``since``, oldest first, as a ChangePage's JSON:
    each the latest version of its record (see the module's docstring); ``check`` runs
    first on the connection read with (the token's).

    The page is written straight from the stored record JSON: each ``data`` was made by
    ``model_dump_json`` of a validated record when it was committed, so parsing it and
    serialising it again would only spend the server's time (most of a first sync's).
    The shape is exactly ChangePage's, field for field (a test holds it to that).
    """
    # What was settled before this read is settled in it; what another reader settles
    # while this one reads is not (this read's snapshot may be older than that).
    settled = SETTLED.get(db.url) if db.is_postgresql else 0
    with db.connect() as connection:
        if check is not None:
            check(connection)
        rows = _rows(connection, since, limit + 1)
        has_more = len(rows) > limit
        rows = rows[:limit]
        if db.is_postgresql:
            rows, truncated = _settle(db, connection, since, rows, limit, settled)
            has_more = has_more or truncated
    if rows:
        HEADS.raise_to(db.url, rows[-1][0])
    return _page(rows, since, has_more)


def long_to_read(db: Database, since: int, limit: int) -> bool:
    """Whether a page after ``since`` will likely have more than ``read_changes_at_once``
    reads (the pages read here lately went far beyond it): then reading on a thread at
    once spares reading a hundred changes on the event loop only to read them again.
    A hint only: either way the answer is the same."""
    return limit > AT_ONCE and HEADS.get(db.url) - since > 2 * AT_ONCE


def read_changes_at_once(db: Database, connection: Connection, since: int, limit: int):
    """``read_changes`` on ``connection`` when the answer is short and has no hole to
    wait out (an incremental sync's: it never waits); None otherwise, and then
    ``read_changes`` must run off the event loop (it may wait for writers to commit,
    and a first sync's pages are thousands of records)."""
    settled = SETTLED.get(db.url) if db.is_postgresql else 0
    at_once = min(limit, AT_ONCE)
    rows = _rows(connection, since, at_once + 1)
    if len(rows) > at_once and limit > at_once:
        return None
    has_more = len(rows) > limit
    rows = rows[:limit]
    if db.is_postgresql and _needs_settling(since, rows, settled):
        return None
    if rows:
        HEADS.raise_to(db.url, rows[-1][0])
    return _page(rows, since, has_more)


def _page(rows: list, since: int, has_more: bool) -> bytes:
    upsert = ChangeOp.UPSERT.value
    items = ",".join(
        f'{{"cursor":{cursor},"collection":"{collection}","op":"{upsert}",'
        f'"id":"{_uuid_text(record_id)}","version":{version},"data":{data}}}'
        for cursor, collection, record_id, version, data in rows
    )  # (collection: a Collection's value, written only by record_change)
    next_cursor = rows[-1][0] if rows else since
    more = "true" if has_more else "false"
    return f'{{"items":[{items}],"next_cursor":{next_cursor},"has_more":{more}}}'.encode()


# Written once (core/reads.py): the ORM's row loading was a fifth of the server's time
# for a first sync, building the statement per read most of an empty read's.
# CAST: no UUID made and unmade per row.
_PAGE = "SELECT cursor, collection, CAST(record_id AS VARCHAR(36)), version, data FROM changes"
_AFTER = Sql(f"{_PAGE} WHERE cursor > :since AND latest ORDER BY cursor LIMIT :count")
_BETWEEN = Sql(
    f"{_PAGE} WHERE cursor > :since AND cursor <= :upto AND latest ORDER BY cursor LIMIT :count"
)


def _rows(connection: Connection, since: int, count: int, upto: int | None = None) -> list:
    if upto is None:
        return _AFTER.rows(connection, since=since, count=count)
    return _BETWEEN.rows(connection, since=since, count=count, upto=upto)


def _first_hole(since: int, cursors: list[int], settled: int) -> int | None:
    expected = since + 1
    for cursor in cursors:
        if cursor != expected and cursor - 1 > settled:
            return max(expected, settled + 1)
        expected = cursor + 1
    return None


def _needs_settling(since: int, rows: list, settled: int) -> bool:
    """Whether ``rows`` have a hole that a transaction still in flight may fill."""
    if not rows:
        return False
    highest = rows[-1][0]
    if highest - since == len(rows) or highest <= settled:
        return False  # dense, or settled already: no version to look for
    # (A gap may be only an older version, left out: it is waited out like a hole, once;
    # looking for it in a second read would see a later snapshot than ``rows``.)
    return _first_hole(since, [row[0] for row in rows], settled) is not None


def _settle(db: Database, connection: Connection, since: int, rows: list, limit: int, settled: int):
    """``rows`` with no hole that a transaction still in flight may fill; and whether the
    page was cut short. ``settled``: the settled cursor as it was before ``rows`` were read."""
    if not _needs_settling(since, rows, settled):
        return rows, False
    highest = rows[-1][0]
    cursors = [row[0] for row in rows]
    # (Reads run in autocommit on PostgreSQL: ``rows`` were read before this looks.)
    if not wait_for_feed_writers(connection):
        # Something held a cursor below this page for long: answer with the part
        # before the hole, and the client asks again.
        hole = _first_hole(since, cursors, settled)
        log.warning("change feed: a write holding cursor %s is slow to commit", hole)
        return [row for row in rows if hole is None or row[0] < hole], True
    # Every transaction that could fill a hole up to ``highest`` has ended: read again.
    SETTLED.raise_to(db.url, highest)
    settled_rows = _rows(connection, since, limit + 1, upto=highest)
    return settled_rows[:limit], len(settled_rows) > limit


def _uuid_text(value: str) -> str:
    """A UUID column cast to text (SQLite: 32 hex digits; PostgreSQL: hyphenated) as the
    API writes UUIDs."""
    if len(value) == 32:
        return f"{value[:8]}-{value[8:12]}-{value[12:16]}-{value[16:20]}-{value[20:]}"
    return value
