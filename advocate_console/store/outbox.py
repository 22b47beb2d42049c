"""Local writes: the record and its outbox entry saved together, in one transaction.

The outbox is the advocate's work not yet confirmed by the server. An entry leaves it
only when the server has confirmed it, or when the advocate discards it; a conflict or
a refusal keeps it (with the reason) until the advocate decides. An entry and its row are
:mod:`.outbox_entries`; the server's answers are recorded by :mod:`.outbox_answers`.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable
from typing import Any

from sqlalchemy import delete, func, select, text

from advocate_console.domain import RECORD_TYPES, Collection, Record

from . import outbox_authors  # noqa: F401  (every entry is stamped with its author)
from .models import OutboxRow
from .outbox_answers import ServerAnswers
from .outbox_entries import HOLDS_ITS_RECORD, EntryState, OutboxEntry, entry_of, fields_before
from .outbox_news import announce
from .outbox_writes import create_with_entry, put_back, save_row, update_with_entry
from .rows import table_of


class LocalChanges(ServerAnswers):
    """Saves what the advocate did, so it is kept offline and pushed exactly once."""

    # -- what the advocate does ----------------------------------------------------------

    def create(self, collection: Collection, record: Record) -> OutboxEntry:
        """Store a new record and queue its creation on the server."""
        with self._store.session() as session:
            row = create_with_entry(session, collection, record)
            session.flush()
            entry = entry_of(row)
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
            record = update_with_entry(session, collection, record_id, changes)[0]
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
                rows.append(create_with_entry(session, collection, record))
                saved.append(record)
            for collection, record_id, changes in updates:
                record, row = update_with_entry(session, collection, record_id, changes)
                saved.append(record)
                rows.append(row)
            together = uuid.uuid4()
            for row in rows:
                row.saved_with = together
            session.flush()
            made = [entry_of(row) for row in rows]
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
                        put_back(session, entry)
                else:
                    sent.append(entry)
                    if entry.op == "patch" and entry.base is not None:
                        update_with_entry(
                            session, entry.collection, entry.record_id, fields_before(entry)
                        )
            session.flush()
        announce(self._store)
        return sent

    # -- what the sync engine reads (what the server answered: ServerAnswers) ------------

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
                entry_of(row) for row in rows if row.seq < held_from.get(row.record_id, row.seq + 1)
            ][:limit]

    def entries(self) -> list[OutboxEntry]:
        """Every entry, in order (for the advocate's list of waiting changes)."""
        with self._store.session() as session:
            return [
                entry_of(row) for row in session.scalars(select(OutboxRow).order_by(OutboxRow.seq))
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
            return entry_of(row) if row else None

    def held_ids(self) -> set[uuid.UUID]:
        """Records with changes the server has not confirmed: a pull must not overwrite them
        (but for those refused with the server's version kept: see HOLDS_ITS_RECORD)."""
        with self._store.session() as session:
            query = select(OutboxRow.record_id).where(text(HOLDS_ITS_RECORD)).distinct()
            return set(session.scalars(query))

    # -- what the advocate decides about a conflict or a refusal ------------------------

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
                save_row(session, entry.collection, server_record)
                return None
            local = type(server_record).model_validate(server_record.model_dump() | body)
            save_row(
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
            return entry_of(row)

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
                save_row(session, entry.collection, record)

    def retry(self, entry: OutboxEntry) -> None:
        """Push a refused entry again (after the cause was fixed elsewhere)."""
        self._set_state(entry, EntryState.PENDING, last_error=None)
        announce(self._store)


__all__ = ["HOLDS_ITS_RECORD", "EntryState", "LocalChanges", "OutboxEntry"]
