"""This computer's phone on baresip (Linux, where the PyPI PJSIP has no sound): baresip's
sine source stands in for the microphone and its sndfile module records what the
advocate's side hears, as a sound card would play it."""

from __future__ import annotations

from pathlib import Path

import pytest

from advocate_console.telephony import LegState, Softphone
from advocate_console.telephony.baresip_control import baresip_available
from tests.plumbing import need_part

from .conftest import console_config
from .peers import PeerProcess
from .tones import heard

ADVOCATE, CUSTOMER, NOBODY = 530, 700, 2300


@pytest.fixture
def baresip_phone(qtbot, sip, tmp_path):
    """The console's phone on baresip: a 530 Hz tone for a microphone, calls recorded."""
    need_part(
        None if baresip_available() else "baresip is not installed (apt-get install baresip-core)"
    )
    phone = Softphone(
        console_config(
            engine="baresip",
            null_audio=False,
            audio_capture=f"ausine,{ADVOCATE}",
            audio_playback="alsa,null",
            record_folder=str(tmp_path),
        )
    )
    with qtbot.waitSignal(phone.sig_ready, timeout=20_000):
        phone.start()
    yield phone
    phone.stop()


def heard_by_the_advocate(folder: Path) -> dict[int, bool]:
    """What baresip decoded from the far end (what the headset would play)."""
    [decoded] = folder.glob("dump-*-dec.wav")
    return heard(decoded, [ADVOCATE, CUSTOMER], quiet=NOBODY)


def test_the_advocate_hears_the_customer_and_is_heard_on_baresip(
    qtbot, baresip_phone, peers, tmp_path
):
    phone = baresip_phone
    assert phone.engine_name == "baresip"
    assert phone.audio is not None and phone.audio.engine == "baresip"
    legs: dict[int, object] = {}
    phone.sig_leg_changed.connect(lambda leg: legs.__setitem__(leg.leg_id, leg))
    customer = peers["customer"] = PeerProcess("margaret", CUSTOMER)
    with qtbot.waitSignal(phone.sig_incoming_call, timeout=20_000) as ringing:
        customer.send(f"call {phone.address}")
    leg = ringing.args[0]
    assert leg.caller.number == "margaret"
    phone.answer(leg.leg_id)
    qtbot.waitUntil(lambda: legs[leg.leg_id].state is LegState.CONNECTED, timeout=20_000)
    customer.record(tmp_path / "customer.wav")
    qtbot.wait(1500)  # audio time for the measurement, not a wait for an event
    customer.finish_recording()
    phone.hang_up(leg.leg_id)
    qtbot.waitUntil(lambda: legs[leg.leg_id].state is LegState.ENDED, timeout=20_000)

    assert heard_by_the_advocate(tmp_path) == {ADVOCATE: False, CUSTOMER: True}
    assert heard(tmp_path / "customer.wav", [ADVOCATE, CUSTOMER], quiet=NOBODY) == {
        ADVOCATE: True,
        CUSTOMER: False,
    }


def test_a_second_call_is_refused_with_the_reason_and_the_first_goes_on(
    qtbot, baresip_phone, peers
):
    phone = baresip_phone
    legs: dict[int, object] = {}
    phone.sig_leg_changed.connect(lambda leg: legs.__setitem__(leg.leg_id, leg))
    anil = peers["anil"] = PeerProcess("anil", 1170)
    first = phone.dial(anil.uri, "Anil")
    qtbot.waitUntil(
        lambda: legs.get(first) and legs[first].state is LegState.CONNECTED, timeout=20_000
    )
    second = phone.dial("sip:dana@127.0.0.1:9", "Dana")
    qtbot.waitUntil(lambda: legs.get(second) and legs[second].state is LegState.FAILED)
    assert "one call at a time" in legs[second].reason
    assert legs[first].state is LegState.CONNECTED
    phone.hang_up_all()
    qtbot.waitUntil(lambda: legs[first].state is LegState.ENDED, timeout=20_000)


def test_the_settings_show_baresip_and_its_devices(qtbot, baresip_phone):
    from advocate_console.settings import Settings, SettingsLayers
    from advocate_console.tasks import pending_tasks
    from advocate_console.ui.settings_dialog import SettingsDialog

    qtbot.waitUntil(lambda: baresip_phone.audio is not None)
    dialog = SettingsDialog(SettingsLayers.of(Settings()), phone=baresip_phone, list_printers=list)
    qtbot.addWidget(dialog)
    assert dialog.form.notes["audio_playback"].text() == (
        f"This computer's phone: baresip: microphone ausine,{ADVOCATE}, speaker alsa,null."
    )
    qtbot.waitUntil(lambda: pending_tasks() == 0)
