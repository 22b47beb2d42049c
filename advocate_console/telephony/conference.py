"""The advocate's conference: the customer's call plus every resource dialled in, each
attempt recorded for the ranking.

Dialling goes through the built-in phone (``via="sip"``) or, where the company's phone
system does the calling, hands the resource's ``tel:``/``sip:`` address to the system's
phone app (``via="handoff"``); the attempt is recorded either way. Store writes run off
the UI thread one after another, in the order they were made (a :class:`SerialQueue`).
"""

from __future__ import annotations

import itertools
import logging
import time
import uuid
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any, Literal

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices

from advocate_console.domain import CallOutcome, Resource
from advocate_console.store.resources import CallLog, DialContext
from advocate_console.tasks import SerialQueue

from .config import phone_to_sip
from .legs import (
    REASON_INVALID_ADDRESS,
    REASON_UNKNOWN_HOST,
    ConferenceLeg,
    Leg,
    LegId,
    LegRole,
    LegState,
)
from .softphone import Softphone

log = logging.getLogger(__name__)

DialMode = Literal["sip", "handoff"]


def open_in_phone_app(uri: str) -> bool:
    """Let the system's phone app (desk phone, softphone, paired mobile) dial ``uri``."""
    return QDesktopServices.openUrl(QUrl(uri))


def handoff_uri(resource: Resource) -> str | None:
    """The address the system's phone app is given: the phone number, else the SIP URI."""
    if resource.phone:
        number, _, extension = resource.phone.partition(";ext=")
        return f"tel:{number}" + (f";ext={extension}" if extension else "")
    return resource.sip_uri


class Conference(QObject):
    """One call with the customer and the resources the advocate brings in."""

    sig_leg_changed = Signal(object)
    """A leg was added or changed (a :class:`ConferenceLeg`)."""
    sig_caller_ringing = Signal(object)
    """The customer's call rings in (its :class:`Leg`, with the caller ID): pop the screen."""
    sig_message = Signal(str)
    """Something the advocate should read (a failed dial, a save that did not work)."""

    def __init__(
        self,
        phone: Softphone | None,
        call_log: CallLog | None,
        *,
        mode: DialMode = "sip",
        domain: str = "",
        open_url: Callable[[str], bool] = open_in_phone_app,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.phone = phone
        self.call_log = call_log
        self.mode: DialMode = mode if phone is not None else "handoff"
        self.domain = domain
        self.context = DialContext()
        self._open_url = open_url
        self._legs: dict[LegId, ConferenceLeg] = {}
        self._handoff_ids = itertools.count(-1, -1)  # never clash with the phone's ids
        # In order, so an attempt's creation is always stored before its updates.
        self._writer = SerialQueue()
        if phone is not None:
            phone.sig_leg_changed.connect(self._on_leg)
            phone.sig_incoming_call.connect(self._on_incoming)
            phone.sig_problem.connect(self.sig_message)

    # -- what the panels ask for ----------------------------------------------------------

    def legs(self) -> list[ConferenceLeg]:
        """Every leg of this call, in the order they were added."""
        return sorted(self._legs.values(), key=lambda leg: leg.leg.started)

    def leg(self, leg_id: LegId) -> ConferenceLeg | None:
        """One leg, or None."""
        return self._legs.get(leg_id)

    def set_context(self, context: DialContext) -> None:
        """The case and product the advocate is working on (kept with every attempt)."""
        self.context = context

    def dial(self, resource: Resource, *, ask_first: bool = False) -> LegId | None:
        """Bring ``resource`` into the call: one click in the dial-out list."""
        if self.mode == "handoff":
            return self._hand_off(resource)
        assert self.phone is not None
        uri = resource.sip_uri or (
            phone_to_sip(resource.phone, self.domain) if resource.phone and self.domain else None
        )
        if uri is None:
            self.sig_message.emit(
                self.tr("%s has no SIP address, and no SIP domain is set to dial their number.")
                % resource.name
            )
            return None
        leg_id = self.phone.dial(uri, resource.name, hold_others=ask_first)
        self._start_attempt(leg_id, resource, "sip")
        return leg_id

    def answer(self, leg_id: LegId) -> None:
        """Pick up the ringing customer."""
        if self.phone is not None:
            self.phone.answer(leg_id)

    def drop(self, leg_id: LegId) -> None:
        """Hang up one leg; the others stay on."""
        entry = self._legs.get(leg_id)
        if entry is None:
            return
        if entry.via == "handoff":
            self.mark_outcome(leg_id, CallOutcome.CONNECTED)
        elif self.phone is not None:
            self.phone.hang_up(leg_id)

    def hang_up_all(self) -> None:
        """End the whole call."""
        if self.phone is not None:
            self.phone.hang_up_all()

    def set_on_hold(self, leg_id: LegId, on_hold: bool) -> None:
        """Hold one leg (it hears nobody) or bring it back."""
        if self.phone is not None:
            self.phone.set_on_hold(leg_id, on_hold)

    def join_all(self) -> None:
        """Everyone hears everyone."""
        if self.phone is not None:
            self.phone.join_all()

    def set_muted(self, muted: bool) -> None:
        """Mute the advocate's microphone."""
        if self.phone is not None:
            self.phone.set_muted(muted)

    def mark_helped(self, leg_id: LegId, helped: bool) -> None:
        """The one click after a resource's leg: did they help?"""
        entry = self._legs.get(leg_id)
        if entry is None or entry.attempt_id is None:
            return
        self._set(replace(entry, helped=helped))
        attempt_id = entry.attempt_id
        self._write(lambda call_log: call_log.mark_helped(attempt_id, helped))

    def mark_outcome(self, leg_id: LegId, outcome: CallOutcome) -> None:
        """How a handed-off call went (the console cannot see it), or a correction such as
        "that was voicemail"."""
        entry = self._legs.get(leg_id)
        if entry is None:
            return
        state = LegState.ENDED if outcome is CallOutcome.CONNECTED else LegState.FAILED
        leg = entry.leg.but(state=state, outcome=outcome, ended_at=time.monotonic())
        self._set(replace(entry, leg=leg))
        if entry.attempt_id is not None:
            attempt_id = entry.attempt_id
            self._write(lambda call_log: call_log.ended(attempt_id, outcome))

    def clear_finished(self) -> None:
        """Forget legs that are over (a new customer call starts afresh)."""
        for leg_id in [i for i, e in self._legs.items() if not e.leg.state.is_live]:
            del self._legs[leg_id]

    # -- inside ---------------------------------------------------------------------------

    def _hand_off(self, resource: Resource) -> LegId | None:
        uri = handoff_uri(resource)
        if uri is None or not self._open_url(uri):
            self.sig_message.emit(
                self.tr("Could not hand %s to your phone app: no phone app takes %s.")
                % (resource.name, uri or self.tr("their address"))
            )
            return None
        leg_id = next(self._handoff_ids)
        leg = Leg(
            leg_id=leg_id,
            role=LegRole.RESOURCE,
            remote_uri=uri,
            label=resource.name,
            state=LegState.DIALING,
            started=time.monotonic(),
        )
        self._legs[leg_id] = ConferenceLeg(leg, via="handoff", resource=resource)
        self._start_attempt(leg_id, resource, "handoff")
        return leg_id

    def _start_attempt(self, leg_id: LegId, resource: Resource, via: DialMode) -> None:
        entry = self._legs.get(leg_id)
        attempt_id = uuid.uuid4()
        if entry is not None:
            entry = replace(entry, attempt_id=attempt_id, via=via, resource=resource)
        else:
            leg = Leg(leg_id=leg_id, role=LegRole.RESOURCE, remote_uri="", label=resource.name)
            entry = ConferenceLeg(leg, via=via, resource=resource, attempt_id=attempt_id)
        self._set(entry)
        context, started = self.context, datetime.now(UTC)
        self._write(lambda call_log: call_log.started(resource, context, via, started, attempt_id))
        if not entry.leg.state.is_live:  # it failed before it was even placed
            self._record_end(entry)

    def _on_incoming(self, leg: Leg) -> None:
        if leg.leg_id not in self._legs:
            self._set(ConferenceLeg(leg))
        self.sig_caller_ringing.emit(leg)

    def _on_leg(self, leg: Leg) -> None:
        previous = self._legs.get(leg.leg_id)
        entry = replace(previous, leg=leg) if previous else ConferenceLeg(leg)
        self._set(entry)
        ended = previous is not None and previous.leg.state.is_live and not leg.state.is_live
        if ended and entry.attempt_id is not None:
            self._record_end(entry)
        if leg.state is LegState.FAILED and leg.role is LegRole.RESOURCE:
            self.sig_message.emit(self._failure_text(entry))

    def _record_end(self, entry: ConferenceLeg) -> None:
        leg, attempt_id = entry.leg, entry.attempt_id
        if attempt_id is None or leg.outcome is None:
            return
        now = datetime.now(UTC)
        answered = None
        if leg.answered_at is not None:  # monotonic → wall clock, through the time since
            answered = now - timedelta(seconds=time.monotonic() - leg.answered_at)
        reason = f"{leg.sip_code} {leg.reason}".strip() if leg.sip_code else leg.reason
        self._write(
            lambda call_log: call_log.ended(
                attempt_id, leg.outcome, reason, answered_at=answered, ended_at=now
            )
        )

    def _failure_text(self, entry: ConferenceLeg) -> str:
        leg, name = entry.leg, entry.name
        if leg.reason == REASON_INVALID_ADDRESS:
            return self.tr("Could not call %s: “%s” is not a valid SIP address.") % (
                name,
                leg.remote_uri,
            )
        if leg.reason == REASON_UNKNOWN_HOST:
            return self.tr("Could not call %s: the host in “%s” is unknown.") % (
                name,
                leg.remote_uri,
            )
        texts = {
            CallOutcome.BUSY: self.tr("%s is busy."),
            CallOutcome.NO_ANSWER: self.tr("%s did not answer."),
            CallOutcome.DECLINED: self.tr("%s declined the call."),
            CallOutcome.CANCELLED: self.tr("The call to %s was cancelled."),
        }
        text = texts.get(leg.outcome, self.tr("Could not reach %s.")) % name
        if leg.sip_code:
            text += " " + self.tr("(SIP %d %s)") % (leg.sip_code, leg.reason)
        elif leg.reason:
            text += f" ({leg.reason})"
        return text + " " + self.tr("The customer is still on the line.")

    def _set(self, entry: ConferenceLeg) -> None:
        self._legs[entry.leg_id] = entry
        self.sig_leg_changed.emit(entry)

    def _write(self, work: Callable[[CallLog], Any]) -> None:
        call_log = self.call_log
        if call_log is None:
            return
        self._writer.run_task(
            lambda: work(call_log),
            on_error=lambda error: self.sig_message.emit(
                self.tr("The call attempt could not be saved: %s") % error
            ),
            owner=self,
        )

    def wait_for_writes(self, timeout_ms: int = 10_000) -> bool:
        """Block until every queued store write is done (for shutdown and tests)."""
        return self._writer.wait(timeout_ms / 1000)


__all__ = ["Conference", "ConferenceLeg", "DialMode", "handoff_uri", "open_in_phone_app"]
