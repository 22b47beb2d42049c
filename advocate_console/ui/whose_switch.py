"""The Mine / Team switch above the follow-ups and the card queue: one pair of buttons,
checkable, one of them down, saying whose work the list shows."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QPushButton, QWidget

from advocate_console.domain.ownership import Whose


class WhoseSwitch(QWidget):
    """Mine or Team; Mine at first."""

    sig_changed = Signal(object)
    """The advocate switched: carries the Whose now shown."""

    def __init__(self, mine_name: str, team_name: str, parent: QWidget | None = None) -> None:
        """``mine_name``, ``team_name``: what a screen reader says each button shows."""
        super().__init__(parent)
        self.mine = QPushButton(self.tr("Mine"))
        self.mine.setAccessibleName(mine_name)
        self.team = QPushButton(self.tr("Team"))
        self.team.setAccessibleName(team_name)
        self.group = QButtonGroup(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for button in (self.mine, self.team):
            button.setObjectName("whoseSwitch")
            button.setCheckable(True)
            self.group.addButton(button)
            layout.addWidget(button)
        self.mine.setChecked(True)
        QWidget.setTabOrder(self.mine, self.team)
        self.mine.toggled.connect(
            lambda mine: self.sig_changed.emit(Whose.MINE if mine else Whose.TEAM)
        )

    def show_whose(self, whose: Whose) -> None:
        """Put the button of ``whose`` down (without asking the list to change again)."""
        self.blockSignals(True)
        self.mine.setChecked(whose is Whose.MINE)
        self.team.setChecked(whose is Whose.TEAM)
        self.blockSignals(False)
