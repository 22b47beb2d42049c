"""The console's conference on the bridge follows its legs as the event stream pushes
them, and polls only while the stream is down. Every part is real and on loopback: the
central API, a bridge process (``advocate-central bridge``), the advocate's and the
customer's SIP phones (a process each), and the console's stream listener."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from advocate_console.api import CentralClient
from advocate_console.api.conferences import ConferenceOut
from advocate_console.central.server import EmbeddedServer
from advocate_console.domain.conference import LegState
from advocate_console.sync.events import EventListener
from advocate_console.telephony.bridge_conference import BridgeConference
from advocate_console.telephony.legs import Leg, LegRole
from tests.plumbing import free_port, need_part

from . import bridge_parts as parts
from .peers import PeerProcess

NEVER_MS = 3_600_000  # a poll interval no test outlasts: what is seen came pushed


class CountedClient(CentralClient):
    """The real client, counting how often the conference is asked for (the poll)."""

    polls: list[uuid.UUID] = []

    def conference(self, conference_id: uuid.UUID) -> ConferenceOut:
        """``GET /conferences/{id}``, counted."""
        CountedClient.polls.append(conference_id)
        return super().conference(conference_id)


@dataclass
class Switchboard:
    """The API, one bridge and the two phones of a call."""

    server: EmbeddedServer
    bridge: parts.BridgeProcess
    maya: PeerProcess
    margaret: PeerProcess


@pytest.fixture(scope="module")
def switchboard(tmp_path_factory) -> Iterator[Switchboard]:
    """The API on a seeded database, a bridge on it, Maya's desk phone, the customer's."""
    from advocate_console.telephony import SIP_AVAILABLE

    need_part(None if SIP_AVAILABLE else "pjsua2 is not installed (pip install -e .[sip])")
    server = parts.central(tmp_path_factory.mktemp("central"))
    bridge = parts.BridgeProcess(server.database_url)
    maya, margaret = PeerProcess("maya", 530), PeerProcess("margaret", 700)
    try:
        yield Switchboard(server, bridge, maya, margaret)
    finally:
        for each in (bridge, maya, margaret):
            each.stop()
        server.stop()


@pytest.fixture
def console(qtbot, switchboard) -> Iterator:
    """Build the console's conference and its stream listener (``stream``: where the
    stream is; None is the server's own); both are stopped, and any conference left on
    hung up, after the test."""
    built: list[tuple[BridgeConference, EventListener]] = []
    CountedClient.polls = []

    def build(*, poll_ms: int, stream: str | None = None) -> BridgeConference:
        url = switchboard.server.url
        signed = parts.signed_in(url)
        token = signed.token
        signed.close()
        conference = BridgeConference(
            lambda: CountedClient(url, token=token, retries=1),
            lambda: switchboard.maya.uri,
            poll_ms=poll_ms,
            safety_poll_ms=NEVER_MS,
        )
        conference.set_customer("Margaret O'Donnell", switchboard.margaret.uri)
        # As the console wires them (advocate_console/pushes.py).
        listener = EventListener(CentralClient(stream or url, token=token, retries=0))
        listener.sig_event.connect(conference.pushed)
        listener.sig_listening.connect(conference.follow_stream)
        built.append((conference, listener))
        listener.start()
        return conference

    yield build
    for conference, listener in built:
        listener.stop()
        conference.stop()
        conference.wait_for_writes()
    client = parts.signed_in(switchboard.server.url)
    for left in client.my_conferences():
        parts.hang_up(client, left.id)
    client.close()
    qtbot.waitUntil(_idle, timeout=10_000)


def _idle() -> bool:
    from advocate_console.tasks import pending_tasks

    return pending_tasks() == 0


def _legs(conference: BridgeConference) -> dict[LegRole, Leg]:
    return {entry.leg.role: entry.leg for entry in conference.legs()}


def _call_goes_its_course(qtbot, conference: BridgeConference, switchboard) -> None:
    """Both phones answer and join; the customer hangs up; the advocate hangs up all."""
    switchboard.maya.forget()
    switchboard.margaret.forget()
    conference.start()
    qtbot.waitUntil(
        lambda: len(legs := _legs(conference)) == 2 and all(leg.joined for leg in legs.values()),
        timeout=20_000,
    )
    switchboard.margaret.send("hangup")  # the bridge sees it end: nobody on the console did
    qtbot.waitUntil(
        lambda: _legs(conference)[LegRole.CUSTOMER].state is LegState.ENDED, timeout=10_000
    )
    assert _legs(conference)[LegRole.ADVOCATE].state is LegState.CONNECTED
    conference.hang_up_all()
    qtbot.waitUntil(lambda: not conference.live, timeout=10_000)
    assert _legs(conference)[LegRole.ADVOCATE].state is LegState.ENDED


def test_leg_changes_and_the_end_reach_the_console_pushed_without_a_poll(
    qtbot, console, switchboard
):
    conference = console(poll_ms=NEVER_MS)
    qtbot.waitUntil(lambda: conference.streaming, timeout=10_000)
    _call_goes_its_course(qtbot, conference, switchboard)
    assert CountedClient.polls == []  # every change, and the end, came on the stream


def test_with_the_stream_refused_the_poll_still_brings_every_change(qtbot, console, switchboard):
    nobody = f"http://127.0.0.1:{free_port()}"  # the stream's connections are refused
    conference = console(poll_ms=200, stream=nobody)
    _call_goes_its_course(qtbot, conference, switchboard)
    assert not conference.streaming
    assert CountedClient.polls  # what the console saw, it asked for


def test_the_running_console_follows_its_conference_on_its_stream(
    qtbot, tmp_path, switchboard, monkeypatch
):
    from advocate_console import console as console_package
    from advocate_console.auth import TokenVault
    from advocate_console.central.demo.accounts import DEMO_PASSWORD, DEMO_USERNAME
    from advocate_console.settings import Settings
    from advocate_console.telephony import bridge_watch

    # The stream's wiring in the console (pushes.py) is all that can bring the changes.
    monkeypatch.setattr(bridge_watch, "SAFETY_POLL_MS", NEVER_MS)
    settings = Settings(
        api_url=switchboard.server.url,
        data_dir=tmp_path,
        dial_mode="bridge",
        conference_leg="phone",
        my_phone=switchboard.maya.uri,
    )
    running = console_package.Console(settings, tmp_path, TokenVault(memory_only=True))
    qtbot.addWidget(running.window)
    try:
        with qtbot.waitSignal(running.sig_ready, timeout=20_000):
            running.open_local()
        with qtbot.waitSignal(running.sync.sig_synced, timeout=30_000):
            running.sign_in_as(switchboard.server.url, DEMO_USERNAME, DEMO_PASSWORD)
        qtbot.waitUntil(lambda: isinstance(running.conference, BridgeConference), timeout=10_000)
        conference = running.conference
        qtbot.waitUntil(lambda: conference.streaming, timeout=10_000)
        conference.set_customer("Margaret O'Donnell", switchboard.margaret.uri)
        _call_goes_its_course(qtbot, conference, switchboard)
    finally:
        running.window.close()
        client = parts.signed_in(switchboard.server.url)
        for left in client.my_conferences():
            parts.hang_up(client, left.id)
        client.close()
