"""What the advocate asks of a conference: start it, add a leg, change a leg, end it.

Each request writes its wish into the legs' rows and bumps the bridge's ``wanted``
counter in one transaction; the bridge holding the conference carries it out (see
:mod:`.models` for why the database is the queue between them).
"""

from __future__ import annotations

from datetime import datetime
from uuid import UUID, uuid4

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from advocate_console.api.conferences import (
    ConferenceList,
    ConferenceOut,
    LegChange,
    LegOut,
    NewConference,
    NewLeg,
)
from advocate_console.central.core.clock import utc_now
from advocate_console.central.core.database import Database
from advocate_console.central.core.errors import ApiError
from advocate_console.central.records.service import load, save
from advocate_console.domain import CallAttempt, Case, Collection, Product, Resource, Role
from advocate_console.domain.conference import LegRole, LegState
from advocate_console.domain.records import Advocate

from .models import BridgeRow, ConferenceRow, LegRow
from .views import announce_end, announce_leg, bridge_alive, conference_out, leg_out


def start_conference(db: Database, who: Advocate, body: NewConference) -> ConferenceOut:
    """A new conference on the least busy live bridge: the advocate's phone first."""
    now = utc_now()
    with db.write() as session:
        bridge = _pick_bridge(session, now)
        conference_id = uuid4()
        case, product = _case_of(session, body.case_id)
        conference = ConferenceRow(
            id=conference_id,
            bridge_id=bridge.id,
            owner_id=who.id,
            owner_name=who.display_name,
            case_id=case.id if case else None,
            customer_id=case.customer_id if case else None,
            category=case.category if case else "",
            product_model=product.model_number if product else "",
            address=f"sip:conf-{conference_id.hex[:12]}@{bridge.sip_domain}",
            customer_joins=body.customer_joins,
            end_wanted=False,
            live=True,
            created_at=now,
        )
        session.add(conference)
        session.flush()
        legs = [
            _new_leg(session, conference, LegRole.ADVOCATE, body.advocate_phone, who.display_name),
            _new_leg(
                session,
                conference,
                LegRole.CUSTOMER,
                body.customer or "",
                body.customer_name or body.customer or "",
            ),
        ]
        _wake(session, bridge.id)
        for leg in legs:  # the advocate's other consoles learn of it too
            announce_leg(session, who.id, conference_id, leg)
        return conference_out(session, conference, now)


def add_leg(db: Database, who: Advocate, conference_id: UUID, body: NewLeg) -> LegOut:
    """Dial someone into the conference (with its call attempt, for the ranking)."""
    now = utc_now()
    with db.write() as session:
        conference = _live(session, who, conference_id, now)
        target, label, resource = body.target or "", body.label, None
        if body.resource_id is not None:
            resource = load(session, Collection.RESOURCES, body.resource_id)
            if not isinstance(resource, Resource):
                raise ApiError(
                    422,
                    f"There is no resource with id {body.resource_id}.",
                    problems=[("resource_id", "there is no resource with this id")],
                    code="no_resource",
                    values=(body.resource_id,),
                )
            target = resource.sip_uri or (str(resource.phone) if resource.phone else "")
            if not target:
                raise ApiError(
                    422,
                    f"{resource.name} has no phone number or SIP address.",
                    code="resource_without_address",
                    values=(resource.name,),
                )
            label = label or resource.name
        leg = _new_leg(
            session,
            conference,
            LegRole.RESOURCE,
            target,
            label or target,
            consult=body.ask_first,
            resource=resource,
        )
        if resource is not None:
            leg.attempt_id = _start_attempt(session, conference, resource, now)
        _wake(session, conference.bridge_id)
        announce_leg(session, conference.owner_id, conference.id, leg)
        return leg_out(leg)


def change_leg(
    db: Database, who: Advocate, conference_id: UUID, leg_id: UUID, body: LegChange
) -> LegOut:
    """Hold, mute, join or drop one leg, or say whether the resource helped."""
    now = utc_now()
    with db.write() as session:
        conference = _mine(session, who, conference_id)
        leg = session.get(LegRow, leg_id)
        if leg is None or leg.conference_id != conference.id:
            raise ApiError(404, f"This conference has no leg {leg_id}.", code="no_leg")
        wishes = body.model_dump(exclude_unset=True, exclude={"helped"})
        if wishes and not (conference.live and LegState(leg.state).is_live):
            raise ApiError(
                409,
                "This leg has ended: it can no longer be held, muted or joined.",
                code="leg_ended",
            )
        if body.on_hold is not None:
            leg.want_hold = body.on_hold
        if body.muted is not None:
            leg.want_muted = body.muted
        if body.joined:
            leg.want_consult = leg.want_hold = False
        if body.dropped:
            leg.want_drop = True
        if wishes:
            _wake(session, conference.bridge_id)
        if body.helped is not None:
            leg.helped = body.helped
            _mark_helped(session, leg, body.helped)
        announce_leg(session, conference.owner_id, conference.id, leg)
        return leg_out(leg, bridge_lost=not _bridge_alive(session, conference, now))


def end_conference(db: Database, who: Advocate, conference_id: UUID) -> ConferenceOut:
    """Hang up everyone; a conference whose bridge is gone ends at once."""
    now = utc_now()
    with db.write() as session:
        conference = _mine(session, who, conference_id)
        if conference.live:
            conference.end_wanted = True
            if _bridge_alive(session, conference, now):
                _wake(session, conference.bridge_id)
            else:  # nobody is left to hang up: the legs went with the bridge
                _end_lost(session, conference, now)
        return conference_out(session, conference, now)


def get_conference(db: Database, who: Advocate, conference_id: UUID) -> ConferenceOut:
    """One conference with its legs, and whether its bridge is alive."""
    with db.read() as session:
        return conference_out(session, _mine(session, who, conference_id), utc_now())


def my_conferences(db: Database, who: Advocate) -> ConferenceList:
    """The advocate's conferences still going (or lost with their bridge, not yet ended)."""
    now = utc_now()
    with db.read() as session:
        rows = session.scalars(
            select(ConferenceRow)
            .where(ConferenceRow.owner_id == who.id, ConferenceRow.live.is_(True))
            .order_by(ConferenceRow.created_at)
        ).all()
        return ConferenceList(items=[conference_out(session, row, now) for row in rows])


# -- inside ---------------------------------------------------------------------------------


def _pick_bridge(session: Session, now: datetime) -> BridgeRow:
    started = session.scalars(select(BridgeRow).where(BridgeRow.stopped_at.is_(None)))
    running = [bridge for bridge in started if bridge_alive(bridge, now)]
    if not running:
        raise ApiError(
            503, "No conference bridge is running; ask IT to start one.", code="no_bridge"
        )
    # Busy means calls, not conferences: a bridge holds a few calls (PyPI's PJSIP four),
    # so one conference of four parties fills it where two of one party each do not.
    over = [state.value for state in LegState if not state.is_live]
    load_of = dict(
        session.execute(
            select(ConferenceRow.bridge_id, func.count())
            .join(LegRow, LegRow.conference_id == ConferenceRow.id)
            .where(ConferenceRow.live.is_(True), LegRow.state.not_in(over))
            .group_by(ConferenceRow.bridge_id)
        ).all()
    )
    return min(running, key=lambda b: (load_of.get(b.id, 0), b.started_at))


def _case_of(session: Session, case_id: UUID | None) -> tuple[Case | None, Product | None]:
    if case_id is None:
        return None, None
    case = load(session, Collection.CASES, case_id)
    if not isinstance(case, Case):
        raise ApiError(
            422,
            f"There is no case with id {case_id} on the server (yet): sync, then try again.",
            problems=[("case_id", "there is no case with this id")],
            code="no_case_yet",
            values=(case_id,),
        )
    product = load(session, Collection.PRODUCTS, case.product_id) if case.product_id else None
    return case, product if isinstance(product, Product) else None


def _mine(session: Session, who: Advocate, conference_id: UUID) -> ConferenceRow:
    conference = session.get(ConferenceRow, conference_id)
    if conference is None:
        raise ApiError(
            404, f"There is no conference with id {conference_id}.", code="no_conference"
        )
    if conference.owner_id != who.id and who.role is Role.ADVOCATE:
        raise ApiError(
            403,
            f"This is {conference.owner_name}'s conference, not yours.",
            code="not_your_conference",
            values=(conference.owner_name,),
        )
    return conference


def _live(session: Session, who: Advocate, conference_id: UUID, now: datetime) -> ConferenceRow:
    conference = _mine(session, who, conference_id)
    if not conference.live or conference.end_wanted:
        raise ApiError(409, "This conference has ended.", code="conference_ended")
    if not _bridge_alive(session, conference, now):
        raise ApiError(
            409, "The bridge holding this conference has stopped.", code="bridge_stopped"
        )
    return conference


def _bridge_alive(session: Session, conference: ConferenceRow, now: datetime) -> bool:
    bridge = session.get(BridgeRow, conference.bridge_id)
    return bridge is not None and bridge_alive(bridge, now)


def _new_leg(
    session: Session,
    conference: ConferenceRow,
    role: LegRole,
    target: str,
    label: str,
    *,
    consult: bool = False,
    resource: Resource | None = None,
) -> LegRow:
    number = session.scalar(
        select(func.coalesce(func.max(LegRow.number), 0)).where(
            LegRow.conference_id == conference.id
        )
    )
    leg = LegRow(
        id=uuid4(),
        conference_id=conference.id,
        number=number + 1,
        role=role.value,
        label=label,
        target=target,
        resource_id=resource.id if resource else None,
        want_hold=False,
        want_muted=False,
        want_consult=consult,
        want_drop=False,
        state=(LegState.DIALING if role is LegRole.ADVOCATE else LegState.WAITING).value,
        joined=False,
        sip_code=0,
        reason="",
        created_at=utc_now(),
    )
    session.add(leg)
    session.flush()
    return leg


def _end_lost(session: Session, conference: ConferenceRow, now: datetime) -> None:
    """End a conference whose bridge is gone: its live legs are lost, and the advocate's
    consoles are told of each and of the end."""
    conference.live = False
    conference.ended_at = now
    live = session.scalars(
        select(LegRow).where(
            LegRow.conference_id == conference.id,
            LegRow.state.in_([s.value for s in LegState if s.is_live]),
        )
    ).all()
    for leg in live:
        leg.state, leg.joined, leg.ended_at = LegState.LOST.value, False, now
        announce_leg(session, conference.owner_id, conference.id, leg)
    announce_end(session, conference, now)


def _wake(session: Session, bridge_id: UUID) -> None:
    session.execute(
        update(BridgeRow).where(BridgeRow.id == bridge_id).values(wanted=BridgeRow.wanted + 1)
    )


def _start_attempt(
    session: Session, conference: ConferenceRow, resource: Resource, now: datetime
) -> UUID:
    attempt = CallAttempt(
        id=uuid4(),
        version=1,
        resource_id=resource.id,
        case_id=conference.case_id,
        customer_id=conference.customer_id,
        category=conference.category,
        product_model=conference.product_model,
        via="bridge",
        started_at=now,
        advocate=conference.owner_name,
    )
    save(session, Collection.CALL_ATTEMPTS, attempt, new=True)
    return attempt.id


def _mark_helped(session: Session, leg: LegRow, helped: bool) -> None:
    if leg.attempt_id is None:
        return
    attempt = load(session, Collection.CALL_ATTEMPTS, leg.attempt_id, lock=True)
    if isinstance(attempt, CallAttempt):
        changed = attempt.model_copy(update={"helped": helped, "version": attempt.version + 1})
        save(session, Collection.CALL_ATTEMPTS, changed, new=False)
