"""A phone system's call events: the call's state kept, and the advocate's console told."""

from __future__ import annotations

from uuid import UUID

from sqlalchemy import select
from sqlalchemy.orm import Session

from advocate_console.api.events import CallEvent, EventKind
from advocate_console.central.auth.models import AdvocateRow
from advocate_console.central.core.clock import utc_now
from advocate_console.central.core.database import Database
from advocate_console.central.core.errors import ApiError
from advocate_console.central.events.service import publish
from advocate_console.central.integrations.service import Integration

from .models import CallRow, ExtensionRow
from .schemas import CallEventIn, CallOut, CallState, Direction


def map_extension(db: Database, extension: str, username: str) -> None:
    """Calls for ``extension`` are for ``username`` from now on."""
    extension = extension.strip()
    if not extension or len(extension) > 40:
        raise ValueError("An extension needs 1 to 40 characters.")
    with db.write() as session:
        user_id = session.scalar(select(AdvocateRow.id).where(AdvocateRow.username == username))
        if user_id is None:
            raise ValueError(f"There is no user called “{username}”.")
        row = session.get(ExtensionRow, extension)
        if row is None:
            session.add(ExtensionRow(extension=extension, user_id=user_id))
        else:
            row.user_id = user_id


def _advocate(session: Session, event: CallEventIn) -> tuple[UUID, str]:
    if event.user:
        query = select(AdvocateRow.id, AdvocateRow.username)
        found = session.execute(query.where(AdvocateRow.username == event.user)).first()
        if found is None:
            raise ApiError(
                422,
                f"There is no user called “{event.user}”.",
                problems=[("user", "there is no user with this name")],
            )
        return found.id, found.username
    found = session.execute(
        select(AdvocateRow.id, AdvocateRow.username)
        .join(ExtensionRow, ExtensionRow.user_id == AdvocateRow.id)
        .where(ExtensionRow.extension == event.extension)
    ).first()
    if found is None:
        raise ApiError(
            422,
            f"Extension {event.extension} is not mapped to a user"
            " (advocate-central map-extension).",
            problems=[("extension", "no user answers this extension")],
        )
    return found.id, found.username


def record_call_event(db: Database, integration: Integration, event: CallEventIn) -> CallOut:
    """Keep the call's state and push it to its advocate's consoles, in one transaction."""
    now = utc_now()
    with db.write() as session:
        row = session.get(CallRow, (integration.id, event.call_id), with_for_update=True)
        if row is None:
            if not (event.user or event.extension):
                raise ApiError(
                    404,
                    f"No call {event.call_id} was announced (send newCall first),"
                    " and this event names no user or extension.",
                )
            user_id, _ = _advocate(session, event)
            row = CallRow(
                integration_id=integration.id,
                call_id=event.call_id,
                user_id=user_id,
                caller=event.from_,
                callee=event.to,
                direction=event.direction.value,
                state=CallState.OFFERED.value,
                offered_at=now,
            )
            session.add(row)
        if event.event is CallEvent.ANSWER and row.state == CallState.OFFERED:
            row.state, row.answered_at = CallState.ANSWERED.value, now
        elif event.event is CallEvent.HANGUP and row.ended_at is None:
            answered = row.state == CallState.ANSWERED
            row.state = (CallState.ENDED if answered else CallState.MISSED).value
            row.ended_at = now
        session.flush()
        number = row.caller if row.direction == Direction.IN else row.callee
        publish(
            session,
            row.user_id,
            EventKind.SCREEN_POP,
            {
                "call_id": row.call_id,
                "call_event": event.event.value,
                "state": row.state,
                "number": number,
                "from": row.caller,
                "to": row.callee,
                "direction": row.direction,
            },
        )
        username = session.scalar(select(AdvocateRow.username).where(AdvocateRow.id == row.user_id))
        return CallOut(call_id=row.call_id, state=CallState(row.state), user=username or "")
