"""The built-in phone on baresip: real sound on Linux, where the PyPI PJSIP has none.

Behind the same engine interface as :class:`~advocate_console.telephony.engine.SipEngine`
and on the same single thread: :meth:`BaresipEngine.pump` reads baresip's events and
turns them into :class:`Leg` snapshots. baresip holds one call at a time here: the
advocate's own leg (conferences are mixed by the company's bridge), or one customer.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable
from typing import Any

from .baresip_control import BaresipAudio, BaresipProcess, alsa_cards
from .config import SoftphoneConfig
from .engine import EngineEvents
from .legs import (
    REASON_NO_ANSWER,
    AudioChoice,
    AudioDevice,
    CallerId,
    Leg,
    LegId,
    LegRole,
    LegState,
    Registration,
    outcome_for,
)

log = logging.getLogger(__name__)

REASON_ONE_CALL = "this computer's phone holds one call at a time"


def alsa_device(name: str) -> str:
    """baresip's name of a sound device the settings name ("": ALSA's default)."""
    if "," in name:  # already "driver,device" (tests: "ausine,530")
        return name
    for card_id, card_name in alsa_cards():
        if name in (card_id, card_name):
            return f"alsa,plughw:CARD={card_id}"
    return "alsa,default"


class BaresipEngine:
    """baresip as the phone engine: one process, one account, one call at a time."""

    name = "baresip"

    def __init__(
        self, config: SoftphoneConfig, events: EngineEvents, next_leg_id: Callable[[], LegId]
    ) -> None:
        self.config = config
        self.events = events
        self.next_leg_id = next_leg_id
        self.local_uri = ""
        self.baresip: BaresipProcess | None = None
        self._legs: dict[LegId, Leg] = {}
        self._call_ids: dict[str, LegId] = {}  # baresip's call id -> our leg
        self._dialled: LegId | None = None  # placed, not yet named by baresip
        self._deadlines: dict[LegId, float] = {}
        self._muted = False
        self._gone = False  # baresip died: said once
        self.choice = AudioChoice(engine="baresip")

    # -- life cycle -----------------------------------------------------------------------

    def open(self) -> None:
        """Start baresip, create the account over its control connection."""
        config = self.config
        audio = BaresipAudio(
            source=alsa_device(config.audio_capture),
            player=alsa_device(config.audio_playback),
            record_folder=config.record_folder,
        )
        self.baresip = BaresipProcess(
            config.bind_address, config.port, audio, config.user_agent.replace(" ", "-")
        )
        host = config.domain or f"{self.baresip.address}:{self.baresip.port}"
        self.local_uri = f"sip:{config.user}@{host}"
        self.baresip.send("uanew", self._account_line())
        self.choice = self._audio_choice(audio)
        self.events.audio_changed(self.choice)

    def close(self) -> None:
        """Hang up and quit baresip."""
        if self.baresip is not None:
            self.baresip.close()
            self.baresip = None

    def pump(self, wait_ms: int) -> None:
        """Read baresip's events (waiting up to ``wait_ms``); end unanswered rings."""
        assert self.baresip is not None
        for message in self.baresip.read(wait_ms):
            if message.get("event"):
                self._event(message)
            elif message.get("response") and not message.get("ok"):
                log.info("baresip refused a command: %s", message.get("data"))
        now = time.monotonic()
        for leg_id, deadline in list(self._deadlines.items()):
            if now >= deadline:
                del self._deadlines[leg_id]
                self._legs[leg_id] = self._legs[leg_id].but(reason=REASON_NO_ANSWER)
                self.baresip.send("hangup")
        if not self.baresip.alive and not self._gone:
            self._gone = True
            self._all_lost()

    # -- commands -------------------------------------------------------------------------

    def dial(self, leg: Leg, *, hold_others: bool = False) -> None:
        """Call ``leg``; refused while another call is on (one call at a time)."""
        assert self.baresip is not None
        if any(other.state.is_live for other in self._legs.values()):
            self._update(
                leg.but(
                    state=LegState.FAILED,
                    reason=REASON_ONE_CALL,
                    outcome=outcome_for(0, was_connected=False),
                    ended_at=time.monotonic(),
                )
            )
            return
        self._legs[leg.leg_id] = leg
        self._dialled = leg.leg_id
        self._deadlines[leg.leg_id] = time.monotonic() + self.config.ring_timeout_s
        self.baresip.send("dial", leg.remote_uri)

    def answer(self, leg_id: LegId) -> None:
        """Pick up the ringing call."""
        if self.baresip is not None and leg_id in self._legs:
            self.baresip.send("accept")

    def hang_up(self, leg_id: LegId) -> None:
        """End the call."""
        if self.baresip is not None and leg_id in self._legs:
            self.baresip.send("hangup")

    def hang_up_all(self) -> None:
        """End the call, if any."""
        if self.baresip is not None and self._legs:
            self.baresip.send("hangup")

    def set_on_hold(self, leg_id: LegId, on_hold: bool) -> None:
        """Hold the call (a re-INVITE) or take it back."""
        leg = self._legs.get(leg_id)
        if self.baresip is not None and leg is not None and leg.state is LegState.CONNECTED:
            self.baresip.send("hold" if on_hold else "resume")
            self._update(leg.but(on_hold=on_hold, joined=not on_hold))

    def join_all(self) -> None:
        """One call: nothing to join (the bridge mixes conferences)."""

    def set_muted(self, muted: bool) -> None:
        """Stop (or restart) sending the advocate's microphone."""
        if self.baresip is not None and muted != self._muted and self._legs:
            self.baresip.send("mute")  # baresip's mute toggles
            self._muted = muted

    def audio_devices(self, *, refresh: bool = False) -> list[AudioDevice]:
        """The sound cards ALSA has (each can record and play, as far as we can tell)."""
        return [
            AudioDevice(index, name, "alsa", 1, 1)
            for index, (_card, name) in enumerate(alsa_cards())
        ]

    def choose_audio_devices(self, capture: str, playback: str) -> AudioChoice:
        """Use these sound devices from the next call on."""
        if self.baresip is not None:
            audio = BaresipAudio(alsa_device(capture), alsa_device(playback))
            self.baresip.send("ausrc", audio.source)
            self.baresip.send("auplay", audio.player)
            self.choice = self._audio_choice(audio, capture, playback)
            self.events.audio_changed(self.choice)
        return self.choice

    def reregister(self) -> None:
        """baresip re-registers on its own schedule."""

    # -- inside ---------------------------------------------------------------------------

    def _account_line(self) -> str:
        config = self.config
        name = f'"{config.display_name}" ' if config.display_name else ""
        params = ["answermode=manual"]
        if config.registrar:
            params += [f"regint={config.register_every_s}", f"outbound={config.registrar}"]
            if config.password:
                params.append(f"auth_user={config.auth_user or config.user}")
                params.append(f"auth_pass={config.password}")
        else:
            params.append("regint=0")
        return f"{name}<{self.local_uri}>;" + ";".join(params)

    def _audio_choice(
        self, audio: BaresipAudio, capture: str = "", playback: str = ""
    ) -> AudioChoice:
        devices = tuple(self.audio_devices())
        test_audio = "," in (self.config.audio_capture or "")
        return AudioChoice(
            capture=audio.source,
            playback=audio.player,
            devices=devices,
            no_device=not devices and not test_audio,
            engine="baresip",
            missing_capture=capture if capture and audio.source == "alsa,default" else "",
            missing_playback=playback if playback and audio.player == "alsa,default" else "",
        )

    def _event(self, event: dict[str, Any]) -> None:
        kind, call_id = event.get("type", ""), event.get("id", "")
        if kind.startswith("REGISTER_"):
            self._registration(kind, event)
            return
        if event.get("class") != "call" or not call_id:
            return
        leg_id = self._call_ids.get(call_id)
        if leg_id is None:
            leg_id = self._new_call(kind, call_id, event)
            if leg_id is None:
                return
        leg = self._legs.get(leg_id)
        if leg is None:
            return
        now = time.monotonic()
        if kind in ("CALL_RINGING", "CALL_PROGRESS") and leg.state is LegState.DIALING:
            self._update(leg.but(state=LegState.RINGING, ringing_at=now))
        elif kind == "CALL_ESTABLISHED":
            self._deadlines.pop(leg_id, None)
            self._update(
                leg.but(state=LegState.CONNECTED, answered_at=now, joined=True, joined_at=now)
            )
        elif kind == "CALL_CLOSED":
            self._closed(leg, str(event.get("param", "")), now)

    def _new_call(self, kind: str, call_id: str, event: dict[str, Any]) -> LegId | None:
        if event.get("direction") == "outgoing" and self._dialled is not None:
            leg_id, self._dialled = self._dialled, None
            self._call_ids[call_id] = leg_id
            return leg_id
        if kind != "CALL_INCOMING":
            return None
        caller = CallerId(
            uri=str(event.get("peeruri", "")), display_name=str(event.get("peerdisplayname", ""))
        )
        now = time.monotonic()
        leg = Leg(
            leg_id=self.next_leg_id(),
            role=LegRole.CUSTOMER,
            remote_uri=caller.uri,
            label=caller.display_name or caller.number,
            state=LegState.RINGING,
            caller=caller,
            started=now,
            ringing_at=now,
        )
        self._call_ids[call_id] = leg.leg_id
        self._update(leg)
        self.events.incoming_call(leg)
        return None  # reported already

    def _closed(self, leg: Leg, reason: str, now: float) -> None:
        self._deadlines.pop(leg.leg_id, None)
        if self._dialled == leg.leg_id:
            self._dialled = None
        code_text = re.match(r"^(\d{3})\b\s*(.*)", reason)
        code = int(code_text.group(1)) if code_text else 0
        connected = leg.answered_at is not None
        timed_out = leg.reason == REASON_NO_ANSWER
        self._update(
            leg.but(
                state=LegState.ENDED if connected else LegState.FAILED,
                sip_code=code,
                reason=leg.reason if timed_out else (code_text.group(2) if code_text else reason),
                outcome=outcome_for(code, was_connected=connected, timed_out=timed_out),
                joined=False,
                ended_at=now,
            )
        )
        if self._muted:
            self._muted = False  # the next call starts unmuted

    def _registration(self, kind: str, event: dict[str, Any]) -> None:
        text = str(event.get("param", ""))
        code = re.match(r"^(\d{3})", text)
        self.events.registration_changed(
            Registration(
                registered=kind == "REGISTER_OK",
                sip_code=int(code.group(1)) if code else 0,
                reason=text,
                registrar=self.config.registrar,
            )
        )

    def _all_lost(self) -> None:
        for leg in list(self._legs.values()):
            if leg.state.is_live:
                self._closed(leg.but(reason="baresip stopped"), "baresip stopped", time.monotonic())
        self.events.problem("This computer's phone (baresip) stopped.")

    def _update(self, leg: Leg) -> None:
        self._legs[leg.leg_id] = leg
        self.events.leg_changed(leg)
        if not leg.state.is_live:
            del self._legs[leg.leg_id]
