"""A line saying what was just done, with an Undo button that lasts a few seconds."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

UNDO_MS = 10_000
"""How long what was just done can be taken back with one click."""


class UndoBar(QFrame):
    """Shows what was just done and offers to take it back, until the time is up."""

    sig_undo = Signal()
    """The advocate wants it taken back (in time)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("undoBar")
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setAccessibleName(self.tr("What was just done"))
        self.button = QPushButton(self.tr("Undo"))
        self.button.setAccessibleName(self.tr("Take back what was just done"))
        self.button.setToolTip(self.tr("Take it back (Ctrl+Z)"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 2, 2)
        layout.addWidget(self.note, 1)
        layout.addWidget(self.button)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(UNDO_MS)
        self.timer.timeout.connect(self.close_offer)
        self.button.clicked.connect(self.sig_undo.emit)
        self.hide()

    def offer(self, text: str) -> None:
        """Say ``text`` and offer Undo for :data:`UNDO_MS`."""
        self.note.setText(text)
        self.show()
        self.timer.start()

    def close_offer(self) -> None:
        """The time is up (or it was used): hide."""
        self.timer.stop()
        self.hide()
