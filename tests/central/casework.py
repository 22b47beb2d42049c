"""Cases to resolve and approvals to ask for, through the central API, for the authority
and approvals tests."""

from __future__ import annotations

import json
import uuid
from typing import Any

import sqlalchemy as sa
from httpx import Response

from advocate_console.central.auth.models import AdvocateRow
from advocate_console.central.core.clock import utc_now
from advocate_console.central.core.database import Database
from advocate_console.central.events.service import read_events
from advocate_console.domain import Role

from . import bodies
from .conftest import USERS, Api

REFUND_150 = [{"kind": "refund_without_return", "cost_cents": 15_000}]
"""$150 refunded without the item back: beyond the default $100."""


def open_case(api: Api) -> str:
    """A new customer's open case; its id."""
    customer = api.client.post(
        "/api/v1/customers", json=bodies.customer(), headers=api.auth(Role.LEAD)
    )
    assert customer.status_code == 201, customer.text
    case = api.client.post(
        "/api/v1/cases", json=bodies.case(customer.json()["id"]), headers=api.auth()
    )
    assert case.status_code == 201, case.text
    return case.json()["id"]


def resolve(
    api: Api, case_id: str, remedies: list[dict], role: Role = Role.ADVOCATE, **fields: Any
) -> Response:
    """POST a resolution of ``case_id`` with ``remedies``, resolved now unless told."""
    body = bodies.resolution(case_id, remedies=remedies, resolved_at=utc_now().isoformat())
    return api.client.post("/api/v1/resolutions", json=body | fields, headers=api.auth(role))


def ask(
    api: Api,
    case_id: str,
    remedies: list[dict],
    role: Role = Role.ADVOCATE,
    approval_id: str | None = None,
) -> Response:
    """POST a request for approval of ``remedies`` for ``case_id``."""
    body = {
        "id": approval_id or str(uuid.uuid4()),
        "case_id": case_id,
        "remedies": remedies,
        "reason": "Third failure in a year; she has been with us since 2012.",
    }
    return api.client.post("/api/v1/approvals", json=body, headers=api.auth(role))


def decide(api: Api, approval: dict, decision: str, role: Role = Role.LEAD, **headers) -> Response:
    """PATCH a decision on ``approval`` at the version it has (unless headers say else)."""
    headers = {"If_Match": f'"{approval["version"]}"'} | headers
    return api.client.patch(
        f"/api/v1/approvals/{approval['id']}",
        json={"decision": decision, "note": "Go ahead, and thank her for us."},
        headers=api.auth(role, **headers),
    )


def user_id(api: Api, role: Role) -> uuid.UUID:
    """The id of the test user of ``role``."""
    db = Database(api.url)
    try:
        with db.read() as session:
            return session.scalar(
                sa.select(AdvocateRow.id).where(AdvocateRow.username == USERS[role])
            )
    finally:
        db.dispose()


def events_of(api: Api, role: Role) -> list[tuple[str, dict]]:
    """Every event published for the test user of ``role``: (name, data)."""
    db = Database(api.url)
    try:
        return [(e.event, json.loads(e.data)) for e in read_events(db, user_id(api, role), (0, 0))]
    finally:
        db.dispose()


def set_limits(api: Api, role: Role, by: Role = Role.LEAD, **limits: int) -> Response:
    """PUT the limits of the test user of ``role``: the defaults with ``limits`` changed."""
    body = {
        "per_case_cents": 25_000,
        "refund_without_return_cents": 10_000,
        "warranty_extension_months": 12,
        "gift_certificate_cents": 5_000,
        "monthly_cents": 250_000,
    } | limits
    return api.client.put(
        f"/api/v1/users/{user_id(api, role)}/authority", json=body, headers=api.auth(by)
    )
