"""Caller search by anything the caller says, history, and bulk import."""

from __future__ import annotations

import threading
import uuid

import anyio
import pytest

from advocate_console.api.schemas import Page
from advocate_console.central.core.reads import read_now
from advocate_console.domain import Customer, History, Role

from . import bodies

CUSTOMERS = "/api/v1/customers"


def _create(api, path, body, role=Role.LEAD):
    response = api.client.post(path, json=body, headers=api.auth(role))
    assert response.status_code == 201, response.text
    return response.json()


@pytest.fixture
def maria(api):
    """Maria Garcia, with a microwave and a case about it."""
    customer = _create(api, CUSTOMERS, bodies.customer())
    product = _create(
        api, "/api/v1/products", bodies.product(customer["id"], serial_number="vr-7771")
    )
    case = _create(api, "/api/v1/cases", bodies.case(customer["id"], product_id=product["id"]))
    _create(
        api,
        CUSTOMERS,
        bodies.customer(display_name="Mario Gómez", phones=["+442079460000"], emails=[]),
    )
    return customer, product, case


def _names(api, q, **params):
    response = api.client.get(CUSTOMERS, params={"q": q, **params}, headers=api.auth())
    assert response.status_code == 200, response.text
    return [item["display_name"] for item in response.json()["items"]]


@pytest.mark.parametrize(
    "q",
    [
        "1-800-GE-CARES",
        "(800) 432-2737",
        "+18004322737",
        "800.432.2737",
        "maria.garcia@example.com",
        "MARIA.GARCIA@EXAMPLE.COM",
        "Maria",
        "maria garc",
        "garcia",
        "garcia m",
        "  GARCIA   MARIA ",
    ],
)
def test_search_finds_the_caller_however_they_are_named(api, maria, q):
    assert _names(api, q) == ["Maria Garcia"]


def test_search_finds_the_caller_by_serial_and_case_number(api, maria):
    _customer, product, case = maria
    assert _names(api, product["serial_number"].lower()) == ["Maria Garcia"]
    assert _names(api, case["number"]) == ["Maria Garcia"]
    assert _names(api, case["number"].replace("C-", "c")) == ["Maria Garcia"]


def test_a_name_prefix_shared_by_two_finds_both_and_nothing_else(api, maria):
    assert sorted(_names(api, "mar")) == ["Maria Garcia", "Mario Gómez"]
    assert _names(api, "mario g") == ["Mario Gómez"]
    assert _names(api, "zebra") == []
    assert _names(api, "+1 555 000 0000") == []


def test_name_search_pages_through_every_match_once(api):
    names = [f"Anna Adams{i:02d}" for i in range(7)] + ["Adams Anna", "Aaron Aardvark"]
    for name in names:
        _create(api, CUSTOMERS, bodies.customer(display_name=name, phones=[], emails=[]))
    seen, cursor = [], None
    while True:
        params = {"q": "a", "limit": 2} | ({"cursor": cursor} if cursor else {})
        page = api.client.get(CUSTOMERS, params=params, headers=api.auth()).json()
        seen += [item["display_name"] for item in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert sorted(seen) == sorted(names)


def test_listing_without_a_query_pages_through_all_customers(api):
    made = {_create(api, CUSTOMERS, bodies.customer(display_name=f"C {i}"))["id"] for i in range(5)}
    seen, cursor = [], None
    for _ in range(10):
        params = {"limit": 2} | ({"cursor": cursor} if cursor else {})
        page = api.client.get(CUSTOMERS, params=params, headers=api.auth()).json()
        seen += [item["id"] for item in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert sorted(seen) == sorted(made)


@pytest.mark.parametrize(
    "params",
    [
        {"cursor": "nonsense"},
        {"cursor": "W10"},
        {"q": "maria", "cursor": "WyJpZCIsIngiXQ"},
        {"limit": 0},
        {"limit": 100_000},
        {"limit": "ten"},
        {"limit": str(2**70)},
        {"q": "x" * 500},
    ],
)
def test_bad_search_parameters_answer_4xx_with_a_reason(api, params):
    response = api.client.get(CUSTOMERS, params=params, headers=api.auth())
    assert response.status_code in (400, 422)
    assert response.json()["detail"]


def test_history_holds_everything_about_the_customer(api, maria):
    customer, product, case = maria
    cid = customer["id"]
    _create(api, "/api/v1/interactions", bodies.interaction(cid, case_id=case["id"]), Role.ADVOCATE)
    _create(api, "/api/v1/resolutions", bodies.resolution(case["id"]), Role.ADVOCATE)
    _create(api, "/api/v1/follow-ups", bodies.follow_up(cid), Role.ADVOCATE)
    _create(api, "/api/v1/cards", bodies.card(cid, case_id=case["id"]), Role.ADVOCATE)
    response = api.client.get(f"{CUSTOMERS}/{cid}/history", headers=api.auth())
    assert response.status_code == 200
    history = response.json()
    assert history["customer"] == customer
    assert history["products"] == [product]
    assert history["cases"] == [case]
    for part in ("interactions", "resolutions", "follow_ups", "cards"):
        assert len(history[part]) == 1, part


def test_history_lists_come_in_their_order_and_search_and_history_write_the_models_json(api, maria):
    cid = maria[0]["id"]
    # Times a fraction of a second apart: "…:00Z" sorts after "…:00.5Z" as text, not in time.
    times = ["2026-03-01T10:00:00.500000Z", "2026-03-01T10:00:00Z", "2026-03-01T10:00:01Z"]
    for at in times:
        body = bodies.interaction(cid, occurred_at=at, summary=f"at {at}")
        _create(api, "/api/v1/interactions", body, Role.ADVOCATE)
    for due in ("2026-05-02T09:00:00Z", "2026-05-01T09:00:00Z"):
        _create(api, "/api/v1/follow-ups", bodies.follow_up(cid, due_at=due), Role.ADVOCATE)
    _create(api, "/api/v1/products", bodies.product(cid, purchase_date=None), Role.LEAD)
    _create(api, "/api/v1/products", bodies.product(cid, purchase_date="2019-01-02"), Role.LEAD)
    _create(api, "/api/v1/cases", bodies.case(cid, opened_at="2020-01-01T00:00:00Z"))
    response = api.client.get(f"{CUSTOMERS}/{cid}/history", headers=api.auth())
    assert response.status_code == 200
    history = History.model_validate_json(response.content)
    assert [i.summary for i in history.interactions] == [
        "at 2026-03-01T10:00:01Z", "at 2026-03-01T10:00:00.500000Z", "at 2026-03-01T10:00:00Z"
    ]  # fmt: skip
    assert [f.due_at.day for f in history.follow_ups] == [1, 2]
    assert [str(p.purchase_date) for p in history.products] == ["2019-01-02", "2024-09-01", "None"]
    assert [c.opened_at.year for c in history.cases] == [2026, 2020]
    # Both are written from the stored records: byte for byte what the models would write.
    assert response.content == history.model_dump_json().encode()
    for params in ({"q": "mar", "limit": 1}, {"q": "+18004322737"}, {"limit": 2}):
        found = api.client.get(CUSTOMERS, params=params, headers=api.auth())
        page = Page[Customer].model_validate_json(found.content)
        assert page.items
        assert found.content == page.model_dump_json().encode()


def test_history_of_an_unknown_customer_is_404(api):
    response = api.client.get(f"{CUSTOMERS}/{uuid.uuid4()}/history", headers=api.auth())
    assert response.status_code == 404
    assert "no customer" in response.json()["detail"]
    bad = api.client.get(f"{CUSTOMERS}/not-a-uuid/history", headers=api.auth())
    assert bad.status_code == 422


def test_bulk_import_creates_all_or_nothing(api):
    body = [
        bodies.customer(display_name=f"Imported {i}", phones=[f"+1502555{i:04d}"])
        for i in range(25)
    ]
    response = api.client.post(f"{CUSTOMERS}/import", json=body, headers=api.auth(Role.LEAD))
    assert response.status_code == 201
    assert response.json()["created"] == 25
    assert _names(api, "+15025550007") == ["Imported 7"]

    existing = response.json()["ids"][0]
    again = [bodies.customer(display_name="New"), bodies.customer(id=existing)]
    conflict = api.client.post(f"{CUSTOMERS}/import", json=again, headers=api.auth(Role.LEAD))
    assert conflict.status_code == 409
    assert _names(api, "new") == []


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ([], 422),
        ({"display_name": "not a list"}, 422),
        ([{"display_name": ""}], 422),
        ([bodies.customer(id="0f8fad5b-d9cb-469f-a165-70867728950e")] * 2, 422),
    ],
)
def test_bad_imports_are_refused_with_a_reason(api, body, status):
    response = api.client.post(f"{CUSTOMERS}/import", json=body, headers=api.auth(Role.ADMIN))
    assert response.status_code == status
    assert response.json()["detail"]


def test_an_import_larger_than_allowed_is_413(api):
    body = [bodies.customer(phones=[], emails=[], address=None)] * 1001
    response = api.client.post(f"{CUSTOMERS}/import", json=body, headers=api.auth(Role.ADMIN))
    assert response.status_code == 413
    assert "1000" in response.json()["detail"]


def test_a_quick_read_waits_for_a_connection_on_a_thread_never_on_the_event_loop(api):
    """Caller search, history, the feed and every token check read on the worker's event
    loop; with every pooled connection taken, waiting there would stall every request,
    stream and heartbeat of the worker, so the read goes to a thread instead."""
    db = api.client.app.state.database

    async def on_the_loop() -> bool:
        loop = threading.get_ident()
        return await read_now(db, lambda: threading.get_ident() == loop)

    assert anyio.run(on_the_loop)
    pool = db.reader.pool
    held = [db.reader.connect() for _ in range(pool.size() + pool._max_overflow)]
    try:
        assert not db.connection_free()
        assert not anyio.run(on_the_loop)
    finally:
        for connection in held:
            connection.close()
    assert anyio.run(on_the_loop)
