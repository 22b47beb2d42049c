"""What every section of the resolution form does: show its part of an entry, read it
back, say when it was edited, and name where each of its problems goes."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

from advocate_console.domain.resolutions import ResolutionEntry
from advocate_console.domain.validation import Problem

from ..problem_labels import problem_text

EDIT_SIGNALS = ("currentIndexChanged", "textChanged", "toggled", "valueChanged", "dateTimeChanged")


class Section(QWidget):
    """One part of the resolution form; subclasses build their fields."""

    sig_edited = Signal()
    """The advocate changed something in this section."""

    def inputs(self) -> list[QWidget]:
        """Every input, in the order they are on screen (the tab order)."""
        raise NotImplementedError

    def show_entry(self, entry: ResolutionEntry | None) -> None:
        """Fill the section from ``entry``; None clears it."""
        raise NotImplementedError

    def read(self) -> dict[str, Any]:
        """The entry's fields this section holds, as typed."""
        raise NotImplementedError

    def problem_places(self) -> dict[str, tuple[QLabel, QWidget]]:
        """For each problem field: the label that says it and the widget to focus."""
        return {}

    def set_enabled(self, on: bool) -> None:
        """Let the advocate edit the section, or not."""
        for widget in self.inputs():
            widget.setEnabled(on)

    def watch(self, *widgets: QWidget) -> None:
        """Say :attr:`sig_edited` whenever one of ``widgets`` changes."""
        for widget in widgets:
            for name in EDIT_SIGNALS:
                signal = getattr(widget, name, None)
                if signal is not None:
                    signal.connect(self._edited)
                    break

    def _edited(self, *_args: object) -> None:
        self.sig_edited.emit()


def add_row(form: QFormLayout, text: str, field: QWidget, problem: QLabel | None = None) -> None:
    """A labelled field (the label its buddy, for Alt+letter), its problem line below."""
    label = QLabel(text)
    label.setBuddy(field)
    form.addRow(label, field)
    if problem is not None:
        form.addRow("", problem)


def show_problems(
    sections: list[Section], problems: list[Problem]
) -> tuple[list[QWidget], list[Problem]]:
    """Put each problem in red next to its field (and in the field's accessible
    description), clear the others; returns the fields with a problem, in order, and the
    problems that belong to no field."""
    places: dict[str, tuple[QLabel, QWidget]] = {}
    for section in sections:
        places |= section.problem_places()
    messages: dict[QLabel, list[str]] = {label: [] for label, _ in places.values()}
    for problem in problems:
        if problem.field in places:
            messages[places[problem.field][0]].append(problem_text(problem))
    for label, texts in messages.items():
        label.setText("\n".join(texts))
        label.setVisible(bool(texts))
    for _label, widget in places.values():
        widget.setAccessibleDescription("")
    fields, general = [], []
    for problem in problems:
        if problem.field in places:
            widget = places[problem.field][1]
            widget.setAccessibleDescription(problem_text(problem))
            fields.append(widget)
        else:
            general.append(problem)
    return fields, general
