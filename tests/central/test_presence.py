"""Two advocates on one case are told of each other: each console says it has the case
open, the answer names the others, the others hear of an arrival or a departure at once
through their event stream, and a console silent for a minute is gone."""

from __future__ import annotations

import json
from datetime import timedelta
from uuid import UUID

import pytest
from sqlalchemy import select, update

from advocate_console.api.presence import GONE_AFTER_SECONDS
from advocate_console.central.core.clock import utc_now
from advocate_console.central.core.database import Database
from advocate_console.central.events.service import read_events
from advocate_console.central.presence.models import PresenceRow
from advocate_console.domain import Role

from . import bodies
from .permission_world import COLLEAGUE, World


@pytest.fixture
def world(api) -> World:
    """A server with a colleague (Bea) and a customer."""
    return World.made(api)


@pytest.fixture
def case(world) -> dict:
    """An open case of the customer."""
    body = bodies.case(world.customer["id"], owner=world.name(Role.ADVOCATE))
    return world.write("cases", Role.ADVOCATE, body)


def _on(world, case, who):
    response = world.api.client.put(
        f"/api/v1/cases/{case['id']}/presence", headers=world.headers(who)
    )
    assert response.status_code == 200, response.text
    return response.json()["here"]


def _off(world, case, who):
    response = world.api.client.delete(
        f"/api/v1/cases/{case['id']}/presence", headers=world.headers(who)
    )
    assert response.status_code == 204, response.text


def _told(world, who) -> list[list[str]]:
    """The names on the case in each presence event ``who``'s consoles were sent."""
    db = Database(world.api.url)
    try:
        events = read_events(db, UUID(world.people[who]["id"]), (0, 0))
    finally:
        db.dispose()
    return [
        [p["name"] for p in json.loads(e.data)["here"]] for e in events if e.event == "presence"
    ]


def test_the_second_on_a_case_sees_the_first_and_the_first_is_told(world, case):
    ada, bea = world.name(Role.ADVOCATE), world.name(COLLEAGUE)
    assert _on(world, case, Role.ADVOCATE) == []

    here = _on(world, case, COLLEAGUE)

    assert [(p["name"], p["how"]) for p in here] == [(ada, "open")]
    assert _told(world, Role.ADVOCATE) == [[ada, bea]]  # Ada's console hears of Bea at once
    assert _told(world, COLLEAGUE) == []
    # Heartbeats change nobody: they tell no one.
    _on(world, case, Role.ADVOCATE)
    _on(world, case, COLLEAGUE)
    assert _told(world, Role.ADVOCATE) == [[ada, bea]]
    assert [p["name"] for p in _on(world, case, Role.ADVOCATE)] == [bea]


def test_who_closes_the_case_disappears_for_the_other(world, case):
    ada = world.name(Role.ADVOCATE)
    _on(world, case, Role.ADVOCATE)
    _on(world, case, COLLEAGUE)

    _off(world, case, COLLEAGUE)

    assert _told(world, Role.ADVOCATE)[-1] == [ada]
    assert _on(world, case, Role.ADVOCATE) == []
    _off(world, case, COLLEAGUE)  # twice is no harm, and tells nobody again
    assert len(_told(world, Role.ADVOCATE)) == 2


def test_a_console_silent_for_a_minute_is_gone(world, case):
    _on(world, case, Role.ADVOCATE)
    _on(world, case, COLLEAGUE)
    db = Database(world.api.url)
    try:
        with db.write() as session:  # Bea's laptop lost its network a while ago
            session.execute(
                update(PresenceRow)
                .where(PresenceRow.user_id == UUID(world.people[COLLEAGUE]["id"]))
                .values(seen_at=utc_now() - timedelta(seconds=GONE_AFTER_SECONDS + 1))
            )
    finally:
        db.dispose()

    assert _on(world, case, Role.ADVOCATE) == []


def test_who_changed_the_case_lately_is_named_too(world, case):
    lead = world.name(Role.LEAD)
    response = world.api.client.patch(
        f"/api/v1/cases/{case['id']}",
        json={"summary": "It leaks again after the repair."},
        headers=world.headers(Role.LEAD, if_match=f'"{case["version"]}"'),
    )
    assert response.status_code == 200, response.text

    here = _on(world, case, Role.ADVOCATE)

    assert [(p["name"], p["how"]) for p in here] == [(lead, "edited")]


def test_an_unknown_case_is_refused_with_a_reason(world):
    response = world.api.client.put(
        "/api/v1/cases/5f0c6a53-9b57-4c43-9c55-4c1d1b4b0a11/presence",
        headers=world.headers(Role.ADVOCATE),
    )
    assert response.status_code == 404
    assert "no case" in response.json()["detail"]


def test_consoles_lost_long_ago_on_other_cases_are_forgotten(world, case):
    other = world.write(
        "cases", Role.ADVOCATE, bodies.case(world.customer["id"], owner=world.name(COLLEAGUE))
    )
    _on(world, other, COLLEAGUE)
    db = Database(world.api.url)
    try:
        with db.write() as session:  # her laptop was lost two hours ago, on that case
            session.execute(update(PresenceRow).values(seen_at=utc_now() - timedelta(hours=2)))
        _on(world, case, Role.ADVOCATE)  # anyone's arrival anywhere tidies up
        with db.read() as session:
            cases = set(session.scalars(select(PresenceRow.case_id)))
    finally:
        db.dispose()
    assert cases == {UUID(case["id"])}
