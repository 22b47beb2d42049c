"""``/conferences``: start a conference on the bridge, bring people in, steer each leg, end it.

Each answer is the state the bridge last reported; the console polls
``GET /conferences/{id}`` (or listens to the event stream's ``conference_leg``) for what
happens next.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from fastapi import APIRouter, status

from advocate_console.api.conferences import (
    ConferenceList,
    ConferenceOut,
    LegChange,
    LegOut,
    NewConference,
    NewLeg,
)
from advocate_console.api.schemas import ErrorBody
from advocate_console.central.auth.dependencies import CurrentAdvocate
from advocate_console.central.core.deps import DatabaseDep

from . import service

router = APIRouter(tags=["conferences"])


def _errors(*codes: int) -> dict[int | str, dict[str, Any]]:
    return {code: {"model": ErrorBody} for code in (401, 422, *codes)}


@router.post(
    "/conferences",
    name="start_conference",
    response_model=ConferenceOut,
    status_code=status.HTTP_201_CREATED,
    responses=_errors(503),
)
def start(body: NewConference, db: DatabaseDep, who: CurrentAdvocate) -> ConferenceOut:
    """Start a conference for a case: the bridge rings the advocate's phone, then calls the
    customer back (or waits for the phone system to transfer them to ``address``)."""
    return service.start_conference(db, who, body)


@router.get("/conferences", name="my_conferences", response_model=ConferenceList)
def mine(db: DatabaseDep, who: CurrentAdvocate) -> ConferenceList:
    """The signed-in advocate's conferences still going (to pick them up again)."""
    return service.my_conferences(db, who)


@router.get(
    "/conferences/{conference_id}",
    name="get_conference",
    response_model=ConferenceOut,
    responses=_errors(403, 404),
)
def one(conference_id: UUID, db: DatabaseDep, who: CurrentAdvocate) -> ConferenceOut:
    """A conference with every leg; ``bridge: lost`` when its bridge stopped."""
    return service.get_conference(db, who, conference_id)


@router.post(
    "/conferences/{conference_id}/legs",
    name="add_conference_leg",
    response_model=LegOut,
    status_code=status.HTTP_201_CREATED,
    responses=_errors(403, 404, 409),
)
def add(conference_id: UUID, body: NewLeg, db: DatabaseDep, who: CurrentAdvocate) -> LegOut:
    """Dial a resource (recorded as a call attempt) or any number into the conference;
    ``ask_first`` talks with them alone before they join the customer."""
    return service.add_leg(db, who, conference_id, body)


@router.patch(
    "/conferences/{conference_id}/legs/{leg_id}",
    name="change_conference_leg",
    response_model=LegOut,
    responses=_errors(403, 404, 409),
)
def change(
    conference_id: UUID, leg_id: UUID, body: LegChange, db: DatabaseDep, who: CurrentAdvocate
) -> LegOut:
    """Hold, mute, join (out of "ask first") or drop one leg; say whether it helped."""
    return service.change_leg(db, who, conference_id, leg_id, body)


@router.delete(
    "/conferences/{conference_id}",
    name="end_conference",
    response_model=ConferenceOut,
    responses=_errors(403, 404),
)
def end(conference_id: UUID, db: DatabaseDep, who: CurrentAdvocate) -> ConferenceOut:
    """Hang up everyone."""
    return service.end_conference(db, who, conference_id)
