"""How the customer felt at the end, and the advocate's notes."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QButtonGroup,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
)

from advocate_console.domain import Delight
from advocate_console.domain.resolutions import ResolutionEntry

from ..fields import problem_label
from .section import Section


class OutcomeSection(Section):
    """The delight scale (one choice) and free notes."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        labels = {
            Delight.DELIGHTED: self.tr("&Delighted"),
            Delight.SATISFIED: self.tr("&Satisfied"),
            Delight.NEUTRAL: self.tr("Ne&utral"),
            Delight.UNHAPPY: self.tr("Unhapp&y"),
        }
        self.delight = {kind: QRadioButton(text) for kind, text in labels.items()}
        self.delight_group = QButtonGroup(self)
        box = QGroupBox(self.tr("How the customer felt at the end"))
        column = QVBoxLayout(box)
        scale = QHBoxLayout()
        for kind, button in self.delight.items():
            button.setAccessibleName(labels[kind].replace("&", ""))
            self.delight_group.addButton(button)
            scale.addWidget(button)
        scale.addStretch(1)
        column.addLayout(scale)
        self.delight_problem = problem_label(self.tr("Problem with the outcome"))
        column.addWidget(self.delight_problem)
        self.notes = QPlainTextEdit()
        self.notes.setAccessibleName(self.tr("Notes"))
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 14)
        notes_label = QLabel(self.tr("&Notes"))
        notes_label.setBuddy(self.notes)
        column.addWidget(notes_label)
        column.addWidget(self.notes)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(box)
        self.watch(*self.inputs())

    def inputs(self):
        return [*self.delight.values(), self.notes]

    def show_entry(self, entry: ResolutionEntry | None) -> None:
        self.delight_group.setExclusive(False)  # so that none can be chosen
        for kind, button in self.delight.items():
            button.setChecked(bool(entry) and entry.delight is kind)
        self.delight_group.setExclusive(True)
        self.notes.setPlainText(entry.notes if entry else "")

    def read(self) -> dict[str, Any]:
        delight = next((k for k, b in self.delight.items() if b.isChecked()), None)
        return {"delight": delight, "notes": self.notes.toPlainText()}

    def problem_places(self):
        return {
            "delight": (self.delight_problem, self.delight[Delight.DELIGHTED]),
            "notes": (self.delight_problem, self.notes),
        }
