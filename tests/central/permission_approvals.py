"""The permission matrix's rows for authority and approvals: limits are leads' and admins'
to read and set, anyone asks, and a request is decided by a lead or admin who did not ask."""

from __future__ import annotations

import uuid
from typing import Any

from advocate_console.domain import Role
from advocate_console.domain.authority import AuthorityLimits

from . import bodies
from .permission_world import ANONYMOUS, COLLEAGUE, World

PREFIX = "/api/v1"
OWN = "own"  # (as test_permissions names its situations)


def read_limits(world: World, who: Any, _situation) -> Any:
    """Bea's limits, read as ``who``."""
    url = f"{PREFIX}/users/{world.people[COLLEAGUE]['id']}/authority"
    return world.api.client.get(url, headers=world.headers(who))


def set_limits(world: World, who: Any, _situation) -> Any:
    """Bea's limits, set as ``who``."""
    url = f"{PREFIX}/users/{world.people[COLLEAGUE]['id']}/authority"
    limits = AuthorityLimits(per_case_cents=30_000).model_dump()
    return world.api.client.put(url, json=limits, headers=world.headers(who))


def ask(world: World, who: Any, _situation=None) -> Any:
    """A request for approval of a $150 refund without return, sent as ``who``."""
    case = world.write("cases", Role.LEAD, bodies.case(world.customer["id"]))
    body = {
        "id": str(uuid.uuid4()),
        "case_id": case["id"],
        "remedies": [{"kind": "refund_without_return", "cost_cents": 15_000}],
        "reason": "She sent back the working unit by mistake.",
    }
    return world.api.client.post(f"{PREFIX}/approvals", json=body, headers=world.headers(who))


def _approval(world: World, who: Any, situation: str) -> dict[str, Any]:
    """A pending request made by ``who`` (their own) or by the colleague."""
    asker = who if situation == OWN and who != ANONYMOUS else COLLEAGUE
    response = ask(world, asker)
    assert response.status_code == 201, response.text
    return response.json()


def read_approval(world: World, who: Any, situation) -> Any:
    """One request (``who``'s own, or Bea's), read as ``who``."""
    approval = _approval(world, who, situation.name)
    return world.api.client.get(f"{PREFIX}/approvals/{approval['id']}", headers=world.headers(who))


def decide(world: World, who: Any, situation) -> Any:
    """One request (``who``'s own, or Bea's), approved by ``who``."""
    approval = _approval(world, who, situation.name)
    return world.api.client.patch(
        f"{PREFIX}/approvals/{approval['id']}",
        json={"decision": "approved", "note": "Yes."},
        headers=world.headers(who, If_Match=f'"{approval["version"]}"'),
    )
