"""The timeline tab: every interaction, newest first, filtered by words and by kind, a
hundred rows at a time as the view scrolls."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QVBoxLayout, QWidget

from advocate_console.domain import InteractionKind

from ..formatting import moment
from ..labels import label
from ..record_models import Column, RecordTableModel
from .tables import fit_columns, record_table

if TYPE_CHECKING:
    from advocate_console.domain import History, Interaction

TIMELINE_BATCH = 100
"""Timeline rows handed to the view at a time, as it scrolls."""
FILTER_DELAY_MS = 120


class TimelinePage(QWidget):
    """The filter (words, kind) above the table of interactions."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.history: History | None = None
        self.model = RecordTableModel(
            [
                Column(self.tr("When"), lambda i: moment(i.occurred_at)),
                Column(self.tr("What"), lambda i: label(i.kind)),
                Column(
                    self.tr("Summary"), lambda i: i.summary, tooltip=lambda i: i.body or i.summary
                ),
                Column(self.tr("By"), lambda i: i.advocate or ""),
            ],
            self,
            batch=TIMELINE_BATCH,
        )
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Filter the timeline…"))
        self.filter.setClearButtonEnabled(True)
        self.filter.setAccessibleName(self.tr("Filter the timeline"))
        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("Kind of timeline entry"))
        self.kind.addItem(self.tr("Everything"), None)
        for kind, text in (
            (InteractionKind.CALL, self.tr("Calls")),
            (InteractionKind.CALLBACK, self.tr("Callbacks")),
            (InteractionKind.EMAIL, self.tr("E-mails")),
            (InteractionKind.NOTE, self.tr("Notes")),
            (InteractionKind.CARD, self.tr("Cards")),
        ):
            self.kind.addItem(text, kind.value)
        self.view = record_table(self.model, self.tr("Timeline"))
        self.view.setObjectName("timeline")
        fit_columns(self.view, ["28 Sep 2025 19:10", "Callback"], stretch=2)
        self.view.setColumnHidden(3, True)  # who wrote it is in the details below
        filters = QHBoxLayout()
        filters.addWidget(self.filter, 1)
        filters.addWidget(self.kind)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(FILTER_DELAY_MS)
        self._timer.timeout.connect(self.apply_filter)
        self.filter.textChanged.connect(self._timer.start)
        self.kind.currentIndexChanged.connect(self.apply_filter)

    def show_history(self, history: History | None, same_customer: bool = False) -> None:
        """Show ``history``'s interactions; a new caller starts with the whole timeline."""
        self.history = history
        if not same_customer:
            blocked = self.filter.blockSignals(True)
            self.filter.clear()
            self.filter.blockSignals(blocked)
            self.kind.blockSignals(True)
            self.kind.setCurrentIndex(0)
            self.kind.blockSignals(False)
        self.apply_filter()

    def apply_filter(self) -> None:
        """Show only the entries with every word typed, of the kind chosen."""
        history = self.history
        if history is None:
            self.model.set_records([])
            return
        words = self.filter.text().casefold().split()
        kind = self.kind.currentData()
        entries = [
            entry
            for entry in history.interactions
            if (kind is None or entry.kind.value == kind)
            and all(word in _searchable(entry) for word in words)
        ]
        self.model.set_records(entries)

    def entries(self) -> list[Interaction]:
        """The entries the filter lets through, newest first."""
        return self.model.records()


def _searchable(entry: Interaction) -> str:
    words = (entry.summary, entry.body, entry.advocate or "", entry.kind.value, label(entry.kind))
    return " ".join(words).casefold()
