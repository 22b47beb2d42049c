"""A conference on the company's bridge, as rules: its legs' states, who hears whom, and
where a leg is dialled. Shared by the bridge (which mixes), the API (which checks what is
asked for) and the console (which shows it)."""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal
from uuid import UUID

from .enums import CallOutcome
from .phone import InvalidPhoneNumber, normalize_phone

CustomerJoins = Literal["callback", "transfer"]
"""How the customer gets into the bridge: it calls them back, or the phone system
transfers their live call to the conference's address (SIP REFER)."""

BRIDGE_LOST_AFTER_S = 3.0
"""A bridge that has not said it is alive for this long is taken for dead."""

_SIP_URI = re.compile(r"^sips?:[^\s@<>\"]+@[^\s@<>\"]+$")


class LegRole(enum.StrEnum):
    """Who is on the far end of a leg of the bridge."""

    ADVOCATE = "advocate"  # the advocate's own phone: rung first
    CUSTOMER = "customer"  # rang in, or called back
    RESOURCE = "resource"  # an internal person or desk brought in


class LegState(enum.StrEnum):
    """Where one leg of the bridge stands."""

    WAITING = "waiting"  # dialled once the advocate answers (or the transfer arrives)
    DIALING = "dialing"
    RINGING = "ringing"  # the far end rings (or, for a call coming in, the console does)
    CONNECTED = "connected"
    ENDED = "ended"  # was connected, then hung up by either side
    FAILED = "failed"  # never connected: busy, no answer, rejected, …
    LOST = "lost"  # the bridge holding it stopped

    @property
    def is_live(self) -> bool:
        """True until the leg is over."""
        return self not in (LegState.ENDED, LegState.FAILED, LegState.LOST)


# The reason a bridge gives for a leg it cannot dial yet: each of its lines (PJSIP calls)
# is in use. The leg waits and is dialled as soon as one is free.
REASON_NO_FREE_LINE = "waiting for a free line on the bridge"


@dataclass(frozen=True, slots=True)
class MixMember:
    """A leg whose audio is up in the bridge, with what decides whom it hears."""

    leg_id: UUID
    advocate: bool = False
    on_hold: bool = False
    muted: bool = False
    consult: bool = False  # "ask first": talks with the advocate alone until joined


Link = tuple[UUID, UUID]
"""(speaker, listener): the listener hears the speaker."""


def who_hears_whom(members: Iterable[MixMember]) -> set[Link]:
    """Every (speaker, listener) pair the bridge should connect.

    A held leg hears nobody and nobody hears it. While someone is in an "ask first"
    consult, the advocate and the consulted talk among themselves, and everyone else
    (the customer first) goes on hearing each other but neither of them. A muted leg
    hears everyone in its group and is heard by no one.
    """
    present = [m for m in members if not m.on_hold]
    consulting = any(m.consult for m in present)
    if consulting:
        groups = [
            [m for m in present if m.consult or m.advocate],
            [m for m in present if not (m.consult or m.advocate)],
        ]
    else:
        groups = [present]
    return {
        (speaker.leg_id, listener.leg_id)
        for group in groups
        for speaker in group
        for listener in group
        if speaker is not listener and not speaker.muted
    }


def dial_address(target: str, domain: str, region: str = "US") -> str:
    """The SIP address a leg is dialled at: a SIP URI as it is, a phone number (any
    spelling) through the company's SIP ``domain``. Raises ``ValueError`` with a reason."""
    text = target.strip()
    if text.lower().startswith(("sip:", "sips:")):
        if not _SIP_URI.match(text):
            raise ValueError(f"“{text}” is not a SIP address like sip:anil@pbx.example.com.")
        return text
    try:
        number = normalize_phone(text, region)
    except InvalidPhoneNumber as error:
        raise ValueError(str(error)) from None
    if not domain:
        raise ValueError("The bridge has no SIP domain to dial phone numbers through.")
    user = number.e164 + (f";ext={number.extension}" if number.extension else "")
    return f"sip:{user}@{domain};user=phone"


def phone_or_sip_address(value: str) -> str | None:
    """A setting naming a phone: nothing, a SIP address, or a number (why not, else)."""
    problem = check_target(value) if value.strip() else None
    return (
        None
        if problem is None
        else "must be a SIP address like sip:maya@pbx.example.com or a phone number"
    )


def check_target(target: str) -> str | None:
    """Why ``target`` cannot be dialled (None: it can): a SIP URI or a phone number."""
    try:
        dial_address(target, "example.com")
    except ValueError as error:
        return str(error)
    return None


def outcome_for(sip_code: int, *, was_connected: bool, timed_out: bool = False) -> CallOutcome:
    """How a leg ended, from its last SIP status code."""
    if was_connected:
        return CallOutcome.CONNECTED
    if timed_out or sip_code in (408, 480):
        return CallOutcome.NO_ANSWER
    if sip_code in (486, 600):
        return CallOutcome.BUSY
    if sip_code == 603:
        return CallOutcome.DECLINED
    if sip_code == 487:
        return CallOutcome.CANCELLED
    return CallOutcome.FAILED
