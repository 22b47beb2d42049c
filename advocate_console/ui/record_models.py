"""Qt item models over lists of domain records, with named roles for views and tests."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractListModel, QAbstractTableModel, QModelIndex, QObject, Qt
from PySide6.QtGui import QBrush, QColor

RECORD_ROLE = Qt.ItemDataRole.UserRole + 1
"""The domain value behind a row."""
BADGE_ROLE = Qt.ItemDataRole.UserRole + 2
"""A state name a delegate or test can read (e.g. a warranty state)."""

BADGE_COLOURS = {
    "active": ("#1e6b34", "#dff3e4"),
    "ends_soon": ("#7a4b00", "#fff0d1"),
    "expired": ("#8a1c1c", "#fde2e1"),
    "none": ("#555555", "#eeeeee"),
}


@dataclass(frozen=True, slots=True)
class Column:
    """One column: its title, the text of a cell, and optionally a badge state."""

    title: str
    text: Callable[[Any], str]
    badge: Callable[[Any], str] | None = None
    tooltip: Callable[[Any], str] | None = None


class RecordTableModel(QAbstractTableModel):
    """Rows of records, columns described by :class:`Column`.

    With ``batch``, views get the rows a batch at a time as they scroll
    (``canFetchMore``/``fetchMore``): a customer with 500 interactions shows the first
    screenful at once instead of measuring every row first.
    """

    def __init__(
        self, columns: Sequence[Column], parent: QObject | None = None, *, batch: int = 0
    ) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._records: list[Any] = []
        self._batch = batch
        self._shown = 0

    def set_records(self, records: Sequence[Any]) -> None:
        """Replace every row."""
        self.beginResetModel()
        self._records = list(records)
        self._shown = min(len(self._records), self._batch) if self._batch else len(records)
        self.endResetModel()

    def record(self, row: int) -> Any:
        """The record shown on ``row``."""
        return self._records[row]

    def records(self) -> list[Any]:
        """Every record, fetched by the view or not yet."""
        return list(self._records)

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._shown

    def canFetchMore(self, parent: QModelIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._shown < len(self._records)

    def fetchMore(self, parent: QModelIndex = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._shown >= len(self._records):
            return
        more = min(self._batch or len(self._records), len(self._records) - self._shown)
        self.beginInsertRows(QModelIndex(), self._shown, self._shown + more - 1)
        self._shown += more
        self.endInsertRows()

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._columns[section].title
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        record = self._records[index.row()]
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(record)
        if role == RECORD_ROLE:
            return record
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            return column.tooltip(record)
        if column.badge is not None and role in (
            BADGE_ROLE,
            Qt.ItemDataRole.ForegroundRole,
            Qt.ItemDataRole.BackgroundRole,
        ):
            state = column.badge(record)
            if role == BADGE_ROLE:
                return state
            foreground, background = BADGE_COLOURS.get(state, BADGE_COLOURS["none"])
            colour = foreground if role == Qt.ItemDataRole.ForegroundRole else background
            return QBrush(QColor(colour))
        return None


class RecordListModel(QAbstractListModel):
    """A list of records shown as one line each."""

    def __init__(self, text: Callable[[Any], str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._text = text
        self._records: list[Any] = []

    def set_records(self, records: Sequence[Any]) -> None:
        """Replace every row."""
        self.beginResetModel()
        self._records = list(records)
        self.endResetModel()

    def record(self, row: int) -> Any:
        """The record shown on ``row``."""
        return self._records[row]

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._records)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        record = self._records[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(record)
        if role == RECORD_ROLE:
            return record
        return None
