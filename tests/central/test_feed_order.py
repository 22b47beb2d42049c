"""The change feed on PostgreSQL with writers that do not take turns: transactions
commit out of cursor order, and readers polling all along still miss nothing."""

from __future__ import annotations

import random
import threading
import time

import pytest

from advocate_console.central.changes.service import AT_ONCE, read_changes, read_changes_at_once
from advocate_console.central.core.database import Database
from advocate_console.central.records.service import save
from advocate_console.domain import Collection
from tests import factories

pytestmark = pytest.mark.postgres


def test_readers_never_skip_a_change_that_commits_after_a_later_cursor(database_url):
    if not database_url.startswith("postgresql"):
        pytest.skip("SQLite's writers take turns; the holes only happen on PostgreSQL")
    db = Database(database_url, pool_size=12)
    writers, per_writer, readers = 8, 25, 8
    written: list[str] = []
    lock = threading.Lock()
    finished = threading.Event()
    rng = random.Random(7)

    def write(n: int) -> None:
        for i in range(per_writer):
            customer = factories.customer(display_name=f"w{n}-{i}")
            delay = rng.random() * 0.02
            with db.write() as session:
                save(session, Collection.CUSTOMERS, customer, new=True)
                # Hold the cursor a while before committing: later cursors commit first.
                time.sleep(delay)
            with lock:
                written.append(str(customer.id))

    seen: list[list[tuple[int, str]]] = [[] for _ in range(readers)]
    import json

    def read(k: int) -> None:
        since = 0
        # Half read as GET /changes does: at once when the page is short and whole,
        # else in full (each way with a page under AT_ONCE and one over it).
        limit = (7, AT_ONCE + 50)[k % 4 // 2]
        while True:
            last_round = finished.is_set()
            with db.connect() as connection:
                at_once = read_changes_at_once(db, connection, since, limit) if k % 2 else None
            page = json.loads(at_once or read_changes(db, since, limit))
            seen[k] += [(item["cursor"], item["id"]) for item in page["items"]]
            since = page["next_cursor"]
            if last_round and not page["has_more"]:
                return

    threads = [threading.Thread(target=write, args=(n,)) for n in range(writers)]
    reading = [threading.Thread(target=read, args=(k,)) for k in range(readers)]
    for thread in threads + reading:
        thread.start()
    for thread in threads:
        thread.join()
    finished.set()
    for thread in reading:
        thread.join(60)
    db.dispose()
    assert len(written) == writers * per_writer
    for k in range(readers):
        cursors = [cursor for cursor, _ in seen[k]]
        assert cursors == sorted(cursors)
        ids = [record_id for _, record_id in seen[k]]
        assert sorted(ids) == sorted(written), f"reader {k} skipped or repeated changes"


def test_the_reports_never_skip_a_change_that_commits_after_a_later_cursor(database_url):
    if not database_url.startswith("postgresql"):
        pytest.skip("SQLite's writers take turns; the holes only happen on PostgreSQL")
    from sqlalchemy import select

    from advocate_console.central.core.database import prepare_database
    from advocate_console.central.reports.feed import bring_up_to_date
    from advocate_console.central.reports.models import ReportCustomerRow

    prepare_database(database_url)
    db = Database(database_url, pool_size=4)
    early, late = factories.customer(display_name="Early"), factories.customer(display_name="Late")
    with db.write() as holding:
        save(holding, Collection.CUSTOMERS, early, new=True)  # the lower cursor, in flight
        with db.write() as session:
            save(session, Collection.CUSTOMERS, late, new=True)
        bring_up_to_date(db)  # while the lower cursor is still in flight
    bring_up_to_date(db)
    with db.read() as session:
        names = set(session.scalars(select(ReportCustomerRow.name)))
    db.dispose()
    assert {"Early", "Late"} <= names
