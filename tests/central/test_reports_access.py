"""Who may read which report, the CSV files, the period's checks, and reports that follow
every change, on SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import io
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from advocate_console.api.reports import FIGURES
from advocate_console.central.changes.models import ChangeRow
from advocate_console.central.core.database import Database
from advocate_console.central.reports.feed import bring_up_to_date
from advocate_console.central.reports.models import ReportCaseRow, ReportFeedRow
from advocate_console.central.seed import seed_database
from advocate_console.domain import Role
from tests.plumbing import wait_until

from . import bodies
from .scored import ADA, ANN, DIALECTS, LEE, NAMES, Scored, fortnight

REPORTS = ("/scorecard", "/team", "/broken-products", "/broken-products/HVM-1/cases", "/resources")


@pytest.fixture(scope="module", params=DIALECTS)
def scored(request, tmp_path_factory):
    """The fortnight on SQLite, then on PostgreSQL."""
    with fortnight(request, tmp_path_factory) as posted:
        yield posted


def test_an_advocate_sees_only_their_own_scorecard(scored: Scored):
    for other in (LEE, ANN):
        response = scored.get("/scorecard", ADA, advocate_id=scored.user_id(other))
        assert response.status_code == 403
        assert "only their own scorecard" in response.json()["detail"]
        assert response.json()["problems"] == []
    mine = scored.get("/scorecard", ADA, advocate_id=scored.user_id(ADA))
    assert mine.status_code == 200
    assert mine.json()["advocate"]["name"] == NAMES[ADA]


def test_an_advocate_gets_the_team_medians_but_not_the_team(scored: Scored):
    card = scored.get("/scorecard", ADA).json()
    assert set(card) == {
        "period", "advocate", "figures", "team_median", "team_size", "brought_in", "weeks"
    }  # fmt: skip
    assert NAMES[LEE] not in str(card) and NAMES[ANN] not in str(card)
    response = scored.get("/team", ADA)
    assert response.status_code == 403
    assert "lead or an admin" in response.json()["detail"]


def test_advocates_see_what_is_broken_and_who_helps(scored: Scored):
    for path in ("/broken-products", "/broken-products/HVM-1/cases", "/resources"):
        assert scored.get(path, ADA).status_code == 200, path


def test_every_report_needs_sign_in(scored: Scored):
    for path in REPORTS:
        response = scored.api.client.get(f"/api/v1/reports{path}")
        assert response.status_code == 401, path
        assert response.json()["detail"]


def test_an_unknown_advocate_or_model_is_not_found(scored: Scored):
    response = scored.get("/scorecard", LEE, advocate_id=str(uuid.uuid4()))
    assert response.status_code == 404
    assert "no advocate" in response.json()["detail"]
    response = scored.get("/broken-products/NO-SUCH/cases", ADA)
    assert response.status_code == 404
    assert "NO-SUCH" in response.json()["detail"]


def _csv(response) -> list[list[str]]:
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    assert response.headers["content-disposition"].startswith("attachment; filename=")
    return list(csv.reader(io.StringIO(response.text)))


def test_every_report_comes_as_csv_one_row_per_item(scored: Scored):
    card = _csv(scored.get("/scorecard", ADA, format="csv"))
    assert card[0] == ["figure", "value", "team_median"]
    assert [row[0] for row in card[1:]] == list(FIGURES)
    assert ["resolutions", "3", "3"] in card and ["remedy_cost_cents", "45500", "7500"] in card
    team = _csv(scored.get("/team", LEE, format="csv"))
    assert team[0] == ["advocate_id", "advocate", *FIGURES]
    assert [row[1] for row in team[1:]] == [NAMES[ADA], NAMES[ANN], NAMES[LEE]]
    broken = _csv(scored.get("/broken-products", ADA, format="csv"))
    assert [row[:5] for row in broken[1:]] == [
        ["HVM-1", "Halvorsen", "Over-the-range microwave", "2", "1"],
        ["NWF-9", "Northvane", "Front-load washer", "2", "0"],
    ]
    assert broken[1][9:] == ["product failure: 1; repair: 1", "2 0"]
    cases = _csv(scored.get("/broken-products/HVM-1/cases", ADA, format="csv"))
    assert [row[1] for row in cases[1:]] == [
        scored.get("/broken-products/HVM-1/cases").json()["cases"][i]["number"] for i in (0, 1)
    ]
    resources = _csv(scored.get("/resources", ADA, format="csv"))
    assert [row[1] for row in resources[1:]] == ["Curtis Bramwell", "Dana Whitlock"]


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"from": "2026-11-15", "to": "2026-11-02"}, "from"),
        ({"from": "2020-01-01", "to": "2026-11-02"}, "to"),
        ({"from": "1969-12-31"}, "from"),
        ({"to": "3000-01-01"}, "to"),
        ({"from": "2026-13-01"}, "from"),
        ({"format": "xml"}, "format"),
        ({"advocate_id": "nobody"}, "advocate_id"),
    ],
)
def test_an_impossible_question_is_answered_with_its_reason(scored: Scored, params, field):
    response = scored.get("/scorecard", LEE, **params)
    assert response.status_code == 422, response.text
    body = response.json()
    assert body["detail"] and [problem["field"] for problem in body["problems"]] == [field]


@pytest.mark.parametrize(
    ("params", "field"), [({"sort": "price"}, "sort"), ({"limit": 0}, "limit")]
)
def test_what_is_broken_checks_its_sort_and_limit(scored: Scored, params, field):
    response = scored.get("/broken-products", ADA, **params)
    assert response.status_code == 422
    assert [problem["field"] for problem in response.json()["problems"]] == [field]


def test_the_period_is_the_last_thirty_days_unless_asked(scored: Scored):
    headers = scored.api.auth(ADA)
    today = datetime.now(UTC).date()
    period = scored.api.client.get("/api/v1/reports/scorecard", headers=headers).json()["period"]
    assert period == {"from": str(today - timedelta(days=29)), "to": str(today)}
    only_to = scored.api.client.get(
        "/api/v1/reports/resources", params={"to": "2026-11-15"}, headers=headers
    )
    assert only_to.json()["period"] == {"from": "2026-10-17", "to": "2026-11-15"}


def _post(api, path: str, body: dict, role: Role = Role.LEAD) -> dict:
    response = api.client.post(f"/api/v1{path}", json=body, headers=api.auth(role))
    assert response.status_code == 201, response.text
    return response.json()


def test_reports_follow_every_change(api):
    customer = _post(api, "/customers", bodies.customer(phones=[], emails=[]))
    product = _post(api, "/products", bodies.product(customer["id"], model_number="AB/12"))
    case = _post(api, "/cases", bodies.case(customer["id"], product_id=product["id"]))
    resolution = bodies.resolution(case["id"], advocate="Ada Tester")
    first = _post(api, "/resolutions", resolution, Role.ADVOCATE)
    period = {"from": "2026-11-01", "to": "2026-11-30"}

    def figures() -> dict:
        response = api.client.get(
            "/api/v1/reports/scorecard", params=period, headers=api.auth(Role.ADVOCATE)
        )
        return response.json()["figures"]

    assert (figures()["resolutions"], figures()["delighted"]) == (1, 1)
    assert figures()["remedy_cost_lifetime_value_share"] == 0.0096  # 12,000 of 1,250,000
    revalued = api.client.patch(
        f"/api/v1/customers/{customer['id']}",
        json={"lifetime_value_cents": 120_000},
        headers=api.auth(Role.LEAD, If_Match='"1"'),
    )
    assert revalued.status_code == 200, revalued.text
    # Another user's change: on her scorecard once the tables caught up with it (within
    # half a second, the keeper's period); her own changes are on it at once.
    wait_until(
        lambda: figures()["remedy_cost_lifetime_value_share"] == 0.1,
        timeout=10,
        what="the lead's new lifetime value on the advocate's scorecard",
    )
    patched = api.client.patch(
        f"/api/v1/resolutions/{first['id']}",
        json={"delight": "unhappy"},
        headers=api.auth(Role.ADVOCATE, If_Match='"1"'),
    )
    assert patched.status_code == 200, patched.text
    assert (figures()["resolutions"], figures()["delighted"], figures()["unhappy"]) == (1, 0, 1)
    second = _post(api, "/cases", bodies.case(customer["id"], product_id=product["id"]))
    _post(
        api, "/resolutions", bodies.resolution(second["id"], advocate="Ada Tester"), Role.ADVOCATE
    )
    assert (figures()["resolutions"], figures()["repeat_contacts"]) == (2, 0)
    # Back about the same model two days after both were resolved: both were repeats.
    later = bodies.case(customer["id"], product_id=product["id"], opened_at="2026-11-25T15:00:00Z")
    _post(api, "/cases", later)  # (the lead's)
    wait_until(
        lambda: (figures()["resolutions"], figures()["repeat_contacts"]) == (2, 2),
        timeout=10,
        what="the lead's case making both resolutions repeats",
    )
    # A model number with a slash still opens its cases.
    cases = api.client.get(
        "/api/v1/reports/broken-products", params=period, headers=api.auth()
    ).json()["products"][0]["cases_url"]
    assert "AB%2F12" in cases
    listed = api.client.get(cases.replace("%2F", "/"), headers=api.auth()).json()["cases"]
    assert [case["repeat_failure"] for case in listed] == [True, False, False]


def test_a_name_a_spreadsheet_would_run_is_written_as_text(api):
    customer = _post(api, "/customers", bodies.customer(display_name="=HYPERLINK(1)", phones=[]))
    product = _post(api, "/products", bodies.product(customer["id"], model_number="Z-1"))
    _post(api, "/cases", bodies.case(customer["id"], product_id=product["id"]))
    response = api.client.get(
        "/api/v1/reports/broken-products/Z-1/cases",
        params={"from": "2026-11-01", "to": "2026-11-30", "format": "csv"},
        headers=api.auth(),
    )
    rows = list(csv.reader(io.StringIO(response.text)))
    assert rows[1][3] == "'=HYPERLINK(1)"


def test_an_advocate_with_nothing_yet_has_an_empty_scorecard(api):
    response = api.client.get("/api/v1/reports/scorecard", headers=api.auth(Role.ADVOCATE))
    assert response.status_code == 200, response.text
    card = response.json()
    assert card["figures"]["resolutions"] == 0 and card["figures"]["delighted_share"] is None
    assert card["team_size"] == 0 and set(card["team_median"].values()) == {None}
    assert len(card["weeks"]) in (5, 6)


def test_a_seeded_database_has_its_reports_ready(database_url):
    seed_database(database_url, 40, seed=3)
    db = Database(database_url)
    try:
        with db.read() as session:
            reached = session.scalar(select(ReportFeedRow.cursor))
            newest = session.scalar(select(func.max(ChangeRow.cursor)))
            cases = session.scalar(select(func.count()).select_from(ReportCaseRow))
        assert reached == newest and cases > 40
        assert bring_up_to_date(db) == 0
    finally:
        db.dispose()


def test_a_follow_up_is_missed_once_the_day_after_it_was_due_is_over(api):
    customer = _post(api, "/customers", bodies.customer(phones=[], emails=[]))
    today = datetime.now(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    for days_ago in (0, 1, 2, 3):
        due = (today - timedelta(days=days_ago) + timedelta(hours=1)).isoformat()
        body = bodies.follow_up(customer["id"], due_at=due, advocate="Ada Tester")
        _post(api, "/follow-ups", body, Role.ADVOCATE)
    response = api.client.get("/api/v1/reports/scorecard", headers=api.auth(Role.ADVOCATE))
    assert response.json()["figures"]["follow_ups_missed"] == 2  # due 2 and 3 days ago


def test_a_resources_cases_count_once_they_are_resolved(api):
    customer = _post(api, "/customers", bodies.customer(phones=[], emails=[]))
    case = _post(api, "/cases", bodies.case(customer["id"]))
    dana = _post(api, "/resources", bodies.resource(name="Dana Whitlock"))
    attempt = {
        "resource_id": dana["id"],
        "case_id": case["id"],
        "customer_id": customer["id"],
        "started_at": "2026-11-20T15:10:00Z",
        "outcome": "connected",
        "helped": True,
    }
    _post(api, "/call-attempts", attempt, Role.ADVOCATE)
    period = {"from": "2026-11-01", "to": "2026-11-30"}

    def dana_row() -> tuple:
        rows = api.client.get("/api/v1/reports/resources", params=period, headers=api.auth())
        (row,) = rows.json()["resources"]
        return row["cases"], row["resolved"], row["delighted"]

    assert dana_row() == (1, 0, 0)
    _post(api, "/resolutions", bodies.resolution(case["id"]), Role.ADVOCATE)
    assert dana_row() == (1, 1, 1)
