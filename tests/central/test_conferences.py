"""The conference API on its own: what it checks, what it writes for the bridge, who may
see and steer a conference, and what it says when no bridge is alive. (With a real
bridge and real phones: tests/telephony/test_bridge_*.py.)"""

from __future__ import annotations

import json
import uuid
from datetime import timedelta

import sqlalchemy as sa

from advocate_console.central.auth.models import AdvocateRow
from advocate_console.central.conferences import reports
from advocate_console.central.conferences.models import BridgeRow
from advocate_console.central.core.clock import utc_now
from advocate_console.central.core.database import Database
from advocate_console.central.events import service as events
from advocate_console.domain import Role
from advocate_console.domain.conference import LegState

from . import bodies
from .conftest import USERS

CONFERENCES = "/api/v1/conferences"
MAYA_DESK = "sip:maya@pbx.example.com"


def _post(api, path, body, role=Role.ADVOCATE):
    return api.client.post(path, json=body, headers=api.auth(role))


def _bridge(api, name: str = "bridge-test") -> uuid.UUID:
    """A bridge registered as the real one registers (no calls will be placed)."""
    db = Database(api.url)
    try:
        return reports.register_bridge(db, "pbx.example.com", name)
    finally:
        db.dispose()


def _case(api):
    customer = _post(api, "/api/v1/customers", bodies.customer(phones=[]), Role.LEAD).json()
    return _post(api, "/api/v1/cases", bodies.case(customer["id"])).json()


def _start(api, **fields):
    body = {"advocate_phone": MAYA_DESK, "customer": "(502) 555-0101"} | fields
    response = _post(api, CONFERENCES, body)
    assert response.status_code == 201, response.text
    return response.json()


def test_without_a_running_bridge_a_conference_is_refused_with_the_reason(api):
    response = _post(api, CONFERENCES, {"advocate_phone": MAYA_DESK, "customer": "+15025550101"})
    assert response.status_code == 503
    assert "No conference bridge is running" in response.json()["detail"]


def test_a_conference_rings_the_advocate_first_and_the_customer_waits(api):
    bridge_id = _bridge(api)
    case = _case(api)
    conference = _start(api, case_id=case["id"], customer_name="Margaret O'Donnell")
    advocate, customer = conference["legs"]
    assert (advocate["role"], advocate["state"], advocate["target"]) == (
        "advocate",
        "dialing",
        MAYA_DESK,
    )
    assert (customer["role"], customer["state"], customer["label"]) == (
        "customer",
        "waiting",
        "Margaret O'Donnell",
    )
    assert conference["bridge"] == "running" and conference["live"]
    assert conference["address"].startswith("sip:conf-")
    assert conference["address"].endswith("@pbx.example.com")
    # The bridge learns of it by its counter moving, and reads it as work.
    db = Database(api.url)
    try:
        assert reports.wanted(db, bridge_id) == 1
        [work] = reports.work(db, bridge_id)
        assert [leg.role.value for leg in work.legs] == ["advocate", "customer"]
    finally:
        db.dispose()


def test_a_resource_leg_is_a_call_attempt_and_helped_is_recorded_on_it(api):
    _bridge(api)
    case = _case(api)
    anil = _post(api, "/api/v1/resources", bodies.resource(name="Anil Varghese"), Role.LEAD)
    conference = _start(api, case_id=case["id"])
    leg = _post(api, f"{CONFERENCES}/{conference['id']}/legs", {"resource_id": anil.json()["id"]})
    assert leg.status_code == 201, leg.text
    leg = leg.json()
    assert (leg["label"], leg["role"], leg["state"]) == ("Anil Varghese", "resource", "waiting")
    attempt = api.client.get(f"/api/v1/call-attempts/{leg['attempt_id']}", headers=api.auth())
    assert attempt.json()["via"] == "bridge"
    assert attempt.json()["case_id"] == case["id"]
    path = f"{CONFERENCES}/{conference['id']}/legs/{leg['id']}"
    changed = api.client.patch(path, json={"helped": True}, headers=api.auth())
    assert changed.status_code == 200, changed.text
    attempt = api.client.get(f"/api/v1/call-attempts/{leg['attempt_id']}", headers=api.auth())
    assert (attempt.json()["helped"], attempt.json()["version"]) == (True, 2)


def test_a_new_conference_goes_to_the_bridge_with_the_fewest_calls(api):
    """A bridge holds a few calls (PyPI's PJSIP four), not a few conferences: one
    conference of four parties makes its bridge busier than one of two."""
    _bridge(api, "first")
    _bridge(api, "second")
    full = _start(api)
    for number in ("+1 (502) 555-0198", "+1 (502) 555-0199"):
        leg = _post(api, f"{CONFERENCES}/{full['id']}/legs", {"target": number})
        assert leg.status_code == 201, leg.text
    small = _start(api)
    assert small["bridge_name"] != full["bridge_name"]  # 0 calls against 4
    third = _start(api)  # one conference each, but 2 calls against 4
    assert third["bridge_name"] == small["bridge_name"]


def test_wishes_are_kept_on_the_leg_for_the_bridge(api):
    _bridge(api)
    conference = _start(api)
    leg = _post(
        api,
        f"{CONFERENCES}/{conference['id']}/legs",
        {"target": "+1 (502) 555-0199", "label": "Warranty desk", "ask_first": True},
    ).json()
    assert leg["consult"] is True
    path = f"{CONFERENCES}/{conference['id']}/legs/{leg['id']}"
    held = api.client.patch(path, json={"on_hold": True}, headers=api.auth()).json()
    assert held["on_hold"] is True
    joined = api.client.patch(path, json={"joined": True}, headers=api.auth()).json()
    assert (joined["on_hold"], joined["consult"]) == (False, False)


def test_bad_targets_and_bodies_are_refused_with_the_field(api):
    _bridge(api)
    for body, field in (
        ({"advocate_phone": "sip:nobody"}, "advocate_phone"),
        ({"advocate_phone": "call me"}, "advocate_phone"),
        ({"advocate_phone": MAYA_DESK}, ""),  # no customer to call back
    ):
        response = _post(api, CONFERENCES, body)
        assert response.status_code == 422, body
        assert response.json()["detail"], body
        if field:
            assert response.json()["problems"][0]["field"] == field
    conference = _start(api)
    legs = f"{CONFERENCES}/{conference['id']}/legs"
    assert _post(api, legs, {}).status_code == 422
    assert _post(api, legs, {"resource_id": str(uuid.uuid4())}).status_code == 422
    path = f"{legs}/{conference['legs'][0]['id']}"
    assert api.client.patch(path, json={}, headers=api.auth()).status_code == 422
    assert api.client.patch(path, json={"volume": 11}, headers=api.auth()).status_code == 422


def test_only_its_advocate_or_a_lead_sees_and_steers_a_conference(api):
    _bridge(api)
    conference = _start(api)
    path = f"{CONFERENCES}/{conference['id']}"
    assert api.client.get(path, headers=api.auth(Role.LEAD)).status_code == 200
    assert api.client.get(f"{CONFERENCES}/{uuid.uuid4()}", headers=api.auth()).status_code == 404
    assert api.client.get(path).status_code == 401
    mine = api.client.get(CONFERENCES, headers=api.auth()).json()["items"]
    assert [c["id"] for c in mine] == [conference["id"]]
    assert api.client.get(CONFERENCES, headers=api.auth(Role.LEAD)).json()["items"] == []


def test_a_conference_on_a_bridge_that_stopped_talking_is_reported_lost(api):
    bridge_id = _bridge(api)
    conference = _start(api)
    _silence(api, bridge_id)
    path = f"{CONFERENCES}/{conference['id']}"
    seen = api.client.get(path, headers=api.auth()).json()
    assert (seen["bridge"], seen["live"]) == ("lost", False)
    assert {leg["state"] for leg in seen["legs"]} == {"lost"}
    added = _post(api, f"{path}/legs", {"target": "+15025550199"})
    assert added.status_code == 409
    assert "bridge" in added.json()["detail"]
    ended = api.client.delete(path, headers=api.auth())
    assert ended.status_code == 200 and ended.json()["ended_at"] is not None
    assert {leg["state"] for leg in ended.json()["legs"]} == {"lost"}
    assert api.client.get(CONFERENCES, headers=api.auth()).json()["items"] == []


def _silence(api, bridge_id: uuid.UUID) -> None:
    """The bridge's last heartbeat was a minute ago (it was killed)."""
    engine = sa.create_engine(api.url)
    with engine.begin() as connection:
        connection.execute(
            sa.update(BridgeRow)
            .where(BridgeRow.id == bridge_id)
            .values(seen_at=utc_now() - timedelta(minutes=1))
        )
    engine.dispose()


def _pushed(db: Database, user_id: uuid.UUID, after: tuple[int, int]) -> list[tuple[str, dict]]:
    """The events published for ``user_id`` after ``after``, name and data."""
    return [(e.event, json.loads(e.data)) for e in events.read_events(db, user_id, after)]


def test_every_leg_change_and_the_end_are_pushed_to_the_conferences_advocate(api):
    db = Database(api.url)
    try:
        bridge_id = _bridge(api)
        ada, lee = (_user_id(db, USERS[role]) for role in (Role.ADVOCATE, Role.LEAD))
        since = {who: events.tail_position(db, who) for who in (ada, lee)}
        conference = _start(api)
        advocate, customer = (leg["id"] for leg in conference["legs"])
        path = f"{CONFERENCES}/{conference['id']}"
        # What the bridge reports (as it does: report_legs, then conference_ended).
        reports.report_legs(
            db, [reports.LegReport(uuid.UUID(advocate), {"state": LegState.RINGING})]
        )
        reports.report_legs(
            db,
            [
                reports.LegReport(
                    uuid.UUID(advocate), {"state": LegState.CONNECTED, "joined": True}
                ),
                reports.LegReport(uuid.UUID(customer), {"state": LegState.DIALING}),
            ],
        )
        # A lead steering it: the news goes to the conference's advocate, not the lead.
        held = api.client.patch(
            f"{path}/legs/{customer}", json={"on_hold": True}, headers=api.auth(Role.LEAD)
        )
        assert held.status_code == 200, held.text
        assert api.client.delete(path, headers=api.auth()).status_code == 200
        ended = {"state": LegState.ENDED, "joined": False}
        reports.report_legs(
            db, [reports.LegReport(uuid.UUID(leg), ended) for leg in (advocate, customer)]
        )
        reports.conference_ended(db, uuid.UUID(conference["id"]))
        pushed = _pushed(db, ada, since[ada])
        assert {data["conference_id"] for _, data in pushed} == {conference["id"]}
        legs = [(data["leg"]["role"], data["leg"]["state"]) for name, data in pushed[:-1]]
        assert {name for name, _ in pushed[:-1]} == {"conference_leg"}
        assert legs == [
            ("advocate", "dialing"),
            ("customer", "waiting"),
            ("advocate", "ringing"),
            ("advocate", "connected"),
            ("customer", "dialing"),
            ("customer", "dialing"),  # held
            ("advocate", "ended"),
            ("customer", "ended"),
        ]
        assert pushed[5][1]["leg"]["on_hold"] is True
        name, data = pushed[-1]
        assert name == "conference_ended"
        assert data["conference"]["live"] is False and data["conference"]["ended_at"]
        assert {leg["state"] for leg in data["conference"]["legs"]} == {"ended"}
        assert _pushed(db, lee, since[lee]) == []

        # A conference whose bridge died, ended: each live leg lost, then the end.
        second = _start(api)
        since[ada] = events.tail_position(db, ada)
        _silence(api, bridge_id)
        assert api.client.delete(f"{CONFERENCES}/{second['id']}", headers=api.auth()).is_success
        pushed = _pushed(db, ada, since[ada])
        assert [(name, data.get("leg", {}).get("state")) for name, data in pushed] == [
            ("conference_leg", "lost"),
            ("conference_leg", "lost"),
            ("conference_ended", None),
        ]
        assert pushed[-1][1]["conference"]["live"] is False
    finally:
        db.dispose()


def _user_id(db: Database, username: str) -> uuid.UUID:
    with db.read() as session:
        return session.scalar(sa.select(AdvocateRow.id).where(AdvocateRow.username == username))
