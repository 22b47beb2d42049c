"""Advocates' authority on the server: limits from the settings or a lead, what was spent
this month, and the 403 for remedies beyond it."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest
from fastapi.testclient import TestClient

from advocate_console.central.app import create_app
from advocate_console.central.core.clock import utc_now
from advocate_console.central.core.settings import CentralSettings, settings_from_environment
from advocate_console.domain import Role
from advocate_console.domain.authority import AuthorityLimits, month_of

from .casework import REFUND_150, open_case, resolve, set_limits, user_id
from .conftest import USERS, Api, mint_tokens

REFUSAL = (
    "Beyond your authority: refund without return up to $100.00, this one is $150.00."
    " Ask a lead to approve it."
)


def test_an_advocate_sees_the_default_authority_and_the_month(api):
    answer = api.client.get("/api/v1/me/authority", headers=api.auth())
    assert answer.status_code == 200, answer.text
    assert answer.json() == {
        "limits": AuthorityLimits().model_dump(),
        "month": month_of(utc_now()),
        "spent_this_month_cents": 0,
        "left_this_month_cents": 250_000,
    }


def test_over_authority_is_refused_with_the_limit_and_the_amount(api):
    resolution_id = str(uuid.uuid4())
    refused = resolve(api, open_case(api), REFUND_150, id=resolution_id)
    assert refused.status_code == 403, refused.text
    assert refused.json()["detail"] == REFUSAL
    assert refused.json()["problems"] == [
        {
            "field": "remedies",
            "message": "refund without return up to $100.00, this one is $150.00",
            "code": "over_authority",
            "limit": 10_000,
            "amount": 15_000,
            "kind": "refund_without_return",
        }
    ]
    nothing = api.client.get(f"/api/v1/resolutions/{resolution_id}", headers=api.auth())
    assert nothing.status_code == 404


def test_within_authority_is_stored(api):
    remedies = [
        {"kind": "refund_without_return", "cost_cents": 10_000},
        {"kind": "warranty_extended", "cost_cents": 5_000, "months": 12},
        {"kind": "gift_certificate", "cost_cents": 5_000, "value_cents": 5_000},
    ]
    assert resolve(api, open_case(api), remedies).status_code == 201


def test_every_limit_passed_is_named(api):
    remedies = [
        {"kind": "replacement", "cost_cents": 20_000},
        {"kind": "warranty_extended", "cost_cents": 0, "months": 24},
        {"kind": "gift_certificate", "cost_cents": 7_500, "value_cents": 7_500},
    ]
    refused = resolve(api, open_case(api), remedies)
    assert refused.status_code == 403
    assert [(p["kind"], p["limit"], p["amount"]) for p in refused.json()["problems"]] == [
        ("per_case", 25_000, 27_500),
        ("warranty_extension", 12, 24),
        ("gift_certificate", 5_000, 7_500),
    ]
    assert "warranty extension up to 12 months, this one is 24 months" in refused.json()["detail"]


def test_a_change_beyond_authority_is_refused_too(api):
    created = resolve(api, open_case(api), [{"kind": "account_credit", "cost_cents": 5_000}])
    assert created.status_code == 201
    patched = api.client.patch(
        f"/api/v1/resolutions/{created.json()['id']}",
        json={"remedies": REFUND_150},
        headers=api.auth(If_Match='"1"'),
    )
    assert patched.status_code == 403
    assert patched.json()["detail"] == REFUSAL


def test_remedies_already_stored_are_not_judged_again(api):
    created = resolve(api, open_case(api), [{"kind": "account_credit", "cost_cents": 9_000}])
    assert set_limits(api, Role.ADVOCATE, per_case_cents=5_000).status_code == 200
    patched = api.client.patch(
        f"/api/v1/resolutions/{created.json()['id']}",
        json={"notes": "She called back to say thanks."},
        headers=api.auth(If_Match='"1"'),
    )
    assert patched.status_code == 200, patched.text


def test_the_month_counts_what_was_spent_already(api):
    assert set_limits(api, Role.ADVOCATE, monthly_cents=30_000).status_code == 200
    credit = [{"kind": "account_credit", "cost_cents": 12_000}]
    last_month = (utc_now().replace(day=1) - timedelta(days=2)).isoformat()
    assert resolve(api, open_case(api), credit, resolved_at=last_month).status_code == 201
    assert resolve(api, open_case(api), credit).status_code == 201
    assert resolve(api, open_case(api), credit).status_code == 201
    mine = api.client.get("/api/v1/me/authority", headers=api.auth()).json()
    assert (mine["spent_this_month_cents"], mine["left_this_month_cents"]) == (24_000, 6_000)

    refused = resolve(api, open_case(api), credit)
    assert refused.status_code == 403
    assert [(p["kind"], p["limit"], p["amount"]) for p in refused.json()["problems"]] == [
        ("monthly", 30_000, 36_000)
    ]
    assert "$300.00 a month, with these it is $360.00 this month" in refused.json()["detail"]
    # Another advocate's month is their own.
    assert resolve(api, open_case(api), credit, role=Role.LEAD).status_code == 201


def test_limits_changed_by_a_lead_apply_at_once(api):
    case_id = open_case(api)
    assert resolve(api, case_id, REFUND_150).status_code == 403
    changed = set_limits(api, Role.ADVOCATE, refund_without_return_cents=20_000)
    assert changed.status_code == 200, changed.text
    assert changed.json()["limits"]["refund_without_return_cents"] == 20_000
    mine = api.client.get("/api/v1/me/authority", headers=api.auth()).json()
    assert mine["limits"]["refund_without_return_cents"] == 20_000
    assert resolve(api, case_id, REFUND_150).status_code == 201
    lowered = set_limits(api, Role.ADVOCATE, refund_without_return_cents=5_000)
    assert lowered.status_code == 200
    refused = resolve(api, open_case(api), [{"kind": "refund_without_return", "cost_cents": 6_000}])
    assert refused.status_code == 403
    assert refused.json()["problems"][0]["limit"] == 5_000


def test_a_lead_reads_anyones_authority(api):
    ada = user_id(api, Role.ADVOCATE)
    read = api.client.get(f"/api/v1/users/{ada}/authority", headers=api.auth(Role.LEAD))
    assert read.status_code == 200
    assert read.json()["limits"] == AuthorityLimits().model_dump()
    unknown = "00000000-0000-4000-8000-000000000000"
    for method in ("get", "put"):
        missing = getattr(api.client, method)(
            f"/api/v1/users/{unknown}/authority",
            **({"json": AuthorityLimits().model_dump()} if method == "put" else {}),
            headers=api.auth(Role.ADMIN),
        )
        assert missing.status_code == 404, missing.text


def test_an_advocate_cannot_read_or_set_limits(api):
    ada = user_id(api, Role.ADVOCATE)
    read = api.client.get(f"/api/v1/users/{ada}/authority", headers=api.auth())
    assert read.status_code == 403
    assert "you are signed in as an advocate" in read.json()["detail"]
    raised = set_limits(api, Role.ADVOCATE, by=Role.ADVOCATE, per_case_cents=10**9)
    assert raised.status_code == 403
    assert api.client.get("/api/v1/me/authority", headers=api.auth()).json()["limits"] == (
        AuthorityLimits().model_dump()
    )


def test_a_lead_cannot_raise_their_own_limits_but_an_admin_can(api):
    own = set_limits(api, Role.LEAD, by=Role.LEAD, per_case_cents=10**7)
    assert own.status_code == 403
    assert "ask an admin" in own.json()["detail"]
    assert set_limits(api, Role.LEAD, by=Role.ADMIN, per_case_cents=10**7).status_code == 200


def test_limits_are_sent_whole_and_sane(api):
    ada = user_id(api, Role.ADVOCATE)
    url = f"/api/v1/users/{ada}/authority"
    partial = api.client.put(url, json={"per_case_cents": 1}, headers=api.auth(Role.LEAD))
    assert partial.status_code == 422
    assert {p["field"] for p in partial.json()["problems"]} == {
        "refund_without_return_cents",
        "warranty_extension_months",
        "gift_certificate_cents",
        "monthly_cents",
    }
    negative = set_limits(api, Role.ADVOCATE, per_case_cents=-5)
    assert negative.status_code == 422
    assert negative.json()["problems"][0]["field"] == "per_case_cents"
    headers = api.auth(Role.LEAD, Content_Type="application/json")
    assert api.client.put(url, content=b"{", headers=headers).status_code == 400


def test_the_servers_settings_give_the_defaults(database_url):
    raised = AuthorityLimits(refund_without_return_cents=20_000)
    app = create_app(
        CentralSettings(
            database_url=database_url, migrate_on_startup=False, authority_defaults=raised
        )
    )
    (token,) = mint_tokens(app.state.database, [USERS[Role.ADVOCATE]], timedelta(hours=1))
    with TestClient(app) as client:
        api = Api(client, database_url, {Role.ADVOCATE: token}, app.state.settings.clock)
        mine = client.get("/api/v1/me/authority", headers=api.auth()).json()
        assert mine["limits"]["refund_without_return_cents"] == 20_000
        assert resolve(api, _open_case_with_a_lead(api, app), REFUND_150).status_code == 201


def _open_case_with_a_lead(api: Api, app) -> str:
    """A case the advocate opened for a customer a lead added (its token minted here)."""
    (token,) = mint_tokens(app.state.database, [USERS[Role.LEAD]], timedelta(hours=1))
    api.tokens[Role.LEAD] = token
    return open_case(api)


def test_the_defaults_can_come_from_the_environment():
    settings = settings_from_environment(
        {
            "ADVOCATE_CENTRAL_DATABASE": "sqlite:///x.sqlite",
            "ADVOCATE_CENTRAL_AUTHORITY_DEFAULTS": '{"per_case_cents": 30000}',
        }
    )
    assert settings.authority_defaults == AuthorityLimits(per_case_cents=30_000)
    bad = {"ADVOCATE_CENTRAL_AUTHORITY_DEFAULTS": '{"monthly_cents": -1}'}
    with pytest.raises(ValueError, match="ADVOCATE_CENTRAL_AUTHORITY_DEFAULTS: monthly_cents"):
        settings_from_environment(bad)


def test_a_reopened_cases_remedies_count_once(api):
    assert set_limits(api, Role.ADVOCATE, monthly_cents=30_000).status_code == 200
    case_id = open_case(api)
    credit = [{"kind": "account_credit", "cost_cents": 20_000}]
    assert resolve(api, case_id, credit).status_code == 201
    reopened = api.client.post(
        f"/api/v1/cases/{case_id}/reopen",
        json={"reason": "It failed again the next day."},
        headers=api.auth(Role.LEAD),
    )
    assert reopened.status_code == 200, reopened.text
    # The new resolution restates what the case got: $200, not $400, this month.
    assert resolve(api, case_id, credit).status_code == 201
    mine = api.client.get("/api/v1/me/authority", headers=api.auth()).json()
    assert mine["spent_this_month_cents"] == 20_000
