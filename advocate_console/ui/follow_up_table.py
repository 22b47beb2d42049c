"""The table of due follow-ups: when each is due (red across when overdue), whose
customer, what kind, whose it is and why; the reason is cut short, its tooltip has it whole."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from advocate_console.store.follow_ups import DueFollowUp

from .labels import follow_up_kind_label
from .record_models import BADGE_COLOURS, BADGE_ROLE, Column, RecordTableModel

OWNER_COLUMN = 3
REASON_COLUMN = 4


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


class FollowUpTable(QTableView):
    """The due follow-ups, one a row, one chosen at a time."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = FollowUpModel(
            [
                Column(self.tr("Due"), self._due_text),
                Column(
                    self.tr("Customer"), lambda d: d.customer_name or self.tr("(not synced yet)")
                ),
                Column(self.tr("Kind"), lambda d: follow_up_kind_label(d.follow_up.kind)),
                Column(self.tr("Owner"), self._owner_text),
                Column(self.tr("Reason"), lambda d: d.follow_up.reason, tooltip=self._reason_tip),
            ],
            self,
        )
        self.setModel(self._model)
        self.setAccessibleName(self.tr("Due and overdue follow-ups"))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().hide()
        self.setWordWrap(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # In a ~500 px column the reason takes what is left, cut short (the tooltip has it).
        header.setSectionResizeMode(REASON_COLUMN, QHeaderView.ResizeMode.Stretch)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def model(self) -> FollowUpModel:
        """The follow-ups shown."""
        return self._model

    def current_row(self) -> int:
        """The chosen row (-1: none)."""
        rows = self.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def chosen_id(self) -> uuid.UUID | None:
        """The chosen follow-up's id (None: none chosen)."""
        row = self.current_row()
        return self._model.record(row).follow_up.id if row >= 0 else None

    def _due_text(self, item: DueFollowUp) -> str:
        local = item.follow_up.due_at.astimezone()
        when = f"{local.day} {local:%b %H:%M}"
        if self._model.now is not None and item.is_overdue(self._model.now):
            return self.tr("%s, overdue") % when
        return when

    def _owner_text(self, item: DueFollowUp) -> str:
        if item.mine:
            return self.tr("You")
        return item.owner or self.tr("Nobody")

    def _reason_tip(self, item: DueFollowUp) -> str:
        if not item.case_number:
            return item.follow_up.reason
        return self.tr("%s (case %s)") % (item.follow_up.reason, item.case_number)
