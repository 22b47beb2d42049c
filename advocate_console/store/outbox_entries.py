"""An outbox entry: a change of the advocate's waiting for the server, where it stands,
and the row that keeps it in the store."""

from __future__ import annotations

import enum
import json
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from advocate_console.domain import Collection
from advocate_console.domain.reasons import Reason

from .models import OutboxRow


class EntryState(enum.StrEnum):
    """Where an outbox entry stands."""

    PENDING = "pending"  # the sync engine pushes it
    CONFLICT = "conflict"  # someone else changed the same fields: the advocate chooses
    REFUSED = "refused"  # the server said no, with a reason: the advocate decides
    # (A refused entry with ``server`` set was refused because the server holds another
    # version in its place, e.g. a resolution for a case someone else resolved first: the
    # laptop shows the server's, the advocate's own stays in the entry.)


HOLDS_ITS_RECORD = "NOT (state = 'refused' AND server_data IS NOT NULL)"
"""Which entries keep a pull from writing over their record (SQL on the outbox): all but
those refused with the server's version kept beside them, whose record shows the
server's truth and follows it."""


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
    last_error: str | None  # as stored: English, or a Reason's stored text (see ``reason``)
    state: EntryState = EntryState.PENDING
    base: dict[str, Any] | None = None
    server: dict[str, Any] | None = None
    author_id: uuid.UUID | None = None  # who saved it; None: before anyone signed in here
    author_name: str | None = None
    saved_with: uuid.UUID | None = None  # shared by the entries of one save_all

    @property
    def reason(self) -> Reason | None:
        """Why it was refused or waits (its code and values for ``ui/`` to word), or None."""
        return Reason.read(self.last_error) if self.last_error else None

    def kept_for_someone_else(self, me: uuid.UUID | None) -> bool:
        """Whether this is another advocate's work, to be sent only when they sign in."""
        return self.author_id is not None and self.author_id != me


def new_entry_row(
    collection: Collection,
    record_id: uuid.UUID,
    op: str,
    base_version: int | None,
    body: dict[str, Any],
    base: dict[str, Any] | None,
) -> OutboxRow:
    """A new pending entry's row (its idempotency key made here, once)."""
    return OutboxRow(
        idempotency_key=str(uuid.uuid4()),
        collection=collection.value,
        record_id=record_id,
        op=op,
        base_version=base_version,
        body=json.dumps(body),
        base_data=json.dumps(base) if base is not None else None,
        created_at=datetime.now(UTC).replace(tzinfo=None),
        attempts=0,
        state=EntryState.PENDING.value,
    )


def refuse_for_theirs(row: OutboxRow, reason: str, theirs: dict[str, Any]) -> None:
    """Mark ``row`` refused for ``reason``, with the server's version ``theirs`` beside it."""
    row.state = EntryState.REFUSED.value
    row.last_error = reason
    row.server_data = json.dumps(theirs)


def entry_of(row: OutboxRow) -> OutboxEntry:
    """The entry a row keeps."""
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
        state=EntryState(row.state),
        base=json.loads(row.base_data) if row.base_data else None,
        server=json.loads(row.server_data) if row.server_data else None,
        author_id=row.author_id,
        author_name=row.author_name,
        saved_with=row.saved_with,
    )


def fields_before(entry: OutboxEntry) -> dict[str, Any]:
    """The fields a patch changed, as they were before it."""
    base = entry.base or {}
    return {name: base.get(name) for name in entry.body}
