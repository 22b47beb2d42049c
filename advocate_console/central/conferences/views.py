"""Conferences and legs as the API answers them, and the one call that tells the advocate's
console a leg changed."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from uuid import UUID

from sqlalchemy import select
from sqlalchemy.orm import Session

from advocate_console.api.conferences import ConferenceOut, LegOut
from advocate_console.api.events import EventKind
from advocate_console.central.core.clock import as_utc
from advocate_console.central.events.service import publish
from advocate_console.domain.conference import BRIDGE_LOST_AFTER_S, LegState

from .models import BridgeRow, ConferenceRow, LegRow

log = logging.getLogger(__name__)

LEG_EVENT = EventKind.CONFERENCE_LEG
"""The event stream's name for "a leg of your conference changed"."""
ENDED_EVENT = EventKind.CONFERENCE_ENDED
"""The event stream's name for "your conference is over" (with every leg as it ended)."""


def bridge_alive(bridge: BridgeRow, now: datetime) -> bool:
    """True while the bridge keeps saying it is alive and has not stopped."""
    recent = as_utc(bridge.seen_at) > now - timedelta(seconds=BRIDGE_LOST_AFTER_S)
    return bridge.stopped_at is None and recent


def _when(value: datetime | None) -> datetime | None:
    return None if value is None else as_utc(value)


def leg_out(leg: LegRow, *, bridge_lost: bool = False) -> LegOut:
    """A leg on the wire; a live leg of a lost bridge is reported lost."""
    state = LegState(leg.state)
    if bridge_lost and state.is_live:
        state = LegState.LOST
    return LegOut(
        id=leg.id,
        number=leg.number,
        role=leg.role,
        label=leg.label,
        target=leg.target,
        resource_id=leg.resource_id,
        state=state,
        on_hold=leg.want_hold,
        muted=leg.want_muted,
        consult=leg.want_consult,
        joined=leg.joined and not bridge_lost,
        sip_code=leg.sip_code,
        reason=leg.reason,
        outcome=leg.outcome,
        attempt_id=leg.attempt_id,
        helped=leg.helped,
        created_at=as_utc(leg.created_at),
        ringing_at=_when(leg.ringing_at),
        answered_at=_when(leg.answered_at),
        joined_at=_when(leg.joined_at),
        ended_at=_when(leg.ended_at),
    )


def conference_out(session: Session, conference: ConferenceRow, now: datetime) -> ConferenceOut:
    """A conference with its legs, as the API answers it."""
    bridge = session.get(BridgeRow, conference.bridge_id)
    assert bridge is not None  # a foreign key
    lost = conference.live and not bridge_alive(bridge, now)
    legs = session.scalars(
        select(LegRow).where(LegRow.conference_id == conference.id).order_by(LegRow.number)
    ).all()
    return ConferenceOut(
        id=conference.id,
        case_id=conference.case_id,
        address=conference.address,
        customer_joins=conference.customer_joins,
        live=conference.live and not lost,
        bridge="lost" if lost else "running",
        bridge_name=bridge.name,
        created_at=as_utc(conference.created_at),
        ended_at=_when(conference.ended_at),
        legs=[leg_out(leg, bridge_lost=lost) for leg in legs],
    )


def announce_leg(session: Session, owner_id: UUID, conference_id: UUID, leg: LegRow) -> None:
    """Tell the advocate's consoles that ``leg`` changed, in the caller's transaction
    (``conference_leg``: ``conference_id`` and the ``leg`` as ``GET`` shows it)."""
    data = {"conference_id": str(conference_id), "leg": leg_out(leg).model_dump(mode="json")}
    publish(session, owner_id, LEG_EVENT, data)


def announce_end(session: Session, conference: ConferenceRow, now: datetime) -> None:
    """Tell the advocate's consoles that the conference is over, in the caller's
    transaction (``conference_ended``: ``conference_id`` and the whole ``conference``)."""
    session.flush()  # the legs' last states, as the answer reads them back
    out = conference_out(session, conference, now)
    data = {"conference_id": str(conference.id), "conference": out.model_dump(mode="json")}
    publish(session, conference.owner_id, ENDED_EVENT, data)
