"""Where the built-in phone listens is a setting: every address and port 5060 unless IT or
the advocate says otherwise, checked like every other setting, and used by the phone."""

from __future__ import annotations

from dataclasses import replace

from advocate_console.settings import Settings, load_layers
from advocate_console.tasks import pending_tasks
from advocate_console.telephony import Softphone
from advocate_console.ui.conference_phone import softphone_config
from tests.plumbing import free_port


def test_the_phone_listens_on_every_address_at_port_5060_by_default():
    settings = Settings()
    config = softphone_config(settings, "Maya Castellanos", "")
    assert (config.bind_address, config.port) == ("0.0.0.0", 5060)


def test_a_wrong_address_or_port_is_left_out_naming_its_line(tmp_path):
    user = tmp_path / "user.toml"
    user.write_text('sip_listen_address = "my laptop"\nsip_listen_port = 70000\n')
    layers = load_layers(user, tmp_path / "managed.toml")
    assert (layers.settings.sip_listen_address, layers.settings.sip_listen_port) == (
        "0.0.0.0",
        5060,
    )
    problems = {problem.line: problem.message for problem in layers.problems}
    assert "must be an IP address" in problems[1]
    assert "must be a port number" in problems[2]


def test_the_phone_listens_where_the_settings_say(qtbot, sip):
    port = free_port()
    settings = Settings(sip_user="maya", sip_listen_address="127.0.0.1", sip_listen_port=port)
    phone = Softphone(replace(softphone_config(settings, "Maya Castellanos", ""), null_audio=True))
    try:
        with qtbot.waitSignal(phone.sig_ready, timeout=20_000) as ready:
            phone.start()
        assert ready.args[0].endswith(f"@127.0.0.1:{port}")
    finally:
        phone.stop()


def test_the_settings_say_which_engine_and_sound_the_phone_has_and_warn_without_any(qtbot, sip):
    from advocate_console.settings import SettingsLayers
    from advocate_console.ui.settings_dialog import SettingsDialog

    from .conftest import console_config

    phone = Softphone(console_config(null_audio=False))
    with qtbot.waitSignal(phone.sig_ready, timeout=20_000):
        phone.start()
    qtbot.waitUntil(lambda: phone.audio is not None, timeout=10_000)
    try:
        settings = Settings(dial_mode="bridge", my_phone="+1 502 555 0144")
        dialog = SettingsDialog(SettingsLayers.of(settings), phone=phone, list_printers=list)
        qtbot.addWidget(dialog)
        text = dialog.form.notes["audio_playback"].text()
        assert text.startswith("This computer's phone: PJSIP, with no sound device")
        assert "conferences will ring your phone at +1 502 555 0144" in text
        qtbot.waitUntil(lambda: pending_tasks() == 0)
    finally:
        phone.stop()
