"""The PJSUA2 side of the phone: endpoint, account, calls and the conference bridge.

Every method here runs on one thread, the one that called :meth:`SipEngine.open` (the
phone's own thread, or the UI thread when polled). PJSIP is set up with no threads of its
own (``threadCnt = 0``), so its callbacks arrive only inside :meth:`SipEngine.pump`, on
that same thread, and reach the rest of the app through :class:`EngineEvents` (which the
:class:`~advocate_console.telephony.softphone.Softphone` turns into Qt signals).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from traceback import format_exc
from typing import Any

import pjsua2 as pj

from .bridge import MICROPHONE, SPEAKER, Link, Port, mix_plan
from .config import SoftphoneConfig
from .legs import (
    REASON_INVALID_ADDRESS,
    REASON_NO_ANSWER,
    REASON_UNKNOWN_HOST,
    AudioChoice,
    AudioDevice,
    CallerId,
    Leg,
    LegId,
    LegRole,
    LegState,
    Registration,
    outcome_for,
    pick_device,
)

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class EngineEvents:
    """Where the engine reports what happened (called on the engine's thread)."""

    leg_changed: Callable[[Leg], None]
    incoming_call: Callable[[Leg], None]
    registration_changed: Callable[[Registration], None]
    problem: Callable[[str], None]
    audio_changed: Callable[[AudioChoice], None]


def _reason_for(error: pj.Error) -> str:
    """Why a call could not even be placed, in the words the call panel knows."""
    text = error.info()
    if "PJSIP_EINVALIDURI" in text or "PJSIP_EINVALIDREQURI" in text:
        return REASON_INVALID_ADDRESS
    if "PJ_ERESOLVE" in text:
        return REASON_UNKNOWN_HOST
    return error.reason


class _Call(pj.Call):
    """One leg's PJSUA2 call; its callbacks hand straight back to the engine."""

    def __init__(self, engine: SipEngine, leg_id: LegId, call_id: int = pj.PJSUA_INVALID_ID):
        super().__init__(engine.account, call_id)
        self.engine = engine
        self.leg_id = leg_id
        self.timed_out = False

    def onCallState(self, prm: Any) -> None:
        self.engine.guarded(self.engine.on_call_state, self)

    def onCallMediaState(self, prm: Any) -> None:
        self.engine.guarded(self.engine.on_call_media, self)


class _Account(pj.Account):
    """The console's SIP identity: registration state and incoming calls."""

    def __init__(self, engine: SipEngine) -> None:
        super().__init__()
        self.engine = engine

    def onIncomingCall(self, prm: Any) -> None:
        self.engine.guarded(self.engine.on_incoming_call, prm.callId)

    def onRegState(self, prm: Any) -> None:
        self.engine.guarded(self.engine.on_registration)


class SipEngine:
    """A PJSUA2 endpoint with one account, any number of legs, and their mix."""

    def __init__(
        self, config: SoftphoneConfig, events: EngineEvents, next_leg_id: Callable[[], LegId]
    ) -> None:
        self.config = config
        self.events = events
        self.next_leg_id = next_leg_id
        self.endpoint: pj.Endpoint | None = None
        self.account: _Account | None = None
        self.local_uri = ""
        self._calls: dict[LegId, _Call] = {}
        self._legs: dict[LegId, Leg] = {}
        self._media: dict[LegId, pj.AudioMedia] = {}
        self._links: set[Link] = set()
        self._ring_deadlines: dict[LegId, float] = {}
        self._finished: list[_Call] = []  # deleted on the next pump, never inside a callback
        self._microphone: pj.AudioMedia | None = None
        self._speaker: pj.AudioMedia | None = None
        self._muted = False

    # -- life cycle -----------------------------------------------------------------------

    def open(self) -> None:
        """Create the endpoint, its transport and the account; raises ``pj.Error``."""
        config = self.config
        endpoint = pj.Endpoint()
        endpoint.libCreate()
        self.endpoint = endpoint
        settings = pj.EpConfig()
        settings.uaConfig.threadCnt = 0  # callbacks only inside pump(), on this thread
        settings.uaConfig.mainThreadOnly = False
        settings.uaConfig.userAgent = config.user_agent
        settings.logConfig.level = config.log_level
        settings.logConfig.consoleLevel = config.log_level
        # Without this the sound device (the null one too) closes after 1 s of silence
        # and the bridge stops mixing.
        settings.medConfig.sndAutoCloseTime = -1
        settings.medConfig.noVad = True
        endpoint.libInit(settings)
        transport = pj.TransportConfig()
        transport.port = config.port
        transport.boundAddress = "" if config.bind_address == "0.0.0.0" else config.bind_address
        # UDP always (peers and trunks expect it); TCP besides when asked for, so the
        # registrar's connection shows at once when the network drops it.
        transport_id = endpoint.transportCreate(pj.PJSIP_TRANSPORT_UDP, transport)
        local_name = endpoint.transportGetInfo(transport_id).localName
        if config.transport == "tcp":
            endpoint.transportCreate(pj.PJSIP_TRANSPORT_TCP, transport)
        endpoint.libStart()
        self._set_up_audio(endpoint)
        self._pin_codecs(endpoint)
        host = config.domain or local_name
        self.local_uri = f"sip:{config.user}@{host}"
        account = _Account(self)
        account.create(self._account_config(local_name), True)
        self.account = account

    def close(self) -> None:
        """Hang up everything and destroy the library, every pjsua2 object first."""
        if self.endpoint is None:
            return
        # Through a method, not a loop here: a loop variable would keep the last call
        # object alive past libDestroy() below.
        self.hang_up_all()
        if self._calls:
            self.endpoint.libHandleEvents(50)  # let the BYEs and CANCELs leave
        self._links.clear()
        self._media.clear()
        self._calls.clear()
        self._finished.clear()
        self._microphone = self._speaker = None
        if self.account is not None:
            self.account.shutdown()
            self.account = None
        # Deleting a pjsua2 object after libDestroy() aborts the process: all are gone now.
        self.endpoint.libDestroy(pj.PJSUA_DESTROY_NO_NETWORK)
        self.endpoint = None

    def pump(self, wait_ms: int) -> None:
        """Let PJSIP handle its network events and timers (callbacks fire in here)."""
        assert self.endpoint is not None
        self.endpoint.libHandleEvents(wait_ms)
        self._finished.clear()
        now = time.monotonic()
        for leg_id, deadline in list(self._ring_deadlines.items()):
            if now >= deadline:
                del self._ring_deadlines[leg_id]
                call = self._calls.get(leg_id)
                if call is not None:
                    call.timed_out = True
                    self._hang_up_call(call)

    def guarded(self, handler: Callable[..., None], *args: Any) -> None:
        """Run a callback's handler; an exception must never travel back into PJSIP."""
        try:
            handler(*args)
        except Exception:
            # Logged as text: a kept traceback would keep pjsua2 objects alive past
            # libDestroy(), and deleting them then aborts the process.
            log.error("Telephony callback %s failed:\n%s", handler.__name__, format_exc())

    # -- commands -------------------------------------------------------------------------

    def dial(self, leg: Leg, *, hold_others: bool = False) -> None:
        """Place ``leg``'s call; a failure to even start it ends the leg as failed."""
        if hold_others:
            for other in self._legs.values():
                if other.state.is_live and not other.on_hold:
                    self._update(other.but(on_hold=True))
        self._legs[leg.leg_id] = leg
        call = _Call(self, leg.leg_id)
        try:
            call.makeCall(leg.remote_uri, pj.CallOpParam(True))
        except pj.Error as error:
            reason = _reason_for(error)
            self._update(
                leg.but(
                    state=LegState.FAILED,
                    reason=reason,
                    outcome=outcome_for(0, was_connected=False),
                    ended_at=time.monotonic(),
                )
            )
            self._remix()
            return
        self._calls[leg.leg_id] = call
        self._ring_deadlines[leg.leg_id] = time.monotonic() + self.config.ring_timeout_s
        self._remix()

    def answer(self, leg_id: LegId) -> None:
        """Pick up a ringing incoming leg."""
        call = self._calls.get(leg_id)
        if call is None:
            return
        param = pj.CallOpParam()
        param.statusCode = 200
        call.answer(param)

    def hang_up(self, leg_id: LegId) -> None:
        """End one leg (a ringing one is cancelled)."""
        call = self._calls.get(leg_id)
        if call is not None:
            self._hang_up_call(call)

    def hang_up_all(self) -> None:
        """End every leg."""
        for call in list(self._calls.values()):
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

    def audio_devices(self, *, refresh: bool = False) -> list[AudioDevice]:
        """The sound devices PJSIP sees (``refresh``: look again, for a headset just
        plugged in; indices may change then, names do not)."""
        assert self.endpoint is not None
        manager = self.endpoint.audDevManager()
        if refresh:
            manager.refreshDevs()  # active audio is unaffected
        return [
            AudioDevice(index, info.name, info.driver, info.inputCount, info.outputCount)
            for index, info in enumerate(manager.enumDev2())
        ]

    def choose_audio_devices(self, capture: str, playback: str) -> AudioChoice:
        """Use the microphone and speaker with these names ("": the system default).

        A device that is gone falls back to the system default; with no sound device at
        all the phone uses PJSIP's null device, so calls still connect (without local
        audio). Works mid-call: the conference keeps its links. Reports the outcome
        through ``events.audio_changed`` and returns it.
        """
        assert self.endpoint is not None
        manager = self.endpoint.audDevManager()
        if self.config.null_audio:
            manager.setNullDev()
            choice = AudioChoice(no_device=True)
            self.events.audio_changed(choice)
            return choice
        devices = self.audio_devices(refresh=True)
        microphone = pick_device(devices, capture, capture=True)
        speaker = pick_device(devices, playback, capture=False)
        missing = {
            "missing_capture": capture if capture and microphone is None else "",
            "missing_playback": playback if playback and speaker is None else "",
        }
        failure = ""
        usable = any(d.inputs for d in devices) and any(d.outputs for d in devices)
        if usable:
            try:
                self._use_devices(microphone, speaker)
            except pj.Error as error:  # there, but busy or broken: try the defaults
                failure = error.info().splitlines()[0]
                microphone = speaker = None
                try:
                    self._use_devices(None, None)
                except pj.Error:
                    usable = False
        if not usable:
            manager.setNullDev()
            microphone = speaker = None
        choice = AudioChoice(
            capture=microphone.name if microphone else "",
            playback=speaker.name if speaker else "",
            devices=tuple(devices),
            failure=failure,
            no_device=not usable,
            **missing,
        )
        if choice.fell_back or choice.no_device:
            log.warning("Sound devices: %s", choice)
        self.events.audio_changed(choice)
        return choice

    def _use_devices(self, microphone: AudioDevice | None, speaker: AudioDevice | None) -> None:
        assert self.endpoint is not None
        manager = self.endpoint.audDevManager()
        manager.setCaptureDev(
            pj.PJSUA_SND_DEFAULT_CAPTURE_DEV if microphone is None else microphone.index
        )
        manager.setPlaybackDev(
            pj.PJSUA_SND_DEFAULT_PLAYBACK_DEV if speaker is None else speaker.index
        )

    def reregister(self) -> None:
        """Register again now (after the network came back, or to check)."""
        if self.account is not None and self.config.registrar:
            self.account.setRegistration(True)

    # -- callbacks ------------------------------------------------------------------------

    def on_incoming_call(self, call_id: int) -> None:
        """A call rang in: ring back, and report the caller for the screen pop."""
        leg_id = self.next_leg_id()
        call = _Call(self, leg_id, call_id)
        info = call.getInfo()
        caller = CallerId.parse(info.remoteUri)
        leg = Leg(
            leg_id=leg_id,
            role=LegRole.CUSTOMER,
            remote_uri=caller.uri,
            label=caller.display_name or caller.number,
            state=LegState.RINGING,
            caller=caller,
            started=time.monotonic(),
            ringing_at=time.monotonic(),
        )
        self._calls[leg_id] = call
        self._legs[leg_id] = leg
        param = pj.CallOpParam()
        param.statusCode = 180
        call.answer(param)
        self.events.leg_changed(leg)
        self.events.incoming_call(leg)

    def on_call_state(self, call: _Call) -> None:
        """A leg's SIP state changed."""
        leg = self._legs.get(call.leg_id)
        if leg is None:
            return
        info = call.getInfo()
        now = time.monotonic()
        if info.state == pj.PJSIP_INV_STATE_EARLY and leg.role is LegRole.RESOURCE:
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
            self._ring_deadlines.pop(call.leg_id, None)
            self._calls.pop(call.leg_id, None)
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

    def on_call_media(self, call: _Call) -> None:
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

    def on_registration(self) -> None:
        """The registrar answered (or did not): report whether the console is reachable."""
        assert self.account is not None
        info = self.account.getInfo()
        self.events.registration_changed(
            Registration(
                registered=bool(info.regIsActive) and info.regStatus // 100 == 2,
                sip_code=info.regStatus,
                reason=info.regStatusText,
                registrar=self.config.registrar,
            )
        )

    # -- inside ---------------------------------------------------------------------------

    def _update(self, leg: Leg) -> None:
        self._legs[leg.leg_id] = leg
        self.events.leg_changed(leg)
        if not leg.state.is_live:
            del self._legs[leg.leg_id]

    def _forget_media(self, leg_id: LegId) -> None:
        # PJSIP removed the call's bridge port with its media: drop links, stop nothing.
        if self._media.pop(leg_id, None) is not None:
            self._links = {link for link in self._links if leg_id not in link}

    def _port(self, port: Port) -> pj.AudioMedia | None:
        if port == MICROPHONE:
            return self._microphone
        if port == SPEAKER:
            return self._speaker
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

    def _hang_up_call(self, call: _Call) -> None:
        try:
            call.hangup(pj.CallOpParam())
        except pj.Error as error:  # already ending: nothing left to hang up
            log.debug("Hang-up of leg %s: %s", call.leg_id, error.info())

    def _set_up_audio(self, endpoint: pj.Endpoint) -> None:
        self.choose_audio_devices(self.config.audio_capture, self.config.audio_playback)
        manager = endpoint.audDevManager()
        # The bridge's own port 0: the same whichever device feeds it.
        self._microphone = manager.getCaptureDevMedia()
        self._speaker = manager.getPlaybackDevMedia()

    def _pin_codecs(self, endpoint: pj.Endpoint) -> None:
        wanted = self.config.codecs
        if not wanted:
            return
        for codec in endpoint.codecEnum2():
            rank = wanted.index(codec.codecId) if codec.codecId in wanted else None
            endpoint.codecSetPriority(codec.codecId, 0 if rank is None else 254 - rank)

    def _account_config(self, local_name: str) -> pj.AccountConfig:
        config = self.config
        account = pj.AccountConfig()
        name = f'"{config.display_name}" ' if config.display_name else ""
        suffix = ";transport=tcp" if config.transport == "tcp" else ""
        account.idUri = f"{name}<{self.local_uri}>"
        if config.bind_address != "0.0.0.0":  # RTP on the same interface as SIP
            account.mediaConfig.transportConfig.boundAddress = config.bind_address
        if config.registrar:
            account.regConfig.registrarUri = config.registrar + suffix
            account.regConfig.timeoutSec = config.register_every_s
            account.regConfig.retryIntervalSec = config.retry_registration_s
            account.regConfig.firstRetryIntervalSec = config.retry_registration_s
            # A lost registration must never cut the customer off mid-call.
            account.regConfig.dropCallsOnFail = False
            if config.password:
                account.sipConfig.authCreds.append(
                    pj.AuthCredInfo(
                        "digest", "*", config.auth_user or config.user, 0, config.password
                    )
                )
        return account
