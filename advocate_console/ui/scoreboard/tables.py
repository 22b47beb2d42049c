"""Report tables: rows of a report, columns that say how to show and sort each cell, a
view sorted by clicking a header, and the table as CSV exactly as it is shown."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView

from ..record_models import RECORD_ROLE

SORT_ROLE = Qt.ItemDataRole.UserRole + 10
"""What a column sorts by: the number behind "62%", not the text."""


@dataclass(frozen=True, slots=True)
class ReportColumn:
    """One column: its title, a cell's text, and what it sorts by (numbers right-aligned)."""

    title: str
    text: Callable[[Any], str]
    sort: Callable[[Any], Any] | None = None  # None: by the text
    tooltip: Callable[[Any], str] | None = None
    heading_tip: str = ""  # the heading's whole meaning, when the title is short

    @property
    def numeric(self) -> bool:
        """Whether the column holds figures (aligned right)."""
        return self.sort is not None


def _sortable(value: Any) -> Any:
    # None (nothing to count) sorts below every figure.
    return float("-inf") if value is None else value


class ReportTableModel(QAbstractTableModel):
    """The rows of a report (its items, as the server sent them)."""

    def __init__(self, columns: Sequence[ReportColumn], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._rows: list[Any] = []

    def set_rows(self, rows: Sequence[Any]) -> None:
        """Replace every row."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_item(self, row: int) -> Any:
        """The item on ``row`` (of this model, not of a sorted view)."""
        return self._rows[row]

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        column = self._columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.title
        if role == Qt.ItemDataRole.ToolTipRole:  # a short or cut heading, said whole
            return column.heading_tip or column.title
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item, column = self._rows[index.row()], self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(item)
        if role == SORT_ROLE:
            if column.sort is None:
                return column.text(item).casefold()
            return _sortable(column.sort(item))
        if role == RECORD_ROLE:
            return item
        if role == Qt.ItemDataRole.TextAlignmentRole and column.numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            return column.tooltip(item)
        return None


class Notice(QLabel):
    """A line above a page saying why it shows nothing, or an old copy."""

    def __init__(self) -> None:
        super().__init__()
        self.setWordWrap(True)
        self.setObjectName("reportNotice")
        self.hide()

    def say(self, text: str) -> None:
        """Show ``text`` (empty: hide)."""
        self.setText(text)
        self.setVisible(bool(text))


class ReportTable(QTableView):
    """A report's table: sorted by a click on its header, a row activated by Enter or a
    double-click."""

    def __init__(
        self,
        columns: Sequence[ReportColumn],
        name: str,
        sort_by: tuple[int, Qt.SortOrder] | None = (0, Qt.SortOrder.AscendingOrder),
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.rows = ReportTableModel(columns, self)
        self.sorted = QSortFilterProxyModel(self)
        self.sorted.setSourceModel(self.rows)
        self.sorted.setSortRole(SORT_ROLE)
        self.setModel(self.sorted)
        self.setAccessibleName(name)
        self.setWordWrap(False)
        if sort_by is not None:  # else the rows keep the order they came in
            self.horizontalHeader().setSortIndicator(*sort_by)
            self.setSortingEnabled(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        # Names as wide as they need, figures sharing the rest: no sideways scrolling.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        for number, column in enumerate(columns):
            if not column.numeric:
                header.setSectionResizeMode(number, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)

    def set_rows(self, rows: Sequence[Any]) -> None:
        """Show ``rows``, keeping the order the advocate sorted by."""
        self.rows.set_rows(rows)

    def item_at(self, row: int) -> Any:
        """The item shown on ``row`` of the (sorted) view."""
        return self.sorted.index(row, 0).data(RECORD_ROLE)

    def current_item(self) -> Any:
        """The item of the selected row, or None."""
        index = self.currentIndex()
        return index.data(RECORD_ROLE) if index.isValid() else None


def table_csv(model: QAbstractItemModel) -> str:
    """The table as CSV, header first, rows in the order and words shown."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    columns = range(model.columnCount())
    writer.writerow(
        [
            model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
            for c in columns
        ]
    )
    for row in range(model.rowCount()):
        writer.writerow(
            [model.index(row, c).data(Qt.ItemDataRole.DisplayRole) or "" for c in columns]
        )
    return out.getvalue()
