"""Follow-ups due and overdue across customers: one click opens the caller, "Done" logs
the call on their timeline."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

import shiboken6
from PySide6.QtCore import QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QBrush, QColor, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from advocate_console.domain import FollowUpKind
from advocate_console.store.follow_ups import DueFollowUp, FollowUpList
from advocate_console.tasks import SerialQueue

from .record_models import BADGE_COLOURS, BADGE_ROLE, Column, RecordTableModel

REFRESH_MS = 60_000
"""How often the list is read again, so a follow-up turns overdue on screen by itself."""


class FollowUpModel(RecordTableModel):
    """Due follow-ups; an overdue row is painted red across and its badge says "overdue"."""

    def __init__(self, columns: list[Column], parent: QObject | None = None) -> None:
        super().__init__(columns, parent)
        self.now: datetime | None = None

    def overdue(self, row: int) -> bool:
        """True when the follow-up on ``row`` is past its time."""
        return self.now is not None and self.record(row).is_overdue(self.now)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == BADGE_ROLE:
            return "overdue" if self.overdue(index.row()) else "due"
        if role in (Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.BackgroundRole):
            if not self.overdue(index.row()):
                return None
            foreground, background = BADGE_COLOURS["expired"]
            foreground_role = role == Qt.ItemDataRole.ForegroundRole
            return QBrush(QColor(foreground if foreground_role else background))
        return super().data(index, role)


class FollowUpsPanel(QWidget):
    """The advocate's due and overdue follow-ups, most overdue first."""

    sig_caller_requested = Signal(object)
    """Open this customer (a customer id) on the one screen."""
    sig_completed = Signal(object)
    """This follow-up (an id) was marked done and its call logged."""
    sig_refreshed = Signal(int)
    """The list was read again and shows this many follow-ups."""
    sig_message = Signal(str)
    """A line for the status bar."""

    def __init__(self, follow_ups: FollowUpList, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.follow_ups = follow_ups
        self._generation = 0
        self._queue = SerialQueue()  # a completion and the refresh after it, in order

        self.title = QLabel(self.tr("Follow-ups"))
        self.title.setObjectName("followUpsTitle")
        self.title.setAccessibleName(self.tr("Follow-ups summary"))
        kinds = {
            FollowUpKind.CALLBACK: self.tr("Callback"),
            FollowUpKind.PROACTIVE: self.tr("Proactive"),
        }
        self.model = FollowUpModel(
            [
                Column(self.tr("Due"), lambda d: self._due_text(d)),
                Column(
                    self.tr("Customer"), lambda d: d.customer_name or self.tr("(not synced yet)")
                ),
                Column(self.tr("Kind"), lambda d: kinds[d.follow_up.kind]),
                Column(
                    self.tr("Reason"),
                    lambda d: d.follow_up.reason,
                    tooltip=lambda d: self._reason_tip(d),
                ),
            ],
            self,
        )
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Due and overdue follow-ups"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # In a ~500 px column the reason takes what is left, cut short (the tooltip has it).
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.empty = QLabel(self.tr("Nothing due. Well done."))
        self.empty.setAccessibleName(self.tr("No follow-ups due"))
        self.empty.hide()
        self.open_button = QPushButton(self.tr("Open call&er"))
        self.open_button.setAccessibleName(self.tr("Open the caller of the chosen follow-up"))
        self.done_button = QPushButton(self.tr("Mar&k done"))
        self.done_button.setAccessibleName(self.tr("Mark the chosen follow-up done"))
        self.done_button.setToolTip(self.tr("Mark done and log the call (Ctrl+D)"))
        self.refresh_button = QPushButton(self.tr("Refres&h"))
        self.refresh_button.setAccessibleName(self.tr("Read the follow-ups again"))

        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.done_button)
        buttons.addStretch(1)
        buttons.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addLayout(buttons)
        QWidget.setTabOrder(self.table, self.open_button)
        QWidget.setTabOrder(self.open_button, self.done_button)
        QWidget.setTabOrder(self.done_button, self.refresh_button)

        self.table.clicked.connect(lambda index: self.open_row(index.row()))
        self.table.activated.connect(lambda index: self.open_row(index.row()))
        self.open_button.clicked.connect(lambda: self.open_row(self._current_row()))
        self.done_button.clicked.connect(lambda: self.complete_row(self._current_row()))
        self.refresh_button.clicked.connect(self.refresh)
        done = QAction(self.tr("Mark the chosen follow-up done"), self)
        done.setShortcut(QKeySequence("Ctrl+D"))
        done.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        done.triggered.connect(lambda: self.complete_row(self._current_row()))
        self.addAction(done)
        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        self._timer.start()
        self._show_buttons()

    # -- reading --------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the due follow-ups again (off the UI thread)."""
        self._generation += 1
        generation = self._generation
        follow_ups = self.follow_ups
        self._run(
            lambda: (follow_ups.now(), follow_ups.due()),
            lambda found: self._show(generation, *found),
            lambda error: self.sig_message.emit(
                self.tr("Could not read the follow-ups: %s") % error
            ),
        )

    def _show(self, generation: int, now: datetime, due: list[DueFollowUp]) -> None:
        if generation != self._generation:  # a newer read is on its way
            return
        chosen = self._chosen_id()
        self.model.now = now
        self.model.set_records(due)
        overdue = sum(1 for item in due if item.is_overdue(now))
        self.title.setText(
            self.tr("Follow-ups: %d overdue, %d due soon") % (overdue, len(due) - overdue)
        )
        self.empty.setVisible(not due)
        for row, item in enumerate(due):
            if item.follow_up.id == chosen:
                self.table.selectRow(row)
        self._show_buttons()
        self.sig_refreshed.emit(len(due))

    def _due_text(self, item: DueFollowUp) -> str:
        local = item.follow_up.due_at.astimezone()
        when = f"{local.day} {local:%b %H:%M}"
        if self.model.now is not None and item.is_overdue(self.model.now):
            return self.tr("%s, overdue") % when
        return when

    def _reason_tip(self, item: DueFollowUp) -> str:
        if not item.case_number:
            return item.follow_up.reason
        return self.tr("%s (case %s)") % (item.follow_up.reason, item.case_number)

    # -- acting ---------------------------------------------------------------------------

    def open_row(self, row: int) -> None:
        """Open the caller of the follow-up on ``row``."""
        if 0 <= row < self.model.rowCount():
            self.table.selectRow(row)
            self._show_buttons()
            self.sig_caller_requested.emit(self.model.record(row).follow_up.customer_id)

    def complete_row(self, row: int) -> None:
        """Mark the follow-up on ``row`` done and log the call (off the UI thread)."""
        if not 0 <= row < self.model.rowCount():
            return
        item = self.model.record(row)
        follow_ups = self.follow_ups
        self.done_button.setEnabled(False)
        self._run(
            lambda: follow_ups.complete(item.follow_up.id),
            lambda _done: self._completed(item),
            self._failed,
        )

    def _completed(self, item: DueFollowUp) -> None:
        name = item.customer_name or self.tr("the customer")
        self.sig_message.emit(self.tr("Follow-up with %s done and logged") % name)
        self.sig_completed.emit(item.follow_up.id)
        self.refresh()

    def _failed(self, error: Exception) -> None:
        self._show_buttons()
        self.sig_message.emit(self.tr("Could not complete the follow-up: %s") % error)
        self.refresh()

    def _current_row(self) -> int:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def _chosen_id(self) -> uuid.UUID | None:
        row = self._current_row()
        return self.model.record(row).follow_up.id if row >= 0 else None

    def _show_buttons(self) -> None:
        chosen = self._current_row() >= 0
        self.open_button.setEnabled(chosen)
        self.done_button.setEnabled(chosen)

    def _run(self, function, done, failed) -> None:
        # The panel may be gone (window closed) by the time the store answers.
        def alive(callback):
            return lambda value: callback(value) if shiboken6.isValid(self) else None

        self._queue.run_task(function, alive(done), alive(failed))
