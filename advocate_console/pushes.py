"""The console's side of the server's pushes: a pushed call pops its caller exactly as
``--caller`` does, "changes are waiting" pulls at once, a call's fate is noted, and the
conference on the bridge follows its legs as they are pushed (polling while the stream
is down)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from advocate_console.api import CentralClient
from advocate_console.sync.events import CallState, EventListener
from advocate_console.telephony.bridge_conference import BridgeConference

if TYPE_CHECKING:
    from advocate_console.auth import SignedIn
    from advocate_console.console import Console


class PushedEvents(QObject):
    """Listens for the signed-in advocate's events while the console runs."""

    def __init__(self, console: Console) -> None:
        super().__init__(console)
        self.console = console
        self.listener: EventListener | None = None
        self.listening = False
        """The stream is open now."""
        console.sig_signed_in.connect(self.listen)
        console.window.sig_closing.connect(self.stop)
        console.telephony.sig_ready.connect(lambda *_ready: self._follow(self.listening))

    def listen(self, signed: SignedIn) -> None:
        """Listen as ``signed`` (a new sign-in replaces the old stream)."""
        self.stop()
        self._follow(False)  # until the new stream opens
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
        # A replaced listener's last signals may still be queued: only this one's count.
        listener.sig_listening.connect(lambda up: listener is self.listener and self._follow(up))
        listener.sig_event.connect(
            lambda event, data: listener is self.listener and self._pass_on(event, data)
        )
        listener.start()

    def stop(self) -> None:
        """Hang up (the window closes, or another advocate signs in)."""
        if self.listener is not None:
            self.listener.stop()
            self.listener = None

    def _bridge(self) -> BridgeConference | None:
        conference = self.console.conference
        return conference if isinstance(conference, BridgeConference) else None

    def _follow(self, listening: bool) -> None:
        # The conference on the bridge polls fast while nothing is pushed, slowly otherwise.
        self.listening = listening
        if (conference := self._bridge()) is not None:
            conference.follow_stream(listening)

    def _pass_on(self, event: str, data: object) -> None:
        if (conference := self._bridge()) is not None:
            conference.pushed(event, data)

    def _note_call(self, _call_id: str, number: str, state: str) -> None:
        window = self.console.window
        words = {
            CallState.OFFERED: self.tr("Call from %s ringing"),
            CallState.ANSWERED: self.tr("Call from %s answered"),
            CallState.IGNORED: self.tr("Call from %s not answered"),
        }
        window.show_message(words[state] % (number or self.tr("an unknown number")), 10_000)
