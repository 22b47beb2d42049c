"""Starting a conference on the bridge, the bridge ringing the advocate's own phone, and
calling the customer back when the bridge is gone: the parts of
:class:`~advocate_console.telephony.bridge_conference.BridgeConference` that run on a
worker or deal with this computer's phone."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from uuid import UUID

from advocate_console.api import CentralClient
from advocate_console.api.conferences import ConferenceOut, NewConference
from advocate_console.store.resources import DialContext

from .config import phone_to_sip
from .legs import CallerId, ConferenceLeg, Leg, LegState
from .softphone import Softphone


class NoNumber(ValueError):
    """The customer has no number for the bridge to call back; the message says so."""


@dataclass(frozen=True)
class StartRequest:
    """Starting a conference, on a worker: whom to call back is read there when needed."""

    context: DialContext
    advocate: str
    known: tuple[str, str] | None
    find: Callable[[UUID], tuple[str, str] | None] | None
    joins: str
    no_number: str  # worded on the UI thread

    def send(self, api: CentralClient) -> tuple[ConferenceOut, tuple[str, str]]:
        """POST the conference; returns it with the customer it calls."""
        name, number = self.known or ("", "")
        if not self.known and self.find is not None and self.context.customer_id is not None:
            name, number = self.find(self.context.customer_id) or ("", "")
        if self.joins == "callback" and not number:
            raise NoNumber(self.no_number)
        body = NewConference(
            case_id=self.context.case_id,
            advocate_phone=self.advocate,
            customer=number or None,
            customer_name=name,
            customer_joins="transfer" if self.joins == "transfer" else "callback",
        )
        return api.start_conference(body), (name, number)


def call_from_own_phone(
    phone: Softphone | None, open_url: Callable[[str], bool], name: str, number: str
) -> bool:
    """Dial ``number`` on this computer's phone, else hand it to the phone app."""
    if phone is not None and phone.running and (":" in number or phone.config.domain):
        phone.dial(number if ":" in number else phone_to_sip(number, phone.config.domain), name)
        return True
    return open_url(number if ":" in number else f"tel:{number}")


def bridge_rings_advocate(leg: Leg, starting: bool, advocate: ConferenceLeg | None) -> bool:
    """True when the call ringing this computer's phone is the bridge calling for the
    advocate's own leg, while that leg is being started or rung."""
    user = (leg.caller or CallerId(leg.remote_uri)).number
    from_bridge = user == "bridge" or user.startswith("conf-")
    expected = starting or (
        advocate is not None and advocate.leg.state in (LegState.DIALING, LegState.RINGING)
    )
    return from_bridge and expected
