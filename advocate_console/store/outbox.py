"""Local writes: the record and its outbox entry saved together, in one transaction."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.dialects.sqlite import insert

from advocate_console.domain import Collection, Record

from .database import Store
from .models import OutboxRow
from .rows import record_values, table_of


@dataclass(frozen=True, slots=True)
class OutboxEntry:
    """A change waiting to be pushed; its idempotency key never changes across retries."""

    seq: int
    idempotency_key: str
    collection: Collection
    record_id: uuid.UUID
    op: str
    base_version: int | None
    body: dict[str, Any]
    attempts: int
    last_error: str | None


class LocalChanges:
    """Saves what the advocate did, so it is kept offline and pushed exactly once."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def create(self, collection: Collection, record: Record) -> OutboxEntry:
        """Store a new record and queue its creation on the server."""
        body = record.model_dump(mode="json", exclude={"version"})
        with self._store.session() as session:
            session.execute(
                insert(table_of(collection).__table__), [record_values(collection, record)]
            )
            row = OutboxRow(
                idempotency_key=str(uuid.uuid4()),
                collection=collection.value,
                record_id=record.id,
                op="create",
                base_version=None,
                body=json.dumps(body),
                created_at=datetime.now(UTC).replace(tzinfo=None),
                attempts=0,
            )
            session.add(row)
            session.flush()
            return _entry(row)

    def pending(self, limit: int = 100) -> list[OutboxEntry]:
        """The oldest waiting changes, in the order they were made."""
        with self._store.session() as session:
            rows = session.scalars(select(OutboxRow).order_by(OutboxRow.seq).limit(limit))
            return [_entry(row) for row in rows]

    def waiting(self) -> int:
        """How many changes wait to be pushed."""
        with self._store.session() as session:
            return session.scalar(select(func.count()).select_from(OutboxRow)) or 0


def _entry(row: OutboxRow) -> OutboxEntry:
    return OutboxEntry(
        seq=row.seq,
        idempotency_key=row.idempotency_key,
        collection=Collection(row.collection),
        record_id=row.record_id,
        op=row.op,
        base_version=row.base_version,
        body=json.loads(row.body),
        attempts=row.attempts,
        last_error=row.last_error,
    )
