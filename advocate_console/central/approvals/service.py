"""Asking a lead to approve remedies, and the lead's answer, each with its event.

A request names its case; the server adds who asks and, for the lead deciding while the
customer waits, the customer, the case and the customer's lifetime value. Every lead and
admin hears of a new request (``approval_requested``), the requester of the answer
(``approval_decided``), in the same transaction as the write.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from advocate_console.api.events import EventKind
from advocate_console.central.auth.models import AdvocateRow
from advocate_console.central.core.clock import utc_now
from advocate_console.central.core.errors import ApiError
from advocate_console.central.core.http import etag
from advocate_console.central.events.service import publish
from advocate_console.central.records import service as records
from advocate_console.domain import Case, Collection, Customer, Remedy, Role
from advocate_console.domain.authority import Approval, ApprovalStatus, Decision, Reason
from advocate_console.domain.records import Advocate

from .models import ApprovalRow

MAX_LIST = 500
MAX_NOTE = 2000


class ApprovalRequest(BaseModel):
    """``POST /approvals``: the console's id for the request, the case, what to approve, why."""

    model_config = ConfigDict(extra="ignore")

    id: UUID
    case_id: UUID
    remedies: list[Remedy] = Field(min_length=1, max_length=20)
    reason: Reason


class ApprovalDecision(BaseModel):
    """``PATCH /approvals/{id}``: a lead's answer, and a note for the advocate."""

    model_config = ConfigDict(extra="ignore")

    decision: Decision
    note: str = Field("", max_length=MAX_NOTE)


class ApprovalList(BaseModel):
    """``GET /approvals``: requests, newest first."""

    items: list[Approval]


def load_approval(session: Session, approval_id: UUID, *, lock: bool = False) -> Approval | None:
    """The approval with ``approval_id``, or None."""
    query = select(ApprovalRow.data).where(ApprovalRow.id == approval_id)
    if lock:
        query = query.with_for_update()
    data = session.scalar(query)
    return None if data is None else Approval.model_validate_json(data)


def _json(approval: Approval) -> dict[str, Any]:
    return approval.model_dump(mode="json")


def _deciders(session: Session, leaving_out: UUID) -> list[UUID]:
    roles = (Role.LEAD.value, Role.ADMIN.value)
    return list(
        session.scalars(
            select(AdvocateRow.id).where(
                AdvocateRow.role.in_(roles),
                AdvocateRow.disabled_at.is_(None),
                AdvocateRow.id != leaving_out,
            )
        )
    )


def case_title(case: Case) -> str:
    """How the lead's dock names a case: its number and what went wrong."""
    return f"{case.number} · {case.summary or case.category}"[:200]


def request_approval(
    session: Session, body: ApprovalRequest, who: Advocate
) -> tuple[Approval, bool]:
    """The request ``body`` describes, asked by ``who``, and whether it is new: the same
    id again gives the request already made (a console's outbox sends it again)."""
    existing = load_approval(session, body.id)
    if existing is not None:
        if existing.requester_id != who.id:
            raise ApiError(
                409,
                f"An approval with id {body.id} exists already; use a new id.",
                code="approval_exists",
                values=(body.id,),
            )
        return existing, False
    case = records.load(session, Collection.CASES, body.case_id)
    if not isinstance(case, Case):
        raise ApiError(
            404, f"There is no case with id {body.case_id}.", code="no_case", values=(body.case_id,)
        )
    customer = records.load(session, Collection.CUSTOMERS, case.customer_id)
    now = utc_now()
    approval = Approval(
        id=body.id,
        case_id=case.id,
        customer_id=case.customer_id,
        remedies=body.remedies,
        reason=body.reason,
        requester_id=who.id,
        requester_name=who.display_name,
        created_at=now,
        customer_name=customer.display_name if isinstance(customer, Customer) else "",
        case_title=case_title(case),
        lifetime_value_cents=customer.lifetime_value_cents if isinstance(customer, Customer) else 0,
    )
    session.execute(
        insert(ApprovalRow).values(
            id=approval.id,
            case_id=approval.case_id,
            requester_id=who.id,
            status=approval.status,
            version=approval.version,
            created_at=now,
            data=approval.model_dump_json(),
        )
    )
    for lead in _deciders(session, leaving_out=who.id):
        publish(session, lead, EventKind.APPROVAL_REQUESTED, _json(approval))
    return approval, True


def list_approvals(
    session: Session,
    who: Advocate,
    status: ApprovalStatus | None = None,
    mine: bool = False,
    limit: int = MAX_LIST,
) -> list[Approval]:
    """Requests newest first: every one for leads and admins, an advocate's own else."""
    query = select(ApprovalRow.data).order_by(ApprovalRow.created_at.desc(), ApprovalRow.id.desc())
    if mine or who.role not in (Role.LEAD, Role.ADMIN):
        query = query.where(ApprovalRow.requester_id == who.id)
    if status is not None:
        query = query.where(ApprovalRow.status == status)
    return [Approval.model_validate_json(data) for data in session.scalars(query.limit(limit))]


def visible_approval(session: Session, approval_id: UUID, who: Advocate) -> Approval:
    """The approval with ``approval_id`` if ``who`` may see it: 404 when there is none,
    403 when it is another advocate's (leads and admins see all)."""
    approval = load_approval(session, approval_id)
    if approval is None:
        raise ApiError(
            404,
            f"There is no approval with id {approval_id}.",
            code="no_approval",
            values=(approval_id,),
        )
    if who.role not in (Role.LEAD, Role.ADMIN) and approval.requester_id != who.id:
        raise ApiError(
            403, "An advocate sees only their own requests for approval.", code="own_requests_only"
        )
    return approval


def decide(
    session: Session, approval_id: UUID, body: ApprovalDecision, who: Advocate, expected: int
) -> Approval:
    """``who``'s answer to a request still at version ``expected``: 403 for its own
    requester, 409 once answered, 412 when it changed since it was read."""
    approval = load_approval(session, approval_id, lock=True)
    if approval is None:
        raise ApiError(
            404,
            f"There is no approval with id {approval_id}.",
            code="no_approval",
            values=(approval_id,),
        )
    current = {"current": _json(approval), "headers": {"ETag": etag(approval.version)}}
    if approval.requester_id == who.id:
        raise ApiError(
            403, "You cannot decide your own request; another lead must.", code="own_request"
        )
    if approval.is_decided:
        by = approval.decided_by_name or "Another lead"
        raise ApiError(
            409,
            f"{by} already {approval.status} this request.",
            code="already_decided",
            values=(approval.decided_by_name or "", approval.status),
            **current,
        )
    if approval.version != expected:
        raise ApiError(
            412,
            f"This request changed since you read it: it is at version {approval.version},"
            f" not {expected}. Read it again.",
            code="approval_changed",
            **current,
        )
    now = utc_now()
    decided = Approval.model_validate(
        approval.model_dump()
        | {
            "status": body.decision,
            "decided_by_id": who.id,
            "decided_by_name": who.display_name,
            "decided_at": now,
            "note": body.note.strip(),
            "version": approval.version + 1,
        }
    )
    session.execute(
        update(ApprovalRow)
        .where(ApprovalRow.id == approval_id)
        .values(status=decided.status, version=decided.version, data=decided.model_dump_json())
    )
    if decided.requester_id is not None:
        publish(session, decided.requester_id, EventKind.APPROVAL_DECIDED, _json(decided))
    return decided
