"""Writing the server's records into the local store, as the sync engine pulls them."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.dialects.sqlite import insert

from advocate_console.domain import Collection, Record

from .database import Store
from .models import OutboxRow, SyncStateRow
from .rows import record_values, replace_customer_keys, table_of


class Replica:
    """The local copy of the server's records, and where the change feed was read up to."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def apply(self, changes: Iterable[tuple[Collection, Record]], cursor: int | None = None) -> int:
        """Upsert server records (a newer or equal version wins) and, with them, the cursor.

        One transaction: either the whole page and its cursor are stored, or nothing is,
        so a crash mid-page only means the page is read again. A record with changes in
        the outbox keeps the advocate's version: the push that follows settles it.
        """
        by_collection: dict[Collection, dict] = defaultdict(dict)
        for collection, record in changes:
            by_collection[collection][record.id] = record  # the last change of a page wins
        count = 0
        with self._store.session() as session:
            for collection, records in by_collection.items():
                table = table_of(collection).__table__
                fresh = _newer_than_stored(session, table, records)
                if not fresh:
                    continue
                rows = [record_values(collection, record) for record in fresh]
                statement = insert(table)
                update = {name: statement.excluded[name] for name in rows[0] if name != "id"}
                session.execute(
                    statement.on_conflict_do_update(
                        index_elements=["id"],
                        set_=update,
                        where=table.c.version <= statement.excluded.version,
                    ),
                    rows,
                )
                if collection is Collection.CUSTOMERS:
                    replace_customer_keys(session, fresh)
                count += len(rows)
            if cursor is not None:
                self._set_state(session, "cursor", str(cursor))
        return count

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


def _newer_than_stored(session, table, records: dict) -> list[Record]:
    ids = list(records)
    query = select(table.c.id, table.c.version).where(table.c.id.in_(ids))
    stored = {row[0]: row[1] for row in session.execute(query)}
    held = set(session.scalars(select(OutboxRow.record_id).where(OutboxRow.record_id.in_(ids))))
    return [r for r in records.values() if r.version >= stored.get(r.id, 0) and r.id not in held]


def stored_ids(store: Store, collection: Collection) -> set:
    """Every id held for ``collection`` (for tests and consistency checks)."""
    table = table_of(collection)
    with store.session() as session:
        return set(session.scalars(select(table.id)))
