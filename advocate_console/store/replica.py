"""Writing the server's records into the local store, as the sync engine pulls them."""

from __future__ import annotations

import contextlib
import json
import logging
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from sqlalchemy import Connection, delete, text
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.exc import SQLAlchemyError

from advocate_console.domain import Collection, Record

from . import bulk
from .database import Store
from .models import (
    RECORD_ROWS,
    CustomerEmailRow,
    CustomerNameKeyRow,
    CustomerPhoneRow,
    SyncStateRow,
)
from .outbox_entries import HOLDS_ITS_RECORD
from .prepared import PreparedPage, prepare, record_columns
from .rows import table_of

log = logging.getLogger(__name__)

KEY_TABLES = (CustomerPhoneRow, CustomerEmailRow, CustomerNameKeyRow)
# The tables a pull fills, whose secondary indexes a first sync builds once, at the end.
REPLICA_TABLES = tuple(row.__tablename__ for row in (*RECORD_ROWS.values(), *KEY_TABLES))
SET_ASIDE_INDEXES = "set_aside_indexes"  # sync_state key: their CREATE INDEX statements
_CREATE_INDEX = re.compile(r"^\s*CREATE\s+(UNIQUE\s+)?INDEX", re.IGNORECASE)


# A first sync writes a million rows at random places of each table's primary key: a
# page cache that holds the keys (128 MiB, given back when it ends), and checkpoints of
# the write-ahead log every 400 MB rather than 4, cut its disk writes several times over.
BULK_PRAGMAS = {"cache_size": -131072, "wal_autocheckpoint": 100_000}  # KiB; pages


class ReplicaWriter:
    """Pages of the change feed written on one connection, committed when told.

    Made by :meth:`Replica.writing`. Each :meth:`apply` writes a whole page with its
    cursor, so whatever was written is consistent to commit at any point.
    """

    def __init__(self, connection: Connection) -> None:
        self._connection = connection
        self.pending = 0  # changes written since the last commit
        self.broken = False  # a write failed: only a rollback is safe

    def apply(self, changes: Iterable[tuple[Collection, Record]], cursor: int | None = None) -> int:
        """Upsert server records (a newer or equal version wins) and, with them, the cursor.

        A record with changes in the outbox keeps the advocate's version: the push that
        follows settles it. An older version never overwrites a newer one (the upsert's
        WHERE sees to it). Returns how many rows were written.
        """
        try:
            changes = list(changes)
            page = prepare((c, record, record.model_dump_json()) for c, record in changes)
        except BaseException:
            self.broken = True  # (what it wrote before goes with it: all or nothing)
            raise
        page.changes = len(changes)
        return self.apply_page(page, cursor=cursor)

    def apply_page(self, page: PreparedPage, cursor: int | None = None) -> int:
        """:meth:`apply` for records already prepared (see ``prepared.py``)."""
        try:
            written = _write(self._connection, page, cursor)
        except BaseException:
            self.broken = True
            raise
        self.pending += page.changes
        return written

    def commit(self) -> None:
        """Make what was written so far durable."""
        self._connection.commit()
        self.pending = 0


class Replica:
    """The local copy of the server's records, and where the change feed was read up to."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def apply(self, changes: Iterable[tuple[Collection, Record]], cursor: int | None = None) -> int:
        """Upsert server records and the cursor in one transaction (see ReplicaWriter.apply).

        Either the whole page and its cursor are stored, or nothing is, so a crash
        mid-page only means the page is read again.
        """
        with self.writing() as writer:
            return writer.apply(changes, cursor)

    @contextmanager
    def writing(self, *, bulk: bool = False) -> Iterator[ReplicaWriter]:
        """A writer of pages on one connection; what it wrote is committed when the block
        ends, even by an exception from elsewhere (a fetch that failed: the pages written
        are whole, each with its cursor). A write that failed rolls back to the last commit.

        ``bulk``: for a first sync, the lookup indexes are set aside meanwhile (see
        :meth:`loading_in_bulk`) and the connection gets :data:`BULK_PRAGMAS`.
        """
        with contextlib.ExitStack() as stack:
            if bulk:
                stack.enter_context(self.loading_in_bulk())
            connection = stack.enter_context(self._store.engine.connect())
            if bulk:
                stack.enter_context(_pragmas(connection, BULK_PRAGMAS))
            writer = ReplicaWriter(connection)
            try:
                yield writer
            except BaseException:
                if writer.broken:
                    connection.rollback()
                else:
                    writer.commit()
                raise
            writer.commit()

    @contextmanager
    def loading_in_bulk(self) -> Iterator[None]:
        """While the block runs, the replica's lookup indexes are set aside; then rebuilt.

        For a first sync, which writes every record the server has: keeping a dozen
        indexes on random UUIDs current row by row costs far more than building each
        once, sorted. Their definitions wait in ``sync_state`` in the same transaction
        that drops them, so a crash mid-load loses nothing: the next
        :meth:`restore_indexes` (every pull starts with one) builds them again. The
        primary keys stay, so every upsert still finds its row.
        """
        self.restore_indexes()
        with self._store.session() as session:
            names = ", ".join(f"'{name}'" for name in REPLICA_TABLES)
            indexes = session.execute(
                text(
                    "SELECT name, sql FROM sqlite_master WHERE type = 'index'"
                    f" AND sql IS NOT NULL AND tbl_name IN ({names}) ORDER BY name"
                )
            ).all()
            _set_state(session, SET_ASIDE_INDEXES, json.dumps([sql for _, sql in indexes]))
            for name, _ in indexes:
                session.connection().exec_driver_sql(f'DROP INDEX "{name}"')
        try:
            yield
        finally:
            self.restore_indexes()
            self._give_back_the_log()

    def _give_back_the_log(self) -> None:
        """The write-ahead log grew to hundreds of MB (see BULK_PRAGMAS): give the disk
        back. It waits for readers of older pages, if any, for at most the busy timeout;
        if it cannot, the log is reused as it is (and shrinks at a later checkpoint)."""
        try:
            with self._store.engine.connect() as connection:
                connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        except SQLAlchemyError as error:  # never instead of the load's own outcome
            log.warning("the write-ahead log was not truncated after a first sync: %s", error)

    def restore_indexes(self) -> None:
        """Build again any index a bulk load set aside (after a crash, say); else nothing."""
        with self._store.session() as session:
            saved = session.get(SyncStateRow, SET_ASIDE_INDEXES)
            if saved is None:
                return
            for sql in json.loads(saved.value):
                create = _CREATE_INDEX.sub(r"\g<0> IF NOT EXISTS", sql, count=1)
                session.connection().exec_driver_sql(create)
            session.execute(delete(SyncStateRow).where(SyncStateRow.key == SET_ASIDE_INDEXES))

    def cursor(self) -> int:
        """Where the next read of the change feed starts (0 before the first sync)."""
        with self._store.session() as session:
            value = session.get(SyncStateRow, "cursor")
            return int(value.value) if value else 0


def _write(connection: Connection, page: PreparedPage, cursor: int | None) -> int:
    # Straight through the driver, not the ORM nor Core: a first sync writes a million
    # rows (see bulk.py).
    held = {
        row[0]
        for row in connection.exec_driver_sql(
            f"SELECT record_id FROM outbox WHERE {HOLDS_ITS_RECORD}"
        )
    }
    count = 0
    for collection, rows in page.rows.items():
        fresh = [row for row in rows if row[0] not in held]  # the outbox is small
        stored: set[str] = set()
        if collection is Collection.CUSTOMERS:
            # Their lookup keys follow the row, so only a newer version may write.
            fresh, stored = _newer_than_stored(connection, fresh)
        if not fresh:
            continue
        table = table_of(collection).__table__
        bulk.upsert(table, record_columns(collection)).run(connection, fresh)
        if collection is Collection.CUSTOMERS:
            _replace_customer_keys(connection, [row[0] for row in fresh], page.keys, stored)
        count += len(fresh)
    if cursor is not None:
        _set_state(connection, "cursor", str(cursor))
    return count


def _set_state(connection, key: str, value: str) -> None:
    statement = insert(SyncStateRow).values(key=key, value=value)
    connection.execute(
        statement.on_conflict_do_update(index_elements=["key"], set_={"value": value})
    )


@contextmanager
def _pragmas(connection: Connection, pragmas: dict[str, int]) -> Iterator[None]:
    """``pragmas`` set on ``connection`` while the block runs; then what they were."""
    before = {name: connection.exec_driver_sql(f"PRAGMA {name}").scalar() for name in pragmas}
    for name, value in pragmas.items():
        connection.exec_driver_sql(f"PRAGMA {name} = {int(value)}")
    try:
        yield
    finally:
        for name, value in before.items():
            connection.exec_driver_sql(f"PRAGMA {name} = {int(value)}")


def _replace_customer_keys(
    connection: Connection,
    ids: list[str],
    keys: dict[str, tuple[list[str], list[str], list[str]]],
    stored: set[str],
) -> None:
    """Make the phone, e-mail and name-key tables say what ``keys`` say of customers
    ``ids`` now. ``stored``: those the store held before (only they can have keys to drop).
    """
    gone = [(customer,) for customer in ids if customer in stored]
    for number, row_type in enumerate(KEY_TABLES):
        table = row_type.__table__
        if gone:
            bulk.delete_where(table, "customer_id").run(connection, gone)
        rows = [(customer, value) for customer in ids for value in keys[customer][number]]
        if rows:
            columns = tuple(column.name for column in table.primary_key.columns)
            bulk.insert_or_ignore(table, columns).run(connection, rows)


def _newer_than_stored(connection: Connection, customers: list[tuple]) -> tuple[list, set[str]]:
    """Those rows of ``customers`` at least as new as the store's, and the ids it holds."""
    stored: dict[str, int] = {}
    for start in range(0, len(customers), 500):  # (well under SQLite's limit of variables)
        ids = [row[0] for row in customers[start : start + 500]]
        marks = ", ".join(["?"] * len(ids))
        found = connection.exec_driver_sql(
            f"SELECT id, version FROM customers WHERE id IN ({marks})", tuple(ids)
        )
        stored.update(found.all())
    return [row for row in customers if row[1] >= stored.get(row[0], 0)], set(stored)
