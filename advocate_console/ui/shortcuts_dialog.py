"""Help ▸ Keyboard shortcuts: every shortcut of the window, read from its actions, so the
list is never out of date."""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

ALWAYS = [
    (
        QT_TRANSLATE_NOOP("ShortcutsDialog", "Tab / Shift+Tab"),
        QT_TRANSLATE_NOOP(
            "ShortcutsDialog", "Next / previous field, in the order they are on screen"
        ),
    ),
    (
        QT_TRANSLATE_NOOP("ShortcutsDialog", "Down, Enter"),
        QT_TRANSLATE_NOOP(
            "ShortcutsDialog", "In the caller search: into the matches, open the chosen caller"
        ),
    ),
    (
        QT_TRANSLATE_NOOP("ShortcutsDialog", "Alt + underlined letter"),
        QT_TRANSLATE_NOOP("ShortcutsDialog", "Go to that field or button"),
    ),
]


def shortcuts_of(window: QWidget) -> list[tuple[str, str]]:
    """(keys, what they do) for every action of ``window`` that has both, in key order."""
    found: dict[str, str] = {}
    for action in window.findChildren(QAction):
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        text = re.sub(r"&(?!&)", "", action.text()).replace("&&", "&").rstrip(".…")
        if keys and text and keys not in found:
            found[keys] = text
    return sorted(found.items(), key=lambda item: (len(item[0]), item[0]))


class ShortcutsDialog(QDialog):
    """A table of the window's shortcuts."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        rows = shortcuts_of(window) + [(self.tr(k), self.tr(w)) for k, w in ALWAYS]
        self.table = QTableWidget(len(rows), 2)
        self.table.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.table.setHorizontalHeaderLabels([self.tr("Keys"), self.tr("What they do")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, (keys, what) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(keys))
            self.table.setItem(row, 1, QTableWidgetItem(what))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(560, 520)
