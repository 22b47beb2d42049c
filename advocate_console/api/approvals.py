"""The central API's authority and approvals, through the one client that owns retries,
sign-in and the mapping of errors (:class:`~advocate_console.api.client.CentralClient`).

``POST /approvals`` carries the id the console made, so a retry (the outbox sending a
request again) gets the first answer back, never a second request. A decision is a
``PATCH`` with ``If-Match``: a 409 or 412 means someone decided or changed it first.
"""

from __future__ import annotations

import uuid
from typing import Literal

from pydantic import BaseModel

from advocate_console.domain.authority import Approval, Authority

from .client import CentralClient
from .errors import Conflict
from .schemas import API_PREFIX

APPROVALS = f"{API_PREFIX}/approvals"
Status = Literal["pending", "approved", "denied"]


class ApprovalList(BaseModel):
    """``GET /approvals``: newest first."""

    items: list[Approval]


class AlreadyDecided(Conflict):
    """Someone decided the approval first (409), or changed it meanwhile (412):
    ``approval`` is the server's copy now."""

    def __init__(self, message: str, approval: Approval) -> None:
        super().__init__(message, current=approval.model_dump(mode="json"))
        self.approval = approval


def my_authority(client: CentralClient) -> Authority:
    """The signed-in advocate's limits and what is left of this month's."""
    response = client._request("GET", f"{API_PREFIX}/me/authority")
    return client._parse(Authority, response)


def ask_for_approval(client: CentralClient, approval: Approval) -> Approval:
    """Send a request (made by this console, its id included); the same id again answers
    the request the server already has."""
    body = {
        "id": str(approval.id),
        "case_id": str(approval.case_id),
        "remedies": [remedy.model_dump(mode="json") for remedy in approval.remedies],
        "reason": approval.reason,
    }
    # Safe to repeat: the id makes it idempotent, as an Idempotency-Key would.
    response = client._request("POST", APPROVALS, json=body, retry=True)
    return client._parse(Approval, response)


def approvals(
    client: CentralClient, status: Status | None = None, *, mine: bool = False
) -> list[Approval]:
    """Approvals the signed-in user may see (a lead: everyone's; an advocate: their own)."""
    params: dict[str, str] = {}
    if status is not None:
        params["status"] = status
    if mine:
        params["mine"] = "true"
    response = client._request("GET", APPROVALS, params=params)
    return client._parse(ApprovalList, response).items


def approval(client: CentralClient, approval_id: uuid.UUID) -> Approval:
    """One approval as the server has it now."""
    response = client._request("GET", f"{APPROVALS}/{approval_id}")
    return client._parse(Approval, response)


def decide(
    client: CentralClient,
    seen: Approval,
    decision: Literal["approved", "denied"],
    note: str = "",
) -> Approval:
    """Approve or deny ``seen`` (as the lead saw it: its version goes in ``If-Match``).

    Raises :class:`AlreadyDecided` with the server's copy when someone was first;
    ``Rejected`` (403) when this user may not decide it, with the server's reason.
    """
    try:
        response = client._request(
            "PATCH",
            f"{APPROVALS}/{seen.id}",
            json={"decision": decision, "note": note},
            headers={"If-Match": f'"{seen.version}"'},
            retry=False,  # a repeat after a lost answer meets our own decision: a 409
        )
    except Conflict as conflict:
        raise AlreadyDecided(str(conflict), approval(client, seen.id)) from None
    return client._parse(Approval, response)
