"""Who else is on the case this console shows, through the central API, off the UI thread.

The console says it has a case open when it shows one, again every
:data:`~advocate_console.api.presence.HEARTBEAT_SECONDS` while it does, and that it left
when it shows another or none; every answer names the others. Arrivals and departures of
the others come pushed through the event stream (``presence``) at once; where no stream
is open, the heartbeat's answer is the short poll. The calls run one after another on a
queue of their own (a "left" never overtakes the "here" before it).
"""

from __future__ import annotations

import logging
import uuid

from PySide6.QtCore import QObject, QTimer, Signal

from advocate_console.api import ApiError, CentralClient, Offline
from advocate_console.api.presence import (
    HEARTBEAT_SECONDS,
    CasePresence,
    PresenceClient,
)
from advocate_console.tasks import SerialQueue

log = logging.getLogger(__name__)


class OthersOnCase(QObject):
    """Says which case this console shows, and hears who else is on it."""

    sig_others = Signal(object, list)
    """The others on a case (its id, a list of :class:`OnCase`), open or lately edited."""

    def __init__(self, client: CentralClient, me: uuid.UUID) -> None:
        super().__init__()
        self._presence = PresenceClient(client)
        self._client = client
        self.me = me
        self.case_id: uuid.UUID | None = None
        self._queue = SerialQueue()
        self._timer = QTimer(self)
        self._timer.setInterval(int(HEARTBEAT_SECONDS * 1000))
        self._timer.timeout.connect(self._still_here)
        self._stopped = False

    def watch(self, case_id: uuid.UUID | None) -> None:
        """The console shows ``case_id`` now (None: no case)."""
        if self._stopped or case_id == self.case_id:
            return
        left, self.case_id = self.case_id, case_id
        if left is not None:
            presence = self._presence
            self._queue.run_task(lambda: presence.gone(left), None, self._unheard, owner=self)
        if case_id is None:
            self._timer.stop()
            return
        self._timer.start()
        self._still_here()

    def pushed(self, event: str, data: object) -> None:
        """An event from the stream: a ``presence`` one for the shown case is shown."""
        if event != "presence" or not isinstance(data, dict):
            return
        try:
            presence = CasePresence.model_validate(data)
        except ValueError:
            log.info("ignored a presence event of another shape: %r", data)
            return
        if presence.case_id == self.case_id:
            self.sig_others.emit(presence.case_id, presence.others(self.me))

    def stop(self) -> None:
        """Leave the shown case and stop (signed out, another sign-in, or closing)."""
        if self._stopped:
            return
        self.watch(None)
        self._stopped = True
        client = self._client
        self._queue.run_task(client.close, None, None)

    def _still_here(self) -> None:
        case_id, presence = self.case_id, self._presence
        if case_id is None:
            return
        self._queue.run_task(lambda: presence.here(case_id), self._heard, self._unheard, owner=self)

    def _heard(self, answer: CasePresence) -> None:
        if answer.case_id == self.case_id and not self._stopped:
            self.sig_others.emit(answer.case_id, answer.others(self.me))

    def _unheard(self, error: Exception) -> None:
        # Offline or signed out: nobody is named rather than someone long gone; the sync
        # says what is wrong with the connection.
        if not isinstance(error, Offline | ApiError):
            log.warning("presence: %s", error)
        if self.case_id is not None:
            self.sig_others.emit(self.case_id, [])
