"""Call attempts on the server: created and patched like any record, checked against the
resource and case they point at, carried by the change feed, and counted for the ranking."""

from __future__ import annotations

import uuid

from advocate_console.domain import Role

from . import bodies

ATTEMPTS = "/api/v1/call-attempts"


def _post(api, path, body, role=Role.ADVOCATE):
    response = api.client.post(path, json=body, headers=api.auth(role))
    assert response.status_code == 201, response.text
    return response.json()


def _setup(api):
    customer = _post(api, "/api/v1/customers", bodies.customer(phones=[]), Role.LEAD)
    case = _post(api, "/api/v1/cases", bodies.case(customer["id"]))
    anil = _post(api, "/api/v1/resources", bodies.resource(name="Anil Varghese"), Role.LEAD)
    dana = _post(api, "/api/v1/resources", bodies.resource(name="Dana Whitlock"), Role.LEAD)
    return customer, case, anil, dana


def _attempt(customer, case, resource, **fields):
    return {
        "resource_id": resource["id"],
        "case_id": case["id"],
        "customer_id": customer["id"],
        "category": "product failure",
        "product_model": "HVM3160SF",
        "via": "sip",
        "started_at": "2026-11-23T15:00:00Z",
    } | fields


def test_an_attempt_is_created_then_finished_and_reaches_the_change_feed(api):
    customer, case, anil, _ = _setup(api)
    created = _post(api, ATTEMPTS, _attempt(customer, case, anil))
    assert (created["version"], created["outcome"], created["helped"]) == (1, None, None)

    patched = api.client.patch(
        f"{ATTEMPTS}/{created['id']}",
        json={
            "answered_at": "2026-11-23T15:00:02Z",
            "ended_at": "2026-11-23T15:04:00Z",
            "outcome": "connected",
            "helped": True,
        },
        headers=api.auth(If_Match='"1"'),
    )
    assert patched.status_code == 200, patched.text
    assert patched.json()["outcome"] == "connected" and patched.json()["helped"] is True

    feed = api.client.get("/api/v1/changes?since=0", headers=api.auth()).json()
    mine = [c for c in feed["items"] if c["collection"] == "call_attempts"]
    assert [c["version"] for c in mine] == [2]  # (the feed sends the latest version only)
    assert mine[-1]["data"]["helped"] is True


def test_an_attempt_must_point_at_a_real_resource_and_the_cases_own_customer(api):
    customer, case, anil, _ = _setup(api)
    ghost = {"id": str(uuid.uuid4())}
    response = api.client.post(ATTEMPTS, json=_attempt(customer, case, ghost), headers=api.auth())
    assert response.status_code == 422
    assert response.json()["problems"][0]["field"] == "resource_id"

    other = _post(api, "/api/v1/customers", bodies.customer(phones=[]), Role.LEAD)
    response = api.client.post(ATTEMPTS, json=_attempt(other, case, anil), headers=api.auth())
    assert response.status_code == 422
    assert "another customer" in response.json()["detail"]

    response = api.client.post(
        ATTEMPTS, json=_attempt(customer, case, anil, outcome="maybe"), headers=api.auth()
    )
    assert response.status_code == 422


def test_the_ranking_counts_who_helped_on_this_category_and_model(api):
    customer, case, anil, dana = _setup(api)
    for resource, model, helped, role in (
        (anil, "HVM3160SF", True, Role.ADVOCATE),
        (anil, "HVM3160SF", True, Role.LEAD),
        (dana, "HVM3160SF", False, Role.ADVOCATE),
        (dana, "HVM2070BB", True, Role.ADVOCATE),
        (anil, "HVM3160SF", None, Role.ADVOCATE),  # the advocate never said
    ):
        body = _attempt(customer, case, resource, product_model=model, helped=helped)
        body["advocate"] = "Ada Tester" if role is Role.ADVOCATE else "Lee Tester"
        _post(api, ATTEMPTS, body, role)
    _post(api, ATTEMPTS, _attempt(customer, case, dana, category="billing", helped=True))

    response = api.client.get(
        "/api/v1/resources/ranking",
        params={"category": "product failure", "product_model": "HVM3160SF"},
        headers=api.auth(),
    )
    assert response.status_code == 200, response.text
    ranking = response.json()
    assert [r["resource_id"] for r in ranking] == [anil["id"], dana["id"]]
    assert ranking[0] | {"resource_id": None} == {
        "resource_id": None,
        "helped_here": 2,
        "helped_category": 0,
        "tried_here": 3,
        "did_not_help_here": 0,
        "helped_you": 1,
    }
    assert (ranking[1]["helped_here"], ranking[1]["helped_category"]) == (0, 1)
    assert ranking[1]["did_not_help_here"] == 1

    missing = api.client.get("/api/v1/resources/ranking", headers=api.auth())
    assert missing.status_code == 422
    assert api.client.get("/api/v1/resources/ranking?category=x").status_code == 401
