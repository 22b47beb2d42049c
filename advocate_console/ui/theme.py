"""The app's look: the style sheets in resources/styles over the system palette."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from advocate_console.paths import style_sheet


def apply_theme(app: QApplication) -> None:
    """Apply the shipped style sheets; colours not set there follow the system palette."""
    app.setStyleSheet(style_sheet())
