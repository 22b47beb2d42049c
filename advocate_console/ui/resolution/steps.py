"""The five steps of a recovery, ticked as the advocate took them."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QCheckBox, QGridLayout, QGroupBox, QVBoxLayout

from advocate_console.domain import RecoveryStep
from advocate_console.domain.resolutions import ResolutionEntry

from ..labels import label
from .section import Section


class StepsSection(Section):
    """Empathized, took ownership, lessened the inconvenience, managed the memory,
    extended the experience: one box each, two to a row."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        labels = {step: label(step) for step in RecoveryStep}
        self.boxes = {step: QCheckBox(text) for step, text in labels.items()}
        box = QGroupBox(self.tr("The f&ive steps"))
        grid = QGridLayout(box)
        grid.setVerticalSpacing(2)
        for index, (step, check) in enumerate(self.boxes.items()):
            check.setAccessibleName(labels[step])
            grid.addWidget(check, index // 2, index % 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(box)
        self.watch(*self.inputs())

    def __getitem__(self, step: RecoveryStep) -> QCheckBox:
        return self.boxes[step]

    def inputs(self):
        return list(self.boxes.values())

    def show_entry(self, entry: ResolutionEntry | None) -> None:
        for step, check in self.boxes.items():
            check.setChecked(bool(entry) and step in entry.steps)

    def read(self) -> dict[str, Any]:
        return {"steps": [step for step, check in self.boxes.items() if check.isChecked()]}
