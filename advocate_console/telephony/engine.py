"""The phone engine interface, and its PJSUA2 implementation: endpoint and life cycle.

Every method of an engine runs on one thread, the one that called ``open`` (the phone's
own thread, or the UI thread when polled). PJSIP is set up with no threads of its own
(``threadCnt = 0``), so its callbacks arrive only inside :meth:`SipEngine.pump`, on that
same thread, and reach the rest of the app through :class:`EngineEvents` (which the
:class:`~advocate_console.telephony.softphone.Softphone` turns into Qt signals).

The work is split where PJSIP's is: the account and its registration
(:mod:`.sip_account`), the calls and their mix (:mod:`.sip_calls`), and the sound devices
(:mod:`.sip_audio`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from traceback import format_exc
from typing import Any, Protocol

import pjsua2 as pj

from .config import SoftphoneConfig
from .legs import AudioChoice, AudioDevice, Leg, LegId, Registration
from .sip_account import SipAccount, account_config
from .sip_audio import SoundDevices
from .sip_calls import CallMix

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class EngineEvents:
    """Where the engine reports what happened (called on the engine's thread)."""

    leg_changed: Callable[[Leg], None]
    incoming_call: Callable[[Leg], None]
    registration_changed: Callable[[Registration], None]
    problem: Callable[[str], None]
    audio_changed: Callable[[AudioChoice], None]


class PhoneEngine(Protocol):
    """What the softphone asks of an engine (PJSUA2 here, baresip in :mod:`.baresip`)."""

    name: str  # "pjsip" or "baresip"
    local_uri: str

    def open(self) -> None: ...
    def close(self) -> None: ...
    def pump(self, wait_ms: int) -> None: ...
    def dial(self, leg: Leg, *, hold_others: bool = False) -> None: ...
    def answer(self, leg_id: LegId) -> None: ...
    def hang_up(self, leg_id: LegId) -> None: ...
    def hang_up_all(self) -> None: ...
    def set_on_hold(self, leg_id: LegId, on_hold: bool) -> None: ...
    def join_all(self) -> None: ...
    def set_muted(self, muted: bool) -> None: ...
    def audio_devices(self, *, refresh: bool = False) -> list[AudioDevice]: ...
    def choose_audio_devices(self, capture: str, playback: str) -> AudioChoice: ...
    def reregister(self) -> None: ...


def open_engine(
    config: SoftphoneConfig, events: EngineEvents, next_leg_id: Callable[[], LegId]
) -> PhoneEngine:
    """The engine the phone runs on, opened; raises when it cannot start.

    PJSIP unless it has no sound device here (the PyPI wheel never has one) while
    baresip is installed and ALSA has a sound card: then baresip, for real sound.
    """
    kind = config.engine
    if kind == "auto":
        kind = "baresip" if not config.null_audio and _baresip_has_sound() else "pjsip"
    engine: PhoneEngine
    if kind == "baresip":
        from .baresip import BaresipEngine

        engine = BaresipEngine(config, events, next_leg_id)
    else:
        engine = SipEngine(config, events, next_leg_id)
    try:
        engine.open()
    except Exception:
        engine.close()
        raise
    return engine


def _baresip_has_sound() -> bool:
    from .baresip_control import alsa_cards, baresip_available
    from .sip_audio import sound_device_count

    return baresip_available() and bool(alsa_cards()) and sound_device_count() == 0


class SipEngine:
    """A PJSUA2 endpoint with one account, any number of legs, and their mix."""

    name = "pjsip"

    def __init__(
        self, config: SoftphoneConfig, events: EngineEvents, next_leg_id: Callable[[], LegId]
    ) -> None:
        self.config = config
        self.events = events
        self.next_leg_id = next_leg_id
        self.endpoint: pj.Endpoint | None = None
        self.account: SipAccount | None = None
        self.sound: SoundDevices | None = None
        self.mix: CallMix | None = None
        self.local_uri = ""

    # -- life cycle -----------------------------------------------------------------------

    def open(self) -> None:
        """Create the endpoint, its transport and the account; raises ``pj.Error``."""
        config = self.config
        endpoint = pj.Endpoint()
        endpoint.libCreate()
        self.endpoint = endpoint
        endpoint.libInit(self._endpoint_config())
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
        self.sound = SoundDevices(
            endpoint, null_audio=config.null_audio, report=self.events.audio_changed
        )
        self.sound.open(config.audio_capture, config.audio_playback)
        self._pin_codecs(endpoint)
        self.local_uri = f"sip:{config.user}@{config.domain or local_name}"
        account = SipAccount(
            config, self.guarded, self._incoming_call, self.events.registration_changed
        )
        self.account = account
        self.mix = CallMix(
            account,
            self.sound,
            ring_timeout_s=config.ring_timeout_s,
            next_leg_id=self.next_leg_id,
            leg_changed=self.events.leg_changed,
            incoming_call=self.events.incoming_call,
            guard=self.guarded,
        )
        account.create(account_config(config, self.local_uri), True)

    def close(self) -> None:
        """Hang up everything and destroy the library, every pjsua2 object first."""
        if self.endpoint is None:
            return
        if self.mix is not None:
            self.mix.hang_up_all()
            if self.mix.calls:
                self.endpoint.libHandleEvents(50)  # let the BYEs and CANCELs leave
            self.mix.forget_all()
            self.mix = None
        if self.sound is not None:
            self.sound.close()
        if self.account is not None:
            self.account.shutdown()
            self.account = None
        # Deleting a pjsua2 object after libDestroy() aborts the process: all are gone now.
        self.endpoint.libDestroy(pj.PJSUA_DESTROY_NO_NETWORK)
        self.endpoint = None

    def pump(self, wait_ms: int) -> None:
        """Let PJSIP handle its network events and timers (callbacks fire in here)."""
        assert self.endpoint is not None and self.mix is not None
        self.endpoint.libHandleEvents(wait_ms)
        self.mix.tick()

    def guarded(self, handler: Callable[..., None], *args: Any) -> None:
        """Run a callback's handler; an exception must never travel back into PJSIP."""
        try:
            handler(*args)
        except Exception:
            # Logged as text: a kept traceback would keep pjsua2 objects alive past
            # libDestroy(), and deleting them then aborts the process.
            log.error("Telephony callback %s failed:\n%s", handler.__name__, format_exc())

    # -- commands (the calls and their mix) -----------------------------------------------

    def dial(self, leg: Leg, *, hold_others: bool = False) -> None:
        """Place ``leg``'s call; a failure to even start it ends the leg as failed."""
        self._mix().dial(leg, hold_others=hold_others)

    def answer(self, leg_id: LegId) -> None:
        """Pick up a ringing incoming leg."""
        self._mix().answer(leg_id)

    def hang_up(self, leg_id: LegId) -> None:
        """End one leg (a ringing one is cancelled)."""
        self._mix().hang_up(leg_id)

    def hang_up_all(self) -> None:
        """End every leg."""
        self._mix().hang_up_all()

    def set_on_hold(self, leg_id: LegId, on_hold: bool) -> None:
        """Take a leg out of the mix or put it back."""
        self._mix().set_on_hold(leg_id, on_hold)

    def join_all(self) -> None:
        """Everyone still on the call hears everyone."""
        self._mix().join_all()

    def set_muted(self, muted: bool) -> None:
        """Stop (or restart) sending the advocate's microphone to everyone."""
        self._mix().set_muted(muted)

    # -- sound devices and registration ---------------------------------------------------

    def audio_devices(self, *, refresh: bool = False) -> list[AudioDevice]:
        """The sound devices PJSIP sees."""
        assert self.sound is not None
        return self.sound.listed(refresh=refresh)

    def choose_audio_devices(self, capture: str, playback: str) -> AudioChoice:
        """Use the microphone and speaker with these names ("": the system default)."""
        assert self.sound is not None
        return self.sound.choose(capture, playback)

    def reregister(self) -> None:
        """Register again now (after the network came back, or to check)."""
        if self.account is not None:
            self.account.register_again()

    # -- inside ---------------------------------------------------------------------------

    def _mix(self) -> CallMix:
        assert self.mix is not None, "the engine is not open"
        return self.mix

    def _incoming_call(self, call_id: int) -> None:
        self._mix().on_incoming_call(call_id)

    def _endpoint_config(self) -> pj.EpConfig:
        config = self.config
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
        return settings

    def _pin_codecs(self, endpoint: pj.Endpoint) -> None:
        wanted = self.config.codecs
        if not wanted:
            return
        for codec in endpoint.codecEnum2():
            rank = wanted.index(codec.codecId) if codec.codecId in wanted else None
            endpoint.codecSetPriority(codec.codecId, 0 if rank is None else 254 - rank)
