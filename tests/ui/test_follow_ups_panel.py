"""The follow-ups list: mine by default, the team's at a switch; overdue first and in red;
one click opens the caller; "Mark done" asks how the call went, logs it, and can be taken
back for a few seconds."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import QWidget

from advocate_console.domain import Collection, FollowUpKind, FollowUpStatus, InteractionKind
from advocate_console.domain.follow_up_calls import CallResult
from advocate_console.store import CallerDirectory, LocalChanges, Replica
from advocate_console.store.follow_ups import FollowUpList
from advocate_console.ui.follow_ups_panel import OWNER_COLUMN, FollowUpsPanel
from advocate_console.ui.record_models import BADGE_ROLE
from tests import factories as make

ME = "Dana Whitfield"


@pytest.fixture
def people(store):
    """Maria's callback (mine) is two days late, Bo's proactive call (mine) due in an hour,
    Ann's callback (Lee Ortiz's) in six, and Kim's (Lee's too) three days late."""
    maria = make.customer()
    ann = make.customer(display_name="Ann Lee", phones=["+14155550101"], emails=[])
    bo = make.customer(display_name="Bo Lee", phones=["+14155550102"], emails=[])
    kim = make.customer(display_name="Kim Park", phones=["+14155550103"], emails=[])
    case = make.case(maria)
    Replica(store).apply(
        [
            (Collection.CUSTOMERS, maria),
            (Collection.CUSTOMERS, ann),
            (Collection.CUSTOMERS, bo),
            (Collection.CUSTOMERS, kim),
            (Collection.CASES, case),
            (
                Collection.FOLLOW_UPS,
                make.follow_up(
                    ann,
                    due_at=make.NOW + timedelta(hours=6),
                    reason="Parts arrived?",
                    advocate="Lee Ortiz",
                ),
            ),
            (
                Collection.FOLLOW_UPS,
                make.follow_up(
                    kim,
                    due_at=make.NOW - timedelta(days=3),
                    reason="Fridge still cold?",
                    advocate="Lee Ortiz",
                ),
            ),
            (
                Collection.FOLLOW_UPS,
                make.follow_up(
                    maria,
                    case_id=case.id,
                    due_at=make.NOW - timedelta(days=2),
                    reason="Check the replacement arrived.",
                    advocate=ME,
                ),
            ),
            (
                Collection.FOLLOW_UPS,
                make.follow_up(
                    bo,
                    kind=FollowUpKind.PROACTIVE,
                    due_at=make.NOW + timedelta(hours=1),
                    reason="Settled in with the new range?",
                    advocate=ME,
                ),
            ),
        ]
    )
    return {"maria": maria, "ann": ann, "bo": bo, "case": case}


@pytest.fixture
def panel(qtbot, store, people):
    shown = FollowUpsPanel(FollowUpList(store, advocate=ME, clock=lambda: make.NOW))
    qtbot.addWidget(shown)
    shown.resize(560, 320)
    shown.show()
    with qtbot.waitSignal(shown.sig_refreshed, timeout=5000):
        shown.refresh()
    return shown


def column(panel: FollowUpsPanel, number: int, role=Qt.ItemDataRole.DisplayRole) -> list:
    model = panel.model
    return [model.data(model.index(row, number), role) for row in range(model.rowCount())]


def test_overdue_follow_ups_come_first_and_stand_out(panel, people):
    assert column(panel, 1) == ["Maria Garcia", "Bo Lee"]
    assert column(panel, 2) == ["Callback", "Proactive"]
    assert people["case"].number in column(panel, 4, Qt.ItemDataRole.ToolTipRole)[0]
    assert column(panel, 0, BADGE_ROLE) == ["overdue", "due"]
    assert column(panel, 0)[0].endswith(", overdue")
    assert column(panel, 4, Qt.ItemDataRole.BackgroundRole)[0] is not None
    assert column(panel, 4, Qt.ItemDataRole.BackgroundRole)[1] is None
    assert panel.title.text() == "Mine: 1 overdue, 1 due soon"


def test_mine_by_default_and_the_team_at_a_switch_with_owners(qtbot, panel):
    assert panel.mine_button.isChecked() and panel.table.isColumnHidden(OWNER_COLUMN)
    assert panel.dock_title() == "Follow-ups · 2 mine"

    with qtbot.waitSignal(panel.sig_refreshed, timeout=5000) as refreshed:
        panel.team_button.click()
        panel.refresh()
    assert refreshed.args == [2]  # the dock's count stays the count of mine
    assert column(panel, 1) == ["Kim Park", "Maria Garcia", "Bo Lee", "Ann Lee"]
    assert not panel.table.isColumnHidden(OWNER_COLUMN)
    assert column(panel, OWNER_COLUMN) == ["Lee Ortiz", "You", "You", "Lee Ortiz"]
    assert panel.title.text() == "Team: 2 overdue, 2 due soon"
    assert panel.dock_title() == "Follow-ups · 2 mine"

    panel.mine_button.click()
    assert column(panel, 1) == ["Maria Garcia", "Bo Lee"]


def test_one_click_opens_the_caller(qtbot, panel, people):
    rect = panel.table.visualRect(panel.model.index(1, 1))
    with qtbot.waitSignal(panel.sig_caller_requested, timeout=5000) as requested:
        qtbot.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert requested.args == [people["bo"].id]
    assert panel.done_button.isEnabled()


def _log(qtbot, panel, result: CallResult, call_again=None):
    """Mark the chosen follow-up done, answering the dialog as the advocate would."""
    panel.done_button.click()
    dialog = panel.call_dialog
    assert dialog.isVisible() and "Maria Garcia" in dialog.windowTitle()
    dialog.choose(result)
    if call_again is not None:
        dialog.call_again.setDateTime(QDateTime(call_again.astimezone()))
    with (
        qtbot.waitSignal(panel.sig_completed, timeout=5000) as completed,
        qtbot.waitSignal(panel.sig_refreshed, timeout=5000),
    ):
        dialog.box.accepted.emit()
    return completed.args[0]


def test_done_asks_how_the_call_went_and_logs_it(qtbot, store, panel, people):
    panel.open_row(0)
    done_id = _log(qtbot, panel, CallResult.LEFT_MESSAGE)

    history = CallerDirectory(store).history(people["maria"].id)
    [follow_up] = history.follow_ups
    assert done_id == follow_up.id
    assert follow_up.status is FollowUpStatus.DONE and follow_up.completed_at == make.NOW
    [logged] = history.interactions
    assert logged.kind is InteractionKind.CALLBACK and logged.case_id == people["case"].id
    assert logged.summary == "Called back, left a message: Check the replacement arrived."
    assert logged.advocate == ME
    assert [(e.collection, e.op) for e in LocalChanges(store).entries()] == [
        (Collection.INTERACTIONS, "create"),
        (Collection.FOLLOW_UPS, "patch"),
    ]
    assert column(panel, 1) == ["Bo Lee"]
    assert panel.title.text() == "Mine: 0 overdue, 1 due soon"
    assert panel.undo_bar.isVisible()
    assert panel.undo_bar.note.text() == "Call with Maria Garcia logged: left a message."


def test_no_answer_keeps_it_open_until_the_new_time(qtbot, store, panel, people):
    panel.open_row(0)
    again = make.NOW + timedelta(days=2, hours=3)
    _log(qtbot, panel, CallResult.NO_ANSWER, again)

    [follow_up] = CallerDirectory(store).history(people["maria"].id).follow_ups
    assert follow_up.status is FollowUpStatus.OPEN and follow_up.due_at == again
    assert follow_up.advocate == ME  # still the owner's
    [logged] = CallerDirectory(store).history(people["maria"].id).interactions
    assert logged.summary.startswith("Called back, no answer:")
    assert column(panel, 1) == ["Bo Lee"]  # due again after the list's horizon


def test_a_time_to_call_again_in_the_past_is_refused(qtbot, panel):
    panel.open_row(0)
    panel.done_button.click()
    dialog = panel.call_dialog
    dialog.choose(CallResult.NO_ANSWER)
    dialog.call_again.setMinimumDateTime(QDateTime(make.NOW.astimezone() - timedelta(days=9)))
    dialog.call_again.setDateTime(QDateTime((make.NOW - timedelta(hours=1)).astimezone()))
    dialog.box.accepted.emit()
    assert dialog.isVisible() and dialog.problem.text() == (
        "That time has passed: choose a later one."
    )
    dialog.reject()


def test_undo_takes_the_call_back_with_its_outbox_entries(qtbot, store, panel, people):
    panel.open_row(0)
    _log(qtbot, panel, CallResult.REACHED)
    assert LocalChanges(store).waiting() == 2

    with (
        qtbot.waitSignal(panel.sig_completed, timeout=5000),
        qtbot.waitSignal(panel.sig_refreshed, timeout=5000),
    ):
        panel.undo_bar.button.click()

    history = CallerDirectory(store).history(people["maria"].id)
    assert [f.status for f in history.follow_ups] == [FollowUpStatus.OPEN]
    assert history.follow_ups[0].completed_at is None
    assert history.interactions == []
    assert LocalChanges(store).entries() == []  # the server never hears of it
    assert column(panel, 1) == ["Maria Garcia", "Bo Lee"]
    assert not panel.undo_bar.isVisible()


def test_undo_lasts_a_few_seconds(qtbot, panel):
    panel.open_row(0)
    _log(qtbot, panel, CallResult.REACHED)
    panel.undo_bar.timer.timeout.emit()  # the seconds are up
    assert not panel.undo_bar.isVisible()
    panel.undo()  # Ctrl+Z now does nothing
    assert column(panel, 1) == ["Bo Lee"]


def test_nothing_due_says_so(qtbot, store):
    panel = FollowUpsPanel(FollowUpList(store, clock=lambda: make.NOW))
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.sig_refreshed, timeout=5000) as refreshed:
        panel.refresh()
    assert refreshed.args == [0]
    assert panel.empty.isVisibleTo(panel) and not panel.done_button.isEnabled()
    assert panel.empty.text() == "Nothing due. Well done."


def test_every_control_has_an_accessible_name(panel):
    controls = [
        widget
        for widget in panel.findChildren(QWidget)
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        and widget.window() is panel
        and not widget.objectName().startswith("qt_")
    ]
    assert len(controls) == 6
    for widget in controls:
        assert widget.accessibleName(), widget
