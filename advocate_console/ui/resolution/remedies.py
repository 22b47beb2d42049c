"""The remedies: what was done for the customer, what each cost, and the total.

One unit on purpose: what the advocate may grant on their own authority, and remedies
suggested for the case, belong here next to the rows they concern.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QVBoxLayout

from advocate_console.domain import RemedyKind
from advocate_console.domain.resolutions import (
    RemedyEntry,
    ResolutionEntry,
    remedy_field,
    total_cost,
)

from ..fields import problem_label
from ..formatting import money
from ..labels import label
from .remedy_row import RemedyRow
from .section import Section
from .suggestions import SuggestionsRow


class RemediesSection(Section):
    """A row per kind of remedy (ticked, with its cost and what else it needs), the
    section's problem, and the total cost."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows = {kind: RemedyRow(kind, label(kind), self) for kind in RemedyKind}
        self.suggested = SuggestionsRow()
        self.suggested.sig_apply.connect(self.apply)
        self.suggested.sig_changed.connect(self._edited)
        box = QGroupBox(self.tr("Re&medies"))
        grid = QGridLayout(box)
        grid.setColumnStretch(0, 1)
        grid.setVerticalSpacing(2)
        grid.addWidget(self.suggested, 0, 0, 1, 3)
        line = 1
        for row in self.rows.values():
            grid.addWidget(row.check, line, 0)
            if row.extra is not None:
                grid.addWidget(row.extra, line, 1)
            grid.addWidget(row.cost, line, 2)
            grid.addWidget(row.problem, line + 1, 0, 1, 3)
            line += 2
        self.problem = problem_label(self.tr("Problem with the remedies"))
        self.total = QLabel()
        self.total.setAccessibleName(self.tr("Total cost"))
        grid.addWidget(self.problem, line, 0, 1, 3)
        grid.addWidget(self.total, line + 1, 0, 1, 3, Qt.AlignmentFlag.AlignRight)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(box)
        self.watch(*self.inputs())
        self.sig_edited.connect(self.show_total)

    def __getitem__(self, kind: RemedyKind) -> RemedyRow:
        return self.rows[kind]

    def inputs(self):
        rows = [widget for row in self.rows.values() for widget in row.widgets()]
        return [*self.suggested.inputs(), *rows]

    def set_enabled(self, on: bool) -> None:
        self.suggested.setEnabled(on)
        for row in self.rows.values():
            row.check.setEnabled(on)
            row.enable(on and row.check.isChecked())

    def entries(self) -> list[RemedyEntry]:
        """The ticked remedies, as typed."""
        return [row.entry() for row in self.rows.values() if row.check.isChecked()]

    def apply(self, remedies: Iterable[RemedyEntry]) -> None:
        """Tick and fill exactly ``remedies`` (a suggestion taken): the rows not in it are
        cleared, and the cursor goes to the first amount left to type, else the first row."""
        chosen = {r.kind: r for r in remedies}
        for kind, row in self.rows.items():
            row.show_entry(chosen.get(kind))
        self.show_total()
        empty = [self.rows[kind].cost for kind, item in chosen.items() if item.cost_to_type]
        if empty:  # as Tab does: typed digits replace what the box shows ("cost")
            empty[0].setFocus(Qt.FocusReason.TabFocusReason)
            empty[0].selectAll()
        elif chosen:
            next(iter(self.rows.values())).check.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_entry(self, entry: ResolutionEntry | None) -> None:
        self.suggested.keep(entry.suggestions if entry else [])
        remedies = {r.kind: r for r in entry.remedies} if entry else {}
        for kind, row in self.rows.items():
            row.show_entry(remedies.get(kind))
        self.show_total()

    def show_total(self) -> None:
        """What the ticked remedies cost together."""
        self.total.setText(self.tr("Total cost: %s") % money(total_cost(self.entries())))

    def read(self) -> dict[str, Any]:
        return {"remedies": self.entries(), "suggestions": self.suggested.recorded()}

    def problem_places(self):
        places = {"remedies": (self.problem, self.rows[RemedyKind.REPAIR_FEE_WAIVED].check)}
        for kind, row in self.rows.items():
            focus = row.widgets()[1] if len(row.widgets()) > 1 else row.check
            places[remedy_field(kind)] = (row.problem, focus)
        return places
