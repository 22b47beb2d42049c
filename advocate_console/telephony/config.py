"""How the built-in phone is set up: where it listens, whom it registers with, which audio."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True)
class SoftphoneConfig:
    """Everything the SIP engine needs to start. The password comes from the OS keyring."""

    user: str = "advocate"
    display_name: str = ""
    bind_address: str = "0.0.0.0"
    port: int = 5060  # 0: any free port (tests)
    transport: Literal["udp", "tcp"] = "udp"
    registrar: str = ""  # "sip:pbx.example.com"; empty: no registration, peer-to-peer only
    domain: str = ""  # the company's SIP domain: phone numbers are dialled through it
    auth_user: str = ""
    password: str = ""
    register_every_s: int = 300
    retry_registration_s: int = 30
    codecs: tuple[str, ...] = ()  # e.g. ("PCMU/8000/1",): only these, in this order
    ring_timeout_s: float = 30.0  # a dialled resource that rings this long counts as no answer
    null_audio: bool = False  # no sound card: tests, servers
    # Sound devices by name (indices change as headsets come and go); "": system default.
    audio_capture: str = ""
    audio_playback: str = ""
    # "auto": PJSIP, or baresip where PJSIP has no sound device and baresip finds a card.
    engine: Literal["auto", "pjsip", "baresip"] = "auto"
    record_folder: str = ""  # baresip only: every call's audio, both ways, as WAVs here
    threaded: bool = True  # the engine on its own thread, or polled from a Qt timer
    poll_ms: int = 5
    log_level: int = 0
    user_agent: str = "Advocate Console"

    @property
    def local_host(self) -> str:
        """The host part of the console's own address."""
        return self.domain or self.bind_address


def phone_to_sip(phone: str, domain: str) -> str:
    """A phone number (``+15025550101;ext=2114``) as a SIP address through ``domain``."""
    number, _, extension = phone.partition(";ext=")
    user = number + (f";ext={extension}" if extension else "")
    return f"sip:{user}@{domain};user=phone"
