"""The advocate's conference on the company's bridge, as the console drives it.

Commands go to the central API (``/api/v1/conferences``), one after another off the UI
thread; what the bridge did comes back pushed on the event stream, or polled
(:class:`~advocate_console.telephony.bridge_watch.BridgeWatch`), and is shown as it
arrives. To the call panel it looks like the built-in phone's
:class:`~advocate_console.telephony.conference.Conference`: the same legs, signals and
one-click commands.

The conference lives in the bridge, not here: a console that closes leaves it running,
and the next one picks it up (:meth:`BridgeConference.resume`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any
from uuid import UUID

from PySide6.QtCore import QObject, Signal

from advocate_console.api import CentralClient
from advocate_console.api.conferences import ConferenceOut, LegChange, LegOut, NewLeg
from advocate_console.domain import CallOutcome, Resource
from advocate_console.store.resources import DialContext
from advocate_console.tasks import SerialQueue

from .bridge_legs import BridgeLegs, but
from .bridge_start import NoNumber, StartRequest, bridge_rings_advocate, call_from_own_phone
from .bridge_watch import BridgeWatch
from .conference import open_in_phone_app
from .legs import ConferenceLeg, Leg, LegId
from .softphone import Softphone


class BridgeConference(QObject):
    """One conference at a time on the bridge: start it, bring people in, steer the legs."""

    sig_leg_changed = Signal(object)
    """A leg was added or changed (a :class:`ConferenceLeg`)."""
    sig_caller_ringing = Signal(object)
    """A call rings on the built-in phone that is not the bridge (a :class:`Leg`)."""
    sig_message = Signal(str)
    """Something the advocate should read."""
    sig_live_changed = Signal(bool)
    """A conference is going (True), or is over (False)."""
    sig_transfer_to = Signal(str)
    """The phone system should send the customer to this address (transfer mode)."""
    sig_bridge_lost = Signal(str)
    """The bridge holding the conference stopped; the customer's number, to call back."""

    mode = "bridge"

    def __init__(
        self,
        client: Callable[[], CentralClient],
        advocate_phone: Callable[[], str | None],
        *,
        customer_joins: str = "callback",
        phone: Softphone | None = None,
        find_customer: Callable[[UUID], tuple[str, str] | None] | None = None,
        open_url: Callable[[str], bool] = open_in_phone_app,
        poll_ms: int | None = None,
        safety_poll_ms: int | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        # Two clients: a poll never waits behind a command, and each has its own thread.
        self._api = client()
        self._commands = SerialQueue()
        self._watch = BridgeWatch(
            client(), poll_ms=poll_ms, safety_poll_ms=safety_poll_ms, parent=self
        )
        self._watch.sig_conference.connect(self._show)
        self._watch.sig_leg.connect(lambda leg: self._take([leg]))
        self.advocate_phone = advocate_phone
        self.customer_joins = customer_joins
        self.phone = phone
        self._open_url = open_url
        self._find_customer = find_customer  # name and number of a customer, off the UI
        self.context = DialContext()
        self.customer: tuple[str, str] | None = None  # name and number, to call back
        self.conference: ConferenceOut | None = None
        self._legs = BridgeLegs()
        self._resources: dict[UUID, Resource] = {}
        self._waiting: list[tuple[Resource, bool]] = []  # clicked while it was starting
        self._lost = False
        if phone is not None:
            phone.sig_incoming_call.connect(self._phone_rings)

    # -- what the panels ask for ----------------------------------------------------------

    @property
    def streaming(self) -> bool:
        """The event stream is open: legs arrive pushed, the poll is only a safety net."""
        return self._watch.streaming

    @property
    def live(self) -> bool:
        """True while a conference is going (or being started)."""
        return self._watch.starting or (self.conference is not None and self.conference.live)

    def legs(self) -> list[ConferenceLeg]:
        """Every leg, in the order they were added."""
        return sorted(self._legs.entries.values(), key=lambda entry: entry.leg_id)

    def leg(self, leg_id: LegId) -> ConferenceLeg | None:
        """One leg, or None."""
        return self._legs.entries.get(leg_id)

    def set_context(self, context: DialContext) -> None:
        """The case the advocate is working on (the conference is started for it, and
        calls its customer back)."""
        if context.customer_id != self.context.customer_id:
            self.customer = None
        self.context = context

    def set_customer(self, name: str, number: str) -> None:
        """Who the conference calls back, when it is not the case's customer."""
        self.customer = (name, number)

    # -- commands -------------------------------------------------------------------------

    def start(self) -> None:
        """Ring the advocate's phone, then bring the customer in."""
        if self.live:
            return
        advocate = self.advocate_phone()
        if not advocate:
            self.sig_message.emit(
                self.tr(
                    "No phone of yours to ring: set your phone in Settings ▸ Phone to speak"
                    " in conferences."
                )
            )
            return
        request = StartRequest(
            self.context,
            advocate,
            self.customer,
            self._find_customer,
            self.customer_joins,
            self.tr("The customer on screen has no number to call back."),
        )
        self._watch.starting, self._lost = True, False
        self._legs = BridgeLegs()
        self.sig_live_changed.emit(True)
        self._call(request.send, self._started, self._start_failed)

    def resume(self) -> None:
        """Pick up a conference still going on the bridge (after the console was closed)."""
        self._call(lambda api: api.my_conferences(), self._resumed)

    def dial(self, resource: Resource, *, ask_first: bool = False) -> LegId | None:
        """Bring ``resource`` in: one click in the dial-out list (starting the conference
        first when there is none)."""
        self._resources[resource.id] = resource
        if self.conference is None or not self.conference.live:
            self._waiting.append((resource, ask_first))
            self.start()
            return None
        conference_id = self.conference.id
        body = NewLeg(resource_id=resource.id, ask_first=ask_first)
        self._call(lambda api: api.add_leg(conference_id, body), self._watch.after_command)
        return None

    def answer(self, leg_id: LegId) -> None:
        """The bridge answers its own calls: nothing to pick up."""

    def drop(self, leg_id: LegId) -> None:
        """Hang up one leg; the others stay on."""
        self._change(leg_id, LegChange(dropped=True))

    def hang_up_all(self) -> None:
        """End the whole conference."""
        if self.conference is not None:
            conference_id = self.conference.id
            self._call(lambda api: api.end_conference(conference_id), self._show)

    def set_on_hold(self, leg_id: LegId, on_hold: bool) -> None:
        """Hold one leg, or bring it (back) in, out of "ask first" too."""
        entry = self.leg(leg_id)
        if entry is None:
            return
        self._show_now(but(entry, on_hold=on_hold, consult=entry.leg.consult and on_hold))
        self._change(leg_id, LegChange(on_hold=True) if on_hold else LegChange(joined=True))

    def join_all(self) -> None:
        """Everyone still on the call hears everyone."""
        for entry in self.legs():
            if entry.leg.state.is_live and (entry.leg.on_hold or entry.leg.consult):
                self.set_on_hold(entry.leg_id, False)

    def set_muted(self, muted: bool) -> None:
        """Mute the advocate's own leg (everyone else is still heard)."""
        entry = self._legs.advocate()
        if entry is not None:
            self._change(entry.leg_id, LegChange(muted=muted))

    def mark_helped(self, leg_id: LegId, helped: bool) -> None:
        """The one click after a resource's leg: did they help?"""
        entry = self.leg(leg_id)
        if entry is None:
            return
        self._show_now(replace(entry, helped=helped))
        self._change(leg_id, LegChange(helped=helped))

    def mark_outcome(self, leg_id: LegId, outcome: CallOutcome) -> None:
        """The bridge saw how each leg went; nothing to correct by hand."""

    def clear_finished(self) -> None:
        """Forget legs that are over (a new call starts afresh)."""
        self._legs.clear_finished()

    def call_customer_back(self) -> None:
        """The bridge is gone: call the customer from the advocate's own phone."""
        name, number = self.customer or ("", "")
        if number and not call_from_own_phone(self.phone, self._open_url, name, number):
            self.sig_message.emit(
                self.tr("No phone app takes %s: call %s yourself.") % (number, number)
            )

    def stop(self) -> None:
        """Stop following the conference (the console is closing); it goes on."""
        self._watch.stop()

    def wait_for_writes(self, timeout_ms: int = 10_000) -> bool:
        """Block until every queued command has run (for shutdown and tests)."""
        return self._commands.wait(timeout_ms / 1000)

    def follow_stream(self, listening: bool) -> None:
        """The event stream opened or closed: the poll slows down or speeds up."""
        self._watch.follow_stream(listening)

    def pushed(self, event: str, data: object) -> None:
        """An event off the stream (on the UI thread; see :class:`BridgeWatch`)."""
        self._watch.pushed(event, data)

    # -- inside ---------------------------------------------------------------------------

    def _call(
        self,
        work: Callable[[CentralClient], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[Exception], None] | None = None,
    ) -> None:
        api = self._api
        self._commands.run_task(
            lambda: work(api),
            on_done,
            on_error or (lambda error: self.sig_message.emit(self.tr("Conference: %s") % error)),
            owner=self,
        )

    def _change(self, leg_id: LegId, change: LegChange) -> None:
        server_id = self._legs.server_id(leg_id)
        if self.conference is None or server_id is None:
            return
        conference_id = self.conference.id
        self._call(
            lambda api: api.change_leg(conference_id, server_id, change), self._watch.after_command
        )

    def _started(self, started: tuple[ConferenceOut, tuple[str, str]]) -> None:
        conference, self.customer = started
        self._watch.started(lambda: self._show(conference))
        if conference.customer_joins == "transfer":
            self.sig_transfer_to.emit(conference.address)
            self.sig_message.emit(
                self.tr("Transfer the customer's call to %s: the conference is waiting for them.")
                % conference.address
            )

    def _start_failed(self, error: Exception) -> None:
        self._watch.start_failed()
        self._waiting.clear()
        self.sig_live_changed.emit(False)
        if isinstance(error, NoNumber):
            self.sig_message.emit(str(error))
        else:
            self.sig_message.emit(self.tr("The conference could not start: %s") % error)

    def _resumed(self, conferences: list[ConferenceOut]) -> None:
        if conferences and not self.live:
            self.sig_live_changed.emit(True)
            self._show(conferences[-1])
            self.sig_message.emit(self.tr("Your conference is still going: picked up again."))

    def _show(self, conference: ConferenceOut) -> None:
        known = self.conference
        if known is not None and known.id == conference.id and not known.live and conference.live:
            return  # seen ended (pushed) before this older answer arrived: it stays ended
        self.conference = conference
        self._watch.conference_id = conference.id
        self._take(conference.legs)
        if conference.bridge == "lost" and not self._lost:
            self._lost = True
            name, number = self.customer or ("", "")
            self.sig_message.emit(
                self.tr(
                    "The conference bridge stopped: the call with %s was lost."
                    " Call them back from your phone."
                )
                % (name or self.tr("the customer"))
            )
            self.sig_bridge_lost.emit(number)
            self.hang_up_all()  # over for the server too: it will not be picked up again
        self._watch.keep_polling(conference.live)
        if conference.live:  # who was clicked while it started is brought in now
            waiting, self._waiting = self._waiting, []
            for resource, ask_first in waiting:
                self.dial(resource, ask_first=ask_first)
        else:
            self._waiting.clear()
            self.sig_live_changed.emit(False)

    def _take(self, legs: list[LegOut]) -> None:
        for entry in self._legs.update(legs, self._resources):
            self.sig_leg_changed.emit(entry)

    def _show_now(self, entry: ConferenceLeg) -> None:
        self._legs.set(entry)
        self.sig_leg_changed.emit(entry)

    def _phone_rings(self, leg: Leg) -> None:
        # The bridge ringing for the advocate's own leg is picked up at once (the advocate
        # just clicked); any other call pops the caller's screen.
        if self.phone is not None and bridge_rings_advocate(
            leg, self._watch.starting, self._legs.advocate()
        ):
            self.phone.answer(leg.leg_id)
        else:
            self.sig_caller_ringing.emit(leg)
