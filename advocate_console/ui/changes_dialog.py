"""The advocate's waiting changes: what has not reached the server, and why; a conflict
resolved field by field with yours and theirs side by side, and the choice followed until
the server has it.

Laid out for a 1366×768 laptop at any text length (see conflict_view.py), and worked from
the keyboard: the list, then each field's choice (arrows between yours, theirs and both),
Alt+M / Alt+T for all fields at once, Enter to send.
"""

from __future__ import annotations

import itertools
import uuid
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QRect, Qt, Signal
from PySide6.QtGui import QGuiApplication, QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from advocate_console.store import LocalChanges, OutboxEntry
from advocate_console.store.outbox import EntryState
from advocate_console.sync import conflicting_fields
from advocate_console.tasks import run_task

from .conflict_view import Compared, ConflictView, Side, theirs_by
from .field_values import field_text
from .labels import labels
from .reason_words import reason_text

PREFERRED = (980, 700)
"""The dialog's size where the screen has room; smaller screens get what they have."""
_NOT_SHOWN = frozenset({"id", "version", "customer_id", "case_id"})
_STATE_WORDS = {
    EntryState.PENDING: QT_TRANSLATE_NOOP("ChangesDialog", "waiting to be sent"),
    EntryState.CONFLICT: QT_TRANSLATE_NOOP("ChangesDialog", "changed by someone else too: choose"),
    EntryState.REFUSED: QT_TRANSLATE_NOOP("ChangesDialog", "refused by the server"),
}


class ChangesDialog(QDialog):
    """Lists the outbox; resolves a conflict, retries, copies or discards a change.

    A change the server refused stays here with the server's reason: the advocate can
    copy it (to paste it into a note, or send it to a lead), try again, or drop it.
    """

    sig_changed = Signal()
    """The advocate resolved, retried or discarded something: time to sync."""

    def __init__(
        self, changes: LocalChanges, parent: QWidget | None = None, *, me: uuid.UUID | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Changes not yet on the server"))
        self.setObjectName("changesDialog")
        self._changes = changes
        self._me = me  # the advocate signed in: others' work is theirs to send
        self._entries: list[OutboxEntry] = []
        self._chosen: dict[int, str] = {}  # entries resolved here, until the server has them
        self.view: ConflictView | None = None

        self.news = QLabel()
        self.news.setObjectName("changesNews")
        self.news.setWordWrap(True)
        self.news.setAccessibleName(self.tr("What happened to your choices"))
        self.news.hide()
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Waiting changes"))
        self.list.setMaximumHeight((self.list.fontMetrics().height() + 8) * 5)  # room for the rest
        self.list.currentRowChanged.connect(self._show_entry)
        self.reason = QLabel()
        self.reason.setWordWrap(True)
        self.reason.setAccessibleName(self.tr("Why it waits"))
        self.mine_all = QPushButton(self.tr("Use &mine for all"))
        self.theirs_all = QPushButton(self.tr("Use &theirs for all"))
        self.mine_all.clicked.connect(lambda: self.view and self.view.take_all(Side.MINE))
        self.theirs_all.clicked.connect(lambda: self.view and self.view.take_all(Side.THEIRS))
        self.detail = QGroupBox(self.tr("Details"))
        self.detail_layout = QVBoxLayout(self.detail)
        self.buttons = self._buttons()

        takes = QHBoxLayout()
        takes.addWidget(self.mine_all)
        takes.addWidget(self.theirs_all)
        takes.addStretch(1)
        detail = QVBoxLayout()
        detail.addWidget(self.reason)
        detail.addLayout(takes)
        self.detail_layout.addLayout(detail)
        layout = QVBoxLayout(self)
        layout.addWidget(self.news)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.detail, 3)
        layout.addWidget(self.buttons)
        self._show_entry(-1)
        self.reload()

    def _buttons(self) -> QDialogButtonBox:
        self.resolve = QPushButton(self.tr("&Send my choices"))
        self.resolve.setToolTip(self.tr("Send each field as you chose it (Enter)"))
        self.retry = QPushButton(self.tr("Try &again"))
        self.copy = QPushButton(self.tr("&Copy"))
        self.copy.setToolTip(self.tr("Copy this change and the reason it waits"))
        self.discard = QPushButton(self.tr("&Discard my change…"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        for button, handler, role in (
            (self.resolve, self._resolve, QDialogButtonBox.ButtonRole.ActionRole),
            (self.retry, self._retry, QDialogButtonBox.ButtonRole.ActionRole),
            (self.copy, self._copy, QDialogButtonBox.ButtonRole.ActionRole),
            (self.discard, self._discard, QDialogButtonBox.ButtonRole.DestructiveRole),
        ):
            button.clicked.connect(handler)
            buttons.addButton(button, role)
        return buttons

    def fit_within(self, area: QRect) -> None:
        """Take the preferred size, or what ``area`` (a screen's free part) has room for."""
        self.setMaximumSize(area.size())
        self.resize(min(PREFERRED[0], area.width() - 40), min(PREFERRED[1], area.height() - 40))

    def showEvent(self, event: QShowEvent) -> None:
        screen = (self.parentWidget() or self).screen()
        if screen is not None and not event.spontaneous():
            self.fit_within(screen.availableGeometry())
        super().showEvent(event)

    def reload(self) -> None:
        """Read the outbox again (off the UI thread)."""
        run_task(self._changes.entries, self._show_entries, owner=self)

    # -- the list ---------------------------------------------------------------------------

    def _show_entries(self, entries: list[OutboxEntry]) -> None:
        current = self._current()
        self._say_what_became_of_choices(entries)
        self._entries = entries
        self.list.blockSignals(True)
        self.list.clear()
        for entry in entries:
            item = QListWidgetItem(f"{self._title(entry)} · {self._state_words(entry)}")
            item.setToolTip(reason_text(entry.reason))
            self.list.addItem(item)
        seqs = [e.seq for e in entries]
        row = seqs.index(current.seq) if current is not None and current.seq in seqs else 0
        self.list.setCurrentRow(row if entries else -1)
        self.list.blockSignals(False)
        self._show_entry(self.list.currentRow())  # once (not again for the row's change)

    def _say_what_became_of_choices(self, entries: list[OutboxEntry]) -> None:
        now = {entry.seq: entry for entry in entries}
        for seq, title in list(self._chosen.items()):
            entry = now.get(seq)
            if entry is None:
                self._tell(self.tr("Sent: %s is on the server as you chose.") % title)
            elif entry.state is EntryState.CONFLICT:
                self._tell(self.tr("%s changed on the server again: choose again.") % title)
            elif entry.state is EntryState.REFUSED:
                self._tell(self.tr("The server refused your choice for %s.") % title)
            else:
                continue  # still on its way
            del self._chosen[seq]

    def _tell(self, text: str) -> None:
        self.news.setText(text)
        self.news.show()

    def _title(self, entry: OutboxEntry) -> str:
        noun = labels().collection(entry.collection)
        number = next(
            (side.get("number") for side in (entry.server, entry.base, entry.body) if side), None
        )
        title = f"{noun} {number}" if number else noun
        return self.tr("%s (new)") % title if entry.op == "create" else title

    def _state_words(self, entry: OutboxEntry) -> str:
        if entry.kept_for_someone_else(self._me):
            said = self.tr("saved by %s: sent when they sign in, never as yours")
            return said % entry.author_name
        if entry.state is EntryState.CONFLICT:
            who = theirs_by(entry.server).split(",")[0] or self.tr("someone else")
            return self.tr("changed by %s too: choose") % who
        if entry.state is EntryState.REFUSED:
            return self.tr("refused by the server")
        if entry.seq in self._chosen:
            return self.tr("your choice, being sent")
        return self.tr("waiting to be sent")

    def _current(self) -> OutboxEntry | None:
        row = self.list.currentRow()
        return self._entries[row] if 0 <= row < len(self._entries) else None

    # -- one entry --------------------------------------------------------------------------

    def _show_entry(self, row: int) -> None:
        if self.view is not None:
            # Hidden now, so the keyboard's focus leaves it now: deleted later, with the focus
            # in it, it would hand the focus on (to "Send my choices") after the new view took it.
            self.view.hide()
            self.view.deleteLater()
            self.view = None
        entry = self._entries[row] if 0 <= row < len(self._entries) else None
        conflict = entry is not None and entry.state is EntryState.CONFLICT and bool(entry.server)
        for button in (self.resolve, self.mine_all, self.theirs_all):
            button.setVisible(conflict)
        self.resolve.setDefault(conflict)
        self.retry.setVisible(entry is not None and entry.state is EntryState.REFUSED)
        self.discard.setEnabled(entry is not None)
        self.copy.setEnabled(entry is not None)
        if entry is None:
            self.reason.setText(self.tr("Everything is on the server."))
            return
        compared = self._compared(entry)
        self.reason.setText(
            self._conflict_words(entry, compared)
            if conflict
            else reason_text(entry.reason) or self.tr("Not on the server yet.")
        )
        self.view = ConflictView(
            entry.collection, compared, theirs_by(entry.server), choosing=conflict
        )
        self.detail_layout.addWidget(self.view, 1)
        # Shown now (a layout shows a new child only later, queued): a hidden choice would
        # not take the focus, and the keyboard would start on "Send my choices".
        if self.isVisible():  # (else it shows with the dialog)
            self.view.show()
        self._keyboard_order()
        if conflict and self.view.first_choice() is not None:
            self.view.first_choice().setFocus()

    def _conflict_words(self, entry: OutboxEntry, compared: list[Compared]) -> str:
        who = theirs_by(entry.server).split(",")[0] or self.tr("Someone else")
        fields = ", ".join(labels().field(c.field) for c in compared)
        return (
            self.tr(
                "%1 changed %2 on the server after you did: choose, field by field, what to keep."
            )
            .replace("%1", who)
            .replace("%2", fields)
        )

    def _keyboard_order(self) -> None:
        # The view is made after the buttons: put its choices between "for all" and "Send".
        chain = [self.list, self.mine_all, self.theirs_all]
        if self.view is not None:
            chain += [
                w
                for w in self.view.widget().findChildren(QAbstractButton)
                if w.focusPolicy() & Qt.FocusPolicy.TabFocus
            ]
        chain += [self.resolve, self.retry, self.copy, self.discard]
        for before, after in itertools.pairwise(chain):
            QWidget.setTabOrder(before, after)

    @staticmethod
    def _compared(entry: OutboxEntry) -> list[Compared]:
        if entry.state is EntryState.CONFLICT and entry.server is not None:
            return [
                Compared(c.field, c.mine, c.theirs)
                for c in conflicting_fields(entry.base, entry.server, entry.body)
            ]
        theirs: dict[str, Any] = entry.server or {}
        return [
            Compared(name, value, theirs.get(name))
            for name, value in entry.body.items()
            if name not in _NOT_SHOWN
        ]

    # -- what the advocate does -------------------------------------------------------------

    def _resolve(self) -> None:
        entry = self._current()
        if entry is None or entry.server is None or self.view is None:
            return
        # Fields without a collision are kept; colliding ones as the advocate chose.
        chosen, values = self.view.choices()
        compared = {c.field for c in self._compared(entry)}
        keep = {name for name in entry.body if name not in compared} | chosen
        server, title = entry.server, self._title(entry)
        run_task(
            lambda: self._changes.rebase(entry, server, keep, values),
            lambda rebased: self._chose(rebased, title),
            owner=self,
        )

    def _chose(self, rebased: OutboxEntry | None, title: str) -> None:
        if rebased is None:
            self._tell(self.tr("You took theirs for %s: nothing of yours is left to send.") % title)
        else:
            self._chosen[rebased.seq] = title
            self._tell(self.tr("Your choice for %s is being sent…") % title)
        self._done()

    def _copy(self) -> None:
        entry = self._current()
        if entry is None:
            return
        lines = [f"{self._title(entry)} ({self._state_words(entry)})"]
        if entry.reason is not None:
            lines.append(reason_text(entry.reason))
        lines += [
            f"{labels().field(name)}: {field_text(entry.collection, name, value)}"
            for name, value in entry.body.items()
            if name not in _NOT_SHOWN
        ]
        QGuiApplication.clipboard().setText("\n".join(lines))

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
