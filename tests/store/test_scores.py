"""The advocate's own score read from the local store (by author id: the server's stamp,
or the outbox's for work not sent yet; by name before authorship), and the reports'
kept copies."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

from advocate_console.domain import Collection, Resolution
from advocate_console.store import LocalChanges, Replica, open_store
from advocate_console.store.database import upgrade
from advocate_console.store.outbox_authors import OutboxAuthor, set_outbox_author
from advocate_console.store.report_copies import ReportCopies
from advocate_console.store.rows import record_values, table_of
from advocate_console.store.scores import OwnScore
from tests import factories as make

NOW = make.NOW


MAYA = OutboxAuthor(uuid.uuid4(), "Maya Castellanos")
SOOJIN = OutboxAuthor(uuid.uuid4(), "Soo-jin Park")


def _figures(scores: OwnScore, who: OutboxAuthor, period: str = "week"):
    return getattr(scores.score(who.id, who.name), period).figures


def _from_server(store, *resolutions: Resolution) -> None:
    Replica(store).apply([(Collection.RESOLUTIONS, record) for record in resolutions])


def _by(who: OutboxAuthor, case, name: str | None = None, **fields) -> Resolution:
    """A resolution as the server keeps it: stamped with its author from the token, and
    the name they had then (``name``; theirs now unless given)."""
    name = name or who.name
    return make.resolution(case, author_id=who.id, author_name=name, advocate=name, **fields)


def test_only_my_resolutions_count_and_a_saved_one_counts_at_once(store):
    case = make.case(make.customer())
    mine = _by(MAYA, case, resolved_at=NOW - timedelta(days=2))
    theirs = _by(SOOJIN, case, resolved_at=NOW - timedelta(days=1))
    old = _by(MAYA, case, resolved_at=NOW - timedelta(days=400))
    _from_server(store, mine, theirs, old)
    scores = OwnScore(store, clock=lambda: NOW)
    assert _figures(scores, MAYA).resolutions == 1
    assert _figures(scores, MAYA, "month").remedy_cost_cents == 12_000
    assert _figures(scores, SOOJIN).resolutions == 1
    assert _figures(scores, OutboxAuthor(uuid.uuid4(), "Nobody Here"), "month").resolutions == 0

    set_outbox_author(store, MAYA)  # Maya signed in on this laptop
    saved = make.resolution(case, resolved_at=NOW, delight="unhappy")
    LocalChanges(store).create(Collection.RESOLUTIONS, saved)
    week = _figures(scores, MAYA)
    assert (week.resolutions, week.unhappy) == (2, 1)


def test_a_renamed_advocate_keeps_their_score(store):
    case = make.case(make.customer())
    _from_server(
        store,
        _by(MAYA, case, name="Maya Castellanos", resolved_at=NOW - timedelta(days=1)),
        _by(MAYA, case, name="Maya Castellanos-Ortiz", resolved_at=NOW),
    )
    renamed = OutboxAuthor(MAYA.id, "Maya Castellanos-Ortiz")
    scores = OwnScore(store, clock=lambda: NOW)
    assert _figures(scores, renamed).resolutions == 2
    assert _figures(scores, MAYA).resolutions == 2


def test_work_counts_for_whoever_wrote_it_whatever_name_it_carries(store):
    case = make.case(make.customer())
    # On the server: Soo-jin's, whatever name it carries (the id decides).
    _from_server(store, _by(SOOJIN, case, name=MAYA.name, resolved_at=NOW - timedelta(days=1)))
    # Not on the server yet: saved here by Soo-jin under Maya's name, and by Maya under
    # Soo-jin's; the outbox knows who saved each.
    changes = LocalChanges(store)
    set_outbox_author(store, SOOJIN)
    changes.create(Collection.RESOLUTIONS, make.resolution(case, advocate=MAYA.name))
    set_outbox_author(store, MAYA)
    changes.create(Collection.RESOLUTIONS, make.resolution(case, advocate=SOOJIN.name))
    scores = OwnScore(store, clock=lambda: NOW)
    assert _figures(scores, SOOJIN).resolutions == 2
    assert _figures(scores, MAYA).resolutions == 1


def test_resolutions_from_before_authorship_count_by_their_name(store):
    case = make.case(make.customer())
    _from_server(store, make.resolution(case, resolved_at=NOW - timedelta(days=1)))  # no id
    LocalChanges(store).create(Collection.RESOLUTIONS, make.resolution(case))  # nobody signed in
    scores = OwnScore(store, clock=lambda: NOW)
    assert _figures(scores, MAYA).resolutions == 2
    assert _figures(scores, SOOJIN).resolutions == 0


def test_resolutions_stored_before_the_score_existed_are_counted_after_the_upgrade(tmp_path):
    old = open_store(tmp_path / "old.sqlite", migrate=False)
    upgrade(old.engine, "0004")
    case = make.case(make.customer())
    resolution = make.resolution(case, resolved_at=NOW - timedelta(hours=30))
    stamped = _by(MAYA, case, name="Maya C.", resolved_at=NOW - timedelta(hours=20))
    with old.engine.begin() as connection:  # as version 0004 of the app wrote it
        for record in (resolution, stamped):
            values = record_values(Collection.RESOLUTIONS, record)
            connection.exec_driver_sql(
                "INSERT INTO resolutions (id, version, data, case_id) VALUES (?, ?, ?, ?)",
                (values["id"].hex, 1, values["data"], values["case_id"].hex),
            )
    old.close()
    upgraded = open_store(tmp_path / "old.sqlite")
    scores = OwnScore(upgraded, clock=lambda: NOW)
    assert _figures(scores, MAYA).resolutions == 2  # one by its name, one by its author id
    # Its day is the month's first 29 days later, and before it 30 days later.
    for days, counted in ((29, 1), (30, 0)):
        later = OwnScore(upgraded, clock=lambda days=days: resolution.resolved_at + timedelta(days))
        assert _figures(later, OutboxAuthor(uuid.uuid4(), MAYA.name), "month").resolutions == (
            counted
        )
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
            "EXPLAIN QUERY PLAN SELECT data FROM resolutions WHERE author_id = ? "
            "AND resolved_at >= ?",
            (MAYA.id.hex, "2026-01-01"),
        ).fetchall()
    assert "ix_resolutions_author_resolved" in str(plan)
    assert table_of(Collection.RESOLUTIONS).__tablename__ == "resolutions"
