"""The status bar at 1366×768 with everything on it: messages never cover one another or
the marks, a long one wraps instead of being cut, and each keeps its own time."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QLabel, QToolButton

from advocate_console.sync import SyncState, SyncStatus
from advocate_console.ui.main_window import MainWindow
from advocate_console.ui.status_bar import ConsoleStatusBar

LONG = (
    "Resolution saved for case C-7K2M9Q4X: the replacement microwave ships tomorrow, the "
    "follow-up call is due on Monday at 10:00 and the thank-you card waits in the queue."
)
PROBLEM = "The server had a problem (503) and did not say why. Your changes are kept."


def busy_window(qtbot) -> tuple[MainWindow, ConsoleStatusBar]:
    window = MainWindow()
    qtbot.addWidget(window)
    bar = ConsoleStatusBar()
    window.use_status_bar(bar)
    window.set_connection("Maya Castellanos · advocates.example.com:8443")
    bar.sync.show_status(
        SyncStatus(
            SyncState.ERROR,
            waiting=12,
            conflicts=1,
            refused=1,
            kept_for={"Dana Whitlock": 2},
            last_sync=datetime.now(UTC),
            last_error=PROBLEM,
        )
    )
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    return window, bar


def _in_bar(bar: ConsoleStatusBar, widget) -> QRect:
    return QRect(widget.mapTo(bar, widget.rect().topLeft()), widget.size())


def test_messages_and_marks_never_overlap_nor_get_cut(qtbot):
    window, bar = busy_window(qtbot)
    window.show_message("Saved.", 10000)
    window.show_message(LONG, 10000)

    line = bar.messages
    marks = [
        w
        for w in [*bar.findChildren(QLabel), *bar.findChildren(QToolButton)]
        if w is not line and w.isVisibleTo(bar) and w.text()
    ]

    def settled() -> bool:  # the bar grows a line or two after the messages arrive
        return line.height() >= line.heightForWidth(line.width()) and all(
            m.width() >= m.sizeHint().width() for m in marks
        )

    qtbot.waitUntil(settled, timeout=3000)
    assert line.text().split("\n") == ["Saved.", LONG, f"⚠ {PROBLEM}"]  # each whole, none wiped
    assert line.isVisible() and line.width() >= 240
    assert {m.accessibleName() for m in marks} >= {
        "Connection status",
        "Waiting changes",
        "Last sync",
        "Sync state",
        "Sync now",
    }
    for mark in marks:
        place = _in_bar(bar, mark)
        assert not place.intersects(_in_bar(bar, line)), mark.accessibleName()
        assert mark.width() >= mark.sizeHint().width(), f"{mark.accessibleName()} is cut"
        assert place.right() < bar.width() and place.bottom() < bar.height()
    assert bar.currentMessage() == LONG


def test_each_message_keeps_its_own_time(qtbot):
    window, bar = busy_window(qtbot)
    window.show_message("Saved.", 300)
    window.show_message("Someone else changed a record you changed.", 60000)

    qtbot.waitUntil(lambda: "Saved." not in bar.messages.text(), timeout=3000)
    assert bar.messages.messages == ["Someone else changed a record you changed."]
    bar.sync.show_status(SyncStatus(SyncState.IDLE))  # synced again: the problem goes
    assert PROBLEM not in bar.messages.text()
