"""The advocate's waiting changes: what has not reached the server, and why; conflicts
resolved field by field, seeing both sides."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from advocate_console.store import LocalChanges, OutboxEntry
from advocate_console.store.outbox import EntryState
from advocate_console.sync import conflicting_fields
from advocate_console.tasks import run_task

_STATE_WORDS = {
    EntryState.PENDING: QT_TRANSLATE_NOOP("ChangesDialog", "waiting to be sent"),
    EntryState.CONFLICT: QT_TRANSLATE_NOOP("ChangesDialog", "changed by someone else too: choose"),
    EntryState.REFUSED: QT_TRANSLATE_NOOP("ChangesDialog", "refused by the server"),
}


class ChangesDialog(QDialog):
    """Lists the outbox; resolves a conflict, retries or discards a refused change."""

    sig_changed = Signal()
    """The advocate resolved, retried or discarded something: time to sync."""

    def __init__(self, changes: LocalChanges, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Changes not yet on the server"))
        self.resize(720, 480)
        self._changes = changes
        self._entries: list[OutboxEntry] = []
        self._choices: dict[str, QButtonGroup] = {}

        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Waiting changes"))
        self.list.currentRowChanged.connect(self._show_entry)
        self.detail = QGroupBox(self.tr("Details"))
        self.detail_layout = QGridLayout(self.detail)
        self.resolve = QPushButton(self.tr("Use my choices"))
        self.retry = QPushButton(self.tr("Try again"))
        self.discard = QPushButton(self.tr("Discard my change…"))
        for button, handler in (
            (self.resolve, self._resolve),
            (self.retry, self._retry),
            (self.discard, self._discard),
        ):
            button.clicked.connect(handler)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.addButton(self.resolve, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.retry, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.discard, QDialogButtonBox.ButtonRole.DestructiveRole)

        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.detail, 2)
        layout.addWidget(buttons)
        self.reload()

    def reload(self) -> None:
        """Read the outbox again (off the UI thread)."""
        run_task(self._changes.entries, self._show_entries, owner=self)

    def _show_entries(self, entries: list[OutboxEntry]) -> None:
        self._entries = entries
        self.list.clear()
        for entry in entries:
            what = "new" if entry.op == "create" else "change to"
            kind = entry.collection.value.replace("_", " ")
            text = f"{what} {kind} · {self.tr(_STATE_WORDS[entry.state])}"
            item = QListWidgetItem(text)
            item.setToolTip(entry.last_error or "")
            self.list.addItem(item)
        if entries:
            self.list.setCurrentRow(0)
        else:
            self._show_entry(-1)

    def _show_entry(self, row: int) -> None:
        _clear(self.detail_layout)
        self._choices.clear()
        entry = self._entries[row] if 0 <= row < len(self._entries) else None
        self.resolve.setVisible(entry is not None and entry.state is EntryState.CONFLICT)
        self.retry.setVisible(entry is not None and entry.state is EntryState.REFUSED)
        self.discard.setEnabled(entry is not None)
        if entry is None:
            self.detail_layout.addWidget(QLabel(self.tr("Everything is on the server.")), 0, 0)
            return
        if entry.last_error:
            reason = QLabel(entry.last_error)
            reason.setWordWrap(True)
            self.detail_layout.addWidget(reason, 0, 0, 1, 3)
        if entry.state is EntryState.CONFLICT and entry.server is not None:
            self._show_conflict(entry)
            return
        for line, (name, value) in enumerate(entry.body.items(), start=1):
            self.detail_layout.addWidget(QLabel(name), line, 0)
            self.detail_layout.addWidget(QLabel(_show(value)), line, 1)

    def _show_conflict(self, entry: OutboxEntry) -> None:
        grid = self.detail_layout
        grid.addWidget(QLabel(self.tr("<b>Field</b>")), 1, 0)
        grid.addWidget(QLabel(self.tr("<b>Yours</b>")), 1, 1)
        grid.addWidget(QLabel(self.tr("<b>Theirs (on the server)</b>")), 1, 2)
        collisions = conflicting_fields(entry.base, entry.server, entry.body)
        for line, conflict in enumerate(collisions, start=2):
            mine = QRadioButton(_show(conflict.mine))
            theirs = QRadioButton(_show(conflict.theirs))
            mine.setAccessibleName(self.tr("Keep mine for %s") % conflict.field)
            theirs.setAccessibleName(self.tr("Take theirs for %s") % conflict.field)
            mine.setChecked(True)
            group = QButtonGroup(self)
            group.addButton(mine, 1)
            group.addButton(theirs, 0)
            self._choices[conflict.field] = group
            grid.addWidget(QLabel(conflict.field), line, 0)
            grid.addWidget(mine, line, 1)
            grid.addWidget(theirs, line, 2)

    def _current(self) -> OutboxEntry | None:
        row = self.list.currentRow()
        return self._entries[row] if 0 <= row < len(self._entries) else None

    def _resolve(self) -> None:
        entry = self._current()
        if entry is None or entry.server is None:
            return
        # Fields without a collision are kept; colliding ones as the advocate chose.
        keep = {name for name in entry.body if name not in self._choices}
        keep |= {name for name, group in self._choices.items() if group.checkedId() == 1}
        server = entry.server
        run_task(
            lambda: self._changes.rebase(entry, server, keep), lambda _: self._done(), owner=self
        )

    def _retry(self) -> None:
        entry = self._current()
        if entry is not None:
            run_task(lambda: self._changes.retry(entry), lambda _: self._done(), owner=self)

    def _discard(self) -> None:
        entry = self._current()
        if entry is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Discard this change?"),
            self.tr("Your change will not reach the server and cannot be brought back."),
        )
        if answer == QMessageBox.StandardButton.Yes:
            run_task(lambda: self._changes.discard(entry), lambda _: self._done(), owner=self)

    def _done(self) -> None:
        self.sig_changed.emit()
        self.reload()


def _show(value: Any) -> str:
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


def _clear(layout: QGridLayout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        if item.widget() is not None:
            item.widget().deleteLater()
