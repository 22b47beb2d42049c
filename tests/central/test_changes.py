"""The change feed: every write, in commit order, and a cursor that never skips one."""

from __future__ import annotations

import json
import threading

import pytest

from advocate_console.api.feed import read_feed_page
from advocate_console.api.schemas import MAX_CHANGES_PAGE, ChangePage
from advocate_console.domain import Role

from . import bodies

CHANGES = "/api/v1/changes"


def _feed(api, since=0, limit=1000):
    response = api.client.get(CHANGES, params={"since": since, "limit": limit}, headers=api.auth())
    assert response.status_code == 200, response.text
    return response.json()


def test_every_create_and_update_appears_in_order_with_its_record(api):
    customer = api.client.post(
        "/api/v1/customers", json=bodies.customer(), headers=api.auth(Role.LEAD)
    ).json()
    case = api.client.post(
        "/api/v1/cases", json=bodies.case(customer["id"]), headers=api.auth()
    ).json()
    created = _feed(api)
    patched = api.client.patch(
        f"/api/v1/cases/{case['id']}", json={"status": "pending"}, headers=api.auth(If_Match="1")
    ).json()
    page = _feed(api, since=created["next_cursor"])
    changes = created["items"] + page["items"]
    assert [(c["collection"], c["id"], c["version"]) for c in changes] == [
        ("customers", customer["id"], 1),
        ("cases", case["id"], 1),
        ("cases", case["id"], 2),
    ]
    assert [c["data"] for c in changes] == [customer, case, patched]
    cursors = [c["cursor"] for c in changes]
    assert cursors == sorted(cursors)
    assert page["next_cursor"] == cursors[-1]
    assert page["has_more"] is False
    empty = _feed(api, since=page["next_cursor"])
    assert empty == {"items": [], "next_cursor": page["next_cursor"], "has_more": False}


def test_the_feed_is_exactly_the_change_page_its_schema_promises(api):
    customer = api.client.post(
        "/api/v1/customers",
        json=bodies.customer(display_name="Zoë Ångström \u201cZed\u201d"),
        headers=api.auth(Role.LEAD),
    ).json()
    api.client.post("/api/v1/cases", json=bodies.case(customer["id"]), headers=api.auth())
    for limit, has_more in ((1, True), (1000, False)):
        response = api.client.get(CHANGES, params={"since": 0, "limit": limit}, headers=api.auth())
        assert response.headers["content-type"] == "application/json"
        page = ChangePage.model_validate_json(response.content)
        assert len(page.items) == (limit if has_more else 2)
        assert page.has_more is has_more
        # Written from the stored JSON, it is byte for byte what the model would write.
        assert response.content == page.model_dump_json().encode()
        records = read_feed_page(response.content)
        assert records.items[0].record().display_name == "Zoë Ångström “Zed”"
    schema = api.client.get("/api/v1/openapi.json").json()
    answer = schema["paths"]["/api/v1/changes"]["get"]["responses"]["200"]
    assert answer["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/ChangePage"
    }
    assert json.loads(response.content)["next_cursor"] == page.items[-1].cursor


def test_paging_through_the_feed_sees_each_change_once(api):
    customer = api.client.post(
        "/api/v1/customers", json=bodies.customer(), headers=api.auth(Role.LEAD)
    ).json()
    for i in range(9):
        api.client.post(
            "/api/v1/interactions",
            json=bodies.interaction(customer["id"], summary=f"n{i}"),
            headers=api.auth(),
        )
    seen, since = [], 0
    while True:
        page = _feed(api, since=since, limit=4)
        seen += page["items"]
        since = page["next_cursor"]
        if not page["has_more"]:
            break
    assert len(seen) == 10
    assert [c["data"].get("summary") for c in seen[1:]] == [f"n{i}" for i in range(9)]


@pytest.mark.parametrize(
    "params",
    [
        {"since": -1},
        {"since": "x"},
        {"since": 2**64},
        {"limit": 0},
        {"limit": MAX_CHANGES_PAGE + 1},
    ],
)
def test_bad_cursors_and_limits_are_422(api, params):
    response = api.client.get(CHANGES, params=params, headers=api.auth())
    assert response.status_code == 422
    assert response.json()["problems"]


def test_a_reader_polling_during_concurrent_writes_misses_nothing(api):
    customer = api.client.post(
        "/api/v1/customers", json=bodies.customer(), headers=api.auth(Role.LEAD)
    ).json()
    start = _feed(api)["next_cursor"]
    writers, per_writer = 4, 15
    done = threading.Event()
    errors: list[str] = []

    def write(n: int) -> None:
        for i in range(per_writer):
            response = api.client.post(
                "/api/v1/interactions",
                json=bodies.interaction(customer["id"], summary=f"w{n}-{i}"),
                headers=api.auth(),
            )
            if response.status_code != 201:
                errors.append(response.text)

    threads = [threading.Thread(target=write, args=(n,)) for n in range(writers)]
    for thread in threads:
        thread.start()
    seen: list[dict] = []
    since = start
    while True:
        finished = done.is_set()
        page = _feed(api, since=since, limit=7)
        seen += page["items"]
        since = page["next_cursor"]
        if finished and not page["has_more"]:
            break
        if not any(thread.is_alive() for thread in threads):
            done.set()
    for thread in threads:
        thread.join()
    assert errors == []
    summaries = [c["data"]["summary"] for c in seen]
    assert sorted(summaries) == sorted(
        f"w{n}-{i}" for n in range(writers) for i in range(per_writer)
    )
    assert len(set(c["cursor"] for c in seen)) == len(seen)


def test_a_reader_far_behind_is_read_on_a_thread_with_the_same_page_and_refusals(api):
    """A page after a cursor far below the pages read lately is read on a thread at once
    (``long_to_read``), its token checked there: the same page, the same 401s."""
    from advocate_console.central.changes.service import AT_ONCE, long_to_read, read_changes
    from advocate_console.central.records.service import save
    from advocate_console.domain import Collection
    from tests import factories

    db = api.client.app.state.database
    with db.write() as session:
        for i in range(3 * AT_ONCE):
            save(session, Collection.CUSTOMERS, factories.customer(display_name=f"c{i}"), new=True)
    head = _feed(api, since=3 * AT_ONCE - 5, limit=500)  # read on the event loop
    assert len(head["items"]) == 5
    assert long_to_read(db, 0, 500) and not long_to_read(db, 0, AT_ONCE)
    response = api.client.get(CHANGES, params={"since": 0, "limit": 500}, headers=api.auth())
    assert response.content == read_changes(db, 0, 500)
    assert len(response.json()["items"]) == 3 * AT_ONCE
    for headers, reason in (
        ({}, "Sign in first"),
        (api.auth() | {"Authorization": "Bearer x"}, "not recognised"),
    ):
        refused = api.client.get(CHANGES, params={"since": 0, "limit": 500}, headers=headers)
        assert refused.status_code == 401
        assert reason in refused.json()["detail"]
