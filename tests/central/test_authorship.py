"""Who wrote a record and who changed it come from the token, never from the client; the
change feed keeps who made each change, and leads read it as the record's audit."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta

import pytest
from fastapi.testclient import TestClient

from advocate_console.central.app import create_app
from advocate_console.central.core.settings import CentralSettings
from advocate_console.central.demo import accounts as demo_data
from advocate_console.central.demo.stories.repeat_failure import STORY_REPEAT_FAILURE_CUSTOMER_ID
from advocate_console.central.seed import seed_database
from advocate_console.domain import Role

from . import bodies


@pytest.fixture
def people(api):
    """Who each test user is (id, display name), by role."""
    return {
        role: api.client.get("/api/v1/me", headers=api.auth(role)).json()
        for role in (Role.ADVOCATE, Role.LEAD, Role.ADMIN)
    }


@pytest.fixture
def customer(api):
    """A customer made by the lead."""
    response = api.client.post(
        "/api/v1/customers", json=bodies.customer(), headers=api.auth(Role.LEAD)
    )
    return response.json()


def _post(api, path, body, role=Role.ADVOCATE):
    response = api.client.post(f"/api/v1/{path}", json=body, headers=api.auth(role))
    assert response.status_code == 201, response.text
    return response.json()


def _patch(api, path, record, change, role=Role.ADVOCATE):
    response = api.client.patch(
        f"/api/v1/{path}/{record['id']}",
        json=change,
        headers=api.auth(role, If_Match=str(record["version"])),
    )
    assert response.status_code == 200, response.text
    return response.json()


def test_a_new_record_is_stamped_with_the_token_s_user_whatever_the_client_says(
    api, people, customer
):
    ada = people[Role.ADVOCATE]
    made_up = str(uuid.uuid4())
    note = _post(
        api,
        "interactions",
        bodies.interaction(
            customer["id"], advocate="The CEO", author_id=made_up, author_name="The CEO"
        ),
    )
    assert note["author_id"] == ada["id"]
    assert note["author_name"] == note["advocate"] == "Ada Tester"
    # Never edited: the fields of an edit are left out (None), not sent as nulls.
    assert not {"updated_by_id", "updated_by_name", "updated_at"} & set(note)
    stored = api.client.get(f"/api/v1/interactions/{note['id']}", headers=api.auth()).json()
    assert stored == note
    assert customer["author_id"] == people[Role.LEAD]["id"]


def test_an_update_stamps_who_and_when_and_keeps_the_author(api, people, customer):
    note = _post(api, "interactions", bodies.interaction(customer["id"]))
    before = datetime.now().astimezone()
    edited = _patch(
        api,
        "interactions",
        note,
        {"body": "Called back twice.", "author_name": "Nobody", "advocate": "Nobody"},
        Role.LEAD,
    )
    lead = people[Role.LEAD]
    assert edited["body"] == "Called back twice."
    assert (edited["updated_by_id"], edited["updated_by_name"]) == (lead["id"], "Lee Tester")
    changed_at = datetime.fromisoformat(edited["updated_at"])
    assert before - timedelta(seconds=5) <= changed_at <= datetime.now().astimezone()
    assert (edited["author_id"], edited["author_name"], edited["advocate"]) == (
        note["author_id"],
        "Ada Tester",
        "Ada Tester",
    )


def test_a_patch_of_stamped_fields_alone_changes_nothing(api, customer):
    note = _post(api, "interactions", bodies.interaction(customer["id"]))
    same = _patch(api, "interactions", note, {"author_id": str(uuid.uuid4()), "advocate": "X"})
    assert same == note


def test_whoever_marks_a_follow_up_done_is_stamped(api, people, customer):
    follow_up = _post(api, "follow-ups", bodies.follow_up(customer["id"]), Role.LEAD)
    done = _patch(
        api, "follow-ups", follow_up, {"status": "done", "completed_at": "2026-11-24T15:00:00Z"}
    )
    ada = people[Role.ADVOCATE]
    assert (done["completed_by_id"], done["completed_by_name"]) == (ada["id"], "Ada Tester")
    assert done["author_name"] == done["advocate"] == "Lee Tester"
    reopened = _patch(api, "follow-ups", done, {"status": "open"}, Role.LEAD)
    assert not {"completed_by_id", "completed_by_name"} & set(reopened)


def test_a_case_owner_named_by_display_name_gets_that_user_s_id(api, people, customer):
    mine = _post(api, "cases", bodies.case(customer["id"], owner="Ada Tester"))
    assert mine["owner_id"] == people[Role.ADVOCATE]["id"]
    assigned = _post(
        api, "cases", bodies.case(customer["id"], owner="Ada Tester", owner_id=None), Role.LEAD
    )
    assert assigned["owner_id"] == people[Role.ADVOCATE]["id"]
    handed = _patch(api, "cases", assigned, {"owner": "Ann Tester"}, Role.LEAD)
    assert handed["owner_id"] == people[Role.ADMIN]["id"]
    outside = _patch(api, "cases", handed, {"owner": "A contractor"}, Role.LEAD)
    assert "owner_id" not in outside
    queued = _post(api, "cases", bodies.case(customer["id"]))
    assert queued["owner"] is None
    assert "owner_id" not in queued


def test_an_import_stamps_every_customer(api, people):
    response = api.client.post(
        "/api/v1/customers/import",
        json=[bodies.customer(display_name=f"Imported {i}", phones=[]) for i in range(2)],
        headers=api.auth(Role.ADMIN),
    )
    assert response.status_code == 201, response.text
    for customer_id in response.json()["ids"]:
        record = api.client.get(f"/api/v1/customers/{customer_id}", headers=api.auth()).json()
        assert record["author_id"] == people[Role.ADMIN]["id"]


def test_the_audit_lists_every_version_with_who_and_when(api, people, customer):
    case = _post(api, "cases", bodies.case(customer["id"]))
    second = _patch(api, "cases", case, {"summary": "Still not heating."})
    third = _patch(api, "cases", second, {"status": "pending"}, Role.ADMIN)
    response = api.client.get(f"/api/v1/cases/{case['id']}/audit", headers=api.auth(Role.LEAD))
    assert response.status_code == 200, response.text
    audit = response.json()
    assert (audit["collection"], audit["id"]) == ("cases", case["id"])
    versions = audit["versions"]
    assert [v["version"] for v in versions] == [1, 2, 3]
    assert [v["changed_by_name"] for v in versions] == ["Ada Tester", "Ada Tester", "Ann Tester"]
    assert [v["changed_by_id"] for v in versions] == [
        people[Role.ADVOCATE]["id"],
        people[Role.ADVOCATE]["id"],
        people[Role.ADMIN]["id"],
    ]
    assert [v["record"] for v in versions] == [case, second, third]
    assert [v["changed_fields"] for v in versions] == [[], ["summary"], ["status"]]
    times = [datetime.fromisoformat(v["changed_at"]) for v in versions]
    assert times == sorted(times)
    assert times[-1] == datetime.fromisoformat(third["updated_at"])
    cursors = [v["cursor"] for v in versions]
    assert cursors == sorted(cursors)

    admin = api.client.get(f"/api/v1/cases/{case['id']}/audit", headers=api.auth(Role.ADMIN))
    assert admin.json() == audit


def test_the_audit_is_for_leads_and_admins_only(api, customer):
    note = _post(api, "interactions", bodies.interaction(customer["id"]))
    refused = api.client.get(f"/api/v1/interactions/{note['id']}/audit", headers=api.auth())
    assert refused.status_code == 403
    assert "Only a lead or admin" in refused.json()["detail"]
    anonymous = api.client.get(f"/api/v1/interactions/{note['id']}/audit")
    assert anonymous.status_code == 401
    unknown = api.client.get(
        f"/api/v1/interactions/{uuid.uuid4()}/audit", headers=api.auth(Role.LEAD)
    )
    assert unknown.status_code == 404
    assert "There is no interaction" in unknown.json()["detail"]
    elsewhere = api.client.get(f"/api/v1/cards/{note['id']}/audit", headers=api.auth(Role.LEAD))
    assert elsewhere.status_code == 404


def test_the_demo_users_own_their_seeded_records_and_the_team_keeps_its_names(tmp_path):
    url = f"sqlite:///{tmp_path / 'seeded.sqlite'}"
    seed_database(url, 12, seed=3, demo_users=True)
    app = create_app(CentralSettings(database_url=url, migrate_on_startup=False))
    with TestClient(app) as client:
        signed = client.post(
            "/api/v1/auth/token",
            data={"username": demo_data.DEMO_USERNAME, "password": demo_data.DEMO_PASSWORD},
        ).json()
        demo = signed["advocate"]
        headers = {"Authorization": f"Bearer {signed['access_token']}"}
        history = client.get(
            f"/api/v1/customers/{STORY_REPEAT_FAILURE_CUSTOMER_ID}/history",
            headers=headers,
        ).json()
    entries = history["interactions"] + history["cards"] + history["resolutions"]
    mine = [e for e in entries if e.get("advocate") == demo_data.DEMO_DISPLAY_NAME]
    theirs = [e for e in entries if e.get("advocate") not in (None, demo_data.DEMO_DISPLAY_NAME)]
    assert mine and theirs
    assert {(e["author_id"], e["author_name"]) for e in mine} == {
        (demo["id"], demo_data.DEMO_DISPLAY_NAME)
    }
    assert {e.get("author_id") for e in theirs} == {None}
    owned = [c for c in history["cases"] if c["owner"] == demo_data.DEMO_DISPLAY_NAME]
    assert owned and {c["owner_id"] for c in owned} == {demo["id"]}
