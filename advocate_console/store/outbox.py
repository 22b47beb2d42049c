"""Local writes: the record and its outbox entry saved together, in one transaction.

The outbox is the advocate's work not yet confirmed by the server. An entry leaves it
only when the server has confirmed it, or when the advocate discards it; a conflict or
a refusal keeps it (with the reason) until the advocate decides.
"""

from __future__ import annotations

import enum
import json
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, func, select, text
from sqlalchemy import update as update_statement
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.orm import Session

from advocate_console.domain import RECORD_TYPES, Collection, Record
from advocate_console.domain.records import STAMPED_FIELDS

from . import outbox_authors  # noqa: F401  (every entry is stamped with its author)
from .database import Store
from .models import OutboxRow
from .outbox_news import announce
from .rows import record_values, replace_customer_keys, table_of, to_record


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
    last_error: str | None
    state: EntryState = EntryState.PENDING
    base: dict[str, Any] | None = None
    server: dict[str, Any] | None = None
    author_id: uuid.UUID | None = None  # who saved it; None: before anyone signed in here
    author_name: str | None = None
    saved_with: uuid.UUID | None = None  # shared by the entries of one save_all

    def kept_for_someone_else(self, me: uuid.UUID | None) -> bool:
        """Whether this is another advocate's work, to be sent only when they sign in."""
        return self.author_id is not None and self.author_id != me


class LocalChanges:
    """Saves what the advocate did, so it is kept offline and pushed exactly once."""

    def __init__(self, store: Store) -> None:
        self._store = store

    # -- what the advocate does ----------------------------------------------------------

    def create(self, collection: Collection, record: Record) -> OutboxEntry:
        """Store a new record and queue its creation on the server."""
        with self._store.session() as session:
            row = _create(session, collection, record)
            session.flush()
            entry = _entry(row)
        announce(self._store)
        return entry

    def update(
        self, collection: Collection, record_id: uuid.UUID, changes: dict[str, Any]
    ) -> Record:
        """Change some fields of a stored record and queue the patch; returns the new value.

        The local copy shows the change at once. The patch is made against the version
        the server last confirmed, so the server can tell whether someone else changed
        the record meanwhile (and answer 412).
        """
        with self._store.session() as session:
            record = _update(session, collection, record_id, changes)[0]
        announce(self._store)
        return record

    def save_all(
        self,
        creates: Iterable[tuple[Collection, Record]] = (),
        updates: Iterable[tuple[Collection, uuid.UUID, dict[str, Any]]] = (),
    ) -> list[Record]:
        """Store several new records and changes, each with its outbox entry, in ONE
        transaction: either all of them are kept or none is (a failure rolls back the lot).

        Creations come first, then updates, each in the order given; returns the stored
        records in that order.
        """
        return self.save_all_entries(creates, updates)[0]

    def save_all_entries(
        self,
        creates: Iterable[tuple[Collection, Record]] = (),
        updates: Iterable[tuple[Collection, uuid.UUID, dict[str, Any]]] = (),
    ) -> tuple[list[Record], list[OutboxEntry]]:
        """:meth:`save_all`, also returning the outbox entries made (to :meth:`take_back`)."""
        saved: list[Record] = []
        rows: list[OutboxRow] = []
        with self._store.session() as session:
            for collection, record in creates:
                rows.append(_create(session, collection, record))
                saved.append(record)
            for collection, record_id, changes in updates:
                record, row = _update(session, collection, record_id, changes)
                saved.append(record)
                rows.append(row)
            together = uuid.uuid4()
            for row in rows:
                row.saved_with = together
            session.flush()
            made = [_entry(row) for row in rows]
        announce(self._store)
        return saved, made

    def take_back(self, entries: Iterable[OutboxEntry]) -> list[OutboxEntry]:
        """Undo these changes of the advocate's, newest first, in ONE transaction.

        A change not yet sent leaves the outbox and its record goes back to what it was (a
        new record disappears), so the server never hears of it. A change already sent is
        corrected: an update gets a new patch putting the fields back. Returns the entries
        that had been sent already. A record already created on the server cannot be
        removed through the API: the caller corrects those ("create") as their meaning
        requires.
        """
        sent: list[OutboxEntry] = []
        with self._store.session() as session:
            for entry in sorted(entries, key=lambda e: e.seq, reverse=True):
                table = table_of(entry.collection)
                # By its key: a seq is used again once the outbox has emptied.
                row = session.scalar(
                    select(OutboxRow).where(OutboxRow.idempotency_key == entry.idempotency_key)
                )
                if row is not None:
                    session.delete(row)
                    if entry.op == "create":
                        session.execute(delete(table).where(table.id == entry.record_id))
                    else:
                        _put_back(session, entry)
                else:
                    sent.append(entry)
                    if entry.op == "patch" and entry.base is not None:
                        _update(session, entry.collection, entry.record_id, _before(entry))
            session.flush()
        announce(self._store)
        return sent

    # -- what the sync engine reads and records -------------------------------------------

    def pending(self, limit: int = 100, author_id: uuid.UUID | None = None) -> list[OutboxEntry]:
        """The oldest changes the engine may push as ``author_id``, in the order they were
        made.

        A record with a conflict or a refusal holds back its later changes, so they never
        reach the server out of order; other records go on. Another advocate's work is
        never pushed with this one's token: it waits, holding back later changes to its
        records too.
        """
        others = OutboxRow.author_id.is_not(None) & (OutboxRow.author_id != author_id)
        with self._store.session() as session:
            held_from = dict(
                session.execute(
                    select(OutboxRow.record_id, func.min(OutboxRow.seq))
                    .where((OutboxRow.state != EntryState.PENDING) | others)
                    .group_by(OutboxRow.record_id)
                ).all()
            )
            query = (
                select(OutboxRow)
                .where((OutboxRow.state == EntryState.PENDING) & ~others)
                .order_by(OutboxRow.seq)
            )
            # Held back rows are skipped after reading: with any, read them all (rare).
            rows = session.scalars(query if held_from else query.limit(limit))
            return [
                _entry(row) for row in rows if row.seq < held_from.get(row.record_id, row.seq + 1)
            ][:limit]

    def entries(self) -> list[OutboxEntry]:
        """Every entry, in order (for the advocate's list of waiting changes)."""
        with self._store.session() as session:
            return [
                _entry(row) for row in session.scalars(select(OutboxRow).order_by(OutboxRow.seq))
            ]

    def waiting(self) -> int:
        """How many changes wait to be pushed (or for the advocate)."""
        with self._store.session() as session:
            return session.scalar(select(func.count()).select_from(OutboxRow)) or 0

    def counts(self) -> dict[EntryState, int]:
        """How many entries are in each state (every state named, zero or not)."""
        with self._store.session() as session:
            rows = session.execute(
                select(OutboxRow.state, func.count()).group_by(OutboxRow.state)
            ).all()
        found = {EntryState(state): count for state, count in rows}
        return {state: found.get(state, 0) for state in EntryState}

    def get(self, seq: int) -> OutboxEntry | None:
        """One entry, or None once it has left the outbox."""
        with self._store.session() as session:
            row = session.get(OutboxRow, seq)
            return _entry(row) if row else None

    def confirmed(self, entry: OutboxEntry, server: Record) -> None:
        """The server has ``entry`` (as ``server``): drop it and adopt the server's version.

        Later entries for the same record were made on top of this one, so they are now
        based on the server's new version.
        """
        with self._store.session() as session:
            gone = session.execute(
                delete(OutboxRow)
                .where(OutboxRow.seq == entry.seq)
                # The same seq may be a newer entry's, if this one was taken back meanwhile.
                .where(OutboxRow.idempotency_key == entry.idempotency_key)
            )
            if gone.rowcount == 0 and entry.op == "patch":
                # Taken back (undone, discarded) while it was on its way: put the server
                # back to what the advocate sees now, with a correcting patch.
                _correct(session, entry, server)
                return
            later = session.scalars(
                select(OutboxRow).where(OutboxRow.record_id == entry.record_id)
            ).all()
            for row in later:
                if row.op == "patch":
                    row.base_version = server.version
            table = table_of(entry.collection)
            if not later:
                _save_row(session, entry.collection, server)
            else:  # keep the advocate's newer local edits on screen; only the version
                # and what the server stamped (who wrote it, who changed it) move
                local = session.get(table, entry.record_id)
                if local is not None:
                    mine = to_record(entry.collection, local.data)
                    _save_row(session, entry.collection, _with_stamps(mine, server))

    def failed(self, entry: OutboxEntry, reason: str) -> None:
        """A push did not get through (offline, server trouble): count it, keep the entry."""
        with self._store.session() as session:
            session.execute(
                update_statement(OutboxRow)
                .where(OutboxRow.seq == entry.seq)
                .values(attempts=OutboxRow.attempts + 1, last_error=reason)
            )

    def refused(self, entry: OutboxEntry, reason: str) -> None:
        """The server refused the entry for good: keep it, with the reason, for the advocate."""
        self._set_state(entry, EntryState.REFUSED, last_error=reason)

    def refused_for_theirs(
        self,
        entry: OutboxEntry,
        reason: str,
        theirs: dict[str, Any],
        follow: Iterable[tuple[Collection, Record, str]] = (),
    ) -> None:
        """The server holds ``theirs`` where ``entry``'s record would go (a resolution for a
        case someone else resolved first): keep ``entry``, refused with ``reason`` and
        theirs beside it, and show the server's truth on the laptop.

        A new record leaves the local copy (it lives on in the entry). Each of ``follow``
        (collection, the server's current record, a reason) replaces the local copy of
        that record, and its changes saved with or after ``entry`` are refused likewise,
        kept with the server's version beside them; a record with older changes still
        waiting keeps the advocate's version until those are settled. Nothing is lost.
        """
        with self._store.session() as session:
            row = session.get(OutboxRow, entry.seq)
            if row is None:
                return
            _refuse_for_theirs(row, reason, theirs)
            if entry.op == "create":
                table = table_of(entry.collection)
                session.execute(delete(table).where(table.id == entry.record_id))
            for collection, record, why in follow:
                server = record.model_dump(mode="json")
                waiting = session.scalars(
                    select(OutboxRow).where(OutboxRow.record_id == record.id)
                ).all()
                for later in (w for w in waiting if w.seq > entry.seq and w.state == "pending"):
                    _refuse_for_theirs(later, why, server)
                if all(w.seq > entry.seq for w in waiting):
                    _save_row(session, collection, record)

    def conflicted(self, entry: OutboxEntry, server: dict[str, Any], reason: str) -> None:
        """Someone else changed the same fields: keep both sides for the advocate to choose."""
        self._set_state(
            entry, EntryState.CONFLICT, last_error=reason, server_data=json.dumps(server)
        )

    def rebase(
        self,
        entry: OutboxEntry,
        server: dict[str, Any],
        keep: set[str] | None = None,
        values: dict[str, Any] | None = None,
    ) -> OutboxEntry | None:
        """Build ``entry`` on the server's ``server`` version, keeping the fields in ``keep``
        (all of them when None) and setting those in ``values`` (both sides of a text, as
        the advocate chose); the others take the server's values.

        The entry gets a new idempotency key: it is a different request now. When no
        field is left, the entry is dropped and the local copy becomes the server's.
        Returns the rebased entry, or None when it was dropped.
        """
        body = {k: v for k, v in entry.body.items() if keep is None or k in keep}
        body |= values or {}
        server_record = RECORD_TYPES[entry.collection].model_validate(server)
        with self._store.session() as session:
            row = session.get(OutboxRow, entry.seq)
            if row is None:
                return None
            if not body:
                session.delete(row)
                _save_row(session, entry.collection, server_record)
                return None
            local = type(server_record).model_validate(server_record.model_dump() | body)
            _save_row(
                session,
                entry.collection,
                local.model_copy(update={"version": server_record.version}),
            )
            row.body = json.dumps(body)
            row.base_version = server_record.version
            row.base_data = json.dumps(server)
            row.server_data = None
            row.state = EntryState.PENDING
            row.last_error = None
            row.idempotency_key = str(uuid.uuid4())
            session.flush()
            return _entry(row)

    def discard(self, entry: OutboxEntry) -> None:
        """The advocate gives up this change: it leaves the outbox, and the local copy goes
        back to what the server has (a discarded new record disappears)."""
        table = table_of(entry.collection)
        with self._store.session() as session:
            session.execute(delete(OutboxRow).where(OutboxRow.seq == entry.seq))
            if entry.op == "create":
                session.execute(delete(table).where(table.id == entry.record_id))
                return
            if entry.state is EntryState.REFUSED and entry.server is not None:
                return  # the local copy shows the server's already, kept current by pulls
            known = entry.server or entry.base
            if known is not None:
                record = RECORD_TYPES[entry.collection].model_validate(known)
                _save_row(session, entry.collection, record)

    def retry(self, entry: OutboxEntry) -> None:
        """Push a refused entry again (after the cause was fixed elsewhere)."""
        self._set_state(entry, EntryState.PENDING, last_error=None)
        announce(self._store)

    def held_ids(self) -> set[uuid.UUID]:
        """Records with changes the server has not confirmed: a pull must not overwrite them
        (but for those refused with the server's version kept: see HOLDS_ITS_RECORD)."""
        with self._store.session() as session:
            query = select(OutboxRow.record_id).where(text(HOLDS_ITS_RECORD)).distinct()
            return set(session.scalars(query))

    def _set_state(self, entry: OutboxEntry, state: EntryState, **values: Any) -> None:
        with self._store.session() as session:
            session.execute(
                update_statement(OutboxRow)
                .where(OutboxRow.seq == entry.seq)
                .values(state=state.value, **values)
            )


def _new_entry(
    collection: Collection,
    record_id: uuid.UUID,
    op: str,
    base_version: int | None,
    body: dict[str, Any],
    base: dict[str, Any] | None,
) -> OutboxRow:
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


def _refuse_for_theirs(row: OutboxRow, reason: str, theirs: dict[str, Any]) -> None:
    row.state = EntryState.REFUSED.value
    row.last_error = reason
    row.server_data = json.dumps(theirs)


def _save_row(session: Session, collection: Collection, record: Record) -> None:
    table = table_of(collection).__table__
    values = record_values(collection, record)
    statement = insert(table).values(values)
    session.execute(
        statement.on_conflict_do_update(
            index_elements=["id"], set_={k: v for k, v in values.items() if k != "id"}
        )
    )
    _write_keys(session, collection, record)


def _with_stamps(mine: Record, server: Record) -> Record:
    """``mine`` at the server's version, with what the server stamped on it."""
    stamped = {
        name: getattr(server, name) for name in STAMPED_FIELDS & set(type(server).model_fields)
    }
    return mine.model_copy(update=stamped | {"version": server.version})


def _write_keys(session: Session, collection: Collection, record: Record) -> None:
    if collection is Collection.CUSTOMERS:
        replace_customer_keys(session, [record])


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
        state=EntryState(row.state),
        base=json.loads(row.base_data) if row.base_data else None,
        server=json.loads(row.server_data) if row.server_data else None,
        author_id=row.author_id,
        author_name=row.author_name,
        saved_with=row.saved_with,
    )


def _create(session: Session, collection: Collection, record: Record) -> OutboxRow:
    """The record's row, its lookup keys and its "create" entry, in ``session``."""
    session.execute(insert(table_of(collection).__table__), [record_values(collection, record)])
    _write_keys(session, collection, record)
    body = record.model_dump(mode="json", exclude={"version"})
    row = _new_entry(collection, record.id, "create", None, body, None)
    session.add(row)
    return row


def _update(
    session: Session, collection: Collection, record_id: uuid.UUID, changes: dict[str, Any]
) -> tuple[Record, OutboxRow]:
    """The record changed in place and its "patch" entry (on the version the server last
    confirmed), in ``session``; KeyError when the record is not in the store."""
    row = session.get(table_of(collection), record_id)
    if row is None:
        raise KeyError(f"No {collection.value} record {record_id} in the local store")
    current = to_record(collection, row.data)
    updated = type(current).model_validate(current.model_dump() | changes)
    body = {
        name: value for name, value in updated.model_dump(mode="json").items() if name in changes
    }
    _save_row(session, collection, updated)
    row = _new_entry(
        collection, record_id, "patch", current.version, body, current.model_dump(mode="json")
    )
    session.add(row)
    return updated, row


def _before(entry: OutboxEntry) -> dict[str, Any]:
    """The fields a patch changed, as they were before it."""
    base = entry.base or {}
    return {name: base.get(name) for name in entry.body}


def _put_back(session: Session, entry: OutboxEntry) -> None:
    """The local record without an unsent patch: its fields as they were before it."""
    row = session.get(table_of(entry.collection), entry.record_id)
    if row is None or entry.base is None:
        return
    current = to_record(entry.collection, row.data)
    _save_row(
        session,
        entry.collection,
        type(current).model_validate(current.model_dump() | _before(entry)),
    )


def _correct(session: Session, entry: OutboxEntry, server: Record) -> None:
    """A patch reached the server after it was taken back: patch the server back to the
    local values of the same fields (the local record stays as the advocate left it)."""
    row = session.get(table_of(entry.collection), entry.record_id)
    if row is None:
        return
    local = to_record(entry.collection, row.data)
    values = local.model_dump(mode="json")
    body = {name: values.get(name) for name in entry.body}
    _save_row(session, entry.collection, local.model_copy(update={"version": server.version}))
    session.add(
        _new_entry(
            entry.collection,
            entry.record_id,
            "patch",
            server.version,
            body,
            server.model_dump(mode="json"),
        )
    )
