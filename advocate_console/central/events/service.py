"""Publishing events for one advocate, and reading them back in an order that skips none.

``publish(session, user_id, event, data)`` is what every feature calls, inside its own
transaction: the event row commits (or rolls back) with the work it tells about. The
database is the queue, so a stream on any worker finds it; what wakes the stream at once
is a bell rung in this process after commit and, on PostgreSQL, ``NOTIFY`` from other
workers (see ``bell.py``).

Event ids come from a sequence, and on PostgreSQL a transaction holding a smaller id may
commit after one holding a larger. Each row therefore carries its transaction id
(``xid``), and a stream reads only rows whose transaction is older than the oldest one
still in flight, in (xid, id) order: whatever commits later sorts after what was read.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from sqlalchemy import event as sa_event
from sqlalchemy import func, insert, literal_column, select, text, tuple_
from sqlalchemy.orm import Session

from advocate_console.api.events import EventKind
from advocate_console.central.core.clock import utc_now
from advocate_console.central.core.database import Database

from .bell import BELL, NOTIFY_CHANNEL
from .models import EventRow

# PostgreSQL: this transaction's id, and the oldest transaction id still in flight.
_XID = "pg_current_xact_id()::text::bigint"
_HORIZON = "pg_snapshot_xmin(pg_current_snapshot())::text::bigint"


@dataclass(frozen=True, slots=True)
class StoredEvent:
    """An event as a stream sends it: its id (``"xid-id"``), name and JSON data."""

    id: str
    event: str
    data: str


def publish(session: Session, user_id: UUID, event: EventKind | str, data: Mapping[str, Any]):
    """Queue ``event`` for ``user_id``'s consoles; sent once the caller's transaction commits."""
    postgres = session.get_bind().dialect.name == "postgresql"
    session.execute(
        insert(EventRow).values(
            user_id=user_id,
            xid=literal_column(_XID) if postgres else 0,
            event=str(EventKind(event)),
            data=json.dumps(dict(data), separators=(",", ":"), default=str),
            created_at=utc_now(),
        )
    )
    wake_streams(session, user_id)


def wake_streams(session: Session, user_id: UUID) -> None:
    """Wake ``user_id``'s streams on every worker once the transaction commits (they read
    their events, and check their token: revoking one ends its stream at once)."""
    if session.get_bind().dialect.name == "postgresql":
        # Delivered by PostgreSQL at commit, to every worker listening.
        session.execute(
            text("SELECT pg_notify(:channel, :user)"),
            {
                "channel": NOTIFY_CHANNEL,
                "user": str(user_id),
            },
        )
    # This worker's own streams hear it after commit without a round trip.
    sa_event.listen(session, "after_commit", lambda _s: BELL.ring(user_id), once=True)


def parse_event_id(value: str | None) -> tuple[int, int] | None:
    """The (xid, id) position an ``id`` this server gave out names; None if it is not one."""
    if not value:
        return None
    xid, _, row_id = value.strip().partition("-")
    if not (xid.isdigit() and row_id.isdigit()) or len(xid) > 19 or len(row_id) > 19:
        return None
    return int(xid), int(row_id)


def tail_position(db: Database, user_id: UUID) -> tuple[int, int]:
    """Where a new stream starts: after every event of ``user_id`` already settled."""
    with db.read() as session:
        query = select(EventRow.xid, EventRow.id).where(EventRow.user_id == user_id)
        query = _settled(session, query).order_by(EventRow.xid.desc(), EventRow.id.desc())
        row = session.execute(query.limit(1)).first()
    return (row.xid, row.id) if row else (0, 0)


def read_events(
    db: Database, user_id: UUID, after: tuple[int, int], limit: int = 100
) -> list[StoredEvent]:
    """``user_id``'s events after position ``after``, oldest first, none still in flight."""
    with db.read() as session:
        query = (
            select(EventRow.xid, EventRow.id, EventRow.event, EventRow.data)
            .where(EventRow.user_id == user_id, tuple_(EventRow.xid, EventRow.id) > after)
            .order_by(EventRow.xid, EventRow.id)
            .limit(limit)
        )
        rows = session.execute(_settled(session, query)).all()
    return [StoredEvent(f"{row.xid}-{row.id}", row.event, row.data) for row in rows]


def _settled(session: Session, query):
    if session.get_bind().dialect.name == "postgresql":
        return query.where(EventRow.xid < literal_column(_HORIZON))
    return query  # SQLite's writers take turns (BEGIN IMMEDIATE): nothing commits late


def events_head(db: Database) -> int:
    """The newest event's id (0 when none): one primary-key lookup, polled often."""
    with db.reader.connect() as connection:
        return connection.execute(select(func.coalesce(func.max(EventRow.id), 0))).scalar() or 0


def users_with_events(db: Database, after: int, upto: int) -> set[UUID]:
    """Whose events have ids in (``after``, ``upto``]."""
    with db.reader.connect() as connection:
        rows = connection.execute(
            select(EventRow.user_id).where(EventRow.id > after, EventRow.id <= upto).distinct()
        )
        return {row.user_id for row in rows}


def feed_head(db: Database) -> int:
    """The change feed's newest cursor (0 when empty)."""
    from advocate_console.central.changes.models import ChangeRow

    with db.read() as session:
        return session.scalar(select(func.coalesce(func.max(ChangeRow.cursor), 0))) or 0
