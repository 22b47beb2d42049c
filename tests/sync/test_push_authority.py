"""The console's push meets the server's authority: a resolution beyond the advocate's
limits is refused with the limit and the amount, kept, and the rest of the outbox goes
on; with a lead's approval the same remedies go through."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import requests

from advocate_console.api.schemas import API_PREFIX
from advocate_console.domain import Collection, Delight, Remedy, RemedyKind, Resolution
from advocate_console.store import LocalChanges
from advocate_console.sync import push_outbox
from tests.laptop import assert_exactly_once, open_case_offline

REFUND = [Remedy(kind=RemedyKind.REFUND_WITHOUT_RETURN, cost_cents=15_000)]


def _resolution(case_id: uuid.UUID, **fields) -> Resolution:
    return Resolution(
        id=uuid.uuid4(),
        case_id=case_id,
        remedies=REFUND,
        delight=Delight.DELIGHTED,
        resolved_at=datetime.now(UTC),
        **fields,
    )


def _call(client, method: str, path: str, **kwargs) -> requests.Response:
    headers = {"Authorization": f"Bearer {client.token}"} | kwargs.pop("headers", {})
    return requests.request(
        method, client.base_url + API_PREFIX + path, headers=headers, timeout=10, **kwargs
    )


def test_a_resolution_beyond_authority_is_refused_kept_and_then_approved(client, local, lead):
    refused_case = open_case_offline(local, "Wrong unit sent back; refund without return")
    LocalChanges(local).create(Collection.RESOLUTIONS, _resolution(refused_case.id))
    other_case = open_case_offline(local, "Door seal torn")

    result = push_outbox(client, LocalChanges(local))

    assert (result.pushed, result.refused) == (2, 1)
    [kept] = LocalChanges(local).entries()
    assert kept.state == "refused"
    assert "refund without return up to $100.00, this one is $150.00" in kept.last_error
    assert_exactly_once(client, local, Collection.CASES, other_case.id, 1)

    asked = _call(
        client,
        "POST",
        "/approvals",
        json={
            "id": str(uuid.uuid4()),
            "case_id": str(refused_case.id),
            "remedies": [r.model_dump(mode="json") for r in REFUND],
            "reason": "She sent back the working unit by mistake; the refund saves a trip.",
        },
    )
    assert asked.status_code == 201, asked.text
    approval = asked.json()
    decided = _call(
        lead,
        "PATCH",
        f"/approvals/{approval['id']}",
        json={"decision": "approved", "note": "Yes."},
        headers={"If-Match": asked.headers["ETag"]},
    )
    assert decided.status_code == 200, decided.text

    approved = _resolution(refused_case.id, approval_id=uuid.UUID(approval["id"]))
    LocalChanges(local).create(Collection.RESOLUTIONS, approved)
    assert push_outbox(client, LocalChanges(local)).pushed == 1
    assert client.get(Collection.RESOLUTIONS, approved.id).approval_id == approved.approval_id
