"""How much of the advocate's work waits, counted in SQL (the status bar asks after every
save and every sync, so it must stay cheap with thousands of entries)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from sqlalchemy import func, select

from .database import Store
from .models import OutboxRow
from .outbox_authors import read_outbox_author


@dataclass(frozen=True, slots=True)
class WaitingCounts:
    """Entries in the outbox: all of them, and those waiting on someone."""

    waiting: int = 0
    conflicts: int = 0
    refused: int = 0
    kept_for: dict[str, int] = field(default_factory=dict)
    """Other advocates' work saved on this laptop, by their name: sent when they sign in."""


def waiting_counts(store: Store, me: uuid.UUID | None) -> WaitingCounts:
    """Count the outbox as ``me`` sees it: the advocate signed in, or with None (signed
    out) the one whose work is being saved (the last signed in here)."""
    query = select(
        OutboxRow.state, OutboxRow.author_id, OutboxRow.author_name, func.count()
    ).group_by(OutboxRow.state, OutboxRow.author_id, OutboxRow.author_name)
    waiting = conflicts = refused = 0
    kept_for: dict[str, int] = {}
    with store.session() as session:
        if me is None:
            author = read_outbox_author(session.connection())
            me = author.id if author is not None else None
        for state, author_id, author_name, count in session.execute(query):
            waiting += count
            conflicts += count if state == "conflict" else 0
            refused += count if state == "refused" else 0
            if author_id is not None and author_id != me:
                name = author_name or str(author_id)
                kept_for[name] = kept_for.get(name, 0) + count
    return WaitingCounts(waiting, conflicts, refused, kept_for)
