"""The advocate's own score read from the local store, and the reports' kept copies."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from advocate_console.domain import Collection
from advocate_console.store import LocalChanges, open_store
from advocate_console.store.database import upgrade
from advocate_console.store.report_copies import ReportCopies
from advocate_console.store.rows import record_values, table_of
from advocate_console.store.scores import OwnScore
from tests import factories as make

NOW = make.NOW


def test_only_my_resolutions_count_and_a_saved_one_counts_at_once(store):
    case = make.case(make.customer())
    mine = make.resolution(case, resolved_at=NOW - timedelta(days=2))
    theirs = make.resolution(case, resolved_at=NOW - timedelta(days=1), advocate="Soo-jin Park")
    old = make.resolution(case, resolved_at=NOW - timedelta(days=400))
    changes = LocalChanges(store)
    for record in (mine, theirs, old):
        changes.create(Collection.RESOLUTIONS, record)
    scores = OwnScore(store, clock=lambda: NOW)
    score = scores.score("Maya Castellanos")
    assert score.week.figures.resolutions == 1
    assert score.month.figures.remedy_cost_cents == 12_000
    assert scores.score("Soo-jin Park").week.figures.resolutions == 1
    assert scores.score("Nobody Here").month.figures.resolutions == 0

    changes.create(
        Collection.RESOLUTIONS, make.resolution(case, resolved_at=NOW, delight="unhappy")
    )
    score = scores.score("Maya Castellanos")
    assert (score.week.figures.resolutions, score.week.figures.unhappy) == (2, 1)


def test_resolutions_stored_before_the_score_existed_are_counted_after_the_upgrade(tmp_path):
    old = open_store(tmp_path / "old.sqlite", migrate=False)
    upgrade(old.engine, "0004")
    case = make.case(make.customer())
    resolution = make.resolution(case, resolved_at=NOW - timedelta(hours=30))
    values = record_values(Collection.RESOLUTIONS, resolution)
    with old.engine.begin() as connection:  # as version 0004 of the app wrote it
        connection.exec_driver_sql(
            "INSERT INTO resolutions (id, version, data, case_id) VALUES (?, ?, ?, ?)",
            (values["id"].hex, 1, values["data"], values["case_id"].hex),
        )
    old.close()
    upgraded = open_store(tmp_path / "old.sqlite")
    scores = OwnScore(upgraded, clock=lambda: NOW)
    assert scores.score("Maya Castellanos").week.figures.resolutions == 1
    # Its day is the month's first 29 days later, and before it 30 days later.
    for days, counted in ((29, 1), (30, 0)):
        later = OwnScore(upgraded, clock=lambda days=days: resolution.resolved_at + timedelta(days))
        assert later.score("Maya Castellanos").month.figures.resolutions == counted
    upgraded.close()


def test_a_report_copy_is_kept_per_user_and_replaced_by_the_next(store):
    copies = ReportCopies(store)
    first = datetime(2026, 11, 20, 9, 30, tzinfo=UTC)
    copies.keep("lead-id", "team?days=30", '{"a": 1}', first)
    copies.keep("lead-id", "team?days=30", '{"a": 2}', first + timedelta(hours=1))
    kept = copies.last("lead-id", "team?days=30")
    assert kept.body == '{"a": 2}' and kept.as_of == first + timedelta(hours=1)
    assert copies.last("advocate-id", "team?days=30") is None
    copies.forget("lead-id")
    assert copies.last("lead-id", "team?days=30") is None


def test_the_score_reads_through_the_index(store):
    with store.engine.connect() as connection:
        plan = connection.exec_driver_sql(
            "EXPLAIN QUERY PLAN SELECT data FROM resolutions WHERE advocate = ? "
            "AND resolved_at >= ?",
            ("Maya Castellanos", "2026-01-01"),
        ).fetchall()
    assert "ix_resolutions_advocate_resolved" in str(plan)
    assert table_of(Collection.RESOLUTIONS).__tablename__ == "resolutions"
