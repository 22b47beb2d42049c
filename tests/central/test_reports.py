"""Every figure of the reports against the fortnight counted by hand (see ``scored``),
on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from advocate_console.api.reports import FIGURES

from .scored import ADA, ANN, DIALECTS, LEE, NAMES, Scored, fortnight

ZERO_KINDS = {
    f"remedy_cost_cents_{kind}": 0
    for kind in (
        "repair_fee_waived",
        "warranty_extended",
        "replacement",
        "refund_without_return",
        "account_credit",
        "gift_certificate",
        "information_only",
        "other",
    )
}
STEPS = ("empathized", "took_ownership", "lessened_inconvenience", "managed_memory")


def _steps(*shares: float) -> dict[str, float]:
    names = (*STEPS, "extended_experience")
    return {f"step_{name}_share": share for name, share in zip(names, shares, strict=True)}


ADA_FIGURES = {
    "resolutions": 3,  # R1 R2 R7
    "delighted": 2,
    "satisfied": 1,
    "neutral": 0,
    "unhappy": 0,
    "delighted_share": 0.6667,
    "all_five_steps_share": 0.6667,
    **_steps(1.0, 1.0, 0.6667, 0.6667, 0.6667),
    "remedy_cost_cents": 45_500,  # 31,000 + 2,500 + 12,000 + 0
    "remedy_cost_per_case_cents": 15_167,
    # 45,500 of C1 100,000 (R1) + C2 250,000 (R2) + C1 100,000 (R7): each case its customer
    "remedy_cost_lifetime_value_share": 0.1011,
    **ZERO_KINDS,
    "remedy_cost_cents_replacement": 31_000,
    "remedy_cost_cents_gift_certificate": 2_500,
    "remedy_cost_cents_repair_fee_waived": 12_000,
    "suggestions_accepted": 1,  # R1 (R0 before)
    "suggestions_dismissed": 2,  # R1 R2
    "suggestion_accepted_share": 0.3333,  # R1 of R1 R2 R7
    "repeat_contacts": 2,  # R1 (K4 came), R2 (K8 came)
    "repeat_contact_share": 0.6667,
    "follow_ups_on_time": 1,
    "follow_ups_late": 1,
    "follow_ups_missed": 1,
    "cards_sent": 2,
    "gift_value_cents": 2_500,
    "conferences_held": 2,  # K1, K2
    "people_brought_in": 2,
}
LEE_FIGURES = {
    "resolutions": 3,  # R8 (first second) R3 R4
    "delighted": 1,
    "satisfied": 1,
    "neutral": 0,
    "unhappy": 1,
    "delighted_share": 0.3333,
    "all_five_steps_share": 0.3333,
    **_steps(0.6667, 0.6667, 0.6667, 0.3333, 0.3333),
    "remedy_cost_cents": 7_500,
    "remedy_cost_per_case_cents": 2_500,
    "remedy_cost_lifetime_value_share": 0.0214,  # 7,500 of C3 50,000 + C2 250,000 + C3 50,000
    **ZERO_KINDS,
    "remedy_cost_cents_gift_certificate": 2_500,
    "remedy_cost_cents_other": 5_000,
    "suggestions_accepted": 3,  # R8, R4 two
    "suggestions_dismissed": 0,  # (R3's was only shown)
    "suggestion_accepted_share": 0.6667,  # R8 R4 of R8 R3 R4
    "repeat_contacts": 0,
    "repeat_contact_share": 0.0,
    "follow_ups_on_time": 1,
    "follow_ups_late": 0,
    "follow_ups_missed": 0,
    "cards_sent": 1,
    "gift_value_cents": 5_000,
    "conferences_held": 1,
    "people_brought_in": 1,
}
ANN_FIGURES = {
    "resolutions": 1,  # R5 (R9 is a second too late)
    "delighted": 0,
    "satisfied": 0,
    "neutral": 1,
    "unhappy": 0,
    "delighted_share": 0.0,
    "all_five_steps_share": 0.0,
    **_steps(1.0, 0.0, 0.0, 0.0, 0.0),
    "remedy_cost_cents": 1_000,
    "remedy_cost_per_case_cents": 1_000,
    "remedy_cost_lifetime_value_share": 0.02,
    **ZERO_KINDS,
    "remedy_cost_cents_account_credit": 1_000,
    "suggestions_accepted": 0,  # (R9 a second too late)
    "suggestions_dismissed": 2,  # R5 both
    "suggestion_accepted_share": 0.0,
    "repeat_contacts": 1,  # R5: K7 about billing again
    "repeat_contact_share": 1.0,
    "follow_ups_on_time": 0,
    "follow_ups_late": 0,
    "follow_ups_missed": 0,
    "cards_sent": 0,
    "gift_value_cents": 0,
    "conferences_held": 1,
    "people_brought_in": 1,
}
MEDIANS = {
    "resolutions": 3,
    "delighted": 1,
    "satisfied": 1,
    "neutral": 0,
    "unhappy": 0,
    "delighted_share": 0.3333,
    "all_five_steps_share": 0.3333,
    **_steps(1.0, 0.6667, 0.6667, 0.3333, 0.3333),
    "remedy_cost_cents": 7_500,
    "remedy_cost_per_case_cents": 2_500,
    "remedy_cost_lifetime_value_share": 0.0214,
    **ZERO_KINDS,
    "remedy_cost_cents_gift_certificate": 2_500,
    "suggestions_accepted": 1,  # of 1, 3, 0
    "suggestions_dismissed": 2,  # of 2, 0, 2
    "suggestion_accepted_share": 0.3333,  # of 0.3333, 0.6667, 0.0
    "repeat_contacts": 1,
    "repeat_contact_share": 0.6667,
    "follow_ups_on_time": 1,
    "follow_ups_late": 0,
    "follow_ups_missed": 0,
    "cards_sent": 1,
    "gift_value_cents": 2_500,
    "conferences_held": 1,
    "people_brought_in": 1,
}


@pytest.fixture(scope="module", params=DIALECTS)
def scored(request, tmp_path_factory):
    """The fortnight on SQLite, then on PostgreSQL."""
    with fortnight(request, tmp_path_factory) as posted:
        yield posted


def test_the_expected_figures_name_every_figure():
    for expected in (ADA_FIGURES, LEE_FIGURES, ANN_FIGURES, MEDIANS):
        assert set(expected) == set(FIGURES)


def test_an_advocates_scorecard_counts_every_figure(scored: Scored):
    response = scored.get("/scorecard")
    assert response.status_code == 200, response.text
    card = response.json()
    assert card["period"] == {"from": "2026-11-02", "to": "2026-11-15"}
    assert card["advocate"] == {"advocate_id": scored.user_id(ADA), "name": NAMES[ADA]}
    assert card["figures"] == ADA_FIGURES
    assert card["team_median"] == MEDIANS
    assert card["team_size"] == 3
    assert card["brought_in"] == [
        {"resource_id": scored.ids["Curtis"], "name": "Curtis Bramwell", "times": 1},
        {"resource_id": scored.ids["Dana"], "name": "Dana Whitlock", "times": 1},
    ]


def test_an_advocates_weeks_are_their_own(scored: Scored):
    weeks = scored.get("/scorecard").json()["weeks"]
    assert weeks == [
        {
            "week_start": "2026-11-02",
            "resolutions": 3,
            "delighted_share": 0.6667,
            "all_five_steps_share": 0.6667,
            "remedy_cost_cents": 45_500,
            "repeat_contact_share": 0.6667,
        },
        {
            "week_start": "2026-11-09",
            "resolutions": 0,
            "delighted_share": None,
            "all_five_steps_share": None,
            "remedy_cost_cents": 0,
            "repeat_contact_share": None,
        },
    ]


def test_scorecards_asked_again_on_unchanged_tables_are_the_same(scored: Scored):
    # The first works the team's medians out; those after take them as kept, and the
    # advocate's own sums and weeks from a query of their own.
    cards = [scored.get("/scorecard", ADA).json() for _ in range(2)]
    cards += [scored.get("/scorecard", LEE, advocate_id=scored.user_id(ADA)).json()]
    assert cards[0]["figures"] == ADA_FIGURES and cards[0]["team_median"] == MEDIANS
    assert cards[1] == cards[0] == cards[2]


@pytest.mark.parametrize("asker", [LEE, ANN])
def test_a_lead_or_admin_reads_anyones_scorecard(scored: Scored, asker):
    for whose, expected in ((ADA, ADA_FIGURES), (LEE, LEE_FIGURES), (ANN, ANN_FIGURES)):
        card = scored.get("/scorecard", asker, advocate_id=scored.user_id(whose)).json()
        assert card["advocate"]["name"] == NAMES[whose]
        assert card["figures"] == expected
        assert card["team_median"] == MEDIANS


def test_the_team_report_sets_every_advocate_side_by_side(scored: Scored):
    response = scored.get("/team", LEE)
    assert response.status_code == 200, response.text
    team = response.json()
    assert [row["advocate"] for row in team["advocates"]] == [
        {"advocate_id": scored.user_id(role), "name": NAMES[role]} for role in (ADA, ANN, LEE)
    ]
    assert [row["figures"] for row in team["advocates"]] == [ADA_FIGURES, ANN_FIGURES, LEE_FIGURES]
    assert team["team_median"] == MEDIANS


def test_the_team_report_has_the_teams_weeks(scored: Scored):
    assert scored.get("/team", ANN).json()["weeks"] == [
        {
            "week_start": "2026-11-02",
            "resolutions": 5,  # R8 R1 R2 R7 R3
            "delighted_share": 0.4,
            "all_five_steps_share": 0.4,
            "remedy_cost_cents": 53_000,
            "repeat_contact_share": 0.4,
        },
        {
            "week_start": "2026-11-09",
            "resolutions": 2,  # R4 R5
            "delighted_share": 0.5,
            "all_five_steps_share": 0.5,
            "remedy_cost_cents": 1_000,
            "repeat_contact_share": 0.5,
        },
    ]


def _microwave(scored: Scored) -> dict:
    return {
        "model_number": "HVM-1",
        "brand": "Halvorsen",
        "product_name": "Over-the-range microwave",
        "cases": 2,  # K1 K2 (K0 before, K4 a question, K8 after)
        "repeat_failures": 1,  # K1: K0 before it
        "remedy_cost_cents": 45_500,
        "resolutions": 2,
        "unhappy": 0,
        "unhappy_share": 0.0,
        "categories": {"product failure": 1, "repair": 1},
        "weekly_cases": [2, 0],
        "cases_url": "/api/v1/reports/broken-products/HVM-1/cases?from=2026-11-02&to=2026-11-15",
    }


WASHER = {
    "model_number": "NWF-9",
    "brand": "Northvane",
    "product_name": "Front-load washer",
    "cases": 2,  # K3 K5
    "repeat_failures": 0,
    "remedy_cost_cents": 5_000,
    "resolutions": 2,
    "unhappy": 1,
    "unhappy_share": 0.5,
    "categories": {"product failure": 1, "warranty": 1},
    "weekly_cases": [1, 1],
    "cases_url": "/api/v1/reports/broken-products/NWF-9/cases?from=2026-11-02&to=2026-11-15",
}


@pytest.mark.parametrize(
    ("sort", "first"),
    [("cases", "HVM-1"), ("repeat_failures", "HVM-1"), ("remedy_cost", "HVM-1"),
     ("unhappy_share", "NWF-9")],
)  # fmt: skip
def test_what_is_broken_ranks_the_models(scored: Scored, sort, first):
    response = scored.get("/broken-products", ADA, sort=sort)
    assert response.status_code == 200, response.text
    report = response.json()
    assert report["weeks"] == ["2026-11-02", "2026-11-09"]
    microwave = _microwave(scored)
    expected = [microwave, WASHER] if first == "HVM-1" else [WASHER, microwave]
    assert report["products"] == expected


def test_every_row_of_what_is_broken_opens_its_cases(scored: Scored):
    url = scored.get("/broken-products").json()["products"][0]["cases_url"]
    response = scored.api.client.get(url, headers=scored.api.auth(ADA))
    assert response.status_code == 200, response.text
    report = response.json()
    assert (report["model_number"], report["brand"]) == ("HVM-1", "Halvorsen")
    cases = report["cases"]
    assert [case["case_id"] for case in cases] == [scored.ids["K2"], scored.ids["K1"]]
    k2, k1 = cases
    assert (k1["customer_name"], k1["category"], k1["repeat_failure"]) == (
        "Carla One",
        "product failure",
        True,
    )
    assert (k1["delight"], k1["remedy_cost_cents"]) == ("delighted", 33_500)
    assert k1["opened_at"] == "2026-11-03T15:00:00Z"
    assert (k2["customer_name"], k2["repeat_failure"], k2["delight"]) == (
        "Dev Two",
        False,
        "satisfied",
    )


def test_who_helps_and_how_their_cases_end(scored: Scored):
    response = scored.get("/resources", ADA)
    assert response.status_code == 200, response.text
    rows = response.json()["resources"]
    common = {"department": "Service dispatch", "role": "", "attempts": 3, "brought_in": 2}
    assert rows == [
        {
            "resource_id": scored.ids["Curtis"],
            "name": "Curtis Bramwell",
            **common,
            "helped": 1,  # A6 (A3 connected but did not help)
            "cases": 2,  # K2 K7
            "resolved": 2,
            "delighted": 1,  # K7's R9
            "delighted_share": 0.5,
        },
        {
            "resource_id": scored.ids["Dana"],
            "name": "Dana Whitlock",
            **common,
            "helped": 2,
            "cases": 2,  # K1 K5
            "resolved": 2,
            "delighted": 2,
            "delighted_share": 1.0,
        },
    ]
