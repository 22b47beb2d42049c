"""Saying who is on a case, and telling the others at once when someone comes or goes.

Each arrival and departure is published (``presence``) to every other advocate whose
console has the case open, in the same transaction; heartbeats publish nothing (their
answer is the poll). A console not heard of for ``GONE_AFTER_SECONDS`` has left: the next
arrival or heartbeat on the case removes it and tells the rest.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from uuid import UUID

from sqlalchemy import delete, select, update
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from advocate_console.api.events import EventKind
from advocate_console.api.presence import (
    EDITED_WITHIN_MINUTES,
    GONE_AFTER_SECONDS,
    CasePresence,
    OnCase,
)
from advocate_console.central.changes.models import ChangeRow
from advocate_console.central.core.clock import utc_now
from advocate_console.central.core.database import Database
from advocate_console.central.core.errors import ApiError
from advocate_console.central.events.service import publish
from advocate_console.central.records.models import CaseRow
from advocate_console.domain import Collection
from advocate_console.domain.records import Advocate

from .models import PresenceRow

FORGOTTEN_AFTER = timedelta(hours=1)


def arrive(db: Database, who: Advocate, case_id: UUID) -> CasePresence:
    """``who`` has ``case_id`` open (now, or still): everyone on it."""
    with db.write() as session:
        if session.scalar(select(CaseRow.id).where(CaseRow.id == case_id)) is None:
            raise ApiError(
                404, f"There is no case with id {case_id}.", code="no_case", values=(case_id,)
            )
        now = utc_now()
        left = _forget_the_silent(session, case_id, now)
        came = _note(session, who, case_id, now)
        presence = _presence(session, case_id, now)
        if came or left:
            _tell_the_others(session, presence, who.id)
    return presence


def leave(db: Database, who: Advocate, case_id: UUID) -> None:
    """``who`` closed ``case_id`` on their console."""
    with db.write() as session:
        now = utc_now()
        gone = session.execute(
            delete(PresenceRow).where(PresenceRow.case_id == case_id, PresenceRow.user_id == who.id)
        ).rowcount
        if gone:
            _tell_the_others(session, _presence(session, case_id, now), who.id)


def _note(session: Session, who: Advocate, case_id: UUID, now: datetime) -> bool:
    """Whether ``who`` came now (not a heartbeat)."""
    seen = session.execute(
        update(PresenceRow)
        .where(PresenceRow.case_id == case_id, PresenceRow.user_id == who.id)
        .values(seen_at=now, name=who.display_name)
    ).rowcount
    if seen:
        return False
    # Two heartbeats of one advocate's consoles at once: the second inserts nothing.
    insert = postgresql_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    values = {"case_id": case_id, "user_id": who.id, "name": who.display_name, "seen_at": now}
    came = session.execute(insert(PresenceRow).values(**values).on_conflict_do_nothing())
    return bool(came.rowcount)


def _forget_the_silent(session: Session, case_id: UUID, now: datetime) -> bool:
    # Consoles lost long ago on cases nobody opened since go too (by the seen_at index),
    # so the table holds only what is current.
    session.execute(delete(PresenceRow).where(PresenceRow.seen_at < now - FORGOTTEN_AFTER))
    silent_since = now - timedelta(seconds=GONE_AFTER_SECONDS)
    result = session.execute(
        delete(PresenceRow).where(
            PresenceRow.case_id == case_id, PresenceRow.seen_at < silent_since
        )
    )
    return bool(result.rowcount)


def _presence(session: Session, case_id: UUID, now: datetime) -> CasePresence:
    here = [
        OnCase(advocate_id=row.user_id, name=row.name, how="open", at=row.seen_at)
        for row in session.scalars(
            select(PresenceRow).where(PresenceRow.case_id == case_id).order_by(PresenceRow.seen_at)
        )
    ]
    lately = now - timedelta(minutes=EDITED_WITHIN_MINUTES)
    edits = session.execute(
        select(ChangeRow.changed_by_id, ChangeRow.changed_by_name, ChangeRow.committed_at)
        .where(
            ChangeRow.record_id == case_id,
            ChangeRow.collection == Collection.CASES.value,
            ChangeRow.committed_at >= lately,
            ChangeRow.changed_by_id.is_not(None),
        )
        .order_by(ChangeRow.cursor.desc())
    ).all()
    for by_id, by_name, at in edits:
        here.append(OnCase(advocate_id=by_id, name=by_name or "", how="edited", at=at))
    return CasePresence(case_id=case_id, here=CasePresence(case_id=case_id, here=here).others(None))


def _tell_the_others(session: Session, presence: CasePresence, who: UUID) -> None:
    data = presence.model_dump(mode="json")
    for someone in presence.here:
        if someone.how == "open" and someone.advocate_id != who:
            publish(session, someone.advocate_id, EventKind.PRESENCE, data)
