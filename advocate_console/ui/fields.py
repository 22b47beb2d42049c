"""Small pieces every form uses."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel


def problem_label(name: str) -> QLabel:
    """A note in red under a field, saying what is wrong with it; hidden until then.

    ``name`` is what a screen reader calls it ("Problem with the name")."""
    label = QLabel()
    label.setObjectName("fieldProblem")  # coloured by the style sheets, light and dark
    label.setWordWrap(True)
    label.setAccessibleName(name)
    label.hide()
    return label
