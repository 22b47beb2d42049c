"""``/cases/{id}/presence``: a console says it has a case open, or left it."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter, Response, status

from advocate_console.api.presence import CasePresence
from advocate_console.api.schemas import ErrorBody
from advocate_console.central.auth.dependencies import CurrentAdvocate
from advocate_console.central.core.deps import DatabaseDep

from . import service

router = APIRouter(tags=["presence"])


@router.put(
    "/cases/{case_id}/presence",
    name="on_case",
    response_model=CasePresence,
    responses={401: {"model": ErrorBody}, 404: {"model": ErrorBody}},
)
def on_case(case_id: UUID, db: DatabaseDep, who: CurrentAdvocate) -> CasePresence:
    """This advocate's console has the case open (say it again every 20 s while it does):
    everyone on the case, the consoles that have it open and whoever changed it in the
    last 5 minutes. The others' consoles are told through the event stream (``presence``)."""
    presence = service.arrive(db, who, case_id)
    return CasePresence(case_id=case_id, here=presence.others(who.id))


@router.delete(
    "/cases/{case_id}/presence",
    name="off_case",
    status_code=status.HTTP_204_NO_CONTENT,
    responses={401: {"model": ErrorBody}},
)
def off_case(case_id: UUID, db: DatabaseDep, who: CurrentAdvocate) -> Response:
    """This advocate's console closed the case (the others are told at once)."""
    service.leave(db, who, case_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
