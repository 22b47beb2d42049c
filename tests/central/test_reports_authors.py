"""The reports credit each record to the user the server stamped as its author (by id),
whatever name it carries; records from before authorship by the name they carry. On
SQLite and PostgreSQL."""

from __future__ import annotations

from uuid import UUID, uuid4

from sqlalchemy import select

from advocate_console.central.core.database import migrate, prepare_database
from advocate_console.central.records.service import save
from advocate_console.central.reports.models import ReportFeedRow, ReportResolutionRow
from advocate_console.domain import Collection, Resolution, Role

from . import bodies
from .conftest import Api

ADA, LEE, ANN = Role.ADVOCATE, Role.LEAD, Role.ADMIN
PERIOD = {"from": "2026-11-01", "to": "2026-11-30"}


def _post(api: Api, path: str, body: dict, role: Role = LEE) -> dict:
    response = api.client.post(f"/api/v1{path}", json=body, headers=api.auth(role))
    assert response.status_code == 201, response.text
    return response.json()


def _me(api: Api, role: Role) -> dict:
    return api.client.get("/api/v1/me", headers=api.auth(role)).json()


def _cases(api: Api, count: int) -> list[str]:
    customer = _post(api, "/customers", bodies.customer(phones=[], emails=[]))
    return [_post(api, "/cases", bodies.case(customer["id"]))["id"] for _ in range(count)]


def _resolve(api: Api, case_id: str, role: Role, **fields) -> dict:
    return _post(api, "/resolutions", bodies.resolution(case_id, **fields), role)


def _resolutions(api: Api, role: Role = ADA, **params) -> int:
    response = api.client.get(
        "/api/v1/reports/scorecard", params=PERIOD | params, headers=api.auth(role)
    )
    assert response.status_code == 200, response.text
    return response.json()["figures"]["resolutions"]


def _team(api: Api) -> dict[str, tuple[str | None, int]]:
    response = api.client.get("/api/v1/reports/team", params=PERIOD, headers=api.auth(LEE))
    assert response.status_code == 200, response.text
    return {
        row["advocate"]["name"]: (row["advocate"]["advocate_id"], row["figures"]["resolutions"])
        for row in response.json()["advocates"]
    }


def _rename(api: Api, user_id: str, name: str) -> None:
    response = api.client.patch(
        f"/api/v1/users/{user_id}", json={"display_name": name}, headers=api.auth(ANN)
    )
    assert response.status_code == 200, response.text


def test_a_renamed_advocate_keeps_every_resolution(api):
    first, second, third = _cases(api, 3)
    ada = _me(api, ADA)["id"]
    _resolve(api, first, ADA)
    _resolve(api, second, ADA)
    assert _resolutions(api) == 2
    _rename(api, ada, "Ada Newname")
    _resolve(api, third, ADA)  # written under the new name
    assert _resolutions(api) == 3
    assert _resolutions(api, LEE, advocate_id=ada) == 3
    # One row, under the name they have now, not one per name they have had.
    assert _team(api) == {"Ada Newname": (ada, 3)}


def test_work_saved_under_someone_elses_name_counts_for_whoever_wrote_it(api):
    (case_id,) = _cases(api, 1)
    lee = _me(api, LEE)
    # Saved offline on a console where Lee had been signed in, sent with Ada's token.
    sent = _resolve(api, case_id, ADA, advocate=lee["display_name"])
    assert sent["author_id"] == _me(api, ADA)["id"]
    assert _resolutions(api, ADA) == 1
    assert _resolutions(api, LEE) == 0
    assert _team(api) == {"Ada Tester": (_me(api, ADA)["id"], 1)}


def _written_before_authorship(api: Api, case_id: str, advocate: str) -> None:
    """A resolution as the server kept it before authorship: its name, no author id."""
    body = bodies.resolution(case_id, advocate=advocate)
    record = Resolution.model_validate(body | {"id": uuid4(), "version": 1})
    assert record.author_id is None
    with api.client.app.state.database.write() as session:
        save(session, Collection.RESOLUTIONS, record, new=True)


def test_records_from_before_authorship_count_by_the_name_they_carry(api):
    mine, gone, stamped = _cases(api, 3)
    ada = _me(api, ADA)["id"]
    _written_before_authorship(api, mine, "Ada Tester")
    _written_before_authorship(api, gone, "Pat Former")  # no user has this name
    assert _resolutions(api) == 1
    assert _team(api) == {"Ada Tester": (ada, 1), "Pat Former": (None, 1)}
    # Credited to Ada's id once read: a rename later does not take it from her.
    _rename(api, ada, "Ada Newname")
    _resolve(api, stamped, ADA)
    assert _resolutions(api) == 2
    assert _team(api) == {"Ada Newname": (ada, 2), "Pat Former": (None, 1)}


def test_an_upgraded_server_counts_its_old_report_rows_again_by_author(api):
    first, second = _cases(api, 2)
    ada = _me(api, ADA)["id"]
    _resolve(api, first, ADA)
    assert _resolutions(api) == 1  # the report tables are filled
    api.client.app.state.database.dispose()
    migrate(api.url, "0005", downgrade=True)  # as the reports were before: by name
    prepare_database(api.url)  # upgraded: emptied, to be read again from the change feed
    with api.client.app.state.database.read() as session:
        assert session.scalar(select(ReportFeedRow.cursor)) == 0
        assert session.scalar(select(ReportResolutionRow.resolution_id)) is None
    _rename(api, ada, "Ada Newname")
    _resolve(api, second, ADA)
    assert _resolutions(api) == 2
    with api.client.app.state.database.read() as session:
        credited = set(session.scalars(select(ReportResolutionRow.author_id)))
    assert {str(UUID(str(author))) for author in credited} == {ada}
