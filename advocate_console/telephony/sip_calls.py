"""The built-in phone's calls on PJSIP and their mix in its conference bridge.

Runs on the engine's thread. Every change of a leg is reported as a new :class:`Leg`
snapshot; who hears whom is :func:`~advocate_console.telephony.bridge.mix_plan`'s rule.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any

import pjsua2 as pj

from .bridge import MICROPHONE, SPEAKER, Link, Port, mix_plan
from .legs import (
    REASON_INVALID_ADDRESS,
    REASON_NO_ANSWER,
    REASON_UNKNOWN_HOST,
    CallerId,
    Leg,
    LegId,
    LegRole,
    LegState,
    outcome_for,
)
from .sip_audio import SoundDevices

log = logging.getLogger(__name__)


def reason_for(error: pj.Error) -> str:
    """Why a call could not even be placed, in the words the call panel knows."""
    text = error.info()
    if "PJSIP_EINVALIDURI" in text or "PJSIP_EINVALIDREQURI" in text:
        return REASON_INVALID_ADDRESS
    if "PJ_ERESOLVE" in text:
        return REASON_UNKNOWN_HOST
    return error.reason


class SipCall(pj.Call):
    """One leg's PJSUA2 call; its callbacks hand straight back to the mix."""

    def __init__(self, mix: CallMix, leg_id: LegId, call_id: int = pj.PJSUA_INVALID_ID):
        super().__init__(mix.account, call_id)
        self.mix = mix
        self.leg_id = leg_id
        self.timed_out = False

    def onCallState(self, prm: Any) -> None:
        self.mix.guard(self.mix.on_call_state, self)

    def onCallMediaState(self, prm: Any) -> None:
        self.mix.guard(self.mix.on_call_media, self)


class CallMix:
    """Every leg of the advocate's call, its PJSIP call, and who hears whom."""

    def __init__(
        self,
        account: pj.Account,
        sound: SoundDevices,
        *,
        ring_timeout_s: float,
        next_leg_id: Callable[[], LegId],
        leg_changed: Callable[[Leg], None],
        incoming_call: Callable[[Leg], None],
        guard: Callable[..., None],
    ) -> None:
        self.account = account
        self.sound = sound
        self.ring_timeout_s = ring_timeout_s
        self.next_leg_id = next_leg_id
        self.leg_changed = leg_changed
        self.incoming_call = incoming_call
        self.guard = guard
        self.calls: dict[LegId, SipCall] = {}
        self._legs: dict[LegId, Leg] = {}
        self._media: dict[LegId, pj.AudioMedia] = {}
        self._links: set[Link] = set()
        self._ring_deadlines: dict[LegId, float] = {}
        self._finished: list[SipCall] = []  # deleted on the next tick, never in a callback
        self._muted = False

    # -- commands -------------------------------------------------------------------------

    def dial(self, leg: Leg, *, hold_others: bool = False) -> None:
        """Place ``leg``'s call; a failure to even start it ends the leg as failed."""
        if hold_others:
            for other in self._legs.values():
                if other.state.is_live and not other.on_hold:
                    self._update(other.but(on_hold=True))
        self._legs[leg.leg_id] = leg
        call = SipCall(self, leg.leg_id)
        try:
            call.makeCall(leg.remote_uri, pj.CallOpParam(True))
        except pj.Error as error:
            self._update(
                leg.but(
                    state=LegState.FAILED,
                    reason=reason_for(error),
                    outcome=outcome_for(0, was_connected=False),
                    ended_at=time.monotonic(),
                )
            )
            self._remix()
            return
        self.calls[leg.leg_id] = call
        self._ring_deadlines[leg.leg_id] = time.monotonic() + self.ring_timeout_s
        self._remix()

    def answer(self, leg_id: LegId) -> None:
        """Pick up a ringing incoming leg."""
        call = self.calls.get(leg_id)
        if call is not None:
            param = pj.CallOpParam()
            param.statusCode = 200
            call.answer(param)

    def hang_up(self, leg_id: LegId) -> None:
        """End one leg (a ringing one is cancelled)."""
        call = self.calls.get(leg_id)
        if call is not None:
            self._hang_up_call(call)

    def hang_up_all(self) -> None:
        """End every leg."""
        for call in list(self.calls.values()):
            self._hang_up_call(call)

    def set_on_hold(self, leg_id: LegId, on_hold: bool) -> None:
        """Take a leg out of the mix (it hears nobody, nobody hears it) or put it back."""
        leg = self._legs.get(leg_id)
        if leg is not None and leg.state.is_live:
            self._update(leg.but(on_hold=on_hold))
            self._remix()

    def join_all(self) -> None:
        """Everyone still on the call hears everyone."""
        for leg in list(self._legs.values()):
            if leg.state.is_live and leg.on_hold:
                self._update(leg.but(on_hold=False))
        self._remix()

    def set_muted(self, muted: bool) -> None:
        """Stop (or restart) sending the advocate's microphone to everyone."""
        self._muted = muted
        self._remix()

    def tick(self) -> None:
        """After PJSIP handled its events: free finished calls, end unanswered rings."""
        self._finished.clear()
        now = time.monotonic()
        for leg_id, deadline in list(self._ring_deadlines.items()):
            if now >= deadline:
                del self._ring_deadlines[leg_id]
                call = self.calls.get(leg_id)
                if call is not None:
                    call.timed_out = True
                    self._hang_up_call(call)

    def forget_all(self) -> None:
        """Drop every pjsua2 object held (before the library is destroyed)."""
        self._links.clear()
        self._media.clear()
        self.calls.clear()
        self._finished.clear()

    # -- callbacks ------------------------------------------------------------------------

    def on_incoming_call(self, call_id: int) -> None:
        """A call rang in: ring back, and report the caller for the screen pop."""
        leg_id = self.next_leg_id()
        call = SipCall(self, leg_id, call_id)
        caller = CallerId.parse(call.getInfo().remoteUri)
        now = time.monotonic()
        leg = Leg(
            leg_id=leg_id,
            role=LegRole.CUSTOMER,
            remote_uri=caller.uri,
            label=caller.display_name or caller.number,
            state=LegState.RINGING,
            caller=caller,
            started=now,
            ringing_at=now,
        )
        self.calls[leg_id] = call
        self._legs[leg_id] = leg
        param = pj.CallOpParam()
        param.statusCode = 180
        call.answer(param)
        self.leg_changed(leg)
        self.incoming_call(leg)

    def on_call_state(self, call: SipCall) -> None:
        """A leg's SIP state changed."""
        leg = self._legs.get(call.leg_id)
        if leg is None:
            return
        info = call.getInfo()
        now = time.monotonic()
        if info.state == pj.PJSIP_INV_STATE_EARLY and leg.role is not LegRole.CUSTOMER:
            if leg.state is LegState.DIALING and info.lastStatusCode in (180, 183):
                self._update(
                    leg.but(state=LegState.RINGING, sip_code=info.lastStatusCode, ringing_at=now)
                )
        elif info.state == pj.PJSIP_INV_STATE_CONFIRMED:
            self._ring_deadlines.pop(call.leg_id, None)
            self._update(
                leg.but(
                    state=LegState.CONNECTED,
                    sip_code=info.lastStatusCode,
                    reason=info.lastReason,
                    answered_at=now,
                )
            )
            self._remix()
        elif info.state == pj.PJSIP_INV_STATE_DISCONNECTED:
            self._ended(call, leg, info, now)

    def on_call_media(self, call: SipCall) -> None:
        """A leg's audio came up (or went away): bring it into the mix."""
        info = call.getInfo()
        self._forget_media(call.leg_id)
        for index, media in enumerate(info.media):
            if media.type == pj.PJMEDIA_TYPE_AUDIO and media.status in (
                pj.PJSUA_CALL_MEDIA_ACTIVE,
                pj.PJSUA_CALL_MEDIA_REMOTE_HOLD,
            ):
                self._media[call.leg_id] = call.getAudioMedia(index)
                break
        self._remix()

    # -- inside ---------------------------------------------------------------------------

    def _ended(self, call: SipCall, leg: Leg, info: Any, now: float) -> None:
        self._ring_deadlines.pop(call.leg_id, None)
        self.calls.pop(call.leg_id, None)
        self._finished.append(call)
        self._forget_media(call.leg_id)
        connected = leg.answered_at is not None
        self._update(
            leg.but(
                state=LegState.ENDED if connected else LegState.FAILED,
                sip_code=info.lastStatusCode,
                reason=REASON_NO_ANSWER if call.timed_out else info.lastReason,
                outcome=outcome_for(
                    info.lastStatusCode, was_connected=connected, timed_out=call.timed_out
                ),
                joined=False,
                ended_at=now,
            )
        )
        self._remix()

    def _update(self, leg: Leg) -> None:
        self._legs[leg.leg_id] = leg
        self.leg_changed(leg)
        if not leg.state.is_live:
            del self._legs[leg.leg_id]

    def _forget_media(self, leg_id: LegId) -> None:
        # PJSIP removed the call's bridge port with its media: drop links, stop nothing.
        if self._media.pop(leg_id, None) is not None:
            self._links = {link for link in self._links if leg_id not in link}

    def _port(self, port: Port) -> pj.AudioMedia | None:
        if port == MICROPHONE:
            return self.sound.microphone
        if port == SPEAKER:
            return self.sound.speaker
        return self._media.get(port)  # type: ignore[arg-type]

    def _remix(self) -> None:
        mixable = [
            (leg_id, self._legs[leg_id].on_hold)
            for leg_id in self._media
            if leg_id in self._legs and self._legs[leg_id].state is LegState.CONNECTED
        ]
        wanted = mix_plan(mixable, muted=self._muted)
        for source, sink in self._links - wanted:
            from_port, to_port = self._port(source), self._port(sink)
            if from_port is not None and to_port is not None:
                from_port.stopTransmit(to_port)
        for source, sink in wanted - self._links:
            from_port, to_port = self._port(source), self._port(sink)
            if from_port is not None and to_port is not None:
                from_port.startTransmit(to_port)
        self._links = wanted
        in_mix = {leg_id for leg_id, on_hold in mixable if not on_hold}
        now = time.monotonic()
        for leg_id, leg in list(self._legs.items()):
            joined = leg_id in in_mix
            if joined != leg.joined:
                first = joined and leg.joined_at is None
                self._update(leg.but(joined=joined, joined_at=now if first else leg.joined_at))

    def _hang_up_call(self, call: SipCall) -> None:
        try:
            call.hangup(pj.CallOpParam())
        except pj.Error as error:  # already ending: nothing left to hang up
            log.debug("Hang-up of leg %s: %s", call.leg_id, error.info())
