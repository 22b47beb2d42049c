"""The sync part of the status bar: online or not, what waits, when it last synced, why not."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

from advocate_console.sync import SyncState, SyncStatus

from .formatting import moment

_STATE_TEXT = {
    SyncState.STARTING: QT_TRANSLATE_NOOP("SyncStatusBar", "Starting…"),
    SyncState.SYNCING: QT_TRANSLATE_NOOP("SyncStatusBar", "● Syncing…"),
    SyncState.IDLE: QT_TRANSLATE_NOOP("SyncStatusBar", "● Online"),
    SyncState.OFFLINE: QT_TRANSLATE_NOOP("SyncStatusBar", "○ Offline"),
    SyncState.SIGNED_OUT: QT_TRANSLATE_NOOP("SyncStatusBar", "○ Signed out"),
    SyncState.ERROR: QT_TRANSLATE_NOOP("SyncStatusBar", "○ Sync problem"),
}


class SyncStatusBar(QWidget):
    """Shows a :class:`SyncStatus`; asks for a sync or for the waiting changes."""

    sig_sync_requested = Signal()
    """The advocate asked to sync now."""
    sig_changes_requested = Signal()
    """The advocate wants to see the waiting changes (conflicts, refusals)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.status = SyncStatus()
        self.state = QLabel()
        self.state.setObjectName("syncState")
        self.state.setAccessibleName(self.tr("Sync state"))
        self.waiting = QToolButton()
        self.waiting.setAutoRaise(True)
        self.waiting.setAccessibleName(self.tr("Waiting changes"))
        self.waiting.clicked.connect(self.sig_changes_requested)
        self.last_sync = QLabel()
        self.last_sync.setAccessibleName(self.tr("Last sync"))
        self.error = QLabel()
        self.error.setObjectName("syncError")
        self.error.setAccessibleName(self.tr("Last sync error"))
        self.error.setMaximumWidth(420)
        self.sync_button = QToolButton()
        self.sync_button.setText(self.tr("Sync now"))
        self.sync_button.setToolTip(self.tr("Sync now (F5)"))
        self.sync_button.setAccessibleName(self.tr("Sync now"))
        self.sync_button.clicked.connect(self.sig_sync_requested)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.error, self.waiting, self.last_sync, self.state, self.sync_button):
            layout.addWidget(widget)
        self.show_status(self.status)

    def show_status(self, status: SyncStatus) -> None:
        """Show what the engine reported."""
        self.status = status
        self.state.setText(self.tr(_STATE_TEXT[status.state]))
        self.state.setProperty("online", status.online)
        self.state.style().unpolish(self.state)
        self.state.style().polish(self.state)
        parts = []
        if status.waiting:
            parts.append(self.tr("%n change(s) waiting", "", status.waiting))
        if status.conflicts:
            parts.append(self.tr("%n conflict(s) to resolve", "", status.conflicts))
        if status.refused:
            parts.append(self.tr("%n refused", "", status.refused))
        self.waiting.setText(" · ".join(parts))
        self.waiting.setVisible(bool(parts))
        self.last_sync.setText(
            self.tr("synced %s") % moment(status.last_sync) if status.last_sync else ""
        )
        error = status.last_error or ""
        metrics = self.error.fontMetrics()
        self.error.setText(
            metrics.elidedText(error, Qt.TextElideMode.ElideRight, self.error.maximumWidth())
        )
        self.error.setToolTip(error)
        self.error.setVisible(bool(error))
