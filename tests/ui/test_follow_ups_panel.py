"""The follow-ups list: overdue first and in red, one click opens the caller, "Done" logs
the call."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from advocate_console.domain import Collection, FollowUpKind, FollowUpStatus, InteractionKind
from advocate_console.store import CallerDirectory, LocalChanges, Replica
from advocate_console.store.follow_ups import FollowUpList
from advocate_console.ui.follow_ups_panel import FollowUpsPanel
from advocate_console.ui.record_models import BADGE_ROLE
from tests import factories as make


@pytest.fixture
def people(store):
    """Maria's callback is two days late, Bo's proactive call due in an hour, Ann's in six."""
    maria = make.customer()
    ann = make.customer(display_name="Ann Lee", phones=["+14155550101"], emails=[])
    bo = make.customer(display_name="Bo Lee", phones=["+14155550102"], emails=[])
    case = make.case(maria)
    Replica(store).apply(
        [
            (Collection.CUSTOMERS, maria),
            (Collection.CUSTOMERS, ann),
            (Collection.CUSTOMERS, bo),
            (Collection.CASES, case),
            (
                Collection.FOLLOW_UPS,
                make.follow_up(ann, due_at=make.NOW + timedelta(hours=6), reason="Parts arrived?"),
            ),
            (
                Collection.FOLLOW_UPS,
                make.follow_up(
                    maria,
                    case_id=case.id,
                    due_at=make.NOW - timedelta(days=2),
                    reason="Check the replacement arrived.",
                ),
            ),
            (
                Collection.FOLLOW_UPS,
                make.follow_up(
                    bo,
                    kind=FollowUpKind.PROACTIVE,
                    due_at=make.NOW + timedelta(hours=1),
                    reason="Settled in with the new range?",
                ),
            ),
        ]
    )
    return {"maria": maria, "ann": ann, "bo": bo, "case": case}


@pytest.fixture
def panel(qtbot, store, people):
    shown = FollowUpsPanel(FollowUpList(store, advocate="Dana Whitfield", clock=lambda: make.NOW))
    qtbot.addWidget(shown)
    shown.resize(500, 300)
    shown.show()
    with qtbot.waitSignal(shown.sig_refreshed, timeout=5000):
        shown.refresh()
    return shown


def column(panel: FollowUpsPanel, number: int, role=Qt.ItemDataRole.DisplayRole) -> list:
    model = panel.model
    return [model.data(model.index(row, number), role) for row in range(model.rowCount())]


def test_overdue_follow_ups_come_first_and_stand_out(panel, people):
    assert column(panel, 1) == ["Maria Garcia", "Bo Lee", "Ann Lee"]
    assert column(panel, 2) == ["Callback", "Proactive", "Callback"]
    assert people["case"].number in column(panel, 3, Qt.ItemDataRole.ToolTipRole)[0]
    assert column(panel, 0, BADGE_ROLE) == ["overdue", "due", "due"]
    assert column(panel, 0)[0].endswith(", overdue")
    assert column(panel, 3, Qt.ItemDataRole.BackgroundRole)[0] is not None
    assert column(panel, 3, Qt.ItemDataRole.BackgroundRole)[1] is None
    assert panel.title.text() == "Follow-ups: 1 overdue, 2 due soon"


def test_one_click_opens_the_caller(qtbot, panel, people):
    rect = panel.table.visualRect(panel.model.index(1, 1))
    with qtbot.waitSignal(panel.sig_caller_requested, timeout=5000) as requested:
        qtbot.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert requested.args == [people["bo"].id]
    assert panel.done_button.isEnabled()


def test_done_completes_it_and_logs_the_call(qtbot, store, panel, people):
    panel.open_row(0)
    with (
        qtbot.waitSignal(panel.sig_completed, timeout=5000) as completed,
        qtbot.waitSignal(panel.sig_refreshed, timeout=5000),
    ):
        panel.done_button.click()

    history = CallerDirectory(store).history(people["maria"].id)
    [follow_up] = history.follow_ups
    assert completed.args == [follow_up.id]
    assert follow_up.status is FollowUpStatus.DONE and follow_up.completed_at == make.NOW
    [logged] = history.interactions
    assert logged.kind is InteractionKind.CALLBACK and logged.case_id == people["case"].id
    assert logged.advocate == "Dana Whitfield"
    assert [(e.collection, e.op) for e in LocalChanges(store).entries()] == [
        (Collection.INTERACTIONS, "create"),
        (Collection.FOLLOW_UPS, "patch"),
    ]
    assert column(panel, 1) == ["Bo Lee", "Ann Lee"]
    assert panel.title.text() == "Follow-ups: 0 overdue, 2 due soon"


def test_nothing_due_says_so(qtbot, store):
    panel = FollowUpsPanel(FollowUpList(store, clock=lambda: make.NOW))
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.sig_refreshed, timeout=5000) as refreshed:
        panel.refresh()
    assert refreshed.args == [0]
    assert panel.empty.isVisibleTo(panel) and not panel.done_button.isEnabled()


def test_every_control_has_an_accessible_name(panel):
    controls = [
        widget
        for widget in panel.findChildren(QWidget)
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        and widget.window() is panel
        and not widget.objectName().startswith("qt_")
    ]
    assert len(controls) == 4
    for widget in controls:
        assert widget.accessibleName(), widget
