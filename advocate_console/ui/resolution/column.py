"""The form's sections one under the other, scrolled so the field with the focus is
always in view."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFrame, QScrollArea, QVBoxLayout, QWidget


class SectionColumn(QScrollArea):
    """Scrolls the sections vertically; Tab to a field below the fold scrolls to it."""

    def __init__(self, sections: list[QWidget], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(6, 6, 6, 6)
        for section in sections:
            column.addWidget(section)
        column.addStretch(1)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWidget(content)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # focus scrolls it (see below)
        self._content = content
        app = QApplication.instance()
        if app is not None:
            app.focusChanged.connect(self._scroll_to_focus)

    def scroll_to_top(self) -> None:
        """Show the first section (a new caller's form starts at the top)."""
        self.verticalScrollBar().setValue(0)

    def _scroll_to_focus(self, _old: QWidget | None, new: QWidget | None) -> None:
        # Keyboard first: the field the Tab key reaches is always in view.
        if new is not None and shiboken6.isValid(self) and self._content.isAncestorOf(new):
            self.ensureWidgetVisible(new, 10, 30)
