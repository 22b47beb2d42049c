"""The scorecard counts what advocates did with suggested remedies, also for resolutions
saved before the server counted them (revision 0011 reads the change feed again). On
SQLite and PostgreSQL."""

from __future__ import annotations

from sqlalchemy import select

from advocate_console.central.core.database import migrate, prepare_database
from advocate_console.central.reports.models import ReportFeedRow, ReportResolutionRow
from advocate_console.domain import Role

from . import bodies
from .conftest import Api

ADA, LEE = Role.ADVOCATE, Role.LEAD
PERIOD = {"from": "2026-11-01", "to": "2026-11-30"}
COUNTED = ("suggestions_accepted", "suggestions_dismissed", "suggestion_accepted_share")


def _post(api: Api, path: str, body: dict, role: Role = LEE) -> dict:
    response = api.client.post(f"/api/v1{path}", json=body, headers=api.auth(role))
    assert response.status_code == 201, response.text
    return response.json()


def _resolve(api: Api, *outcomes: str) -> None:
    customer = _post(api, "/customers", bodies.customer(phones=[], emails=[]))
    case = _post(api, "/cases", bodies.case(customer["id"]))
    suggestions = [
        {"rule": f"rule:{number}", "remedies": [], "outcome": outcome}
        for number, outcome in enumerate(outcomes)
    ]
    _post(api, "/resolutions", bodies.resolution(case["id"], suggestions=suggestions), ADA)


def _counted(api: Api) -> tuple:
    response = api.client.get("/api/v1/reports/scorecard", params=PERIOD, headers=api.auth(ADA))
    assert response.status_code == 200, response.text
    return tuple(response.json()["figures"][name] for name in COUNTED)


def test_an_upgraded_server_counts_the_suggestions_of_resolutions_already_on_record(api):
    _resolve(api, "accepted", "dismissed", "shown")
    _resolve(api, "dismissed")
    assert _counted(api) == (1, 2, 0.5)  # the report tables are filled
    api.client.app.state.database.dispose()
    migrate(api.url, "0010", downgrade=True)  # as the reports were: no suggestions
    prepare_database(api.url)  # upgraded: emptied, to be read again from the change feed
    with api.client.app.state.database.read() as session:
        assert session.scalar(select(ReportFeedRow.cursor)) == 0
        assert session.scalar(select(ReportResolutionRow.resolution_id)) is None
    _resolve(api, "accepted", "accepted")
    assert _counted(api) == (3, 2, 0.6667)
