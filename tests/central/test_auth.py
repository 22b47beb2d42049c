"""Signing in and out, tokens that are missing, wrong, expired or revoked, and roles."""

from __future__ import annotations

from datetime import timedelta

import pytest

import advocate_console
from advocate_console.domain import Role

from . import bodies
from .conftest import PASSWORD, mint_token

TOKEN = "/api/v1/auth/token"


def test_health_answers_with_the_package_version(api):
    response = api.client.get("/api/v1/health")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "version": advocate_console.__version__}


def test_sign_in_gives_a_token_that_works_until_signed_out(api):
    response = api.client.post(TOKEN, data={"username": "ada", "password": PASSWORD})
    assert response.status_code == 200
    token = response.json()
    assert token["token_type"] == "bearer"
    assert token["expires_in"] == 12 * 3600
    assert token["advocate"]["username"] == "ada"
    headers = {"Authorization": f"Bearer {token['access_token']}"}

    me = api.client.get("/api/v1/me", headers=headers)
    assert me.status_code == 200
    assert me.json() == token["advocate"] | {"display_name": "Ada Tester", "role": "advocate"}

    assert api.client.delete(TOKEN, headers=headers).status_code == 204
    revoked = api.client.get("/api/v1/me", headers=headers)
    assert revoked.status_code == 401
    assert "signed out" in revoked.json()["detail"]
    assert revoked.headers["WWW-Authenticate"] == "Bearer"


@pytest.mark.parametrize(
    ("username", "password"), [("ada", "wrong"), ("nobody", PASSWORD), ("ada", "")]
)
def test_wrong_credentials_are_refused_with_a_reason(api, username, password):
    response = api.client.post(TOKEN, data={"username": username, "password": password})
    assert response.status_code in (401, 422)
    assert response.json()["detail"]
    if response.status_code == 401:
        assert response.headers["WWW-Authenticate"] == "Bearer"


def test_sign_in_without_a_form_names_the_missing_fields(api):
    response = api.client.post(TOKEN, data={"username": "ada"})
    assert response.status_code == 422
    # pydantic's code and its values (the field first) too, for a console to word.
    assert {
        "field": "password",
        "message": "is required",
        "code": "missing",
        "values": ["password"],
    } in response.json()["problems"]


@pytest.mark.parametrize(
    ("headers", "reason"),
    [
        ({}, "Sign in first"),
        ({"Authorization": "Bearer not-a-token"}, "not recognised"),
        ({"Authorization": "Basic YWRhOnB3"}, "Sign in first"),
    ],
)
def test_missing_or_unknown_tokens_answer_401_with_a_reason(api, headers, reason):
    response = api.client.get("/api/v1/me", headers=headers)
    assert response.status_code == 401
    assert reason in response.json()["detail"]
    assert response.headers["WWW-Authenticate"] == "Bearer"


def test_a_token_stops_working_when_the_server_clock_passes_its_expiry(api):
    response = api.client.post(TOKEN, data={"username": "ada", "password": PASSWORD})
    headers = {"Authorization": f"Bearer {response.json()['access_token']}"}
    api.clock.advance(timedelta(hours=11, minutes=59))
    assert api.client.get("/api/v1/me", headers=headers).status_code == 200
    api.clock.advance(timedelta(minutes=1))
    expired = api.client.get("/api/v1/me", headers=headers)
    assert expired.status_code == 401
    assert "expired" in expired.json()["detail"]


def test_an_expired_token_answers_401(api):
    token = mint_token(api.url, "ada", lifetime=timedelta(seconds=-1))
    response = api.client.get("/api/v1/me", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 401
    assert "expired" in response.json()["detail"]


@pytest.mark.parametrize(
    "path",
    ["/api/v1/customers", "/api/v1/changes", "/api/v1/resources", "/api/v1/cases/" + "0" * 32],
)
def test_every_read_needs_a_token(api, path):
    assert api.client.get(path).status_code == 401


def test_an_advocate_may_not_create_resources_nor_set_a_customers_value_or_replacements(api):
    # The business's figures (tier, lifetime value) are for leads and imports.
    customer = api.client.post("/api/v1/customers", json=bodies.customer(), headers=api.auth())
    assert customer.status_code == 403
    assert "lifetime_value_cents" in customer.json()["detail"]
    made = api.client.post(
        "/api/v1/customers", json=bodies.customer(), headers=api.auth(Role.LEAD)
    ).json()
    unit = api.client.post("/api/v1/products", json=bodies.product(made["id"]), headers=api.auth())
    for path, body in (
        ("/api/v1/products", bodies.product(made["id"], replaced_by_id=unit.json()["id"])),
        ("/api/v1/resources", bodies.resource()),
        ("/api/v1/customers/import", [bodies.customer()]),
    ):
        assert api.client.post(path, json=body, headers=api.auth()).status_code == 403
        assert api.client.post(path, json=body, headers=api.auth(Role.ADMIN)).status_code == 201
    patch = api.client.patch(
        f"/api/v1/customers/{made['id']}",
        json={"tier": "gold"},
        headers=api.auth(If_Match='"1"'),
    )
    assert patch.status_code == 403
    assert "tier" in patch.json()["detail"]


def test_an_advocate_may_note_a_new_callers_product(api):
    # A new caller reads the product off its label: the warranty badge works at once.
    new = bodies.customer(lifetime_value_cents=0, tier="standard")
    made = api.client.post("/api/v1/customers", json=new, headers=api.auth()).json()
    created = api.client.post(
        "/api/v1/products", json=bodies.product(made["id"]), headers=api.auth()
    )
    assert created.status_code == 201, created.text


def test_an_advocate_may_note_a_new_caller_and_correct_contact_details(api):
    # A caller who is not in the system yet: the advocate takes their contact details.
    new = bodies.customer(
        display_name="Priya Raman",
        phones=["+1 415 555 0199"],
        lifetime_value_cents=0,
        tier="standard",
    )
    created = api.client.post("/api/v1/customers", json=new, headers=api.auth())
    assert created.status_code == 201, created.text
    assert created.json()["tier"] == "standard"
    patch = api.client.patch(
        f"/api/v1/customers/{created.json()['id']}",
        json={"emails": ["priya@example.com"], "display_name": "Priya K. Raman"},
        headers=api.auth(If_Match='"1"'),
    )
    assert patch.status_code == 200, patch.text
    assert patch.json()["display_name"] == "Priya K. Raman"


def test_the_openapi_document_and_docs_are_published_with_stable_operation_ids(api):
    document = api.client.get("/api/v1/openapi.json").json()
    operation_ids = {
        operation["operationId"]
        for path in document["paths"].values()
        for operation in path.values()
    }
    assert {
        "health",
        "sign_in",
        "sign_out",
        "who_am_i",
        "search_customers",
        "get_customer_history",
        "import_customers",
        "list_changes",
        "list_resources",
        "create_follow_up",
        "update_case",
        "get_card",
    } <= operation_ids
    assert "/api/v1/follow-ups/{record_id}" in document["paths"]
    assert api.client.get("/api/v1/docs").status_code == 200


def test_a_write_checks_the_token_as_every_route_does_and_writes_nothing_without_one(api):
    """Writes check the token on their own transaction's connection: the same refusals,
    before the Idempotency-Key's and If-Match's own, and nothing written. (A body that
    is not valid is a 422 before that, as a read's bad parameters are.)"""
    made = api.client.post(
        "/api/v1/customers", json=bodies.customer(), headers=api.auth(Role.LEAD)
    ).json()
    note = bodies.interaction(made["id"])
    expired = mint_token(api.url, "ada", lifetime=timedelta(seconds=-1))
    for headers, reason in (
        ({}, "Sign in first"),
        ({"Authorization": "Bearer not-a-token"}, "not recognised"),
        ({"Authorization": f"Bearer {expired}"}, "expired"),
    ):
        bad_key = headers | {"Idempotency-Key": "not a key"}
        for method, path, body in (
            ("POST", "/api/v1/interactions", note),
            ("PATCH", f"/api/v1/customers/{made['id']}", {"display_name": "Renamed"}),
        ):
            answer = api.client.request(method, path, json=body, headers=bad_key)
            assert answer.status_code == 401, answer.text
            assert reason in answer.json()["detail"]
    _must_change_password(api.url, "ada")
    answer = api.client.post("/api/v1/interactions", json=note, headers=api.auth())
    assert answer.status_code == 403
    assert answer.json()["code"] == "change_password_first"
    changes = api.client.get("/api/v1/changes", headers=api.auth(Role.LEAD)).json()["items"]
    assert [item["collection"] for item in changes] == ["customers"]


def _must_change_password(url: str, username: str) -> None:
    import sqlalchemy as sa

    from advocate_console.central.auth.models import AdvocateRow
    from advocate_console.central.core.database import Database

    db = Database(url)
    with db.write() as session:
        row = session.scalars(sa.select(AdvocateRow).where(AdvocateRow.username == username))
        row.one().password_change_required = True
    db.dispose()
