"""Malformed, oversized and hostile requests get a 4xx with a reason, never a 500."""

from __future__ import annotations

import uuid

import pytest

from advocate_console.domain import Role

from . import bodies


@pytest.fixture
def customer_id(api):
    """A customer to point records at."""
    response = api.client.post(
        "/api/v1/customers", json=bodies.customer(), headers=api.auth(Role.LEAD)
    )
    return response.json()["id"]


def _post(api, path, **kwargs):
    headers = api.auth(Role.ADMIN) | kwargs.pop("headers", {})
    return api.client.post(path, headers=headers, **kwargs)


@pytest.mark.parametrize(
    ("content", "content_type", "status"),
    [
        (b'{"display_name": ', "application/json", 400),
        (b"\xff\xfe\x00", "application/json", 422),
        (b"[1, 2, 3]", "application/json", 422),
        (b'"just a string"', "application/json", 422),
        (b"display_name=x", "application/x-www-form-urlencoded", 422),
        (b"<xml/>", "application/xml", 415),
        (b'{"display_name": "x"}', "text/plain", 415),
        (b"", "application/json", 422),
    ],
)
def test_malformed_bodies_and_wrong_content_types(api, content, content_type, status):
    response = _post(
        api, "/api/v1/customers", content=content, headers={"Content-Type": content_type}
    )
    assert response.status_code == status
    assert response.json()["detail"]


@pytest.mark.parametrize(
    "field",
    [
        {"display_name": "Nul\u0000Byte"},
        {"emails": ["a\u0000@example.com"]},
        {"address": {"lines": ["1 Main\u0000"], "city": "X"}},
    ],
)
def test_nul_characters_are_refused_before_reaching_the_database(api, field):
    response = _post(api, "/api/v1/customers", json=bodies.customer(**field))
    assert response.status_code == 422
    assert "NUL" in response.json()["detail"]


def test_an_escaped_backslash_before_u0000_is_ordinary_text(api):
    response = _post(
        api, "/api/v1/customers", json=bodies.customer(display_name="Back\\u0000slash")
    )
    assert response.status_code == 201
    assert response.json()["display_name"] == "Back\\u0000slash"


@pytest.mark.parametrize("query", ["q=%00", "q=a%00b", "cursor=%00"])
def test_nul_in_the_query_string_is_refused(api, query):
    response = api.client.get(f"/api/v1/customers?{query}", headers=api.auth())
    assert response.status_code == 422


@pytest.mark.parametrize("value", [2**63, -(2**63) - 1, 10**30, 1e308, "1" * 5000])
def test_integers_out_of_range_are_422(api, customer_id, value):
    response = _post(api, "/api/v1/customers", json=bodies.customer(lifetime_value_cents=value))
    assert response.status_code == 422
    card = _post(api, "/api/v1/cards", json=bodies.card(customer_id, gift_value_cents=value))
    assert card.status_code == 422


def test_a_body_over_the_limit_is_413_with_or_without_content_length(api):
    huge = b'{"display_name": "' + b"x" * (3 * 1024 * 1024) + b'"}'
    response = _post(
        api, "/api/v1/customers", content=huge, headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 413
    assert "KiB" in response.json()["detail"]

    def chunks():
        for _ in range(40):
            yield b"x" * 100_000

    streamed = _post(
        api, "/api/v1/customers", content=chunks(), headers={"Content-Type": "application/json"}
    )
    assert streamed.status_code == 413


@pytest.mark.parametrize(
    "body",
    [
        {"opened_at": "9999-12-31T23:59:59-05:00"},
        {"opened_at": "0001-01-01T00:00:00+05:00"},
        {"opened_at": "not a date"},
        {"customer_id": "not-a-uuid"},
        {"customer_id": None},
        {"channel": "pigeon"},
        {"category": "x" * 300},
        {"summary": ["a list"]},
        {"unknown_field": 1},
    ],
)
def test_bad_field_values_are_422_with_per_field_problems(api, customer_id, body):
    response = _post(api, "/api/v1/cases", json=bodies.case(customer_id) | body)
    assert response.status_code == 422
    problems = response.json()["problems"]
    assert problems and all(problem["message"] for problem in problems)


def test_unknown_addresses_and_methods_answer_json(api):
    missing = api.client.get("/api/v1/nothing-here", headers=api.auth())
    assert missing.status_code == 404
    assert missing.json()["detail"]
    wrong_method = api.client.put(f"/api/v1/cases/{uuid.uuid4()}", json={}, headers=api.auth())
    assert wrong_method.status_code == 405
    assert wrong_method.json()["detail"]


def test_an_oversized_or_odd_bearer_token_is_just_401(api):
    for token in ("x" * 10_000, "ä-ö", "Bearer Bearer"):
        response = api.client.get(
            "/api/v1/me", headers={"Authorization": f"Bearer {token}".encode()}
        )
        assert response.status_code == 401
