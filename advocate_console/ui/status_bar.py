"""The window's status bar: passing messages on the left, each whole and for its own
time (see status_messages.py); on the right the sync state, a mark for settings problems,
the update notice and who is signed in where."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from .settings_notice import SettingsNotice
from .status_messages import MessageLine
from .sync_status import SyncStatusBar
from .update_notice import UpdateNotice

if TYPE_CHECKING:
    from advocate_console.settings_layers import SettingsLayers, SettingsProblem
    from advocate_console.sync import SyncReport
    from advocate_console.telephony import AudioChoice


class ConsoleStatusBar(QStatusBar):
    """Everything the console says in passing, and its permanent marks."""

    sig_sync_requested = Signal()
    """The advocate asked to sync now."""
    sig_sign_in_requested = Signal()
    """The advocate, signed out, asked to sign in (a click on "Signed out")."""
    sig_changes_requested = Signal()
    """The advocate wants to see the changes not yet on the server."""
    sig_settings_requested = Signal()
    """The advocate wants to see the settings' problems."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizeGripEnabled(False)  # its corner would take room from the marks
        self.messages = MessageLine()
        self.addWidget(self.messages, 1)
        self.sync = SyncStatusBar()
        self.settings_notice = SettingsNotice()
        self.update_notice = UpdateNotice()
        self.connection = QLabel()
        self.connection.setAccessibleName(self.tr("Connection status"))
        for part in (self.connection, self.sync, self.settings_notice, self.update_notice):
            self.addPermanentWidget(part)
        self.sync.sig_sync_requested.connect(self.sig_sync_requested)
        self.sync.sig_sign_in_requested.connect(self.sig_sign_in_requested)
        self.sync.sig_problem_changed.connect(self.messages.set_standing)
        self.sync.sig_changes_requested.connect(self.sig_changes_requested)
        self.settings_notice.sig_open_requested.connect(self.sig_settings_requested)

    # Qt's own message would hide the message line and be cut: every caller of
    # showMessage (the window's show_message among them) reaches the line instead.
    def showMessage(self, text: str, timeout: int = 0) -> None:
        """Show ``text`` for ``timeout`` ms (0: until the next message), as a line of its
        own beside those still shown."""
        self.messages.add(text, timeout)
        self.messageChanged.emit(self.messages.current())

    def clearMessage(self) -> None:
        """Take the passing messages away."""
        self.messages.clear_messages()
        self.messageChanged.emit("")

    def currentMessage(self) -> str:
        """The newest passing message shown."""
        return self.messages.current()

    def set_connection(self, text: str) -> None:
        """Who is signed in where (the permanent text at the right)."""
        self.connection.setText(text)

    def show_settings_problems(
        self,
        problems: Sequence[SettingsProblem],
        announce: bool = False,
        layers: SettingsLayers | None = None,
    ) -> None:
        """A mark that stays until the files are fixed (and counts what IT locked that
        the ``layers`` in force cannot honour here); with ``announce``, the first problem
        is also said once, where the advocate sees it."""
        self.settings_notice.show_problems(problems, layers)
        if not (announce and problems):
            return
        text = self.tr("Settings: %s") % problems[0]
        if len(problems) > 1:
            text += self.tr(" (and %d more: see the settings)") % (len(problems) - 1)
        self.showMessage(text, 30000)

    def show_progress(self, changes: int) -> None:
        """A sync is under way: how many changes it has brought so far (in the sync part,
        so it never takes the place of a message)."""
        self.sync.show_progress(changes)

    def show_synced(self, report: SyncReport) -> None:
        """A sync ended: a conflict is said (other messages keep their time)."""
        if report.conflicts:
            self.showMessage(
                self.tr("Someone else changed a record you changed: choose in the status bar."),
                15000,
            )

    def show_audio(self, choice: AudioChoice) -> None:
        """Say which sound devices the phone could not use, and what it uses instead."""
        missing = [
            text % name
            for text, name in (
                (self.tr("The microphone “%s” is not connected."), choice.missing_capture),
                (self.tr("The speaker “%s” is not connected."), choice.missing_playback),
            )
            if name
        ]
        if choice.failure:
            missing.append(self.tr("A sound device would not open: %s.") % choice.failure)
        if choice.no_device:
            missing.append(
                self.tr("No sound device was found: calls have no sound on this computer.")
            )
        elif missing:
            missing.append(self.tr("The phone uses the system's default sound devices."))
        if missing:
            self.showMessage(" ".join(missing), 20000)
