"""What the server answered to each change the sync engine pushed, recorded in the
outbox: confirmed, not got through, refused, or in conflict with someone else's."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy import update as update_statement

from advocate_console.domain import Collection, Record

from .database import Store
from .models import OutboxRow
from .outbox_entries import EntryState, OutboxEntry, refuse_for_theirs
from .outbox_writes import correct_on_server, save_row, with_stamps
from .rows import table_of, to_record


class ServerAnswers:
    """Records the server's answers to pushed entries (:class:`LocalChanges` does too)."""

    def __init__(self, store: Store) -> None:
        self._store = store

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
                correct_on_server(session, entry, server)
                return
            later = session.scalars(
                select(OutboxRow).where(OutboxRow.record_id == entry.record_id)
            ).all()
            for row in later:
                if row.op == "patch":
                    row.base_version = server.version
            table = table_of(entry.collection)
            if not later:
                save_row(session, entry.collection, server)
            else:  # keep the advocate's newer local edits on screen; only the version
                # and what the server stamped (who wrote it, who changed it) move
                local = session.get(table, entry.record_id)
                if local is not None:
                    mine = to_record(entry.collection, local.data)
                    save_row(session, entry.collection, with_stamps(mine, server))

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
            refuse_for_theirs(row, reason, theirs)
            if entry.op == "create":
                table = table_of(entry.collection)
                session.execute(delete(table).where(table.id == entry.record_id))
            for collection, record, why in follow:
                server = record.model_dump(mode="json")
                waiting = session.scalars(
                    select(OutboxRow).where(OutboxRow.record_id == record.id)
                ).all()
                for later in (w for w in waiting if w.seq > entry.seq and w.state == "pending"):
                    refuse_for_theirs(later, why, server)
                if all(w.seq > entry.seq for w in waiting):
                    save_row(session, collection, record)

    def conflicted(self, entry: OutboxEntry, server: dict[str, Any], reason: str) -> None:
        """Someone else changed the same fields: keep both sides for the advocate to choose."""
        self._set_state(
            entry, EntryState.CONFLICT, last_error=reason, server_data=json.dumps(server)
        )

    def _set_state(self, entry: OutboxEntry, state: EntryState, **values: Any) -> None:
        with self._store.session() as session:
            session.execute(
                update_statement(OutboxRow)
                .where(OutboxRow.seq == entry.seq)
                .values(state=state.value, **values)
            )
