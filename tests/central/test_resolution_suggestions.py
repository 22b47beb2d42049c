"""A resolution carries what the advocate did with the suggested remedies: the server
keeps it as sent, and refuses a malformed one with its reason (never a 500)."""

from __future__ import annotations

from advocate_console.domain import Role

from . import bodies

SHOWN = [
    {
        "rule": "rule:repeat-failure-just-out-of-warranty",
        "remedies": [
            {"kind": "repair_fee_waived", "cost_cents": 12_900},
            {"kind": "warranty_extended", "cost_cents": 6_000, "months": 12},
        ],
        "outcome": "accepted",
    },
    {"rule": "history:account_credit", "remedies": [], "outcome": "dismissed"},
]


def _open_case(api) -> str:
    customer = api.client.post(
        "/api/v1/customers", json=bodies.customer(), headers=api.auth(Role.LEAD)
    ).json()
    case = api.client.post(
        "/api/v1/cases", json=bodies.case(customer["id"]), headers=api.auth()
    ).json()
    return case["id"]


def test_the_suggestions_shown_are_kept_with_the_resolution(api):
    body = bodies.resolution(_open_case(api), suggestions=SHOWN)
    created = api.client.post("/api/v1/resolutions", json=body, headers=api.auth())
    assert created.status_code == 201, created.text
    again = api.client.get(f"/api/v1/resolutions/{created.json()['id']}", headers=api.auth())
    kept = again.json()["suggestions"]
    assert [(s["rule"], s["outcome"]) for s in kept] == [
        ("rule:repeat-failure-just-out-of-warranty", "accepted"),
        ("history:account_credit", "dismissed"),
    ]
    assert kept[0]["remedies"][1]["months"] == 12


def test_a_suggestion_with_an_unknown_outcome_is_refused_with_its_reason(api):
    wrong = [dict(SHOWN[0], outcome="maybe")]
    body = bodies.resolution(_open_case(api), suggestions=wrong)
    refused = api.client.post("/api/v1/resolutions", json=body, headers=api.auth())
    assert refused.status_code == 422
    problems = refused.json()["problems"]
    assert any("suggestions" in str(problem) and "outcome" in str(problem) for problem in problems)
