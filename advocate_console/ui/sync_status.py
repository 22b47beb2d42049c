"""The sync part of the status bar: online or not, what waits, when it last synced; the
reason of the last failure goes to the message line, where it is shown whole."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

from advocate_console.sync import SyncState, SyncStatus

from .formatting import moment
from .reason_words import reason_text

_STATE_TEXT = {
    SyncState.STARTING: QT_TRANSLATE_NOOP("SyncStatusBar", "Starting…"),
    SyncState.SYNCING: QT_TRANSLATE_NOOP("SyncStatusBar", "● Syncing…"),
    SyncState.IDLE: QT_TRANSLATE_NOOP("SyncStatusBar", "● Online"),
    SyncState.OFFLINE: QT_TRANSLATE_NOOP("SyncStatusBar", "○ Offline"),
    SyncState.SIGNED_OUT: QT_TRANSLATE_NOOP("SyncStatusBar", "○ Signed out"),
    SyncState.ERROR: QT_TRANSLATE_NOOP("SyncStatusBar", "○ Sync problem"),
}


class SyncStatusBar(QWidget):
    """Shows a :class:`SyncStatus`; asks for a sync, a sign-in or the waiting changes."""

    sig_sync_requested = Signal()
    """The advocate asked to sync now."""
    sig_sign_in_requested = Signal()
    """The advocate is signed out and asked to sign in (a click on "Signed out")."""
    sig_changes_requested = Signal()
    """The advocate wants to see the waiting changes (conflicts, refusals)."""
    sig_problem_changed = Signal(str)
    """Why the last sync failed, in full ("" once a sync works again)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.status = SyncStatus()
        self.problem = ""
        self.state = QToolButton()
        self.state.setObjectName("syncState")
        self.state.setAutoRaise(True)
        self.state.setAccessibleName(self.tr("Sync state"))
        self.state.clicked.connect(self._state_clicked)
        self.waiting = QToolButton()
        self.waiting.setAutoRaise(True)
        self.waiting.setAccessibleName(self.tr("Waiting changes"))
        self.waiting.clicked.connect(self.sig_changes_requested)
        self.last_sync = QLabel()
        self.last_sync.setAccessibleName(self.tr("Last sync"))
        self.sync_button = QToolButton()
        self.sync_button.setAccessibleName(self.tr("Sync now"))
        self.sync_button.clicked.connect(self._state_clicked)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.waiting, self.last_sync, self.state, self.sync_button):
            layout.addWidget(widget)
        self.show_status(self.status)

    def show_status(self, status: SyncStatus) -> None:
        """Show what the engine reported."""
        self.status = status
        signed_out = status.state is SyncState.SIGNED_OUT
        self.state.setText(self.tr(_STATE_TEXT[status.state]))
        self.state.setToolTip(self.tr("Sign in (F5)") if signed_out else self.tr("Sync now (F5)"))
        self.state.setProperty("online", status.online)
        self.state.style().unpolish(self.state)
        self.state.style().polish(self.state)
        self.sync_button.setText(self.tr("Sign in…") if signed_out else self.tr("Sync now"))
        self.sync_button.setToolTip(self.state.toolTip())
        self.waiting.setText(self._waiting_text(status))
        self.waiting.setToolTip(self._waiting_tooltip(status) if status.waiting else "")
        self.last_sync.setText(self._synced_text(status.last_sync))
        self.last_sync.setToolTip(moment(status.last_sync))
        problem = reason_text(status.problem) or status.last_error or ""
        if status.problem is not None and status.retrying:
            # Said here, where it is true: the engine does try again (a dialog does not).
            problem += " " + self.tr("Your changes are kept; sync tries again by itself.")
        if problem != self.problem:
            self.problem = problem
            self.sig_problem_changed.emit(problem)

    def show_progress(self, changes: int) -> None:
        """A sync is under way: how many changes it has brought so far."""
        if self.status.state is SyncState.SYNCING:
            self.state.setText(self.tr("● Syncing: %s changes…") % f"{changes:,}")

    def _waiting_text(self, status: SyncStatus) -> str:
        # Always said, even when nothing waits: "did it go?" is answered at a glance. Short
        # (the bar is shared at 1366 pixels); the tooltip and the list say it in full.
        if not status.waiting:
            return self.tr("Nothing waiting")
        details = []
        if status.conflicts:
            details.append(self.tr("%n conflict(s)", "", status.conflicts))
        if status.refused:
            details.append(self.tr("%n refused", "", status.refused))
        kept = sum(status.kept_for.values())
        if len(status.kept_for) == 1:
            (name,) = status.kept_for
            details.append(self.tr("%n for %1", "", kept).replace("%1", name))
        elif kept:
            details.append(self.tr("%n for other advocates", "", kept))
        if not details:
            return self.tr("%n change(s) waiting", "", status.waiting)
        return " · ".join([self.tr("%n waiting", "", status.waiting), *details])

    def _waiting_tooltip(self, status: SyncStatus) -> str:
        lines = [self.tr("%n change(s) not yet on the server", "", status.waiting)]
        if status.conflicts:
            lines.append(self.tr("%n changed by someone else too: choose", "", status.conflicts))
        if status.refused:
            lines.append(self.tr("%n refused by the server", "", status.refused))
        for name, count in status.kept_for.items():
            lines.append(
                self.tr("%n saved by %1: sent when they sign in", "", count).replace("%1", name)
            )
        lines.append(self.tr("Click to see them."))
        return "\n".join(lines)

    def _synced_text(self, when: datetime | None) -> str:
        if when is None:
            return ""
        local = when.astimezone()
        if local.date() == datetime.now().astimezone().date():
            return self.tr("synced %s") % f"{local:%H:%M}"
        return self.tr("synced %s") % moment(when)

    def _state_clicked(self) -> None:
        if self.status.state is SyncState.SIGNED_OUT:
            self.sig_sign_in_requested.emit()
        else:
            self.sig_sync_requested.emit()
