"""The console's side of the server's pushes: a pushed call pops its caller exactly as
``--caller`` does, "changes are waiting" pulls at once, and a call's fate is noted."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from advocate_console.api import CentralClient
from advocate_console.sync.events import CallState, EventListener

if TYPE_CHECKING:
    from advocate_console.auth import SignedIn
    from advocate_console.console import Console


class PushedEvents(QObject):
    """Listens for the signed-in advocate's events while the console runs."""

    def __init__(self, console: Console) -> None:
        super().__init__(console)
        self.console = console
        self.listener: EventListener | None = None
        console.sig_signed_in.connect(self.listen)
        console.window.sig_closing.connect(self.stop)

    def listen(self, signed: SignedIn) -> None:
        """Listen as ``signed`` (a new sign-in replaces the old stream)."""
        self.stop()
        # Its own client: the stream blocks its thread, the sync thread has the other one.
        client = CentralClient(
            signed.client.base_url,
            token=signed.client.token,
            ca_bundle=self.console.settings.ca_bundle or None,
            retries=0,
        )
        listener = self.listener = EventListener(client)
        window = self.console.window
        listener.sig_caller_ringing.connect(window.pop_caller)  # as --caller pops it
        listener.sig_changes_waiting.connect(self.console.sync_now)
        listener.sig_call_state.connect(self._note_call)
        # A sync now hears why at once: a wipe order erases this computer's copy.
        listener.sig_signed_out.connect(self.console.sync_now)
        listener.start()

    def stop(self) -> None:
        """Hang up (the window closes, or another advocate signs in)."""
        if self.listener is not None:
            self.listener.stop()
            self.listener = None

    def _note_call(self, _call_id: str, number: str, state: str) -> None:
        window = self.console.window
        words = {
            CallState.OFFERED: self.tr("Call from %s ringing"),
            CallState.ANSWERED: self.tr("Call from %s answered"),
            CallState.IGNORED: self.tr("Call from %s not answered"),
        }
        window.show_message(words[state] % (number or self.tr("an unknown number")), 10_000)
