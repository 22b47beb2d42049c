"""Reports from the real server through the one client, and the copy kept for offline."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import pytest
import requests

from advocate_console.api import Rejected
from advocate_console.central.auth.service import create_advocate
from advocate_console.central.core.database import Database
from advocate_console.domain import Collection, Role
from advocate_console.store import Replica
from advocate_console.store.report_copies import ReportCopies
from advocate_console.store.scores import OwnScore
from advocate_console.sync import pull_changes
from advocate_console.sync.reports import NoReportYet, ReportDesk
from tests import factories as make
from tests.laptop import CUSTOMER_ID, signed_in

ADMIN_PASSWORD = "a long admin passphrase"


def test_offline_the_last_copy_is_shown_with_its_time(client, proxy, local):
    me = client.me()
    desk = ReportDesk(client, ReportCopies(local), me.id)
    fresh = desk.scorecard(30)
    assert not fresh.kept_copy and fresh.report.advocate.name == me.display_name
    assert fresh.report.team_size >= 1
    proxy.set("refuse")
    offline = desk.scorecard(30)
    assert offline.kept_copy and offline.as_of == fresh.as_of
    assert offline.report == fresh.report
    assert "offline" in offline.problem.lower()
    with pytest.raises(NoReportYet):  # never fetched: nothing to show
        desk.resources(30)


def test_an_advocate_is_refused_the_team_even_with_a_leads_copy_on_the_laptop(client, lead, local):
    copies = ReportCopies(local)
    lead_desk = ReportDesk(lead, copies, lead.me().id)
    team = lead_desk.team(30)
    assert {row.advocate.name for row in team.report.advocates} >= {"Maya Castellanos"}
    desk = ReportDesk(client, copies, client.me().id)
    with pytest.raises(Rejected) as refused:
        desk.team(30)
    assert refused.value.status == 403
    assert desk.broken_products(30).report.period.last == datetime.now(UTC).date()


def test_a_broken_models_cases_and_the_lead_seeing_an_advocates_scorecard(client, lead, local):
    desk = ReportDesk(lead, ReportCopies(local), lead.me().id)
    broken = desk.broken_products(365).report
    assert broken.products, "the demo data has failures in a year"
    top = broken.products[0]
    cases = desk.broken_product_cases(top.model_number, 365).report
    assert cases.model_number == top.model_number and len(cases.cases) == top.cases
    maya = client.me()
    card = desk.scorecard(30, maya.id).report
    assert card.advocate.advocate_id == maya.id


def _resolve_two_cases(client) -> None:
    today = datetime.now(UTC)
    for delight in ("delighted", "unhappy"):  # a case each: a case has one resolution
        case = make.case(make.customer(), customer_id=CUSTOMER_ID, opened_at=today)
        client.create(
            Collection.CASES, case.model_dump(mode="json", exclude={"version"}), str(uuid.uuid4())
        )
        resolution = make.resolution(case, resolved_at=today, delight=delight)
        client.create(
            Collection.RESOLUTIONS,
            resolution.model_dump(mode="json", exclude={"version"}),
            str(uuid.uuid4()),
        )


def _assert_store_and_server_agree(client, local) -> None:
    me = client.me()
    mine = OwnScore(local).score(me.id, me.display_name).month.figures
    server = ReportDesk(client, ReportCopies(local), "me").scorecard(30).report.figures
    assert mine.resolutions == server["resolutions"] >= 2
    assert mine.delighted_share == pytest.approx(server["delighted_share"], abs=1e-4)
    assert mine.all_five_steps_share == pytest.approx(server["all_five_steps_share"], abs=1e-4)
    assert mine.remedy_cost_per_case_cents == server["remedy_cost_per_case_cents"]


def test_my_score_from_the_store_agrees_with_the_server(client, local):
    _resolve_two_cases(client)
    pull_changes(client, Replica(local))
    _assert_store_and_server_agree(client, local)


def _rename(server, admin_token: str, user_id: uuid.UUID, name: str) -> None:
    response = requests.patch(
        f"{server.url}/api/v1/users/{user_id}",
        json={"display_name": name},
        headers={"Authorization": f"Bearer {admin_token}"},
        timeout=10,
    )
    assert response.status_code == 200, response.text


def test_my_score_agrees_with_the_server_after_my_name_changed(server, client, local):
    db = Database(server.database_url)
    create_advocate(db, "root", ADMIN_PASSWORD, Role.ADMIN, display_name="Ann Admin")
    db.dispose()
    admin = signed_in(server.url, "root", ADMIN_PASSWORD)
    me = client.me()
    _resolve_two_cases(client)
    before = OwnScore(local).score(me.id, me.display_name).month.figures.resolutions
    try:
        _rename(server, admin.token, me.id, "Maya Castellanos-Ortiz")
        assert client.me().display_name == "Maya Castellanos-Ortiz"
        _resolve_two_cases(client)  # written under the new name
        pull_changes(client, Replica(local))
        _assert_store_and_server_agree(client, local)
        renamed = client.me()
        mine = OwnScore(local).score(renamed.id, renamed.display_name).month.figures
        assert mine.resolutions >= before + 4  # those from the feed and the new ones
    finally:
        _rename(server, admin.token, me.id, me.display_name)
        admin.close()
