"""Listening for the events the central server pushes to this console, off the UI thread.

One thread holds ``GET /events/stream`` open. A screen pop, "changes are waiting" or a
call's new state come out as signals (delivered on the UI thread). When the line drops
the thread reconnects with back-off, sending ``Last-Event-ID`` so nothing published
meanwhile is lost; while it cannot, the sync engine's timer goes on pulling as before.
"""

from __future__ import annotations

import logging
import random
import threading

from PySide6.QtCore import QObject, Signal

from advocate_console.api import CentralClient, Offline, SignedOut
from advocate_console.api.errors import ApiError
from advocate_console.api.events import CallEvent, EventKind, EventStream, PushedEvent

log = logging.getLogger(__name__)

FIRST_RETRY_S = 0.5
LAST_RETRY_S = 30.0


class CallState:
    """What became of a call offered to this advocate."""

    OFFERED = "offered"
    ANSWERED = "answered"
    IGNORED = "ignored"


class EventListener(QObject):
    """Keeps this advocate's event stream open on a thread of its own."""

    sig_caller_ringing = Signal(str)
    """The phone system says a call for this advocate rings: the caller's number."""
    sig_call_state = Signal(str, str, str)
    """A pushed call (id, number) is now offered, answered or ignored (:class:`CallState`)."""
    sig_changes_waiting = Signal()
    """The server has changes this console has not pulled yet."""
    sig_event = Signal(str, object)
    """Any other event (approval_decided, conference_leg, presence): its name and data."""
    sig_listening = Signal(bool)
    """The stream is open (True) or not, and the console relies on its timer meanwhile."""
    sig_signed_out = Signal()
    """The server no longer takes the token (signed out everywhere, disabled): it ended
    the stream, and refused it again."""

    def __init__(self, client: CentralClient) -> None:
        super().__init__()
        self._client = client
        self._stop = threading.Event()
        self._stream: EventStream | None = None
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._run, name="event-stream", daemon=True)
        self.last_event_id: str | None = None
        self.calls: dict[str, str] = {}
        self.listening = False
        """The stream is open now (what sig_listening said last, for those who come later)."""
        """Each pushed call's state, by call id."""

    def start(self) -> None:
        """Open the stream and keep it open."""
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        """Hang up and end the thread."""
        self._stop.set()
        with self._lock:
            if self._stream is not None:
                self._stream.close()
        if self._thread.is_alive():
            self._thread.join(timeout)
        self._client.close()

    def _run(self) -> None:
        delay = FIRST_RETRY_S
        while not self._stop.is_set():
            try:
                stream = self._client.event_stream(self.last_event_id)
            except SignedOut:
                self._listening(False)
                self.sig_signed_out.emit()
                return  # the sign-in dialog comes from the sync; a new sign-in starts anew
            except (Offline, ApiError) as error:
                log.info("event stream unavailable (%s); retrying in %.1f s", error, delay)
                self._stop.wait(delay * random.uniform(0.8, 1.2))
                delay = min(delay * 2, LAST_RETRY_S)
                continue
            with self._lock:
                self._stream = stream
            if self._stop.is_set():
                stream.close()
                return
            self._listening(True)
            try:
                for event in stream:
                    delay = FIRST_RETRY_S  # it worked: a later drop retries quickly again
                    self._handle(event)
            except Exception as error:  # the line dropped, or we hung up
                log.info("event stream closed: %s", error)
            finally:
                with self._lock:
                    self._stream = None
                stream.close()
            if not self._stop.is_set():
                self._listening(False)
                self._stop.wait(delay * random.uniform(0.8, 1.2))

    def _listening(self, listening: bool) -> None:
        self.listening = listening
        self.sig_listening.emit(listening)

    def _handle(self, event: PushedEvent) -> None:
        if event.id:
            self.last_event_id = event.id
        if event.event == EventKind.CHANGES_WAITING:
            self.sig_changes_waiting.emit()
        elif event.event == EventKind.SCREEN_POP:
            self._call(event.data)
        else:
            self.sig_event.emit(event.event, event.data)

    def _call(self, data: dict) -> None:
        call_id, number = str(data.get("call_id", "")), str(data.get("number", ""))
        kind = data.get("call_event")
        if kind == CallEvent.NEW_CALL and call_id not in self.calls:
            self.calls[call_id] = CallState.OFFERED
            if number:
                self.sig_caller_ringing.emit(number)
        elif kind == CallEvent.ANSWER:
            self.calls[call_id] = CallState.ANSWERED
        elif kind == CallEvent.HANGUP and self.calls.get(call_id) != CallState.ANSWERED:
            self.calls[call_id] = CallState.IGNORED
        else:
            return
        self.sig_call_state.emit(call_id, number, self.calls[call_id])
