"""One resolution per case: a second is refused with 409 and the first in the answer,
until the case is reopened, which is recorded with who, when and why."""

from __future__ import annotations

import threading
import uuid
from datetime import datetime

import pytest

from advocate_console.domain import Role

from . import bodies
from .permission_world import COLLEAGUE, World


@pytest.fixture
def world(api) -> World:
    """A server with a colleague, a customer and a product."""
    return World.made(api)


def _case(world, author=COLLEAGUE):
    return world.write("cases", author, bodies.case(world.customer["id"], owner=world.name(author)))


def _resolve(world, case, who, **fields):
    return world.api.client.post(
        "/api/v1/resolutions",
        json=bodies.resolution(case["id"], **fields),
        headers=world.headers(who),
    )


def _reopen(world, case, who, reason="It failed again a week later.", **headers):
    return world.api.client.post(
        f"/api/v1/cases/{case['id']}/reopen",
        json={"reason": reason},
        headers=world.headers(who, **headers),
    )


def _get(world, path, record):
    return world.api.client.get(
        f"/api/v1/{path}/{record['id']}", headers=world.headers(Role.LEAD)
    ).json()


def test_a_second_resolution_is_refused_with_the_first_in_the_answer(world):
    case = _case(world)
    first = _resolve(world, case, COLLEAGUE, notes="Replaced it: $310.")
    assert first.status_code == 201, first.text

    second = _resolve(world, case, Role.ADVOCATE, notes="A $100 credit.")

    assert second.status_code == 409
    answer = second.json()
    assert answer["current"] == first.json()
    assert case["number"] in answer["detail"] and "Bea Tester" in answer["detail"]
    assert "Reopen the case first" in answer["detail"]
    # The same as a code and values, for a console to word in its advocate's language.
    assert answer["code"] == "already_resolved"
    assert answer["values"][:2] == [case["number"], "Bea Tester"]
    assert answer["problems"] == [
        {"field": "case_id", "message": "this case already has a resolution"}
    ]
    history = world.api.client.get(
        f"/api/v1/customers/{world.customer['id']}/history", headers=world.headers(Role.LEAD)
    ).json()
    assert [r["id"] for r in history["resolutions"] if r["case_id"] == case["id"]] == [
        first.json()["id"]
    ]


def test_two_resolutions_saved_at_the_same_moment_leave_one(world):
    case = _case(world)
    answers: list[int] = []
    start = threading.Barrier(2)

    def resolve(who) -> None:
        start.wait()
        answers.append(_resolve(world, case, who).status_code)

    threads = [threading.Thread(target=resolve, args=(w,)) for w in (COLLEAGUE, Role.LEAD)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(answers) == [201, 409]


def test_one_advocates_resolutions_of_several_cases_at_once_all_go_through(world):
    # On PostgreSQL each took the advocate's turn (FOR UPDATE of their row) after its
    # Idempotency-Key's row, which holds a share of it: two saves each waited for the
    # other's share, a deadlock answered 503. Now the turn does not wait on shares.
    cases = [_case(world) for _ in range(4)]
    answers: list[int] = []
    start = threading.Barrier(len(cases))

    def resolve(case) -> None:
        start.wait()
        answer = world.api.client.post(
            "/api/v1/resolutions",
            json=bodies.resolution(case["id"]),
            headers=world.headers(COLLEAGUE, Idempotency_Key=str(uuid.uuid4())),
        )
        answers.append(answer.status_code)

    threads = [threading.Thread(target=resolve, args=(case,)) for case in cases]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert answers == [201] * len(cases)


def test_reopening_is_recorded_and_lets_a_new_resolution_stand(world):
    case = _case(world)
    first = _resolve(world, case, COLLEAGUE).json()
    case = world.api.client.patch(
        f"/api/v1/cases/{case['id']}",
        json={"status": "resolved", "closed_at": "2026-11-23T15:00:00Z"},
        headers=world.headers(COLLEAGUE, If_Match=str(case["version"])),
    ).json()
    before = datetime.now().astimezone()

    reopened = _reopen(world, case, Role.LEAD, reason="  Failed again: the door latch.  ")

    assert reopened.status_code == 200, reopened.text
    opened = reopened.json()
    lead = world.people[Role.LEAD]
    assert opened["status"] == "open" and opened["closed_at"] is None
    assert (opened["reopened_by_id"], opened["reopened_by_name"]) == (lead["id"], "Lee Tester")
    assert opened["reopen_reason"] == "Failed again: the door latch."
    assert datetime.fromisoformat(opened["reopened_at"]) >= before.replace(microsecond=0)
    assert opened["version"] == case["version"] + 1
    assert reopened.headers["ETag"] == f'"{opened["version"]}"'
    superseded = _get(world, "resolutions", first)
    assert superseded["superseded_by_name"] == "Lee Tester"
    assert superseded["superseded_at"] == opened["reopened_at"]
    assert superseded["version"] == 2

    audit = world.api.client.get(
        f"/api/v1/cases/{case['id']}/audit", headers=world.headers(Role.ADMIN)
    ).json()
    last = audit["versions"][-1]
    assert (last["changed_by_name"], last["record"]) == ("Lee Tester", opened)
    assert {"status", "reopen_reason", "reopened_at"} <= set(last["changed_fields"])
    feed = world.api.client.get(
        "/api/v1/changes", params={"since": 0}, headers=world.headers(Role.ADVOCATE)
    ).json()
    latest = {c["id"]: c["data"] for c in feed["items"]}
    assert latest[case["id"]] == opened and latest[first["id"]] == superseded

    replacement = _resolve(world, case, Role.ADVOCATE, notes="A $100 credit instead.")
    assert replacement.status_code == 201, replacement.text
    third = _resolve(world, case, COLLEAGUE)
    assert third.status_code == 409
    assert third.json()["current"] == replacement.json()


def test_an_advocate_reopens_only_their_own_or_unassigned_cases(world):
    theirs = _case(world)
    _resolve(world, theirs, COLLEAGUE)
    refused = _reopen(world, theirs, Role.ADVOCATE)
    assert refused.status_code == 403
    assert "You may reopen only your own cases" in refused.json()["detail"]
    assert refused.json()["code"] == "not_your_case_reopen"
    assert _get(world, "cases", theirs)["version"] == theirs["version"]
    assert _reopen(world, theirs, COLLEAGUE).status_code == 200


def test_what_cannot_be_reopened_is_refused_with_a_reason(world):
    case = _case(world, Role.ADVOCATE)
    nothing = _reopen(world, case, Role.ADVOCATE)
    assert nothing.status_code == 409
    assert "nothing to reopen" in nothing.json()["detail"]
    _resolve(world, case, Role.ADVOCATE)
    assert _reopen(world, case, Role.ADVOCATE, reason="   ").status_code == 422
    stale = _reopen(world, case, Role.ADVOCATE, If_Match='"7"')
    assert stale.status_code == 412
    assert stale.json()["current"]["id"] == case["id"]
    missing = world.api.client.post(
        f"/api/v1/cases/{world.customer['id']}/reopen",
        json={"reason": "x"},
        headers=world.headers(Role.LEAD),
    )
    assert missing.status_code == 404


def test_a_retried_reopen_replays_instead_of_reopening_twice(world):
    case = _case(world)
    _resolve(world, case, COLLEAGUE)
    first = _reopen(world, case, Role.LEAD, Idempotency_Key="reopen-1")
    again = _reopen(world, case, Role.LEAD, Idempotency_Key="reopen-1")
    assert first.status_code == again.status_code == 200
    assert first.json() == again.json()
    assert _get(world, "cases", case)["version"] == case["version"] + 1
