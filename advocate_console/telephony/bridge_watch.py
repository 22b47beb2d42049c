"""How the console hears what the bridge did with the conference.

News comes pushed on the event stream (``conference_leg``, ``conference_ended``) and is
passed on at once. While the stream is down the conference is polled twice a second
instead; while it is up, every 5 s, as a safety net: a bridge that dies tells nobody
(its legs are ``lost`` only by its silence), and that is seen only by asking.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from uuid import UUID

from pydantic import ValidationError
from PySide6.QtCore import QObject, QTimer, Signal

from advocate_console.api import CentralClient
from advocate_console.api.conferences import ConferenceOut, LegOut
from advocate_console.api.events import EventKind
from advocate_console.tasks import SerialQueue

log = logging.getLogger(__name__)

POLL_MS = 500
"""How often the conference is asked for while the event stream is down."""
SAFETY_POLL_MS = 5000
"""How often while the stream is up: only to notice a bridge that died."""
EARLY_KEPT = 50
"""Pushed events kept while a start is unanswered (the bridge's first news)."""


class BridgeWatch(QObject):
    """Follows one conference on the bridge: its pushed events, and polls."""

    sig_conference = Signal(object)
    """How the conference is now (a :class:`ConferenceOut`, polled or pushed as ended)."""
    sig_leg = Signal(object)
    """One of its legs changed (a :class:`LegOut`, pushed)."""

    def __init__(
        self,
        api: CentralClient,
        *,
        poll_ms: int | None = None,
        safety_poll_ms: int | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._api = api  # its own client: a poll never waits behind a command
        self._polls = SerialQueue()
        self.conference_id: UUID | None = None
        """The conference followed (the one shown), or None."""
        self.starting = False
        """A start is unanswered: news of another conference may be the new one's."""
        self.streaming = False
        """The event stream is open: legs arrive pushed, the poll is only a safety net."""
        self._polling = False
        self._poll_ms = POLL_MS if poll_ms is None else poll_ms
        self._safety_poll_ms = SAFETY_POLL_MS if safety_poll_ms is None else safety_poll_ms
        self._pushes = 0  # events taken so far: a poll that crossed one may be older
        self._early: list[tuple[str, dict]] = []  # pushed before the start was answered
        self._timer = QTimer(self)
        self._timer.setInterval(self._poll_ms)
        self._timer.timeout.connect(self.poll)

    def keep_polling(self, live: bool) -> None:
        """Poll while the conference is ``live``; stop once it is over."""
        if not live:
            self._timer.stop()
        elif not self._timer.isActive():
            self._timer.start()

    def stop(self) -> None:
        """Stop polling (the console is closing)."""
        self._timer.stop()

    def poll(self) -> None:
        """Ask the server how the conference is now (the timer does: twice a second while
        the event stream is down, every 5 s while it is up)."""
        if self.conference_id is None or self._polling:
            return
        self._polling = True
        conference_id, pushes = self.conference_id, self._pushes
        self._polls.run_task(
            lambda: self._api.conference(conference_id),
            lambda conference: self._polled(conference, pushes),
            self._poll_failed,
            owner=self,
        )

    def after_command(self, _answer: object = None) -> None:
        """A command was answered: its change comes pushed where the stream is open, else
        it is asked for at once."""
        if not self.streaming:
            self.poll()

    def follow_stream(self, listening: bool) -> None:
        """The event stream opened (legs come pushed; the poll slows to a safety net) or
        closed (the poll is back to twice a second)."""
        if listening == self.streaming:
            return
        self.streaming = listening
        self._timer.setInterval(self._safety_poll_ms if listening else self._poll_ms)
        # What changed while it was closed, or before it first opened, was not pushed.
        self.poll()

    def pushed(self, event: str, data: object) -> None:
        """An event off the stream (on the UI thread): a leg of this conference changed,
        or the conference ended. Other events are not ours."""
        if event not in (EventKind.CONFERENCE_LEG, EventKind.CONFERENCE_ENDED):
            return
        if not isinstance(data, dict):
            return
        if self.conference_id is None or data.get("conference_id") != str(self.conference_id):
            if self.starting:  # the bridge's first news can beat the answer to the start
                self._early = [*self._early[-(EARLY_KEPT - 1) :], (event, data)]
            return  # else an earlier conference's late news, or one not shown here
        try:
            if event == EventKind.CONFERENCE_LEG:
                leg = LegOut.model_validate(data.get("leg"))
            else:
                ended = ConferenceOut.model_validate(data.get("conference"))
        except ValidationError as error:
            log.warning("A pushed %s could not be read: %s", event, error)
            return
        self._pushes += 1
        if event == EventKind.CONFERENCE_ENDED:
            self.sig_conference.emit(ended)
        else:
            self.sig_leg.emit(leg)

    def started(self, show: Callable[[], None]) -> None:
        """The start was answered: ``show`` its conference; then what the bridge pushed
        before that, all as new as the answer or newer, is taken in its order."""
        self.starting = False
        show()
        early, self._early = self._early, []
        for event, data in early:
            self.pushed(event, data)

    def start_failed(self) -> None:
        """The start failed: nothing pushed meanwhile is ours."""
        self.starting = False
        self._early.clear()

    def _polled(self, conference: ConferenceOut, pushes: int) -> None:
        self._polling = False
        if self.conference_id is None or conference.id != self.conference_id:
            return
        if pushes != self._pushes:
            # An event arrived while it was on the way: the answer may predate it, and
            # showing it would take a newer state back until the next poll.
            return
        self.sig_conference.emit(conference)

    def _poll_failed(self, error: Exception) -> None:
        self._polling = False
        log.info("Conference poll failed: %s", error)
