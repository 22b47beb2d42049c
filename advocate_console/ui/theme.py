"""The app's look: the style sheets in resources/styles over the system palette, light or
dark as the system says (and again whenever the system switches)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from advocate_console.paths import style_sheet


@dataclass(frozen=True, slots=True)
class Colours:
    """Colours with a meaning, readable on the current palette."""

    problem: str
    good: str
    bad: str
    link: str


LIGHT = Colours(problem="#b3261e", good="#1e6b34", bad="#8a1c1c", link="#0b5cad")
DARK = Colours(problem="#ffb4ab", good="#7fd99a", bad="#ff8a80", link="#8ab4f8")


def is_dark() -> bool:
    """True when the palette in use is a dark one (text lighter than the window)."""
    app = QGuiApplication.instance()
    if app is None:
        return False
    hints = QGuiApplication.styleHints()
    if hints.colorScheme() == Qt.ColorScheme.Dark:
        return True
    palette = QGuiApplication.palette()
    return (
        palette.color(QPalette.ColorRole.Window).lightness()
        < palette.color(QPalette.ColorRole.WindowText).lightness()
    )


def colours() -> Colours:
    """The meaningful colours for the palette in use."""
    return DARK if is_dark() else LIGHT


def apply_theme(app: QApplication) -> None:
    """Apply the shipped style sheets (with their dark additions on a dark palette);
    colours not set there follow the system palette."""
    app.setStyleSheet(style_sheet(dark=is_dark()))
    hints = QGuiApplication.styleHints()
    # Follow the system when it switches between light and dark while the app runs.
    hints.colorSchemeChanged.connect(lambda _scheme: app.setStyleSheet(style_sheet(dark=is_dark())))
