"""The form's last line: what became of the resolution (saved, refused, a draft restored)
beside **Reopen** and **Save resolution**."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget


class SaveBar(QWidget):
    """The resolution's status line and its **Save** button (``reopen``: the button the
    two-advocates panel shows when a case was resolved meanwhile)."""

    def __init__(self, reopen: QPushButton, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Resolution status"))
        self.save_button = QPushButton(self.tr("Save resolution"))
        self.save_button.setAccessibleName(self.tr("Save resolution"))
        self.save_button.setToolTip(self.tr("Save the resolution (Ctrl+S); works offline"))
        self.save_button.setDefault(True)
        line = QHBoxLayout(self)
        line.setContentsMargins(6, 0, 6, 4)
        line.addWidget(self.status, 1)
        line.addWidget(reopen)
        line.addWidget(self.save_button)
