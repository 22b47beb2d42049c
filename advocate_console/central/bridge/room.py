"""One conference inside the bridge: its legs' PJSIP calls, in what order they are dialled,
and who hears whom (:func:`~advocate_console.domain.conference.who_hears_whom`).

Runs on the bridge's PJSIP thread only. What happens to a leg is reported as a
:class:`LegReport`; the runner writes it to the database on its own thread.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any
from uuid import UUID

import pjsua2 as pj

from advocate_console.central.conferences.reports import ConferenceWork, LegReport, LegWork
from advocate_console.central.core.clock import utc_now
from advocate_console.domain.conference import (
    REASON_NO_FREE_LINE,
    LegRole,
    LegState,
    Link,
    MixMember,
    outcome_for,
    who_hears_whom,
)
from advocate_console.domain.enums import CallOutcome

log = logging.getLogger(__name__)

REASON_NO_ANSWER = "no answer"
REASON_ADVOCATE_MISSED = "the advocate's phone did not answer"
REASON_ENDED = "the conference ended"
REASON_BRIDGE_FULL = "the bridge had no free line"
PJ_ETOOMANY = 70010  # PJSIP's "too many objects": every call slot is taken


class BridgeCall(pj.Call):
    """One leg's call; its callbacks go to its room."""

    def __init__(self, room: Room, leg_id: UUID, account: pj.Account, call_id: int = -1):
        super().__init__(account, call_id)
        self.room = room
        self.leg_id = leg_id
        self.timed_out = False

    def onCallState(self, prm: Any) -> None:
        self.room.guard(self.room.on_call_state, self)

    def onCallMediaState(self, prm: Any) -> None:
        self.room.guard(self.room.on_call_media, self)


class LineWaits:
    """Legs due to be dialled while every line (PJSIP call) of the bridge is in use, and
    since when: each is dialled as soon as a line is free."""

    def __init__(self) -> None:
        self.since: dict[UUID, float] = {}

    def __bool__(self) -> bool:
        return bool(self.since)

    def overdue(self, legs: dict[UUID, LegWork], now: float, limit_s: float) -> list[UUID]:
        """The advocate's phone, waiting longer than ``limit_s`` (forgetting removed legs).
        A resource or the customer waits as long as the conference goes on: the advocate
        sees why, and can drop someone; a new conference's first leg waits one ring."""
        for leg_id in [i for i in self.since if i not in legs]:
            del self.since[leg_id]
        return [
            leg_id
            for leg_id, since in self.since.items()
            if legs[leg_id].role is LegRole.ADVOCATE and now - since >= limit_s
        ]

    def has_advocate(self, legs: dict[UUID, LegWork]) -> bool:
        """True while the advocate's phone waits for a line to start on."""
        return any(i in legs and legs[i].role is LegRole.ADVOCATE for i in self.since)


class Room:
    """The calls of one conference and their mix."""

    def __init__(
        self,
        work: ConferenceWork,
        account: pj.Account,
        *,
        address_of: Callable[[str], str],
        report: Callable[[LegReport], None],
        guard: Callable[..., None],
        finished: list[Any],
        ring_timeout_s: float,
        line_free: Callable[[], bool] = lambda: True,
    ) -> None:
        self.id = work.id
        self.account = account  # the conference's own (transfer) or the bridge's
        self.customer_joins = work.customer_joins
        self.address_of = address_of
        self.report = report
        self.guard = guard
        self.finished = finished  # pjsua2 objects deleted after the callback, by the mixer
        self.ring_timeout_s = ring_timeout_s
        self.line_free = line_free  # False while every call the bridge can hold is in use
        self.line_waits = LineWaits()
        self.legs: dict[UUID, LegWork] = {}
        self.states: dict[UUID, LegState] = {}
        self.calls: dict[UUID, BridgeCall] = {}
        self.media: dict[UUID, pj.AudioMedia] = {}
        self.links: set[Link] = set()
        self.joined: set[UUID] = set()
        self.deadlines: dict[UUID, float] = {}
        self.ending = False
        self.over = False

    # -- what the API wants ---------------------------------------------------------------

    def update(self, work: ConferenceWork) -> None:
        """Bring the calls in line with the latest wishes."""
        self.legs = {leg.id: leg for leg in work.legs}
        for leg in work.legs:
            self.states.setdefault(leg.id, leg.state)
        if work.end_wanted:
            self.end()
            return
        for leg in work.legs:
            if leg.want_drop and self.states[leg.id].is_live:
                self._drop(leg.id)
        self._dial_due()
        self._remix()
        self._check_over()

    def end(self) -> None:
        """Hang up everyone (the advocate hung up all, or the bridge is stopping)."""
        self.ending = True
        for call in list(self.calls.values()):
            self._hang_up(call)
        self._fail_waiting(REASON_ENDED, CallOutcome.CANCELLED)
        self._check_over()

    def tick(self, now: float) -> None:
        """End rings that went unanswered too long; dial legs a line came free for."""
        if self.line_waits and not self.ending:
            self._dial_due()
            self._give_up_on_lines(now)
        for leg_id, deadline in list(self.deadlines.items()):
            if now >= deadline:
                del self.deadlines[leg_id]
                call = self.calls.get(leg_id)
                if call is not None:
                    call.timed_out = True
                    self._hang_up(call)

    # -- what PJSIP says ------------------------------------------------------------------

    def on_incoming(self, call_id: int) -> None:
        """A call to the conference's address: the customer, transferred by the phone
        system. Anyone else is turned away."""
        call = BridgeCall(self, _NOBODY, self.account, call_id)
        waiting = next(
            (
                leg
                for leg in self.legs.values()
                if leg.role is LegRole.CUSTOMER
                and self.states[leg.id] is LegState.WAITING
                and leg.id not in self.calls
            ),
            None,
        )
        param = pj.CallOpParam()
        if waiting is None or self.ending:
            param.statusCode = 486
            call.answer(param)
            self.finished.append(call)
            return
        call.leg_id = waiting.id
        self.calls[waiting.id] = call
        self._set(waiting.id, state=LegState.RINGING, ringing_at=utc_now())
        param.statusCode = 200
        call.answer(param)

    def on_call_state(self, call: BridgeCall) -> None:
        """A leg's SIP state changed."""
        if call.leg_id not in self.legs:
            return
        info = call.getInfo()
        state = self.states[call.leg_id]
        if info.state == pj.PJSIP_INV_STATE_EARLY and state is LegState.DIALING:
            if info.lastStatusCode in (180, 183):
                self._set(call.leg_id, state=LegState.RINGING, ringing_at=utc_now())
        elif info.state == pj.PJSIP_INV_STATE_CONFIRMED:
            self.deadlines.pop(call.leg_id, None)
            self._set(
                call.leg_id,
                state=LegState.CONNECTED,
                sip_code=info.lastStatusCode,
                reason=info.lastReason[:200],
                answered_at=utc_now(),
            )
            if self.legs[call.leg_id].role is LegRole.ADVOCATE:
                self._dial_due()
            self._remix()
        elif info.state == pj.PJSIP_INV_STATE_DISCONNECTED:
            self._disconnected(call, info.lastStatusCode, info.lastReason)

    def on_call_media(self, call: BridgeCall) -> None:
        """A leg's audio came up (or went): bring it into the mix."""
        info = call.getInfo()
        self._forget_media(call.leg_id)
        for index, media in enumerate(info.media):
            if media.type == pj.PJMEDIA_TYPE_AUDIO and media.status in (
                pj.PJSUA_CALL_MEDIA_ACTIVE,
                pj.PJSUA_CALL_MEDIA_REMOTE_HOLD,
            ):
                self.media[call.leg_id] = call.getAudioMedia(index)
                break
        self._remix()

    # -- inside ---------------------------------------------------------------------------

    def _dial_due(self) -> None:
        # The advocate first; the others once the advocate has answered. A customer who
        # comes by transfer is not dialled: the phone system sends them.
        advocate_up = any(
            leg.role is LegRole.ADVOCATE and self.states[leg.id] is LegState.CONNECTED
            for leg in self.legs.values()
        )
        for leg in self.legs.values():
            if leg.id in self.calls or leg.want_drop or self.ending:
                continue
            if self.states[leg.id] not in (LegState.WAITING, LegState.DIALING):
                continue
            if leg.role is LegRole.ADVOCATE or (
                advocate_up
                and not (leg.role is LegRole.CUSTOMER and self.customer_joins == "transfer")
            ):
                self._dial_on_a_free_line(leg)

    def _dial_on_a_free_line(self, leg: LegWork) -> None:
        if self.line_free():
            self._dial(leg)
        elif leg.id not in self.line_waits.since:
            self._wait_for_a_line(leg.id)

    def _wait_for_a_line(self, leg_id: UUID) -> None:
        self.line_waits.since[leg_id] = time.monotonic()
        self._set(leg_id, reason=REASON_NO_FREE_LINE)

    def _give_up_on_lines(self, now: float) -> None:
        for leg_id in self.line_waits.overdue(self.legs, now, self.ring_timeout_s):
            self._failed(leg_id, 0, REASON_BRIDGE_FULL)
            self._fail_waiting(REASON_ADVOCATE_MISSED, CallOutcome.CANCELLED)
            self._check_over()

    def _dial(self, leg: LegWork) -> None:
        try:
            uri = self.address_of(leg.target)
        except ValueError as error:
            self._failed(leg.id, 0, str(error)[:200])
            return
        call = BridgeCall(self, leg.id, self.account)
        try:
            call.makeCall(uri, pj.CallOpParam(True))
        except pj.Error as error:
            self.finished.append(call)
            if error.status == PJ_ETOOMANY:  # more calls than counted: wait all the same
                self._wait_for_a_line(leg.id)
            else:
                self._failed(leg.id, 0, error.reason[:200] or "the call could not be placed")
            return
        self.calls[leg.id] = call
        self.deadlines[leg.id] = time.monotonic() + self.ring_timeout_s
        changes: dict[str, Any] = {"state": LegState.DIALING}
        if self.line_waits.since.pop(leg.id, None) is not None:
            changes["reason"] = ""  # no longer waiting for a line
        if self.states[leg.id] is not LegState.DIALING or "reason" in changes:
            self._set(leg.id, **changes)

    def _disconnected(self, call: BridgeCall, code: int, reason: str) -> None:
        leg_id = call.leg_id
        self.deadlines.pop(leg_id, None)
        self.calls.pop(leg_id, None)
        self.finished.append(call)
        self._forget_media(leg_id)
        connected = self.states[leg_id] is LegState.CONNECTED
        self._set(
            leg_id,
            state=LegState.ENDED if connected else LegState.FAILED,
            sip_code=code,
            reason=(REASON_NO_ANSWER if call.timed_out else reason)[:200],
            outcome=outcome_for(code, was_connected=connected, timed_out=call.timed_out).value,
            joined=False,
            ended_at=utc_now(),
        )
        if self.legs[leg_id].role is LegRole.ADVOCATE and not connected:
            # Nobody to talk to the customer: nobody else is called.
            self._fail_waiting(REASON_ADVOCATE_MISSED, CallOutcome.CANCELLED)
        self._remix()
        self._check_over()

    def _drop(self, leg_id: UUID) -> None:
        call = self.calls.get(leg_id)
        if call is not None:
            self._hang_up(call)
        elif self.states[leg_id] is LegState.WAITING:
            self._failed(leg_id, 0, "dropped before it was dialled", CallOutcome.CANCELLED)

    def _fail_waiting(self, reason: str, outcome: CallOutcome) -> None:
        for leg in self.legs.values():
            if leg.id not in self.calls and self.states[leg.id] is LegState.WAITING:
                self._failed(leg.id, 0, reason, outcome)

    def _failed(
        self, leg_id: UUID, code: int, reason: str, outcome: CallOutcome = CallOutcome.FAILED
    ) -> None:
        self.line_waits.since.pop(leg_id, None)
        self._set(
            leg_id,
            state=LegState.FAILED,
            sip_code=code,
            reason=reason,
            outcome=outcome.value,
            ended_at=utc_now(),
        )

    def _check_over(self) -> None:
        # With no call left, nothing more can happen: whoever still waits never will
        # (unless it is the advocate's phone, waiting for a line to start on).
        if self.calls or self.over or self.line_waits.has_advocate(self.legs):
            return
        self._fail_waiting(REASON_ENDED, CallOutcome.CANCELLED)
        self.over = True

    def _set(self, leg_id: UUID, **changes: Any) -> None:
        if "state" in changes:
            self.states[leg_id] = changes["state"]
        self.report(LegReport(leg_id, changes))

    def _forget_media(self, leg_id: UUID) -> None:
        # PJSIP removed the call's bridge port with its media: drop links, stop nothing.
        if self.media.pop(leg_id, None) is not None:
            self.links = {link for link in self.links if leg_id not in link}

    def _remix(self) -> None:
        members = [
            MixMember(
                leg_id,
                advocate=self.legs[leg_id].role is LegRole.ADVOCATE,
                on_hold=self.legs[leg_id].want_hold,
                muted=self.legs[leg_id].want_muted,
                consult=self.legs[leg_id].want_consult,
            )
            for leg_id in self.media
            if leg_id in self.legs and self.states[leg_id] is LegState.CONNECTED
        ]
        wanted = who_hears_whom(members)
        for speaker, listener in self.links - wanted:
            self.media[speaker].stopTransmit(self.media[listener])
        for speaker, listener in wanted - self.links:
            self.media[speaker].startTransmit(self.media[listener])
        self.links = wanted
        joined = {m.leg_id for m in members if not (m.on_hold or m.consult)}
        for leg_id in joined - self.joined:
            self._set(leg_id, joined=True, joined_at=utc_now())
        for leg_id in self.joined - joined:
            if self.states[leg_id] is LegState.CONNECTED:
                self._set(leg_id, joined=False)
        self.joined = joined

    def _hang_up(self, call: BridgeCall) -> None:
        try:
            call.hangup(pj.CallOpParam())
        except pj.Error as error:  # already ending
            log.debug("Hang-up of leg %s: %s", call.leg_id, error.info())


_NOBODY = UUID(int=0)
"""The leg id of an incoming call not (yet) matched to a leg."""
