"""Approvals on the server: asked once however often sent, answered by a lead (never the
requester) with If-Match, told to the right people, and letting through exactly what was
approved for that case."""

from __future__ import annotations

import uuid
from concurrent.futures import ThreadPoolExecutor

from advocate_console.central.auth.service import create_advocate
from advocate_console.central.core.database import Database
from advocate_console.domain import Role

from .casework import REFUND_150, ask, decide, events_of, open_case, resolve, user_id
from .conftest import PASSWORD, mint_token


def _approved(api, case_id: str, remedies=REFUND_150) -> dict:
    asked = ask(api, case_id, remedies)
    assert asked.status_code == 201, asked.text
    decided = decide(api, asked.json(), "approved")
    assert decided.status_code == 200, decided.text
    return decided.json()


def test_a_request_is_made_once_however_often_it_is_sent(api):
    case_id = open_case(api)
    approval_id = str(uuid.uuid4())
    first = ask(api, case_id, REFUND_150, approval_id=approval_id)
    assert first.status_code == 201, first.text
    assert first.headers["ETag"] == '"1"'
    assert first.headers["Location"].endswith(f"/approvals/{approval_id}")
    made = first.json()
    assert (made["status"], made["version"], made["requester_name"]) == ("pending", 1, "Ada Tester")
    assert made["requester_id"] == str(user_id(api, Role.ADVOCATE))
    assert (made["customer_name"], made["lifetime_value_cents"]) == ("Maria Garcia", 1_250_000)
    assert made["case_title"].endswith("Microwave stopped heating.")

    again = ask(api, case_id, REFUND_150, approval_id=approval_id)
    assert again.status_code == 200
    assert again.json() == made
    listed = api.client.get("/api/v1/approvals", headers=api.auth(Role.LEAD)).json()["items"]
    assert [a["id"] for a in listed] == [approval_id]
    # The requester comes from the token: another user's id is not theirs to resend.
    taken = ask(api, case_id, REFUND_150, role=Role.LEAD, approval_id=approval_id)
    assert taken.status_code == 409


def test_a_request_names_a_case_that_exists_and_says_why(api):
    unknown = ask(api, str(uuid.uuid4()), REFUND_150)
    assert unknown.status_code == 404
    assert events_of(api, Role.LEAD) == []  # nothing told of a request never made
    case_id = open_case(api)
    for body in (
        {"id": str(uuid.uuid4()), "case_id": case_id, "remedies": REFUND_150, "reason": "  "},
        {"id": str(uuid.uuid4()), "case_id": case_id, "remedies": [], "reason": "Why not"},
        {"id": "not-an-id", "case_id": case_id, "remedies": REFUND_150, "reason": "Why not"},
        {"case_id": case_id, "remedies": REFUND_150, "reason": "Why not"},
    ):
        refused = api.client.post("/api/v1/approvals", json=body, headers=api.auth())
        assert refused.status_code == 422, body
        assert refused.json()["problems"]


def test_every_lead_and_admin_hears_of_a_request_and_the_requester_of_the_answer(api):
    asked = ask(api, open_case(api), REFUND_150).json()
    for role in (Role.LEAD, Role.ADMIN):
        assert events_of(api, role) == [("approval_requested", asked)]
    assert events_of(api, Role.ADVOCATE) == []

    decided = decide(api, asked, "denied").json()
    assert decided["status"] == "denied"
    assert events_of(api, Role.ADVOCATE) == [("approval_decided", decided)]
    assert [name for name, _ in events_of(api, Role.LEAD)] == ["approval_requested"]


def test_a_lead_records_who_decided_when_and_why(api):
    asked = ask(api, open_case(api), REFUND_150).json()
    decided = decide(api, asked, "approved")
    assert decided.status_code == 200
    assert decided.headers["ETag"] == '"2"'
    body = decided.json()
    assert (body["status"], body["version"], body["decided_by_name"]) == (
        "approved",
        2,
        "Lee Tester",
    )
    assert body["decided_by_id"] == str(user_id(api, Role.LEAD))
    assert body["note"] == "Go ahead, and thank her for us."
    assert body["decided_at"]
    read = api.client.get(f"/api/v1/approvals/{asked['id']}", headers=api.auth())
    assert read.json() == body
    assert read.headers["ETag"] == '"2"'


def test_only_a_lead_or_admin_decides_and_never_their_own_request(api):
    asked = ask(api, open_case(api), REFUND_150).json()
    by_advocate = decide(api, asked, "approved", role=Role.ADVOCATE)
    assert by_advocate.status_code == 403
    assert "you are signed in as an advocate" in by_advocate.json()["detail"]
    # The same as a code and values, for a console to word in its advocate's language.
    assert by_advocate.json()["code"] == "role_only"
    assert by_advocate.json()["values"] == ["lead,admin", "advocate"]

    own = ask(api, open_case(api), REFUND_150, role=Role.LEAD).json()
    assert events_of(api, Role.ADMIN)[-1] == ("approval_requested", own)
    assert all(data["id"] != own["id"] for _, data in events_of(api, Role.LEAD))
    by_requester = decide(api, own, "approved", role=Role.LEAD)
    assert by_requester.status_code == 403
    assert "your own request" in by_requester.json()["detail"]
    assert by_requester.json()["code"] == "own_request"
    assert decide(api, own, "approved", role=Role.ADMIN).status_code == 200


def test_if_match_rules_a_decision(api):
    asked = ask(api, open_case(api), REFUND_150).json()
    url = f"/api/v1/approvals/{asked['id']}"
    body = {"decision": "approved", "note": ""}
    missing = api.client.patch(url, json=body, headers=api.auth(Role.LEAD))
    assert missing.status_code == 428
    stale = decide(api, asked, "approved", If_Match='"7"')
    assert stale.status_code == 412
    assert stale.json()["current"]["version"] == 1
    assert stale.json()["code"] == "approval_changed"
    assert stale.headers["ETag"] == '"1"'
    assert decide(api, asked, "approved").status_code == 200
    twice = decide(api, asked, "denied", role=Role.ADMIN)
    assert twice.status_code == 409
    assert twice.json()["detail"] == "Lee Tester already approved this request."
    assert (twice.json()["code"], twice.json()["values"]) == (
        "already_decided",
        ["Lee Tester", "approved"],
    )
    assert twice.json()["current"]["status"] == "approved"
    unknown = decide(api, asked | {"id": str(uuid.uuid4())}, "approved")
    assert unknown.status_code == 404
    nonsense = api.client.patch(
        url, json={"decision": "maybe"}, headers=api.auth(Role.LEAD, If_Match='"2"')
    )
    assert nonsense.status_code == 422


def test_leads_see_every_request_and_advocates_their_own(api):
    case_id = open_case(api)
    ada_first = ask(api, case_id, REFUND_150).json()
    lee_own = ask(api, case_id, REFUND_150, role=Role.LEAD).json()
    ada_second = ask(api, open_case(api), REFUND_150).json()
    decide(api, ada_second, "approved")

    def listed(role: Role, query: str = "") -> list[str]:
        answer = api.client.get(f"/api/v1/approvals{query}", headers=api.auth(role))
        assert answer.status_code == 200, answer.text
        return [a["id"] for a in answer.json()["items"]]

    assert listed(Role.LEAD) == [ada_second["id"], lee_own["id"], ada_first["id"]]
    assert listed(Role.LEAD, "?status=pending") == [lee_own["id"], ada_first["id"]]
    assert listed(Role.LEAD, "?mine=true") == [lee_own["id"]]
    assert listed(Role.ADVOCATE) == [ada_second["id"], ada_first["id"]]
    assert listed(Role.ADVOCATE, "?status=approved") == [ada_second["id"]]
    bad = api.client.get("/api/v1/approvals?status=maybe", headers=api.auth(Role.LEAD))
    assert bad.status_code == 422

    db = Database(api.url)
    try:
        create_advocate(db, "bea", PASSWORD, Role.ADVOCATE, display_name="Bea Tester")
    finally:
        db.dispose()
    bea = {"Authorization": f"Bearer {mint_token(api.url, 'bea')}"}
    assert api.client.get("/api/v1/approvals", headers=bea).json()["items"] == []
    others = api.client.get(f"/api/v1/approvals/{ada_first['id']}", headers=bea)
    assert others.status_code == 403


def test_an_approved_request_lets_exactly_its_remedies_through_for_its_case(api):
    case_id = open_case(api)
    approval = _approved(api, case_id)

    other_case = resolve(api, open_case(api), REFUND_150, approval_id=approval["id"])
    assert other_case.status_code == 403
    assert other_case.json()["problems"][-1]["code"] == "approval_other_case"
    more = resolve(
        api,
        case_id,
        [{"kind": "refund_without_return", "cost_cents": 15_001}],
        approval_id=approval["id"],
    )
    assert more.status_code == 403
    assert more.json()["problems"][-1]["code"] == "approval_not_covering"
    extra = [*REFUND_150, {"kind": "gift_certificate", "cost_cents": 1000, "value_cents": 1000}]
    assert resolve(api, case_id, extra, approval_id=approval["id"]).status_code == 403

    saved = resolve(api, case_id, REFUND_150, approval_id=approval["id"])
    assert saved.status_code == 201, saved.text
    assert saved.json()["approval_id"] == approval["id"]


def test_a_pending_or_denied_request_lets_nothing_through(api):
    case_id = open_case(api)
    asked = ask(api, case_id, REFUND_150).json()
    pending = resolve(api, case_id, REFUND_150, approval_id=asked["id"])
    assert pending.status_code == 403
    assert pending.json()["detail"].endswith("Its approval still waits for a lead's answer.")
    decide(api, asked, "denied")
    denied = resolve(api, case_id, REFUND_150, approval_id=asked["id"])
    assert denied.status_code == 403
    assert denied.json()["detail"].endswith("Lee Tester denied its approval.")
    unknown = resolve(api, case_id, REFUND_150, approval_id=str(uuid.uuid4()))
    assert unknown.status_code == 403
    assert unknown.json()["problems"][-1]["code"] == "approval_unknown"


def test_two_leads_deciding_at_once_one_wins_and_the_other_is_told(api):
    asked = ask(api, open_case(api), REFUND_150).json()
    with ThreadPoolExecutor(2) as pool:
        answers = list(
            pool.map(
                lambda who: decide(api, asked, "approved" if who is Role.LEAD else "denied", who),
                (Role.LEAD, Role.ADMIN),
            )
        )
    assert sorted(a.status_code for a in answers) == [200, 409]
    won = next(a.json() for a in answers if a.status_code == 200)
    lost = next(a.json() for a in answers if a.status_code == 409)
    assert lost["current"]["status"] == won["status"]
    assert events_of(api, Role.ADVOCATE) == [("approval_decided", won)]
