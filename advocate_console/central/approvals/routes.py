"""Requests for a lead's approval: ask, list, read, and answer (leads and admins)."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Header, Query, Response
from sqlalchemy.exc import IntegrityError

from advocate_console.api.schemas import API_PREFIX, ErrorBody
from advocate_console.central.auth.dependencies import CurrentAdvocate, LeadOrAdmin
from advocate_console.central.core.deps import DatabaseDep
from advocate_console.central.core.http import etag, parse_if_match
from advocate_console.domain.authority import Approval, ApprovalStatus

from . import service
from .service import MAX_LIST, ApprovalDecision, ApprovalList, ApprovalRequest

router = APIRouter(tags=["approvals"])
IfMatch = Annotated[
    str | None, Header(alias="If-Match", description='The version you last read, like "3".')
]


def _errors(*codes: int) -> dict[int | str, dict]:
    return {code: {"model": ErrorBody} for code in (401, *codes)}


def _answer(approval: Approval, status: int = 200) -> Response:
    headers = {"ETag": etag(approval.version)}
    if status == 201:
        headers["Location"] = f"{API_PREFIX}/approvals/{approval.id}"
    return Response(
        approval.model_dump_json(),
        status_code=status,
        headers=headers,
        media_type="application/json",
    )


@router.post(
    "/approvals",
    name="request_approval",
    status_code=201,
    response_model=Approval,
    responses={200: {"model": Approval}, **_errors(404, 409, 422)},
)
def request_approval(body: ApprovalRequest, db: DatabaseDep, who: CurrentAdvocate) -> Response:
    """Ask a lead to approve remedies beyond your authority for a case (201). The same
    id again answers 200 with the request already made, so a resend is safe."""
    try:
        with db.write() as session:
            approval, new = service.request_approval(session, body, who)
    except IntegrityError:  # the same id sent twice at once: the other one made it
        with db.write() as session:
            approval, new = service.request_approval(session, body, who)
    return _answer(approval, 201 if new else 200)


@router.get(
    "/approvals",
    name="list_approvals",
    response_model=ApprovalList,
    responses=_errors(422),
)
def list_approvals(
    db: DatabaseDep,
    who: CurrentAdvocate,
    status: ApprovalStatus | None = None,
    mine: bool = False,
    limit: Annotated[int, Query(ge=1, le=MAX_LIST)] = 200,
) -> ApprovalList:
    """Requests newest first: leads and admins see everyone's, advocates their own."""
    with db.read() as session:
        return ApprovalList(items=service.list_approvals(session, who, status, mine, limit))


@router.get(
    "/approvals/{approval_id}",
    name="get_approval",
    response_model=Approval,
    responses=_errors(403, 404, 422),
)
def get_approval(approval_id: UUID, db: DatabaseDep, who: CurrentAdvocate) -> Response:
    """One request, with its version as ETag."""
    with db.read() as session:
        return _answer(service.visible_approval(session, approval_id, who))


@router.patch(
    "/approvals/{approval_id}",
    name="decide_approval",
    response_model=Approval,
    responses=_errors(400, 403, 404, 409, 412, 422, 428),
)
def decide_approval(
    approval_id: UUID,
    body: ApprovalDecision,
    db: DatabaseDep,
    who: LeadOrAdmin,
    if_match: IfMatch = None,
) -> Response:
    """Approve or deny a request (If-Match: its version), with a note for the advocate:
    leads and admins, never the requester."""
    expected = parse_if_match(if_match)
    with db.write() as session:
        return _answer(service.decide(session, approval_id, body, who, expected))
