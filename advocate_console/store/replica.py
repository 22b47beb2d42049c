"""Writing the server's records into the local store, as the sync engine pulls them."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from sqlalchemy import delete, select, text
from sqlalchemy.dialects.sqlite import insert

from advocate_console.domain import Collection, Record

from . import bulk
from .database import Store
from .models import (
    RECORD_ROWS,
    CustomerEmailRow,
    CustomerNameKeyRow,
    CustomerPhoneRow,
    CustomerRow,
    OutboxRow,
    SyncStateRow,
)
from .rows import customer_keys, table_of

KEY_TABLES = (CustomerPhoneRow, CustomerEmailRow, CustomerNameKeyRow)
# The tables a pull fills, whose secondary indexes a first sync builds once, at the end.
REPLICA_TABLES = tuple(row.__tablename__ for row in (*RECORD_ROWS.values(), *KEY_TABLES))
SET_ASIDE_INDEXES = "set_aside_indexes"  # sync_state key: their CREATE INDEX statements
_CREATE_INDEX = re.compile(r"^\s*CREATE\s+(UNIQUE\s+)?INDEX", re.IGNORECASE)


class Replica:
    """The local copy of the server's records, and where the change feed was read up to."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def apply(self, changes: Iterable[tuple[Collection, Record]], cursor: int | None = None) -> int:
        """Upsert server records (a newer or equal version wins) and, with them, the cursor.

        One transaction: either the whole page and its cursor are stored, or nothing is,
        so a crash mid-page only means the page is read again. A record with changes in
        the outbox keeps the advocate's version: the push that follows settles it. An
        older version never overwrites a newer one (the upsert's WHERE sees to it).
        """
        by_collection: dict[Collection, dict] = defaultdict(dict)
        for collection, record in changes:
            by_collection[collection][record.id] = record  # the last change of a page wins
        count = 0
        with self._store.session() as session:
            # Straight through the driver, not the ORM nor Core: a first sync writes a
            # million rows (see bulk.py).
            connection = session.connection()
            dialect = connection.dialect
            held = set(session.scalars(select(OutboxRow.record_id)))  # the outbox is small
            for collection, records in by_collection.items():
                fresh = [record for record in records.values() if record.id not in held]
                if collection is Collection.CUSTOMERS:
                    # Their lookup keys follow the row, so only a newer version may write.
                    fresh = _newer_than_stored(session, fresh)
                if not fresh:
                    continue
                table = table_of(collection).__table__
                bulk.record_upsert(collection, table, dialect).run(connection, fresh)
                if collection is Collection.CUSTOMERS:
                    _replace_customer_keys(connection, fresh)
                count += len(fresh)
            if cursor is not None:
                self._set_state(session, "cursor", str(cursor))
        return count

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
            self._set_state(session, SET_ASIDE_INDEXES, json.dumps([sql for _, sql in indexes]))
            for name, _ in indexes:
                session.connection().exec_driver_sql(f'DROP INDEX "{name}"')
        try:
            yield
        finally:
            self.restore_indexes()

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

    @staticmethod
    def _set_state(session, key: str, value: str) -> None:
        statement = insert(SyncStateRow).values(key=key, value=value)
        session.execute(
            statement.on_conflict_do_update(index_elements=["key"], set_={"value": value})
        )


def _replace_customer_keys(connection, customers: list[Record]) -> None:
    """Make the phone, e-mail and name-key tables say what ``customers`` say now."""
    dialect = connection.dialect
    ids = [{"customer_id": customer.id} for customer in customers]
    keys: tuple[list[dict], ...] = ([], [], [])
    for customer in customers:
        for collected, new in zip(keys, customer_keys(customer), strict=True):
            collected.extend(new)
    for row_type, rows in zip(KEY_TABLES, keys, strict=True):
        table = row_type.__table__
        bulk.delete_where(table, "customer_id", dialect).run(connection, ids)
        if rows:
            bulk.insert_or_ignore(table, tuple(rows[0]), dialect).run(connection, rows)


def _newer_than_stored(session, customers: list[Record]) -> list[Record]:
    ids = [customer.id for customer in customers]
    query = select(CustomerRow.id, CustomerRow.version).where(CustomerRow.id.in_(ids))
    stored = {row[0]: row[1] for row in session.execute(query)}
    return [c for c in customers if c.version >= stored.get(c.id, 0)]
