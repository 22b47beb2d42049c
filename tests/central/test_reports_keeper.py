"""The report tables are kept current in the background, and a report asked for right
after a write still counts it. On SQLite and PostgreSQL, on the real server."""

from __future__ import annotations

import threading
import time

import pytest
from sqlalchemy import func, select, text

from advocate_console.central.changes.models import ChangeRow
from advocate_console.central.core.clock import utc_now
from advocate_console.central.core.database import Database
from advocate_console.central.records.service import save
from advocate_console.central.reports import team_kept
from advocate_console.central.reports.feed import REPORTS_LOCK, report_state
from advocate_console.central.reports.keeper import ReportKeeper
from advocate_console.central.reports.models import (
    ReportDayRow,
    ReportFeedRow,
    ReportResolutionRow,
)
from advocate_console.central.reports.period import period_of
from advocate_console.domain import Collection, Role
from tests import factories
from tests.plumbing import wait_until

from . import bodies
from .conftest import Api

ADA, LEE = Role.ADVOCATE, Role.LEAD
PERIOD = {"from": "2026-11-01", "to": "2026-11-30"}


def _post(api: Api, path: str, body: dict, role: Role = LEE) -> dict:
    response = api.client.post(f"/api/v1{path}", json=body, headers=api.auth(role))
    assert response.status_code == 201, response.text
    return response.json()


def _resolve(api: Api) -> str:
    customer = _post(api, "/customers", bodies.customer(phones=[], emails=[]))
    case = _post(api, "/cases", bodies.case(customer["id"]))
    return _post(api, "/resolutions", bodies.resolution(case["id"]), ADA)["id"]


def _resolutions_on_scorecard(api: Api) -> int:
    response = api.client.get("/api/v1/reports/scorecard", params=PERIOD, headers=api.auth(ADA))
    assert response.status_code == 200, response.text
    return response.json()["figures"]["resolutions"]


def test_a_scorecard_asked_right_after_a_write_counts_it(api):
    for count in range(1, 5):  # (the keeper catching up meanwhile, or not yet)
        _resolve(api)
        assert _resolutions_on_scorecard(api) == count


def test_a_scorecard_waits_for_its_advocates_changes_not_for_everyone_elses(api, database_url):
    # Under steady writes the feed is always ahead of the report tables: a scorecard that
    # waited for every change committed before it was asked waited for a catch-up each
    # time. Here no catch-up can run (its turn is held) while the lead writes.
    if not database_url.startswith("postgresql"):
        pytest.skip("the catch-ups' turn is an advisory lock on PostgreSQL")
    _resolve(api)  # (the advocate's own, counted)
    assert _resolutions_on_scorecard(api) == 1
    db = api.client.app.state.database
    answered: list[int] = []
    with db.write() as session:
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": REPORTS_LOCK})
        customer = _post(api, "/customers", bodies.customer(phones=[], emails=[]))
        _post(api, "/cases", bodies.case(customer["id"]))  # the lead's
        asking = threading.Thread(target=lambda: answered.append(_resolutions_on_scorecard(api)))
        asking.start()
        asking.join(5)
        on_time = not asking.is_alive()
    asking.join(30)
    assert on_time, "the scorecard waited for another user's change to reach the tables"
    assert answered == [1]


def test_scorecards_waiting_for_a_catch_up_leave_the_threads_to_the_other_requests(
    api, database_url
):
    # A worker answers plain routes on as many threads as its pool has connections (10
    # here): scorecards waiting for the tables held them, and a write queued behind.
    if not database_url.startswith("postgresql"):
        pytest.skip("the catch-ups' turn is an advisory lock on PostgreSQL")
    db = api.client.app.state.database
    answered: list[int] = []
    with db.write() as session:
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": REPORTS_LOCK})
        _resolve(api)  # the advocate's own: her scorecards wait for it to be counted
        asking = [
            threading.Thread(target=lambda: answered.append(_resolutions_on_scorecard(api)))
            for _ in range(12)
        ]
        for asker in asking:
            asker.start()
        time.sleep(1)  # (all of them waiting)
        writing = threading.Thread(target=_post, args=(api, "/customers", bodies.customer()))
        writing.start()
        writing.join(5)
        written = not writing.is_alive()
    for thread in [*asking, writing]:
        thread.join(30)
    assert written, "a write waited for the threads scorecards held"
    assert answered == [1] * 12


def test_after_a_catch_up_the_keeper_works_the_team_out_for_the_next_scorecards(api):
    db = api.client.app.state.database
    response = api.client.get("/api/v1/reports/scorecard", headers=api.auth(ADA))
    assert response.status_code == 200, response.text  # (scorecards asked for lately)
    _post(api, "/customers", bodies.customer(phones=[], emails=[]))  # the lead's change

    def kept_ahead() -> bool:
        reached, newest, _dirty = report_state(db)
        period, today = period_of(None, None), utc_now().date()
        return reached == newest and team_kept.kept(db, reached, period, today) is not None

    wait_until(kept_ahead, timeout=10, what="the keeper to work the team's medians out")
    card = api.client.get("/api/v1/reports/scorecard", headers=api.auth(ADA)).json()
    assert card["team_size"] == response.json()["team_size"]


def test_the_report_tables_catch_up_after_writes_with_no_report_asked_for(api):
    resolution = _resolve(api)
    db = api.client.app.state.database

    def current() -> bool:
        with db.read() as session:
            reached = session.scalar(select(ReportFeedRow.cursor))
            newest = session.scalar(select(func.max(ChangeRow.cursor)))
            counted = session.scalar(
                select(ReportResolutionRow.resolution_id).where(
                    ReportResolutionRow.resolution_id == resolution
                )
            )
        return reached == newest and counted is not None

    wait_until(current, timeout=10, what="the report tables to hold the resolution")


def test_two_workers_keepers_count_every_resolution_once(database_url):
    if not database_url.startswith("postgresql"):
        pytest.skip("one worker on SQLite")
    workers = [Database(database_url, pool_size=4) for _ in range(2)]
    keepers = [ReportKeeper(db) for db in workers]
    for keeper in keepers:
        keeper.start()

    def write(db: Database, count: int) -> None:
        for _ in range(count):
            customer = factories.customer()
            case = factories.case(customer)
            with db.write() as session:
                save(session, Collection.CUSTOMERS, customer, new=True)
                save(session, Collection.CASES, case, new=True)
                save(session, Collection.RESOLUTIONS, factories.resolution(case), new=True)

    writers = [threading.Thread(target=write, args=(db, 15)) for db in workers * 2]
    try:
        for writer in writers:
            writer.start()
        for writer in writers:
            writer.join(60)
        db = workers[0]

        def counted() -> int | None:
            reached, newest, dirty = report_state(db)
            if reached < newest or dirty:
                return None
            with db.read() as session:
                rows = session.scalar(select(func.count()).select_from(ReportResolutionRow))
                summed = session.scalar(select(func.sum(ReportDayRow.resolutions)))
            return rows if rows == summed else None

        assert wait_until(counted, timeout=20, what="both keepers to catch up") == 60
    finally:
        for keeper in keepers:
            keeper.stop()
        for db in workers:
            db.dispose()
