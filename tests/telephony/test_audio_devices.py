"""Choosing the built-in phone's microphone and speaker by name, on real PJSUA2.

This machine has no sound card, and the pjsua2-python wheel may list no device at all
(enumDev2 is empty here); PJSIP's null device is what remains. The tests below check what
the phone does with whatever it finds: each listed device can be chosen by its name, a
device that is gone falls back to the default with the name reported, and with no device
at all calls still connect, on the null device.
"""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt

from advocate_console.telephony import AudioChoice, AudioDevice, LegState, Softphone
from advocate_console.telephony.legs import pick_device

from .conftest import console_config
from .peers import PeerProcess

HEADSET = AudioDevice(3, "Jabra Evolve2 65", "ALSA", inputs=1, outputs=2)
SPEAKERS = AudioDevice(4, "Built-in Audio Analog Stereo", "ALSA", inputs=0, outputs=2)
WEBCAM_MIC = AudioDevice(5, "HD Webcam C615", "ALSA", inputs=1, outputs=0)
DEVICES = [HEADSET, SPEAKERS, WEBCAM_MIC]


# -- picking by name (plain values) ---------------------------------------------------------


def test_a_device_is_found_by_its_name_for_what_it_can_do():
    assert pick_device(DEVICES, "Jabra Evolve2 65", capture=True) is HEADSET
    assert pick_device(DEVICES, "HD Webcam C615", capture=True) is WEBCAM_MIC
    assert pick_device(DEVICES, "HD Webcam C615", capture=False) is None  # cannot play
    assert pick_device(DEVICES, "Built-in Audio Analog Stereo", capture=False) is SPEAKERS


def test_names_match_ignoring_case_and_stray_spaces_when_nothing_matches_exactly():
    assert pick_device(DEVICES, " jabra evolve2 65 ", capture=False) is HEADSET


def test_an_empty_name_or_a_gone_device_is_none_the_default():
    assert pick_device(DEVICES, "", capture=True) is None
    assert pick_device(DEVICES, "Plantronics Blackwire", capture=True) is None


# -- on real PJSUA2 ------------------------------------------------------------------------


class AudioLog:
    """Every AudioChoice the phone reported, and the thread it was made on."""

    def __init__(self, phone: Softphone) -> None:
        self.choices: list[AudioChoice] = []
        self.threads: list[str] = []
        phone.sig_audio_changed.connect(self._seen)
        # Direct: runs where the engine emits, which is where PJSIP was called.
        phone.sig_audio_changed.connect(self._thread, Qt.ConnectionType.DirectConnection)

    def _seen(self, choice: AudioChoice) -> None:
        self.choices.append(choice)

    def _thread(self, _choice: AudioChoice) -> None:
        self.threads.append(threading.current_thread().name)


def start(qtbot, phone: Softphone) -> None:
    with qtbot.waitSignal(phone.sig_ready, timeout=20_000):
        phone.start()


@pytest.fixture
def sound_phone(qtbot, sip):
    """A phone started as the console starts it: real sound devices, not the null one."""
    phones: list[Softphone] = []

    def make(**config) -> tuple[Softphone, AudioLog]:
        phone = Softphone(console_config(null_audio=False, **config))
        log = AudioLog(phone)
        phones.append(phone)
        start(qtbot, phone)
        qtbot.waitUntil(lambda: bool(log.choices), timeout=10_000)
        return phone, log

    yield make
    for phone in phones:
        phone.stop()


def test_a_named_device_that_is_gone_falls_back_to_the_default_and_says_so(qtbot, sound_phone):
    _phone, log = sound_phone(audio_capture="Plantronics Blackwire", audio_playback="Jabra 65")
    [choice] = log.choices
    assert choice.missing_capture == "Plantronics Blackwire"
    assert choice.missing_playback == "Jabra 65"
    assert choice.fell_back
    assert (choice.capture, choice.playback) == ("", "")  # the default, or none at all
    has_sound = any(d.inputs for d in choice.devices) and any(d.outputs for d in choice.devices)
    assert choice.no_device is not has_sound
    assert log.threads == ["sip-phone"]


def test_every_listed_device_can_be_chosen_by_name_while_running(qtbot, sound_phone):
    phone, log = sound_phone()
    with qtbot.waitSignal(phone.sig_audio_devices, timeout=10_000) as listed:
        phone.request_audio_devices()
    devices: list[AudioDevice] = listed.args[0]
    assert devices == list(log.choices[0].devices)
    microphones = [d for d in devices if d.inputs]
    speakers = [d for d in devices if d.outputs]
    for microphone, speaker in zip(microphones, speakers, strict=False):
        with qtbot.waitSignal(phone.sig_audio_changed, timeout=10_000) as changed:
            phone.use_audio_devices(microphone.name, speaker.name)
        choice: AudioChoice = changed.args[0]
        assert (choice.capture, choice.playback) == (microphone.name, speaker.name)
        assert not choice.fell_back
    # Back to the system default (what a machine without sound devices ends up on too).
    with qtbot.waitSignal(phone.sig_audio_changed, timeout=10_000) as changed:
        phone.use_audio_devices("", "")
    choice = changed.args[0]
    assert not choice.fell_back
    assert choice.no_device is not (bool(microphones) and bool(speakers))
    assert phone.config.audio_capture == ""  # kept for the next start
    assert set(log.threads) == {"sip-phone"}


def test_a_change_while_stopped_is_refused_and_kept_for_the_next_start(qtbot, sip):
    phone = Softphone(console_config(null_audio=False))
    with qtbot.waitSignal(phone.sig_problem, timeout=5_000):
        phone.use_audio_devices("Plantronics Blackwire", "")
    log = AudioLog(phone)
    start(qtbot, phone)
    try:
        qtbot.waitUntil(lambda: bool(log.choices), timeout=10_000)
        assert log.choices[0].missing_capture == "Plantronics Blackwire"
    finally:
        phone.stop()


def test_after_falling_back_calls_still_connect(qtbot, sound_phone, peers):
    phone, log = sound_phone(audio_capture="Plantronics Blackwire")
    assert log.choices[0].fell_back
    curtis = peers["curtis"] = PeerProcess("curtis", 1100)
    legs: dict[int, LegState] = {}
    phone.sig_leg_changed.connect(lambda leg: legs.__setitem__(leg.leg_id, leg.state))
    leg = phone.dial(curtis.uri, "Curtis Bramwell")
    qtbot.waitUntil(lambda: legs.get(leg) is LegState.CONNECTED, timeout=20_000)
    phone.hang_up(leg)
    qtbot.waitUntil(lambda: legs.get(leg) is LegState.ENDED, timeout=20_000)
