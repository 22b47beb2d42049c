"""Telephony test set-up: real SIP peers on 127.0.0.1, each in its own process.

The tests skip only where pjsua2 is missing and CI is not set; in CI they must run.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from advocate_console.telephony import SIP_AVAILABLE, Softphone, SoftphoneConfig
from tests.plumbing import need_part

from .peers import CODEC, PeerProcess

RING_TIMEOUT_S = 4.0


def console_config(**changes) -> SoftphoneConfig:
    """The console's phone as tests run it: loopback, any port, no sound card, PCMU."""
    values = dict(
        user="advocate",
        display_name="Maya Castellanos",
        bind_address="127.0.0.1",
        port=0,
        null_audio=True,
        codecs=(CODEC,),
        ring_timeout_s=RING_TIMEOUT_S,
    )
    return SoftphoneConfig(**(values | changes))


@pytest.fixture
def sip() -> None:
    """Skips the test where pjsua2 is missing, unless CI is set: there it must run."""
    need_part(None if SIP_AVAILABLE else "pjsua2 is not installed (pip install -e .[sip])")


@pytest.fixture
def peers(sip) -> Iterator[dict[str, PeerProcess]]:
    """A place to start peers in; every one is stopped after the test."""
    started: dict[str, PeerProcess] = {}
    yield started
    for peer in started.values():
        peer.stop()


@pytest.fixture
def softphone(qtbot, sip) -> Iterator[Softphone]:
    """The console's phone, started; stopped (and PJSIP destroyed) after the test."""
    phone = Softphone(console_config())
    with qtbot.waitSignal(phone.sig_ready, timeout=20_000):
        phone.start()
    yield phone
    phone.stop()
