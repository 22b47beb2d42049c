"""The bridge's side of the database: it says it is alive, reads its work, and reports
what happened to each leg (with the leg's call attempt, and the console told)."""

from __future__ import annotations

import socket
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from uuid import UUID, uuid4

from sqlalchemy import select, update

from advocate_console.central.core.clock import as_utc, utc_now
from advocate_console.central.core.database import Database
from advocate_console.central.records.service import load, save
from advocate_console.domain import CallAttempt, CallOutcome, Collection
from advocate_console.domain.conference import LegRole, LegState

from .models import BridgeRow, ConferenceRow, LegRow
from .views import announce_end, announce_leg


@dataclass(frozen=True, slots=True)
class LegWork:
    """One leg as the API last described it: where to dial and what is wanted of it."""

    id: UUID
    number: int
    role: LegRole
    target: str
    label: str
    state: LegState
    want_hold: bool = False
    want_muted: bool = False
    want_consult: bool = False
    want_drop: bool = False


@dataclass(frozen=True, slots=True)
class ConferenceWork:
    """A live conference of this bridge, with every leg."""

    id: UUID
    address: str
    customer_joins: str
    end_wanted: bool
    legs: tuple[LegWork, ...]


@dataclass(frozen=True, slots=True)
class LegReport:
    """What happened to one leg: only the fields given change."""

    leg_id: UUID
    changes: dict[str, Any] = field(default_factory=dict)


def register_bridge(db: Database, sip_domain: str, name: str = "") -> UUID:
    """A new bridge, alive from now on."""
    now = utc_now()
    bridge_id = uuid4()
    with db.write() as session:
        session.add(
            BridgeRow(
                id=bridge_id,
                name=name or f"{socket.gethostname()}-{uuid4().hex[:6]}",
                sip_domain=sip_domain,
                started_at=now,
                seen_at=now,
                wanted=0,
            )
        )
    return bridge_id


def still_alive(db: Database, bridge_id: UUID) -> None:
    """The heartbeat: the API takes a bridge that stops saying this for dead."""
    with db.write() as session:
        session.execute(
            update(BridgeRow).where(BridgeRow.id == bridge_id).values(seen_at=utc_now())
        )


def wanted(db: Database, bridge_id: UUID) -> int:
    """The bridge's wish counter: when it moves, there is work (polled many times a second,
    so one plain query on a pooled connection)."""
    with db.reader.connect() as connection:
        value = connection.execute(
            select(BridgeRow.wanted).where(BridgeRow.id == bridge_id)
        ).scalar()
    return int(value or 0)


def work(db: Database, bridge_id: UUID) -> list[ConferenceWork]:
    """Every live conference this bridge holds, with all its legs."""
    with db.read() as session:
        conferences = session.scalars(
            select(ConferenceRow).where(
                ConferenceRow.bridge_id == bridge_id, ConferenceRow.live.is_(True)
            )
        ).all()
        legs: dict[UUID, list[LegWork]] = {c.id: [] for c in conferences}
        rows = session.scalars(
            select(LegRow)
            .where(LegRow.conference_id.in_(list(legs)))
            .order_by(LegRow.conference_id, LegRow.number)
        ).all()
        for row in rows:
            legs[row.conference_id].append(
                LegWork(
                    id=row.id,
                    number=row.number,
                    role=LegRole(row.role),
                    target=row.target,
                    label=row.label,
                    state=LegState(row.state),
                    want_hold=row.want_hold,
                    want_muted=row.want_muted,
                    want_consult=row.want_consult,
                    want_drop=row.want_drop,
                )
            )
        return [
            ConferenceWork(c.id, c.address, c.customer_joins, c.end_wanted, tuple(legs[c.id]))
            for c in conferences
        ]


def report_legs(db: Database, reports: list[LegReport]) -> None:
    """Write what happened to legs, in one transaction; an ended resource leg finishes
    its call attempt, and each change is announced to the advocate's console."""
    if not reports:
        return
    with db.write() as session:
        for report in reports:
            leg = session.get(LegRow, report.leg_id)
            if leg is None:
                continue
            for name, value in report.changes.items():
                setattr(leg, name, value.value if isinstance(value, LegState) else value)
            conference = session.get(ConferenceRow, leg.conference_id)
            assert conference is not None  # a foreign key
            if not LegState(leg.state).is_live and leg.attempt_id is not None:
                _finish_attempt(session, leg)
            announce_leg(session, conference.owner_id, conference.id, leg)


def conference_ended(db: Database, conference_id: UUID) -> None:
    """Every leg of the conference is over (and the advocate's console told)."""
    with db.write() as session:
        conference = session.get(ConferenceRow, conference_id)
        if conference is not None and conference.live:
            conference.live = False
            conference.ended_at = now = utc_now()
            announce_end(session, conference, now)


def bridge_stopped(db: Database, bridge_id: UUID) -> None:
    """The bridge shut down cleanly (its conferences were ended first)."""
    with db.write() as session:
        session.execute(
            update(BridgeRow).where(BridgeRow.id == bridge_id).values(stopped_at=utc_now())
        )


def _finish_attempt(session: Any, leg: LegRow) -> None:
    attempt = load(session, Collection.CALL_ATTEMPTS, leg.attempt_id, lock=True)
    if not isinstance(attempt, CallAttempt) or attempt.outcome is not None:
        return
    reason = f"{leg.sip_code} {leg.reason}".strip() if leg.sip_code else leg.reason
    changed = attempt.model_copy(
        update={
            "outcome": CallOutcome(leg.outcome) if leg.outcome else None,
            "reason": reason[:200],
            "answered_at": _utc(leg.answered_at),
            "ended_at": _utc(leg.ended_at) or utc_now(),
            "version": attempt.version + 1,
        }
    )
    save(session, Collection.CALL_ATTEMPTS, changed, new=False)


def _utc(value: datetime | None) -> datetime | None:
    return None if value is None else as_utc(value)
