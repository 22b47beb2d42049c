"""The demo's authority: limits for its advocate and its lead, the lead's approvals behind
the advocate's past resolutions beyond her limits, and a few requests the lead denied.

Two passes. ``approve_beyond_authority`` runs on each batch as it is made: a resolution of
the demo advocate beyond her limits gets the id of an approval, derived from its own id
(no random draw, so every other record stays as it would have been). ``write_authority``
runs as the batches are written, once their users exist: the demo users' limits, those
approvals (approved by the lead, with a note), a denied request (a refund on top) for
about one in eight of her other resolutions over $100, and what each demo user's
resolutions cost, counted against their months.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import timedelta

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from advocate_console.central.approvals.models import ApprovalRow
from advocate_console.central.approvals.service import case_title
from advocate_console.central.auth.models import AdvocateRow
from advocate_console.central.authority.models import LimitsRow, SpendingRow
from advocate_console.central.core.clock import utc_now
from advocate_console.domain import Case, Customer, Remedy, RemedyKind, Resolution
from advocate_console.domain.authority import (
    Approval,
    Authority,
    AuthorityLimits,
    overages,
    total_of,
)

from .accounts import DEMO_DISPLAY_NAME, DEMO_USERNAME, LEAD_DISPLAY_NAME, LEAD_USERNAME
from .batch import DemoBatch

ADVOCATE_LIMITS = AuthorityLimits(per_case_cents=40_000, monthly_cents=400_000)
"""Maya, a senior advocate: $400 a case and $4,000 a month; the rest as the defaults (a
refund without return over $100 still needs the lead)."""
LEAD_LIMITS = AuthorityLimits(
    per_case_cents=250_000,
    refund_without_return_cents=100_000,
    warranty_extension_months=36,
    gift_certificate_cents=25_000,
    monthly_cents=5_000_000,
)
"""Dennis, the lead: well above the advocates' (his own need an admin)."""
LIMITS = {DEMO_USERNAME: ADVOCATE_LIMITS, LEAD_USERNAME: LEAD_LIMITS}

_NAMESPACE = uuid.UUID("6f1d2c3e-8a47-4b0e-9a51-2f9e7c1b4d60")
_ASKED_BEFORE = timedelta(minutes=9)  # asked while the customer waited
_ANSWERED_AFTER = timedelta(minutes=2)
DENIED_ONE_IN = 8
DENIED_FROM_CENTS = 10_000  # she asked for more only where a remedy was costly already
_REASONS = (
    "Second failure of the same unit; she has been a customer for years and was about to"
    " give up on the brand.",
    "He has waited three weeks and taken two days off for technicians who did not come.",
    "A repair would leave her without it for another ten days, with a newborn at home.",
    "Our installer caused the damage; putting it right in full is the least we owe.",
    "Long-time customer, third call about this; I want this to be the last one.",
)
_APPROVED_NOTES = (
    "Approved. Thank her for her patience from both of us.",
    "Yes, do it. Make sure the card goes out today.",
    "Approved; note the unit's history on the case for the product team.",
    "Go ahead. This is exactly what the limits are there to be raised for.",
)
_DENIED_NOTES = (
    "The replacement already puts it right; a refund on top is more than this needs.",
    "Not this time: offer the extended warranty instead, and call back if it fails again.",
    "Let's fix it first; if the repair does not hold, ask again and I will approve it.",
)
_EXTRA_REFUND = Remedy(
    kind=RemedyKind.REFUND_WITHOUT_RETURN, cost_cents=15_000, note="For the time lost"
)


def approval_id_for(resolution_id: uuid.UUID) -> uuid.UUID:
    """The id of the approval behind a demo resolution (the same every time)."""
    return uuid.uuid5(_NAMESPACE, f"approved:{resolution_id}")


def _denied_id_for(resolution_id: uuid.UUID) -> uuid.UUID:
    return uuid.uuid5(_NAMESPACE, f"denied:{resolution_id}")


def beyond_demo_limits(resolution: Resolution) -> bool:
    """Whether the demo advocate's resolution goes beyond her limits (the month aside)."""
    if resolution.advocate != DEMO_DISPLAY_NAME:
        return False
    unlimited_month = Authority(
        limits=ADVOCATE_LIMITS.model_copy(update={"monthly_cents": 10**11}), month="2000-01"
    )
    return bool(overages(resolution.remedies, unlimited_month))


def approve_beyond_authority(batch: DemoBatch) -> None:
    """Give each of the demo advocate's resolutions beyond her limits its approval's id."""
    for n, resolution in enumerate(batch.resolutions):
        if beyond_demo_limits(resolution):
            batch.resolutions[n] = resolution.model_copy(
                update={"approval_id": approval_id_for(resolution.id)}
            )


def write_authority(session: Session, batches: Sequence[DemoBatch]) -> None:
    """The demo users' limits (once), and the approvals and spending of ``batches``'
    resolutions, written after them in the same transaction."""
    users = {
        row.username: row
        for row in session.execute(
            select(AdvocateRow.id, AdvocateRow.username, AdvocateRow.display_name).where(
                AdvocateRow.username.in_(LIMITS)
            )
        )
    }
    if DEMO_USERNAME not in users or LEAD_USERNAME not in users:
        return
    _set_limits(session, {name: row.id for name, row in users.items()})
    by_name = {row.display_name: row.id for row in users.values()}
    lead = users[LEAD_USERNAME]
    approvals: list[dict] = []
    spending: list[dict] = []
    for batch in batches:
        cases = {case.id: case for case in batch.cases}
        customers = {customer.id: customer for customer in batch.customers}
        for resolution in batch.resolutions:
            author = by_name.get(resolution.advocate or "")
            case = cases.get(resolution.case_id)
            if author is None or case is None:
                continue
            spending.append(
                {
                    "resolution_id": resolution.id,
                    "author_id": author,
                    "resolved_at": resolution.resolved_at,
                    "cost_cents": total_of(resolution.remedies),
                }
            )
            customer = customers.get(case.customer_id)
            asked = _past_request(resolution, case, customer, author, lead)
            if asked is not None:
                approvals.append(asked)
    if spending:
        session.execute(insert(SpendingRow), spending)
    if approvals:
        session.execute(insert(ApprovalRow), approvals)


def _set_limits(session: Session, ids: dict[str, uuid.UUID]) -> None:
    have = set(
        session.scalars(select(LimitsRow.user_id).where(LimitsRow.user_id.in_(ids.values())))
    )
    rows = [
        LIMITS[name].model_dump() | {"user_id": user_id, "updated_at": utc_now()}
        for name, user_id in ids.items()
        if user_id not in have
    ]
    if rows:
        session.execute(insert(LimitsRow), rows)


def _past_request(
    resolution: Resolution, case: Case, customer: Customer | None, author: uuid.UUID, lead
) -> dict | None:
    """The approval row behind ``resolution``, a denied request before it, or None."""
    kinds = {remedy.kind for remedy in resolution.remedies}
    pick = resolution.id.int
    if resolution.approval_id is not None:
        approval_id, remedies, status = resolution.approval_id, resolution.remedies, "approved"
        note = _APPROVED_NOTES[pick % len(_APPROVED_NOTES)]
    elif (
        resolution.advocate == DEMO_DISPLAY_NAME
        and total_of(resolution.remedies) >= DENIED_FROM_CENTS
        and RemedyKind.REFUND_WITHOUT_RETURN not in kinds
        and pick % DENIED_ONE_IN == 0
    ):
        approval_id, status = _denied_id_for(resolution.id), "denied"
        remedies = [*resolution.remedies, _EXTRA_REFUND]
        note = _DENIED_NOTES[pick % len(_DENIED_NOTES)]
    else:
        return None
    asked_at = resolution.resolved_at - _ASKED_BEFORE
    approval = Approval(
        id=approval_id,
        case_id=case.id,
        customer_id=case.customer_id,
        remedies=remedies,
        reason=_REASONS[pick % len(_REASONS)],
        status=status,
        requester_id=author,
        requester_name=DEMO_DISPLAY_NAME,
        decided_by_id=lead.id,
        decided_by_name=lead.display_name or LEAD_DISPLAY_NAME,
        decided_at=asked_at + _ANSWERED_AFTER,
        note=note,
        created_at=asked_at,
        version=2,
        customer_name=customer.display_name if customer else "",
        case_title=case_title(case),
        lifetime_value_cents=customer.lifetime_value_cents if customer else 0,
    )
    return {
        "id": approval.id,
        "case_id": approval.case_id,
        "requester_id": author,
        "status": status,
        "version": approval.version,
        "created_at": asked_at,
        "data": approval.model_dump_json(),
    }
