"""A quiet mark in the status bar while a settings file has problems; a click shows them."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QToolButton, QWidget

from advocate_console.settings_layers import SettingsLayers, SettingsProblem

from .locked_values import describe, unhonoured_locks
from .settings_problem_words import settings_problem_text


class SettingsNotice(QToolButton):
    """ "⚠ Settings: 2 problems" until the files are fixed; its tooltip lists them."""

    sig_open_requested = Signal()
    """The advocate wants to see the problems (and fix what they can) in the settings."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsNotice")
        self.setAutoRaise(True)
        self.setAccessibleName(self.tr("Settings problems"))
        self.clicked.connect(self.sig_open_requested)
        self.problems: tuple[SettingsProblem, ...] = ()
        self.hide()

    def show_problems(
        self, problems: Sequence[SettingsProblem], layers: SettingsLayers | None = None
    ) -> None:
        """Show how many problems there are (hidden when none): those of the files, and,
        given the ``layers`` in force, what IT locked that this installation cannot do."""
        unhonoured = [describe(item) for item in unhonoured_locks(layers)] if layers else []
        self.problems = tuple(problems)
        count = len(self.problems) + len(unhonoured)
        self.setText(self.tr("⚠ Settings: %n problem(s)", "", count))
        said = [settings_problem_text(problem) for problem in self.problems]
        self.setToolTip("\n".join([*said, *unhonoured]))
        self.setAccessibleDescription(self.toolTip())
        self.setVisible(count > 0)
