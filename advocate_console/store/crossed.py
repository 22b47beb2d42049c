"""Two resolutions of one case crossed: the server kept the first, and the advocate whose
resolution came second decides what becomes of theirs. Nothing of it is lost meanwhile:
it waits in the outbox, refused, with the server's resolution beside it, and what was
saved with it (its timeline entry, follow-up and card) waits too.

The choices: send it after the case is reopened (replacing the first), keep it as a note
on the case, or discard it.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

from advocate_console.domain import (
    Case,
    Collection,
    Direction,
    Interaction,
    InteractionKind,
    RemedyKind,
    Resolution,
)

from .database import Store
from .outbox import EntryState, LocalChanges, OutboxEntry
from .rows import table_of

CROSSING_NOTE = uuid.UUID("7b0c3e52-91d4-4f5e-a7c1-2f6e0b9d4c11")
"""Namespace of the ids of the notes that tell everyone two resolutions crossed (one per
refused resolution, so noting it twice makes one note)."""


@dataclass(frozen=True)
class CrossedResolution:
    """The advocate's refused resolution of a case, the one that stands, and what waits
    with the advocate's (every outbox entry of the same save)."""

    entry: OutboxEntry
    mine: Resolution
    theirs: Resolution
    together: list[OutboxEntry]

    @property
    def theirs_has_remedies(self) -> bool:
        """Whether the first resolution gave the customer something (then only a lead may
        reopen the case to replace it)."""
        return any(r.kind is not RemedyKind.INFORMATION_ONLY for r in self.theirs.remedies)


def hold_together(changes: LocalChanges, entry: OutboxEntry, reason: str) -> None:
    """``entry`` (a resolution) was refused for another: what was saved with it and is not
    sent yet waits with it, so no "Resolved" entry reaches the timeline on its own."""
    if entry.saved_with is None:
        return
    for other in changes.entries():
        if (
            other.saved_with == entry.saved_with
            and other.seq != entry.seq
            and other.state is EntryState.PENDING
        ):
            changes.refused(other, reason)


class CrossedResolutions:
    """Finds a case's crossed resolution and carries out the advocate's choice."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._changes = LocalChanges(store)

    def of_case(self, case_id: uuid.UUID) -> CrossedResolution | None:
        """The case's crossed resolution waiting on this laptop, if any."""
        entries = self._changes.entries()
        for entry in entries:
            if (
                entry.collection is Collection.RESOLUTIONS
                and entry.state is EntryState.REFUSED
                and entry.server is not None
                and entry.body.get("case_id") == str(case_id)
            ):
                together = [
                    other
                    for other in entries
                    if entry.saved_with is not None
                    and other.saved_with == entry.saved_with
                    and other.seq != entry.seq
                ]
                return CrossedResolution(
                    entry,
                    Resolution.model_validate(entry.body),
                    Resolution.model_validate(entry.server),
                    together,
                )
        return None

    def note_the_crossing(
        self, crossed: CrossedResolution, customer_id: uuid.UUID, text: str
    ) -> bool:
        """A note on the case for everyone (the other advocate reads it in the feed), made
        once; True when it was made now."""
        note_id = uuid.uuid5(CROSSING_NOTE, str(crossed.entry.record_id))
        with self._store.session() as session:
            if session.get(table_of(Collection.INTERACTIONS), note_id) is not None:
                return False
        self._changes.create(
            Collection.INTERACTIONS, self._note(note_id, crossed, customer_id, text, "")
        )
        return True

    def replace_theirs(self, crossed: CrossedResolution, case: Case) -> None:
        """The case was reopened (``case``, as the server has it now): send the advocate's
        resolution and what came with it; their changes to the case go on top of the
        reopened case (the reopening was for them)."""
        server = case.model_dump(mode="json")
        for entry in (crossed.entry, *crossed.together):
            if entry.collection is Collection.CASES and entry.op == "patch":
                self._changes.rebase(entry, server)
            else:
                self._changes.retry(entry)

    def keep_as_note(self, crossed: CrossedResolution, customer_id: uuid.UUID, text: str) -> None:
        """The first resolution stands; the advocate's goes on the case as a note (its
        follow-up and card go on as they were); its resolved state of the case does not."""
        self._changes.create(
            Collection.INTERACTIONS,
            self._note(uuid.uuid4(), crossed, customer_id, text, crossed.mine.notes),
        )
        for entry in (crossed.entry, *crossed.together):
            if entry.collection in (Collection.FOLLOW_UPS, Collection.CARDS):
                self._changes.retry(entry)
            else:
                self._changes.discard(entry)

    def discard(self, crossed: CrossedResolution) -> None:
        """The advocate gives up their resolution and everything saved with it."""
        for entry in (*crossed.together, crossed.entry):
            self._changes.discard(entry)

    @staticmethod
    def _note(
        note_id: uuid.UUID,
        crossed: CrossedResolution,
        customer_id: uuid.UUID,
        summary: str,
        body: str,
    ) -> Interaction:
        return case_note(
            customer_id,
            crossed.mine.case_id,
            summary,
            body,
            crossed.entry.author_name,
            datetime.now(UTC),
            note_id,
        )


def case_note(
    customer_id: uuid.UUID,
    case_id: uuid.UUID,
    summary: str,
    body: str,
    advocate: str,
    at: datetime,
    note_id: uuid.UUID | None = None,
) -> Interaction:
    """An internal note on a case: what an advocate kept of a resolution that did not stand."""
    return Interaction(
        id=note_id or uuid.uuid4(),
        customer_id=customer_id,
        case_id=case_id,
        kind=InteractionKind.NOTE,
        direction=Direction.INTERNAL,
        occurred_at=at,
        summary=summary,
        body=body,
        advocate=advocate,
    )
