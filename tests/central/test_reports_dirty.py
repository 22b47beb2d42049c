"""A catch-up sums again only the advocates' days that changed, and ``report_days`` is
then what summing everything from scratch gives, every report's answer byte for byte:
after a mix of changes by several advocates, a record given to another author, moved to
another day, reopened, and records from before authorship. On SQLite and PostgreSQL."""

from __future__ import annotations

from uuid import UUID, uuid4

from sqlalchemy import insert, select, text, update

from advocate_console.central.core.database import migrate, prepare_database
from advocate_console.central.records.service import save
from advocate_console.central.reports import days
from advocate_console.central.reports.feed import bring_up_to_date
from advocate_console.central.reports.models import (
    FACT_TABLES,
    ReportDayRow,
    ReportDirtyDayRow,
    ReportFeedRow,
)
from advocate_console.domain import Collection, FollowUp, Resolution, Role

from . import bodies
from .conftest import Api

ADA, LEE, ANN = Role.ADVOCATE, Role.LEAD, Role.ADMIN
PERIOD = {"from": "2026-11-01", "to": "2026-11-30"}


def _post(api: Api, path: str, body: dict, role: Role = LEE) -> dict:
    response = api.client.post(f"/api/v1{path}", json=body, headers=api.auth(role))
    assert response.status_code in (200, 201), response.text
    return response.json()


def _patch(api: Api, path: str, record: dict, changes: dict, role: Role) -> dict:
    headers = api.auth(role) | {"If-Match": f'"{record["version"]}"'}
    response = api.client.patch(f"/api/v1{path}/{record['id']}", json=changes, headers=headers)
    assert response.status_code == 200, response.text
    return response.json()


def _me(api: Api, role: Role) -> dict:
    return api.client.get("/api/v1/me", headers=api.auth(role)).json()


def _reports(api: Api) -> list[bytes]:
    """Every report an advocate's day is read by, as the API answers it."""
    ada = _me(api, ADA)["id"]
    asked = [
        ("/reports/team", LEE, PERIOD),
        ("/reports/scorecard", ADA, PERIOD),
        ("/reports/scorecard", LEE, PERIOD | {"advocate_id": ada}),
        ("/reports/scorecard", LEE, PERIOD),
        ("/reports/scorecard", ANN, PERIOD),
    ]
    answers = []
    for path, role, params in asked:
        response = api.client.get(f"/api/v1{path}", params=params, headers=api.auth(role))
        assert response.status_code == 200, response.text
        answers.append(response.content)
    return answers


def _days(api: Api) -> list[tuple]:
    with api.client.app.state.database.read() as session:
        rows = session.execute(select(ReportDayRow.__table__)).all()
    return sorted(tuple(str(value) for value in row) for row in rows)


def _written_as(api: Api, collection: Collection, record: dict, **fields) -> None:
    """``record`` changed as a sync or an old server could: its author too."""
    kind = {Collection.RESOLUTIONS: Resolution, Collection.FOLLOW_UPS: FollowUp}[collection]
    changed = kind.model_validate(record | fields | {"version": record["version"] + 1})
    with api.client.app.state.database.write() as session:
        save(session, collection, changed, new=not record.get("version"))


def _mixed_changes(api: Api) -> None:
    customer = _post(api, "/customers", bodies.customer(phones=[], emails=[]))
    cases = [_post(api, "/cases", bodies.case(customer["id"]))["id"] for _ in range(6)]
    lee, ann = _me(api, LEE), _me(api, ANN)
    on = [f"2026-11-{day}T15:00:00Z" for day in (20, 21, 22, 23)]
    mine = _post(api, "/resolutions", bodies.resolution(cases[0], resolved_at=on[0]), ADA)
    _post(api, "/resolutions", bodies.resolution(cases[1], resolved_at=on[0]), LEE)
    _reports(api)  # (a catch-up between the changes)
    moved = _post(api, "/resolutions", bodies.resolution(cases[2], resolved_at=on[1]), ADA)
    _patch(api, "/resolutions", moved, {"resolved_at": on[2], "delight": "satisfied"}, ADA)
    # Given to Lee: Ada's day loses it, Lee's gains it.
    _written_as(api, Collection.RESOLUTIONS, mine, author_id=lee["id"], author_name="Lee")
    due = _post(api, "/follow-ups", bodies.follow_up(customer["id"], due_at=on[1]), ADA)
    _patch(api, "/follow-ups", due, {"status": "done"}, ADA)
    _post(api, "/cards", bodies.card(customer["id"], created_at=on[3], state="mailed"), ANN)
    _reports(api)
    # From before authorship: by a user's name (credited to Lee), by nobody's name.
    for case_id, name in ((cases[3], lee["display_name"]), (cases[4], "Pat Former")):
        body = bodies.resolution(case_id, advocate=name, resolved_at=on[2])
        _written_as(api, Collection.RESOLUTIONS, body | {"id": str(uuid4()), "version": 0})
    _post(api, f"/cases/{cases[2]}/reopen", {"reason": "Came back."}, ADA)
    _post(api, "/resolutions", bodies.resolution(cases[2], resolved_at=on[3]), ANN)
    theirs = _post(api, "/resolutions", bodies.resolution(cases[5], resolved_at=on[3]), ANN)
    _written_as(api, Collection.RESOLUTIONS, theirs, author_id=str(UUID(ann["id"])), steps=[])


def test_a_catch_up_sums_what_changed_as_summing_everything_would(api, monkeypatch):
    _mixed_changes(api)
    answers = _reports(api)  # (the report tables caught up)
    kept = _days(api)
    with api.client.app.state.database.read() as session:
        assert session.scalar(select(ReportDirtyDayRow.day)) is None
    assert {row[3] for row in kept} == {"Ada Tester", "Lee Tester", "Ann Tester", "Pat Former"}
    db = api.client.app.state.database
    with db.write() as session:  # from scratch: every table read again from the feed
        for table in FACT_TABLES:
            session.execute(table.__table__.delete())
        session.execute(update(ReportFeedRow).values(cursor=0))
    monkeypatch.setattr(days, "WHOLE_DAYS_FROM", -1)  # every advocate's whole days
    bring_up_to_date(db)
    assert _days(api) == kept
    assert _reports(api) == answers


def test_days_marked_dirty_before_the_upgrade_are_summed_again_for_everyone(api):
    _mixed_changes(api)
    answers = _reports(api)
    kept = _days(api)
    db = api.client.app.state.database
    db.dispose()
    migrate(api.url, "0011", downgrade=True)  # the days marked, as before: not yet summed
    with db.write() as session:
        session.execute(text("UPDATE report_days SET resolutions = 99"))
        session.execute(
            text("INSERT INTO report_dirty_days (day) SELECT DISTINCT day FROM report_days")
        )
        one = session.execute(select(ReportDayRow.__table__).limit(1)).mappings().one()
        gone = {"author": "Gone", "author_id": None, "author_name": "Gone"}  # no records
        session.execute(insert(ReportDayRow.__table__).values({**one, **gone}))
    stale = _days(api)
    prepare_database(api.url)  # upgraded: every advocate of a day marked is marked
    with db.read() as session:
        marked = set(session.execute(select(ReportDirtyDayRow.day, ReportDirtyDayRow.author)))
    assert {(int(row[0]), row[1]) for row in stale} <= marked
    assert _reports(api) == answers
    assert _days(api) == kept
