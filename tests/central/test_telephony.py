"""Phone systems post call events with an integration key; the advocate's console is told."""

from __future__ import annotations

import json

import pytest
import sqlalchemy as sa

from advocate_console.central import cli
from advocate_console.central.calls.service import map_extension
from advocate_console.central.core.database import Database
from advocate_console.central.events.models import EventRow
from advocate_console.central.integrations.service import create_integration
from advocate_console.domain import Role

EVENTS = "/api/v1/telephony/events"


@pytest.fixture
def phone_key(api) -> str:
    db = Database(api.url)
    try:
        return create_integration(db, "pbx")[1]
    finally:
        db.dispose()


def _post(api, key: str, **body):
    return api.client.post(EVENTS, json=body, headers={"Authorization": f"Bearer {key}"})


def _pops(api) -> list[dict]:
    db = Database(api.url)
    try:
        with db.read() as session:
            return [
                json.loads(d)
                for d in session.scalars(sa.select(EventRow.data).order_by(EventRow.id))
            ]
    finally:
        db.dispose()


def test_a_ringing_call_is_offered_answered_and_ended_on_its_advocates_console(api, phone_key):
    ringing = _post(
        api,
        phone_key,
        event="newCall",
        callId="c-1",
        **{"from": "+18004322737"},
        to="+4930123",
        direction="in",
        user="ada",
    )
    assert ringing.status_code == 200, ringing.text
    assert ringing.json() == {"call_id": "c-1", "state": "offered", "user": "ada"}
    assert _post(api, phone_key, event="answer", call_id="c-1").json()["state"] == "answered"
    assert _post(api, phone_key, event="hangup", call_id="c-1").json()["state"] == "ended"
    pops = _pops(api)
    assert [(p["call_event"], p["state"]) for p in pops] == [
        ("newCall", "offered"),
        ("answer", "answered"),
        ("hangup", "ended"),
    ]
    assert pops[0]["number"] == "+18004322737"


def test_an_unanswered_call_is_missed_and_an_extension_names_the_advocate(api, phone_key):
    db = Database(api.url)
    map_extension(db, "201", "lee")
    db.dispose()
    assert (
        _post(
            api, phone_key, event="newCall", call_id="c-2", **{"from": "555"}, extension="201"
        ).json()["user"]
        == "lee"
    )
    assert _post(api, phone_key, event="hangup", call_id="c-2").json()["state"] == "missed"
    unknown = _post(api, phone_key, event="newCall", call_id="c-3", extension="999")
    assert unknown.status_code == 422 and "not mapped" in unknown.json()["detail"]
    nobody = _post(api, phone_key, event="newCall", call_id="c-4", user="nobody")
    assert nobody.status_code == 422
    stray = _post(api, phone_key, event="answer", call_id="never-announced")
    assert stray.status_code == 404


def test_only_a_good_integration_key_may_post(api, phone_key):
    body = {"event": "newCall", "call_id": "c-5", "user": "ada"}
    as_user = api.client.post(EVENTS, json=body, headers=api.auth(Role.ADMIN))
    assert as_user.status_code == 403 and "integration key" in as_user.json()["detail"]
    assert _post(api, "aci_wrong", **body).status_code == 401
    assert api.client.post(EVENTS, json=body).status_code == 401
    # …and the key is no user's token either.
    assert (
        api.client.get("/api/v1/me", headers={"Authorization": f"Bearer {phone_key}"}).status_code
        == 401
    )
    listed = api.client.get("/api/v1/integrations", headers=api.auth(Role.ADMIN)).json()
    assert [i["name"] for i in listed] == ["pbx"] and "key" not in listed[0]
    assert api.client.get("/api/v1/integrations", headers=api.auth()).status_code == 403
    revoked = api.client.delete(
        f"/api/v1/integrations/{listed[0]['id']}", headers=api.auth(Role.ADMIN)
    )
    assert revoked.json()["revoked_at"] is not None
    assert _post(api, phone_key, **body).status_code == 401
    assert _pops(api) == []


def test_create_integration_prints_the_key_last_and_keeps_only_its_hash(capsys, tmp_path):
    url = f"sqlite:///{tmp_path / 'c.sqlite'}"
    assert cli.main(["create-integration", "pbx-berlin", "--database", url]) == 0
    key = capsys.readouterr().out.strip().splitlines()[-1]
    assert key.startswith("aci_") and len(key) > 40
    assert key.encode() not in (tmp_path / "c.sqlite").read_bytes()
    assert cli.main(["create-integration", "pbx-berlin", "--database", url]) == 1
    assert cli.main(["list-integrations", "--database", url]) == 0
    assert "pbx-berlin" in capsys.readouterr().out
    assert cli.main(["revoke-integration", "pbx-berlin", "--database", url]) == 0
