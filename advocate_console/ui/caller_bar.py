"""The caller bar: type anything that identifies the caller, see who matches as you type."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from advocate_console.tasks import run_task

from .formatting import phone
from .record_models import RecordListModel

if TYPE_CHECKING:  # the window comes up before the store (SQLAlchemy) is imported
    from advocate_console.domain import History
    from advocate_console.store import CallerDirectory, CallerMatch

SEARCH_DELAY_MS = 150
LIST_HEIGHT = 150


class CallerBar(QWidget):
    """Search field plus the list of matching callers; searches run off the UI thread."""

    sig_caller_chosen = Signal(object)
    """A customer id the advocate picked (or the only match)."""
    sig_history_found = Signal(object)
    """The only match's whole history (a History), read with the search; it comes just
    before :attr:`sig_caller_chosen` for the same customer."""
    sig_search_finished = Signal(int)
    """A search finished with this many matches."""
    sig_new_contact_requested = Signal(str)
    """Nobody matched: the advocate wants to note the caller (what was searched)."""
    sig_search_cancelled = Signal()
    """The advocate pressed Esc: back to the caller shown before this search."""

    def __init__(self, directory: CallerDirectory | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.directory = directory
        self._generation = 0  # results of an older search are dropped when they arrive late
        self._searching = False  # a search runs whose answer is still wanted
        self._when_idle: list[Callable[[], None]] = []

        self.field = QLineEdit()
        self.field.setObjectName("callerSearch")
        self.field.setPlaceholderText(
            self.tr("Caller's phone, name, e-mail, serial or case number")
        )
        self.field.setAccessibleName(self.tr("Caller search"))
        self.field.setClearButtonEnabled(True)
        self.status = QLabel()
        self.status.setAccessibleName(self.tr("Search status"))
        self.new_contact = QPushButton(self.tr("&New caller…"))
        self.new_contact.setAccessibleName(self.tr("Note a new caller"))
        self.new_contact.setToolTip(self.tr("Nobody matches: note the caller as a new customer"))
        self.new_contact.clicked.connect(
            lambda: self.sig_new_contact_requested.emit(self.field.text())
        )
        self.new_contact.hide()
        self.results = RecordListModel(_describe, self)
        self.list = QListView()
        self.list.setModel(self.results)
        self.list.setAccessibleName(self.tr("Matching callers"))
        self.list.setUniformItemSizes(True)
        self.list.setMaximumHeight(LIST_HEIGHT)
        self.list.hide()  # shown only when there is a choice to make

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.search_now)
        self.field.textChanged.connect(self._timer.start)
        self.field.returnPressed.connect(self._choose_first)
        self.list.activated.connect(lambda index: self._choose(index.row()))
        self.list.clicked.connect(lambda index: self._choose(index.row()))

        top = QHBoxLayout()
        top.addWidget(self.field, 1)
        top.addWidget(self.status)
        top.addWidget(self.new_contact)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.list)

    def set_directory(self, directory: CallerDirectory) -> None:
        """Search this store from now on (the store opens after start-up work); what was
        typed while it loaded is searched now."""
        before, self.directory = self.directory, directory
        # The same store read another way later (opened in full) answers alike: the
        # caller shown is not looked up and shown again under the advocate's hands. A new
        # region reads numbers differently: that search runs again.
        again = before is None or before.default_region != directory.default_region
        if again and self.field.text().strip():
            self.search_now()

    def when_idle(self, then: Callable[[], None]) -> None:
        """Call ``then`` once no search is running (at once if none is): start-up work
        waits for the answer an advocate is waiting for."""
        if self._searching:
            self._when_idle.append(then)
        else:
            then()

    def _idle(self) -> None:
        self._searching = False
        waiting, self._when_idle = self._when_idle, []
        for then in waiting:
            then()

    def search_now(self) -> None:
        """Search for the field's text at once."""
        self._timer.stop()
        text = self.field.text()
        self._generation += 1
        generation = self._generation
        self.new_contact.hide()
        if not text.strip() or self.directory is None:
            self.results.set_records([])
            self.list.hide()
            self.status.setText("" if self.directory else self.tr("Loading…"))
            self._idle()
            return
        self._searching = True
        directory = self.directory
        run_task(
            lambda: directory.lookup(text),
            lambda found: self._show(generation, *found),
            lambda error: self._failed(generation, error),
            owner=self,
        )

    def _show(
        self, generation: int, matches: list[CallerMatch], history: History | None = None
    ) -> None:
        if generation != self._generation:
            return
        self.results.set_records(matches)
        self.list.setVisible(len(matches) > 1)
        if not matches:
            self.status.setText(self.tr("No caller found"))
            self.new_contact.show()
        else:
            self.status.setText(self.tr("%n caller(s)", "", len(matches)))
            self.list.setCurrentIndex(self.results.index(0, 0))
        if len(matches) == 1:
            if history is not None:
                self.sig_history_found.emit(history)
            self.sig_caller_chosen.emit(matches[0].customer.id)
        self.sig_search_finished.emit(len(matches))
        self._idle()

    def _failed(self, generation: int, error: Exception) -> None:
        if generation == self._generation:
            self._idle()
            self.status.setText(self.tr("Search failed: %s") % error)
            self.sig_search_finished.emit(0)

    def _choose_first(self) -> None:
        row = self.list.currentIndex().row()
        if self.results.rowCount():
            self._choose(max(row, 0))

    def _choose(self, row: int) -> None:
        if 0 <= row < self.results.rowCount():
            customer_id: uuid.UUID = self.results.record(row).customer.id
            self.sig_caller_chosen.emit(customer_id)

    def cancel(self) -> None:
        """Forget this search: empty field, no list, no status (Esc)."""
        self._timer.stop()
        self._generation += 1  # an answer still coming is for a search no longer wanted
        self.field.blockSignals(True)
        self.field.clear()
        self.field.blockSignals(False)
        self.results.set_records([])
        self.list.hide()
        self.new_contact.hide()
        self.status.clear()
        self._idle()
        self.sig_search_cancelled.emit()

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Escape and (self.field.text() or self.list.isVisible()):
            self.cancel()
            return
        if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.results.rowCount():
            if self.list.hasFocus():
                self.list.keyPressEvent(event)
            else:  # into the list, on the match already highlighted (Enter opens it)
                self.list.setFocus()
            return
        super().keyPressEvent(event)


def _describe(match: CallerMatch) -> str:
    customer = match.customer
    where = customer.address.city if customer.address else ""
    number = phone(customer.phones[0]) if customer.phones else ""
    return " · ".join(part for part in (customer.display_name, number, where) if part)
