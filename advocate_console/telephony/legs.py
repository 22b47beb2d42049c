"""What the console knows about each leg of a call, as plain values safe to pass between
threads: the SIP engine makes them, Qt signals carry them, the panels show them."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING
from uuid import UUID

from advocate_console.domain import CallOutcome

# One vocabulary for a leg, whether the desktop phone or the company's bridge holds it.
from advocate_console.domain.conference import LegRole as LegRole
from advocate_console.domain.conference import LegState as LegState
from advocate_console.domain.conference import outcome_for as outcome_for

if TYPE_CHECKING:  # the records load on first use, not when the phone does
    from advocate_console.domain import Resource

LegId = int
"""The console's own number for a leg, given when it is dialled or rings in."""

# Reasons the console gives itself, when there is no SIP answer to quote.
REASON_INVALID_ADDRESS = "invalid address"
REASON_NO_ANSWER = "no answer"
REASON_UNKNOWN_HOST = "unknown host"
REASON_NOT_STARTED = "the phone is not running"


@dataclass(frozen=True, slots=True)
class CallerId:
    """Who is calling, as the SIP request names them (for the screen pop)."""

    uri: str
    display_name: str = ""

    @classmethod
    def parse(cls, text: str) -> CallerId:
        """From a SIP From/Contact value: ``"Margaret" <sip:+1800…@pbx>`` or ``sip:…``."""
        match = re.match(r'^\s*(?:"([^"]*)"|([^<"]*?))\s*<([^>]+)>', text)
        if match:
            name = match.group(1) or match.group(2) or ""
            return cls(uri=match.group(3).strip(), display_name=name.strip())
        return cls(uri=text.strip())

    @property
    def number(self) -> str:
        """The user part of the address, e.g. ``+18004322737`` from ``sip:+1800…@pbx``."""
        match = re.match(r"^(?:sips?|tel):([^@;>]+)", self.uri)
        return match.group(1) if match else ""


@dataclass(frozen=True, slots=True)
class Leg:
    """A snapshot of one leg; a new one is sent on every change."""

    leg_id: LegId
    role: LegRole
    remote_uri: str
    label: str = ""
    state: LegState = LegState.DIALING
    sip_code: int = 0
    reason: str = ""  # the SIP reason phrase, or why the call could not be placed
    outcome: CallOutcome | None = None  # set when the leg is over
    on_hold: bool = False  # left out of the conference mix ("ask first")
    consult: bool = False  # on the bridge: talking with the advocate alone ("ask first")
    joined: bool = False  # its audio is in the conference bridge
    caller: CallerId | None = None
    # Monotonic clock readings (seconds), for the call timer and the benchmark.
    started: float = 0.0
    ringing_at: float | None = None
    answered_at: float | None = None
    joined_at: float | None = None
    ended_at: float | None = None

    def but(self, **changes: object) -> Leg:
        """A copy with ``changes``."""
        return replace(self, **changes)


@dataclass(frozen=True, slots=True)
class ConferenceLeg:
    """A leg as the call panel shows it: the snapshot plus who it is and its attempt."""

    leg: Leg
    via: str = "sip"  # "sip", "handoff" or "bridge"
    resource: Resource | None = None
    attempt_id: UUID | None = None
    helped: bool | None = None

    @property
    def leg_id(self) -> LegId:
        """The leg's id."""
        return self.leg.leg_id

    @property
    def name(self) -> str:
        """Who is on this leg, in words."""
        if self.resource is not None:
            return self.resource.name
        return self.leg.label or self.leg.remote_uri

    @property
    def asks_helped(self) -> bool:
        """True once a resource's leg is over and nobody said yet whether it helped."""
        return (
            self.resource is not None
            and self.attempt_id is not None
            and self.helped is None
            and not self.leg.state.is_live
        )


@dataclass(frozen=True, slots=True)
class Registration:
    """Whether the console is registered with the company's SIP server, and why not."""

    registered: bool
    sip_code: int = 0
    reason: str = ""
    registrar: str = ""


@dataclass(frozen=True, slots=True)
class AudioDevice:
    """A sound card or headset PJSIP can use."""

    index: int
    name: str
    driver: str
    inputs: int
    outputs: int


@dataclass(frozen=True, slots=True)
class AudioChoice:
    """The microphone and speaker the phone uses now, and what it could not use."""

    capture: str = ""  # the device's name; "": the system default (or none, see below)
    playback: str = ""
    devices: tuple[AudioDevice, ...] = ()  # every device PJSIP sees
    missing_capture: str = ""  # a device asked for by name that is not there
    missing_playback: str = ""
    failure: str = ""  # PJSIP's reason when a device was there but would not open
    no_device: bool = False  # no usable sound device at all: calls have no local audio
    engine: str = ""  # which phone engine plays it: "pjsip" or "baresip"

    @property
    def fell_back(self) -> bool:
        """True when the phone is not using what was asked for."""
        return bool(self.missing_capture or self.missing_playback or self.failure)


def pick_device(devices: Sequence[AudioDevice], name: str, *, capture: bool) -> AudioDevice | None:
    """The device called ``name`` that can record (``capture``) or play; None: not there.

    Names are compared exactly first, then ignoring case and spaces at the ends, since
    drivers differ in how they spell the same headset from one start to the next.
    """
    if not name:
        return None
    usable = [d for d in devices if (d.inputs if capture else d.outputs) > 0]
    for matches in (lambda d: d.name == name, lambda d: _same(d.name, name)):
        found = next((d for d in usable if matches(d)), None)
        if found is not None:
            return found
    return None


def _same(one: str, other: str) -> bool:
    return one.strip().casefold() == other.strip().casefold()
