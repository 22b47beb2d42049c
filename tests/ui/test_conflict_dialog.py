"""The conflict dialog people can use: it fits a 1366×768 laptop at any text length with
every button on screen, says each field by its label with values as the console writes
them everywhere, puts yours and theirs side by side with who changed theirs and when,
takes either per field (or both, for text), works from the keyboard, and says when the
choice has reached the server."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractButton, QLabel

from advocate_console.central.demo.accounts import LEAD_DISPLAY_NAME
from advocate_console.domain import CaseStatus, Collection
from advocate_console.store import LocalChanges
from advocate_console.sync import push_outbox
from advocate_console.ui.changes_dialog import ChangesDialog
from advocate_console.ui.conflict_view import Side
from advocate_console.ui.formatting import moment
from tests.laptop import open_case_offline

LAPTOP = QRect(0, 0, 1366, 768)
LONG_SUMMARY = "The ice maker leaks " * 150 + "https://" + "x" * 300  # 3,300 characters
CLOSED_MINE = datetime(2026, 12, 2, 14, 5, tzinfo=UTC)


@pytest.fixture
def conflict(client, lead, local):
    """A case both the laptop's advocate and the lead changed (summary, status, closed,
    owner), the laptop's change waiting as a conflict."""
    case = open_case_offline(local, "Dryer squeals")
    push_outbox(client, LocalChanges(local))
    lead.patch(
        Collection.CASES,
        case.id,
        {
            "summary": "Lead: belt replaced under warranty",
            "status": "closed",
            "closed_at": (CLOSED_MINE + timedelta(hours=1)).isoformat(),
            "owner": "Maya Castellanos",  # the lead gives the case to her
        },
        1,
        f"lead-edit-{case.id}",
    )
    changes = LocalChanges(local)
    changes.update(
        Collection.CASES,
        case.id,
        {
            "summary": LONG_SUMMARY,
            "status": CaseStatus.RESOLVED,
            "closed_at": CLOSED_MINE,
            "owner": "Renata Osei",  # she hands it over meanwhile
        },
    )
    assert push_outbox(client, changes).conflicts == 1
    return case, changes


def open_dialog(qtbot, changes) -> ChangesDialog:
    dialog = ChangesDialog(changes)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.fit_within(LAPTOP)  # the offscreen screen is smaller: size it as at 1366×768
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: dialog.view is not None and bool(dialog.view.groups), timeout=5000)
    return dialog


def _inside(dialog, widget) -> bool:
    place = QRect(widget.mapTo(dialog, QPoint(0, 0)), widget.size())
    return dialog.rect().contains(place)


def test_it_fits_1366_by_768_with_every_button_visible(qtbot, conflict):
    _, changes = conflict
    dialog = open_dialog(qtbot, changes)

    assert dialog.width() <= LAPTOP.width() and dialog.height() <= LAPTOP.height()
    hint = dialog.minimumSizeHint()
    assert hint.width() <= LAPTOP.width() and hint.height() <= LAPTOP.height()
    buttons = [
        b for b in dialog.findChildren(QAbstractButton) if b.isVisibleTo(dialog) and b.text()
    ]
    names = {b.text() for b in buttons}
    assert {"&Send my choices", "&Copy", "&Discard my change…", "Use &mine for all"} <= names
    assert "Use &theirs for all" in names and "Close" in names
    for button in buttons:
        assert button.isVisible() and _inside(dialog, button), button.text()
        assert button.width() >= button.minimumSizeHint().width(), f"{button.text()} is cut"
    view = dialog.view
    assert view.horizontalScrollBar().maximum() == 0  # nothing wider than the dialog
    assert view.widget().width() <= view.viewport().width()
    # The long summary shows its start, and opens whole in a view of its own.
    [read_all] = view.read_all_buttons
    read_all.click()
    qtbot.waitUntil(lambda: bool(_text_views(dialog)), timeout=3000)
    assert _text_views(dialog)[0].text.toPlainText() == LONG_SUMMARY


def _text_views(dialog):
    from advocate_console.ui.conflict_view import TextView

    return [v for v in dialog.findChildren(TextView) if v.isVisible()]


def test_fields_by_label_values_as_everywhere_and_whose_theirs_is(qtbot, conflict):
    _, changes = conflict
    dialog = open_dialog(qtbot, changes)
    texts = [label.text() for label in dialog.view.findChildren(QLabel)]

    assert {"<b>Summary</b>", "<b>Status</b>", "<b>Closed</b>", "<b>Owner</b>"} <= set(texts)
    assert not any(name in " ".join(texts) for name in ("closed_at", "summary</b>"))
    assert moment(CLOSED_MINE) in texts  # local time, as the history writes it
    assert "Resolved" in texts and "Closed" in texts and "Renata Osei" in texts
    theirs = next(t for t in texts if t.startswith("<b>Theirs"))
    assert LEAD_DISPLAY_NAME in theirs  # who changed theirs, and when
    assert f"{datetime.now(UTC).astimezone():%Y}" in theirs
    assert f"changed by {LEAD_DISPLAY_NAME} too: choose" in dialog.list.item(0).text()


def test_chosen_by_keyboard_sent_and_said_so(qtbot, conflict, client, lead):
    case, changes = conflict
    dialog = open_dialog(qtbot, changes)
    view = dialog.view
    first = next(iter(view.groups.values()))
    assert dialog.focusWidget() is first.button(Side.MINE)  # the keyboard starts on a choice

    # Tab walks the fields' choices, then reaches "Send my choices".
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    visited = []
    for _ in range(30):
        if dialog.focusWidget() is dialog.resolve:
            break
        visited.append(dialog.focusWidget())
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.resolve
    assert all(any(b in visited for b in g.buttons()) for g in view.groups.values())
    # Alt+T / Alt+M take a side for every field (QTest cannot press a button's mnemonic).
    assert dialog.theirs_all.shortcut() == QKeySequence("Alt+T")
    assert dialog.mine_all.shortcut() == QKeySequence("Alt+M")
    dialog.theirs_all.click()
    assert all(g.checkedId() == Side.THEIRS for g in view.groups.values())
    # The arrows move between yours and theirs of one field.
    first.button(Side.MINE).setChecked(True)
    first.button(Side.MINE).setFocus()
    qtbot.keyClick(first.button(Side.MINE), Qt.Key.Key_Right)
    assert first.checkedId() == Side.THEIRS and dialog.focusWidget() is first.button(Side.THEIRS)
    view.groups["summary"].button(Side.BOTH).setChecked(True)  # both texts, for the summary
    view.groups["owner"].button(Side.MINE).setChecked(True)
    assert "status" in view.groups and Side.BOTH not in view.groups["status"].buttons()
    view.groups["status"].button(Side.MINE).setFocus()
    with qtbot.waitSignal(dialog.sig_changed, timeout=5000):
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)  # the default: send

    qtbot.waitUntil(lambda: "your choice, being sent" in dialog.list.item(0).text(), timeout=5000)
    assert "is being sent" in dialog.news.text()
    push_outbox(client, changes)  # what the console's sync does at once
    dialog.reload()  # as it does after every sync
    qtbot.waitUntil(lambda: dialog.list.count() == 0, timeout=5000)
    assert dialog.news.text().startswith("Sent: Case C-")
    on_server = lead.get(Collection.CASES, case.id)
    assert on_server.summary == f"{LONG_SUMMARY}\n\nLead: belt replaced under warranty"
    assert on_server.status is CaseStatus.CLOSED  # theirs
    assert on_server.owner == "Renata Osei"  # mine
