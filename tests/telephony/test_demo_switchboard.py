"""The demo's phone system: its bridge and simulated phones start as processes of their
own, answer with spoken greetings heard through the bridge, every other resource is a
busy line, and without espeak-ng the demo says so and answers with tones."""

from __future__ import annotations

import shutil
import time
import wave
from array import array

from advocate_console.api.conferences import NewLeg
from advocate_console.central.bridge.demo import PAUSE_S, DemoSwitchboard, make_greeting
from advocate_console.domain import CallOutcome
from advocate_console.domain.conference import LegState
from advocate_console.settings import Settings
from tests.plumbing import need_part

from . import bridge_parts as parts
from .peers import PeerProcess

ESPEAK = shutil.which("espeak-ng")


def _loudness(path, skip_s: float = 0.5) -> float:
    with wave.open(str(path), "rb") as wav:
        rate = wav.getframerate()
        values = array("h", wav.readframes(wav.getnframes()))[int(skip_s * rate) :]
    return (sum(v * v for v in values) / max(len(values), 1)) ** 0.5 / 32768


def test_a_greeting_is_spoken_then_a_pause(tmp_path):
    need_part(None if ESPEAK else "espeak-ng is not installed (apt-get install espeak-ng)")
    path = tmp_path / "anil.wav"
    assert make_greeting(ESPEAK, "Anil Varghese, product engineering.", path)
    with wave.open(str(path), "rb") as wav:
        seconds = wav.getnframes() / wav.getframerate()
        tail = array("h", wav.readframes(wav.getnframes()))[-int(PAUSE_S * wav.getframerate()) :]
    assert seconds > PAUSE_S + 1.0  # speech, then the pause
    assert not any(tail)


def test_without_espeak_the_demo_says_so_and_still_conferences(qtbot, tmp_path):
    from advocate_console.ui.conference_phone import demo_phones
    from advocate_console.ui.main_window import MainWindow

    assert make_greeting(None, "Hello", tmp_path / "x.wav") is False
    board = DemoSwitchboard(tmp_path, "sqlite:///unused", espeak=None)
    board.problems.append("no_espeak")  # what start() notes, before any process runs
    board.desk_phone = "sip:desk@127.0.0.1:5999"
    window = MainWindow()
    qtbot.addWidget(window)
    settings = demo_phones(Settings(), board, window)
    assert (settings.dial_mode, settings.conference_leg, settings.my_phone) == (
        "bridge",
        "phone",
        "sip:desk@127.0.0.1:5999",
    )
    assert "espeak-ng is not installed" in window.statusBar().currentMessage()


def test_the_demo_bridge_rings_the_desk_then_the_customer_and_resources_greet(tmp_path, sip):
    need_part(None if ESPEAK else "espeak-ng is not installed (apt-get install espeak-ng)")
    server = parts.central(tmp_path)
    board = DemoSwitchboard(tmp_path, server.database_url)
    listener = PeerProcess("listener", 2300)
    try:
        assert board.start(), board.problems
        assert board.problems == []
        client = parts.signed_in(server.url)
        conference = parts.start(client, board.desk_phone, "+1 (502) 555-0199")
        conference = parts.wait_for(client, conference.id, lambda c: parts.all_joined(c, 2))
        resources = {r.name: r for r in _resources(client)}
        client.add_leg(conference.id, NewLeg(resource_id=resources["Dr. Anil Varghese"].id))
        client.add_leg(conference.id, NewLeg(resource_id=resources["Kirsten Halloran"].id))
        client.add_leg(conference.id, NewLeg(target=listener.uri, label="Listener"))
        conference = parts.wait_for(
            client,
            conference.id,
            lambda c: (
                len(c.legs) == 5
                and all(leg.joined for leg in c.legs if leg.label != "Kirsten Halloran")
                and not c.legs[3].state.is_live
            ),
            timeout=45,  # four calls, three greetings spoken by espeak-ng: slow in a full run
        )
        kirsten = parts.leg_of(conference, "Kirsten Halloran")
        assert (kirsten.state, kirsten.outcome) == (LegState.FAILED, CallOutcome.BUSY)
        listener.record(tmp_path / "heard.wav")
        time.sleep(2.5)  # audio time: the greetings loop with a pause
        listener.finish_recording()
        assert _loudness(tmp_path / "heard.wav") > 0.02  # voices, not silence
        parts.hang_up(client, conference.id)
    finally:
        listener.stop()
        board.stop()
        server.stop()


def _resources(client):
    import requests

    answer = requests.get(
        f"{client.base_url}/api/v1/resources",
        params={"limit": 100},
        headers={"Authorization": f"Bearer {client.token}"},
        timeout=10,
    )
    from advocate_console.domain import Resource

    return [Resource.model_validate(item) for item in answer.json()["items"]]
