"""The signed-in advocate's own score, read from the local store (offline too).

A resolution counts for its author, as the server's reports count it: the user whose id
the server stamped on it from the token (``author_id``), whatever name it carries, so a
renamed advocate keeps their score. One written here and not yet on the server has no
``author_id`` yet: its outbox entry says who saved it. A resolution from before
authorship (no id, and no entry of this laptop's) falls back to the name it carries.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import UTC, date, datetime, time

from sqlalchemy import and_, exists, select
from sqlalchemy.orm import Session

from advocate_console.domain import Collection
from advocate_console.domain.scores import MyScore, first_day_needed, my_score

from .database import Store
from .models import OutboxRow, ResolutionRow
from .rows import to_record

_RESOLUTIONS = Collection.RESOLUTIONS.value


class OwnScore:
    """Counts the advocate's own resolutions in the store: the figure moves as soon as a
    resolution is saved, before any sync."""

    def __init__(self, store: Store, clock: Callable[[], datetime] | None = None) -> None:
        self._store = store
        self._clock = clock or (lambda: datetime.now(UTC))

    def today(self) -> date:
        """The UTC day the score is counted up to (the server's reports count UTC days)."""
        return self._clock().astimezone(UTC).date()

    def score(self, advocate_id: uuid.UUID, name: str | None = None) -> MyScore:
        """The score of the advocate whose user id is ``advocate_id`` (``name``: their
        display name, for resolutions from before authorship)."""
        today = self.today()
        since = datetime.combine(first_day_needed(today), time.min)
        with self._store.session() as session:
            found = _authored(session, advocate_id, since)
            found |= _saved_here(session, advocate_id, since)
            if name:
                found |= _named(session, advocate_id, name, since)
        return my_score((to_record(_RESOLUTIONS, data) for data in found.values()), today)


def _authored(session: Session, advocate_id: uuid.UUID, since: datetime) -> dict:
    """Theirs as the server stamped it (through ``ix_resolutions_author_resolved``)."""
    rows = ResolutionRow
    query = select(rows.id, rows.data).where(
        rows.author_id == advocate_id, rows.resolved_at >= since
    )
    return dict(session.execute(query).all())


def _unstamped(since: datetime):
    return and_(ResolutionRow.author_id.is_(None), ResolutionRow.resolved_at >= since)


def _saved_here(session: Session, advocate_id: uuid.UUID, since: datetime) -> dict:
    """Theirs saved on this laptop and not on the server yet: the outbox knows who."""
    rows, outbox = ResolutionRow, OutboxRow
    query = (
        select(rows.id, rows.data)
        .join(outbox, and_(outbox.record_id == rows.id, outbox.collection == _RESOLUTIONS))
        .where(outbox.op == "create", outbox.author_id == advocate_id, _unstamped(since))
    )
    return dict(session.execute(query).all())


def _named(session: Session, advocate_id: uuid.UUID, name: str, since: datetime) -> dict:
    """Those with no author id that carry ``name`` (from before authorship, or saved here
    before anyone had signed in), unless this laptop's outbox says someone else saved it."""
    rows, outbox = ResolutionRow, OutboxRow
    someone_elses = exists().where(
        outbox.record_id == rows.id,
        outbox.collection == _RESOLUTIONS,
        outbox.author_id.is_not(None),
        outbox.author_id != advocate_id,
    )
    query = select(rows.id, rows.data).where(
        rows.advocate == name, _unstamped(since), ~someone_elses
    )
    return dict(session.execute(query).all())
