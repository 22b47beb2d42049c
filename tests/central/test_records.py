"""Create, get and patch every collection: ids, versions, If-Match, idempotency, references."""

from __future__ import annotations

import uuid

import pytest

from advocate_console.domain import Role, case_number_for

from . import bodies


@pytest.fixture
def owner(api):
    """A customer to hang records on, with one product."""
    customer = api.client.post(
        "/api/v1/customers", json=bodies.customer(), headers=api.auth(Role.LEAD)
    ).json()
    product = api.client.post(
        "/api/v1/products", json=bodies.product(customer["id"]), headers=api.auth(Role.LEAD)
    ).json()
    return customer, product


def _case(api, customer_id, **fields):
    response = api.client.post(
        "/api/v1/cases", json=bodies.case(customer_id, **fields), headers=api.auth()
    )
    assert response.status_code == 201, response.text
    return response.json()


# path, body maker, a patch, who may write
COLLECTIONS = [
    ("customers", lambda c, k, p: bodies.customer(phones=[]), {"tier": "gold"}, Role.LEAD),
    ("products", lambda c, k, p: bodies.product(c), {"warranty_end": "2027-01-01"}, Role.LEAD),
    ("resources", lambda c, k, p: bodies.resource(), {"notes": "Ask for Curtis."}, Role.LEAD),
    ("cases", lambda c, k, p: bodies.case(c, product_id=p), {"status": "resolved"}, Role.ADVOCATE),
    (
        "interactions",
        lambda c, k, p: bodies.interaction(c, case_id=k),
        {"body": "…"},
        Role.ADVOCATE,
    ),
    ("resolutions", lambda c, k, p: bodies.resolution(k), {"delight": "satisfied"}, Role.ADVOCATE),
    ("follow-ups", lambda c, k, p: bodies.follow_up(c), {"status": "done"}, Role.ADVOCATE),
    ("cards", lambda c, k, p: bodies.card(c), {"state": "queued"}, Role.ADVOCATE),
]


@pytest.mark.parametrize(
    ("path", "make", "change", "role"), COLLECTIONS, ids=[c[0] for c in COLLECTIONS]
)
def test_every_collection_creates_gets_and_patches(api, owner, path, make, change, role):
    customer, product = owner
    case = _case(api, customer["id"])
    url = f"/api/v1/{path}"
    created = api.client.post(
        url, json=make(customer["id"], case["id"], product["id"]), headers=api.auth(role)
    )
    assert created.status_code == 201, created.text
    record = created.json()
    assert record["version"] == 1
    assert created.headers["ETag"] == '"1"'
    assert created.headers["Location"] == f"{url}/{record['id']}"

    got = api.client.get(f"{url}/{record['id']}", headers=api.auth())
    assert got.status_code == 200
    assert got.json() == record
    assert got.headers["ETag"] == '"1"'

    patched = api.client.patch(
        f"{url}/{record['id']}", json=change, headers=api.auth(role, If_Match='"1"')
    )
    assert patched.status_code == 200, patched.text
    assert patched.headers["ETag"] == '"2"'
    me = api.client.get("/api/v1/me", headers=api.auth(role)).json()
    stamped = {"updated_by_id": me["id"], "updated_by_name": me["display_name"]}
    if change.get("status") == "done":  # a follow-up marked done: by whom
        stamped |= {"completed_by_id": me["id"], "completed_by_name": me["display_name"]}
    assert patched.json() == record | change | stamped | {
        "version": 2,
        "updated_at": patched.json()["updated_at"],
    }


def test_a_client_chosen_id_is_kept_and_the_case_number_derived_from_it(api, owner):
    case_id = uuid.uuid4()
    case = _case(api, owner[0]["id"], id=str(case_id))
    assert case["id"] == str(case_id)
    assert case["number"] == case_number_for(case_id)
    again = api.client.post(
        "/api/v1/cases", json=bodies.case(owner[0]["id"], id=str(case_id)), headers=api.auth()
    )
    assert again.status_code == 409
    assert "already exists" in again.json()["detail"]


@pytest.mark.parametrize("if_match", ["1", '"1"', 'W/"1"', ' "1" '])
def test_if_match_accepts_the_version_in_any_usual_spelling(api, owner, if_match):
    case = _case(api, owner[0]["id"])
    response = api.client.patch(
        f"/api/v1/cases/{case['id']}",
        json={"summary": "Fixed."},
        headers=api.auth(If_Match=if_match),
    )
    assert response.status_code == 200
    assert response.json()["version"] == 2


def test_a_patch_without_if_match_is_428_and_a_stale_one_412_with_the_current_record(api, owner):
    case = _case(api, owner[0]["id"])
    url = f"/api/v1/cases/{case['id']}"
    missing = api.client.patch(url, json={"summary": "x"}, headers=api.auth())
    assert missing.status_code == 428
    assert "If-Match" in missing.json()["detail"]
    first = api.client.patch(url, json={"summary": "first"}, headers=api.auth(If_Match="1"))
    assert first.status_code == 200
    stale = api.client.patch(url, json={"summary": "second"}, headers=api.auth(If_Match="1"))
    assert stale.status_code == 412
    assert stale.json()["current"] == first.json()
    assert stale.headers["ETag"] == '"2"'
    assert api.client.get(url, headers=api.auth()).json()["summary"] == "first"


@pytest.mark.parametrize("if_match", ["abc", '"1', "*", "99999999999999999999", "-1"])
def test_an_unreadable_if_match_is_400(api, owner, if_match):
    case = _case(api, owner[0]["id"])
    response = api.client.patch(
        f"/api/v1/cases/{case['id']}", json={"summary": "x"}, headers=api.auth(If_Match=if_match)
    )
    assert response.status_code == 400


def test_a_patch_may_not_change_fixed_fields_or_set_a_required_one_to_null(api, owner):
    case = _case(api, owner[0]["id"])
    url = f"/api/v1/cases/{case['id']}"
    for body in (
        {"customer_id": str(uuid.uuid4())},
        {"number": "C-AAAAAAAA"},
        {"version": 9},
        {"category": None},
    ):
        response = api.client.patch(url, json=body, headers=api.auth(If_Match="1"))
        assert response.status_code == 422, body
        assert response.json()["problems"]


def test_an_empty_patch_changes_nothing(api, owner):
    case = _case(api, owner[0]["id"])
    response = api.client.patch(
        f"/api/v1/cases/{case['id']}", json={}, headers=api.auth(If_Match="1")
    )
    assert response.status_code == 200
    assert response.json() == case


def test_a_retry_with_the_same_idempotency_key_creates_one_record(api, owner):
    body = bodies.follow_up(owner[0]["id"])
    headers = api.auth(Idempotency_Key="retry-1")
    first = api.client.post("/api/v1/follow-ups", json=body, headers=headers)
    second = api.client.post("/api/v1/follow-ups", json=body, headers=headers)
    assert first.status_code == second.status_code == 201
    assert first.json() == second.json()
    assert second.headers["ETag"] == first.headers["ETag"]
    history = api.client.get(
        f"/api/v1/customers/{owner[0]['id']}/history", headers=api.auth()
    ).json()
    assert len(history["follow_ups"]) == 1

    other_user = api.client.post(
        "/api/v1/follow-ups", json=body, headers=api.auth(Role.LEAD, Idempotency_Key="retry-1")
    )
    assert other_user.status_code == 201
    assert other_user.json()["id"] != first.json()["id"]

    different = api.client.post(
        "/api/v1/follow-ups", json=bodies.follow_up(owner[0]["id"], reason="Other"), headers=headers
    )
    assert different.status_code == 422
    assert "Idempotency-Key" in different.json()["detail"]


def test_a_retried_patch_replays_instead_of_failing_as_stale(api, owner):
    case = _case(api, owner[0]["id"])
    url = f"/api/v1/cases/{case['id']}"
    headers = api.auth(If_Match="1", Idempotency_Key="patch-1")
    first = api.client.patch(url, json={"status": "pending"}, headers=headers)
    second = api.client.patch(url, json={"status": "pending"}, headers=headers)
    assert first.status_code == second.status_code == 200
    assert second.json() == first.json()
    assert api.client.get(url, headers=api.auth()).json()["version"] == 2


@pytest.mark.parametrize("key", ["", "has space", "x" * 201, "naïve"])
def test_a_malformed_idempotency_key_is_400(api, owner, key):
    response = api.client.post(
        "/api/v1/follow-ups",
        json=bodies.follow_up(owner[0]["id"]),
        headers=api.auth() | {"Idempotency-Key": key.encode("utf-8")},
    )
    assert response.status_code == 400


def test_references_must_exist_and_belong_to_the_same_customer(api, owner):
    customer, product = owner
    nobody = str(uuid.uuid4())
    missing = api.client.post("/api/v1/cases", json=bodies.case(nobody), headers=api.auth())
    assert missing.status_code == 422
    assert missing.json()["problems"] == [
        {"field": "customer_id", "message": "there is no customer with this id"}
    ]
    no_product = api.client.post(
        "/api/v1/cases", json=bodies.case(customer["id"], product_id=nobody), headers=api.auth()
    )
    assert no_product.status_code == 422
    assert no_product.json()["problems"][0]["field"] == "product_id"

    someone_else = api.client.post(
        "/api/v1/customers",
        json=bodies.customer(display_name="Other Person"),
        headers=api.auth(Role.LEAD),
    ).json()
    theirs = api.client.post(
        "/api/v1/cases",
        json=bodies.case(someone_else["id"], product_id=product["id"]),
        headers=api.auth(),
    )
    assert theirs.status_code == 422
    assert "another customer" in theirs.json()["detail"]

    case = _case(api, customer["id"])
    patch = api.client.patch(
        f"/api/v1/cases/{case['id']}", json={"product_id": nobody}, headers=api.auth(If_Match="1")
    )
    assert patch.status_code == 422


@pytest.mark.parametrize("path", [c[0] for c in COLLECTIONS])
def test_unknown_ids_are_404_and_malformed_ids_422(api, path):
    unknown = api.client.get(f"/api/v1/{path}/{uuid.uuid4()}", headers=api.auth())
    assert unknown.status_code == 404
    assert "There is no" in unknown.json()["detail"]
    patch = api.client.patch(
        f"/api/v1/{path}/{uuid.uuid4()}", json={}, headers=api.auth(Role.ADMIN, If_Match="1")
    )
    assert patch.status_code == 404
    malformed = api.client.get(f"/api/v1/{path}/12345", headers=api.auth())
    assert malformed.status_code == 422
    assert malformed.json()["problems"][0]["field"] == "record_id"


def test_resources_are_listed_a_page_at_a_time(api):
    made = []
    for i in range(3):
        response = api.client.post(
            "/api/v1/resources",
            json=bodies.resource(name=f"Desk {i}"),
            headers=api.auth(Role.ADMIN),
        )
        made.append(response.json()["id"])
    first = api.client.get("/api/v1/resources", params={"limit": 2}, headers=api.auth()).json()
    rest = api.client.get(
        "/api/v1/resources", params={"cursor": first["next_cursor"]}, headers=api.auth()
    ).json()
    assert rest["next_cursor"] is None
    assert sorted(item["id"] for item in first["items"] + rest["items"]) == sorted(made)
