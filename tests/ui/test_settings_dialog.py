"""The settings dialog, driven from the keyboard as an advocate would (pytest-qt, offscreen).

Real parts: the files on disk, a real Secret Service for the SIP password, a real PJSUA2
phone for the sound devices.
"""

from __future__ import annotations

import tomllib
from dataclasses import replace

import keyring.backends.fail
import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QComboBox, QDialog, QLabel, QLineEdit, QWidget

from advocate_console.auth import SipPasswords, TokenVault
from advocate_console.console import Console
from advocate_console.settings import SIP_PASSWORD_SERVICE, load_layers
from advocate_console.tasks import pending_tasks
from advocate_console.telephony import SIP_AVAILABLE, Softphone
from advocate_console.ui.settings_dialog import PASSWORD, SettingsDialog

MANAGED = """\
locked = ["api_url", "dial_mode", "card_stock"]
api_url = "https://advocates.example.com"
dial_mode = "sip"
sip_registrar = "sip:pbx.example.com"
card_stock = "a7-flat"
default_printer = "CardPrinter"
"""


@pytest.fixture
def files(tmp_path):
    user, managed = tmp_path / "settings.toml", tmp_path / "managed.toml"
    managed.write_text(MANAGED, encoding="utf-8")
    user.write_text('# mine\nsip_user = "maya"\nweather = "sunny"\n', encoding="utf-8")
    return user, managed


@pytest.fixture
def open_dialog(qtbot, files):
    """A dialog over the test files; waits for its background look-ups to finish."""

    def make(**options) -> SettingsDialog:
        options.setdefault("list_printers", lambda: ["CardPrinter", "HomeInkjet"])
        dialog = SettingsDialog(load_layers(*files), **options)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitUntil(lambda: pending_tasks() == 0)
        return dialog

    return make


def save(qtbot, dialog: SettingsDialog):
    """Press Enter (Save) and wait for the worker to finish."""
    qtbot.keyClick(dialog.save_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.saving and pending_tasks() == 0, timeout=10_000)


def test_locked_settings_are_disabled_marked_and_explained(open_dialog):
    dialog = open_dialog()
    for key in ("api_url", "dial_mode", "card_stock"):
        control = dialog.controls[key]
        assert not control.isEnabled(), key
        assert control.toolTip() == "Set by your IT department"
        assert not dialog.locks[key].isHidden()
        assert dialog.locks[key].toolTip() == "Set by your IT department"
        assert not dialog.locks[key].pixmap().isNull()
    assert dialog.value("api_url") == "https://advocates.example.com"
    assert dialog.value("card_stock") == "a7-flat"
    assert dialog.locks["sip_user"].isHidden()
    assert dialog.controls["sip_user"].isEnabled()
    # An unlocked value from IT is a default, said so next to it.
    assert dialog.value("sip_registrar") == "sip:pbx.example.com"
    assert "IT department's default" in dialog.notes["sip_registrar"].text()
    assert "managed.toml" in dialog.where.text()


def test_every_control_is_named_and_reachable_from_the_keyboard(open_dialog):
    dialog = open_dialog()
    for key, control in dialog.controls.items():
        assert control.accessibleName(), key
        assert control.focusPolicy() & Qt.FocusPolicy.TabFocus, key
    for label in dialog.findChildren(QLabel):
        if "&" in label.text():
            assert label.buddy() is not None, label.text()
    for widget in dialog.findChildren(QWidget):
        if isinstance(widget, (QLineEdit, QComboBox)) and widget.parent() is not None:
            assert widget.accessibleName() or isinstance(widget.parent(), QComboBox), widget
    assert dialog.focusWidget() is dialog.controls["ca_bundle"]  # the first unlocked field


def test_saving_writes_only_what_changed_and_keeps_the_rest_of_the_file(qtbot, open_dialog, files):
    user, _managed = files
    dialog = open_dialog()
    dialog.controls["default_region"].setText("gb")
    dialog.controls["sip_user"].setText("maya.c")
    with qtbot.waitSignal(dialog.sig_saved, timeout=10_000) as saved:
        save(qtbot, dialog)
    written = tomllib.loads(user.read_text(encoding="utf-8"))
    assert written == {
        "schema_version": 1,
        "sip_user": "maya.c",
        "weather": "sunny",
        "default_region": "GB",
    }
    assert user.read_text(encoding="utf-8").startswith("# mine\n")
    layers = saved.args[0]
    assert layers.settings.default_region == "GB"
    # A new SIP user registers at the next start: the dialog stays to say so.
    assert dialog.isVisible()
    assert "Restart Advocate Console" in dialog.status.text()
    assert "SIP user" in dialog.status.text()
    assert "Default region" not in dialog.status.text()  # applied at once
    assert dialog.save_button.isHidden() and dialog.cancel_button.text() == "Close"


def test_changes_that_apply_at_once_close_the_dialog(qtbot, open_dialog, files):
    dialog = open_dialog()
    combo: QComboBox = dialog.controls["default_printer"]
    combo.setCurrentIndex(combo.findData("HomeInkjet"))
    dialog.controls["update_channel"].setCurrentText("beta")
    with qtbot.waitSignal(dialog.sig_saved, timeout=10_000):
        save(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted and not dialog.isVisible()
    layers = load_layers(*files)
    assert layers.settings.default_printer == "HomeInkjet"
    assert layers.settings.update_channel == "beta"


def test_choosing_it_s_default_again_takes_the_users_value_out(qtbot, open_dialog, files):
    user, _ = files
    text = user.read_text(encoding="utf-8") + 'default_printer = "HomeInkjet"\n'
    user.write_text(text, encoding="utf-8")
    dialog = open_dialog()
    combo: QComboBox = dialog.controls["default_printer"]
    combo.setCurrentIndex(combo.findData("CardPrinter"))  # IT's default
    save(qtbot, dialog)
    assert "default_printer" not in tomllib.loads(user.read_text(encoding="utf-8"))
    assert load_layers(*files).source("default_printer") == "managed"


def test_a_bad_value_is_explained_next_to_its_field_and_nothing_is_saved(qtbot, open_dialog, files):
    user, _ = files
    before = user.read_text(encoding="utf-8")
    dialog = open_dialog()
    dialog.controls["sip_registrar"].setText("pbx.example.com")
    dialog.controls["update_channel"].setCurrentText("Beta Channel!")
    dialog.tabs.setCurrentIndex(2)
    qtbot.keyClick(dialog.save_button, Qt.Key.Key_Return)
    assert not dialog.saving
    problem = dialog.problems["sip_registrar"]
    assert not problem.isHidden() and "sip:pbx.example.com" in problem.text()
    assert "stable or beta" in dialog.problems["update_channel"].text()
    # Taken to the first problem in the dialog's order: the update channel, on General.
    assert dialog.tabs.currentIndex() == 0
    assert dialog.focusWidget() is dialog.controls["update_channel"]
    assert user.read_text(encoding="utf-8") == before
    dialog.controls["update_channel"].setCurrentText("beta")
    dialog.save()
    assert dialog.tabs.currentIndex() == 1  # then to the SIP registrar, on Phone
    assert dialog.focusWidget() is dialog.controls["sip_registrar"]
    assert dialog.problems["update_channel"].isHidden()
    dialog.controls["sip_registrar"].setText("sip:pbx.example.com")
    save(qtbot, dialog)
    assert dialog.problems["sip_registrar"].isHidden()


def test_plain_http_is_refused_except_on_this_computer(qtbot, files, tmp_path):
    user, _ = files
    dialog = SettingsDialog(load_layers(user, tmp_path / "none.toml"), list_printers=list)
    qtbot.addWidget(dialog)
    dialog.controls["api_url"].setText("http://advocates.example.com")
    dialog.save()
    assert "https://" in dialog.problems["api_url"].text()
    dialog.controls["api_url"].setText("http://127.0.0.1:8765")
    with qtbot.waitSignal(dialog.sig_saved, timeout=10_000):
        dialog.save()


def test_a_missing_ca_bundle_is_found_off_the_ui_thread_and_shown_next_to_it(
    qtbot, open_dialog, tmp_path
):
    dialog = open_dialog()
    dialog.controls["ca_bundle"].setText(str(tmp_path / "no-such-ca.pem"))
    save(qtbot, dialog)
    assert dialog.problems["ca_bundle"].text() == "There is no file at this path."
    bundle = tmp_path / "corp-ca.pem"
    bundle.write_text("-----BEGIN CERTIFICATE-----\n", encoding="ascii")
    dialog.controls["ca_bundle"].setText(str(bundle))
    with qtbot.waitSignal(dialog.sig_saved, timeout=10_000) as saved:
        save(qtbot, dialog)
    assert saved.args[0].settings.ca_bundle == str(bundle)


def test_the_sip_password_goes_to_the_keyring_never_to_the_file(
    qtbot, open_dialog, files, secret_service
):
    user, _ = files
    passwords = SipPasswords(secret_service)
    dialog = open_dialog(passwords=passwords)
    field = dialog.controls[PASSWORD]
    assert field.echoMode() == QLineEdit.EchoMode.Password
    assert field.placeholderText() == "Not saved yet"
    field.setText("s3cret-sip")
    with qtbot.waitSignal(dialog.sig_saved, timeout=10_000):
        save(qtbot, dialog)
    assert secret_service.get_password(SIP_PASSWORD_SERVICE, "maya") == "s3cret-sip"
    assert "s3cret-sip" not in user.read_text(encoding="utf-8")
    assert field.text() == ""
    assert "keyring" in field.placeholderText()
    assert "SIP password" in dialog.status.text()  # the phone registers with it at restart

    again = open_dialog(passwords=passwords)
    assert again.controls[PASSWORD].placeholderText().startswith("Saved in the keyring")


def test_without_a_secure_keyring_the_password_cannot_be_typed(open_dialog):
    dialog = open_dialog(passwords=SipPasswords(keyring.backends.fail.Keyring()))
    assert not dialog.controls[PASSWORD].isEnabled()
    assert "No secure keyring" in dialog.controls[PASSWORD].placeholderText()


def test_a_password_needs_a_sip_user(qtbot, tmp_path, secret_service):
    dialog = SettingsDialog(
        load_layers(tmp_path / "u.toml", tmp_path / "m.toml"),
        passwords=SipPasswords(secret_service),
        list_printers=list,
    )
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: pending_tasks() == 0)
    dialog.controls[PASSWORD].setText("s3cret")
    dialog.save()
    assert "SIP user first" in dialog.problems[PASSWORD].text()


def test_a_printer_that_is_gone_is_kept_and_marked(open_dialog, files):
    user, _ = files
    user.write_text('default_printer = "Upstairs Laser"\n', encoding="utf-8")
    dialog = open_dialog()
    combo: QComboBox = dialog.controls["default_printer"]
    assert combo.currentData() == "Upstairs Laser"
    assert combo.currentText() == "Upstairs Laser (not available)"
    assert [combo.itemData(i) for i in range(combo.count())] == [
        "",
        "CardPrinter",
        "HomeInkjet",
        "Upstairs Laser",
    ]


def test_problems_in_the_files_are_shown_at_the_top(open_dialog, files):
    user, _ = files
    user.write_text('sip_user = "maya"\napi_url = "https://elsewhere.example.org"\n')
    dialog = open_dialog()
    assert not dialog.file_problems.isHidden()
    assert "line 2" in dialog.file_problems.text()
    assert "IT department" in dialog.file_problems.text()


def test_a_broken_user_file_is_replaced_and_kept_beside(qtbot, open_dialog, files):
    user, _ = files
    user.write_text("sip_user = maya\n", encoding="utf-8")
    dialog = open_dialog()
    assert "settings.toml.bak" in dialog.file_problems.text()
    dialog.controls["sip_user"].setText("maya")
    with qtbot.waitSignal(dialog.sig_saved, timeout=10_000) as saved:
        save(qtbot, dialog)
    assert saved.args[0].problems == ()
    assert (user.parent / "settings.toml.bak").read_text() == "sip_user = maya\n"


@pytest.mark.skipif(not SIP_AVAILABLE, reason="pjsua2 is not installed")
def test_sound_devices_come_from_the_running_phone(qtbot, open_dialog, files):
    from tests.telephony.conftest import console_config

    user, _ = files
    user.write_text('audio_capture = "Jabra Evolve2 65"\n', encoding="utf-8")
    phone = Softphone(console_config(null_audio=False))
    with qtbot.waitSignal(phone.sig_ready, timeout=20_000):
        phone.start()
    try:
        dialog = open_dialog(phone=phone)
        with qtbot.waitSignal(phone.sig_audio_devices, timeout=10_000) as listed:
            phone.request_audio_devices()
        qtbot.waitUntil(lambda: pending_tasks() == 0)
        devices = listed.args[0]
        combo: QComboBox = dialog.controls["audio_capture"]
        names = [combo.itemData(i) for i in range(combo.count())]
        assert names == ["", *[d.name for d in devices if d.inputs], "Jabra Evolve2 65"]
        assert combo.currentText() == "Jabra Evolve2 65 (not connected)"
        combo.setCurrentIndex(0)  # back to the system default
        with qtbot.waitSignal(dialog.sig_saved, timeout=10_000):
            save(qtbot, dialog)
        assert "audio_capture" not in tomllib.loads(user.read_text(encoding="utf-8"))
    finally:
        phone.stop()


# -- in the console ------------------------------------------------------------------------


@pytest.fixture
def console(qtbot, tmp_path, files):
    running = Console(
        load_layers(*files).settings,
        tmp_path,
        TokenVault(memory_only=True),
        QSettings(str(tmp_path / "qsettings.ini"), QSettings.Format.IniFormat),
        layers=load_layers(*files),
    )
    running._sip_passwords = SipPasswords(keyring.backends.fail.Keyring())
    qtbot.addWidget(running.window)
    running.window.show()
    yield running
    running.window.close()
    qtbot.waitUntil(lambda: pending_tasks() == 0, timeout=10_000)


def test_ctrl_comma_opens_the_settings(qtbot, console):
    assert console.window.settings_action.shortcut().toString() == "Ctrl+,"
    console.window.settings_action.trigger()
    qtbot.waitUntil(lambda: console.settings_dialog is not None)
    assert console.settings_dialog.isVisible()
    assert console.settings_dialog.layers is console.layers


def test_problems_in_the_files_show_in_the_status_bar_until_fixed(qtbot, tmp_path, files):
    user, managed = files
    managed.write_text('locked = ["api_url"\n', encoding="utf-8")
    user.write_text(
        'default_region = "Narnia"\nsip_user = "maya"\naudio_capture = "Jabra"\n',
        encoding="utf-8",
    )
    layers = load_layers(*files)
    console = Console(layers.settings, tmp_path, TokenVault(memory_only=True), layers=layers)
    qtbot.addWidget(console.window)
    with qtbot.waitSignal(console.sig_ready, timeout=20_000):
        console.open_local()
    notice = console.settings_notice
    assert not notice.isHidden()
    assert notice.text() == "⚠ Settings: 2 problems"
    assert "managed.toml, line 1" in notice.toolTip()
    assert "until IT fixes this file" in notice.toolTip()
    assert "settings.toml, line 1" in notice.toolTip()
    message = console.window.statusBar().currentMessage()
    assert "managed.toml, line 1" in message and "1 more" in message
    with qtbot.waitSignal(console.settings_notice.sig_open_requested):
        notice.click()
    dialog = console.settings_dialog
    assert dialog is not None
    assert not dialog.controls["default_region"].isEnabled()  # held while IT's file is broken
    managed.write_text(MANAGED, encoding="utf-8")  # IT fixed theirs
    dialog.controls["audio_capture"].setCurrentIndex(0)  # the advocate's own: never locked
    with qtbot.waitSignal(dialog.sig_saved, timeout=10_000):
        save(qtbot, dialog)
    assert notice.text() == "⚠ Settings: 1 problem"  # the advocate's Narnia is left
    assert "managed.toml" not in notice.toolTip()
    assert console.settings.api_url == "https://advocates.example.com"
    console.window.close()
    qtbot.waitUntil(lambda: pending_tasks() == 0, timeout=10_000)


def test_a_broken_managed_file_holds_what_it_may_lock_and_says_it_fails_closed(qtbot, files):
    user, managed = files
    managed.write_text(MANAGED.replace('dial_mode = "sip"', "dial_mode = sip"), encoding="utf-8")
    user.write_text('api_url = "https://evil.example.net"\n', encoding="utf-8")
    dialog = SettingsDialog(load_layers(*files), list_printers=list)
    qtbot.addWidget(dialog)
    text = dialog.file_problems.text()
    assert text.startswith("Your IT department's settings file cannot be used as it is: IT must")
    assert "managed.toml, line 3: is not valid TOML" in text and "column 13" in text
    for key in ("api_url", "ca_bundle", "default_region", "dial_mode", "card_stock"):
        assert not dialog.controls[key].isEnabled(), key
    assert dialog.controls["audio_capture"].isEnabled()
    assert dialog.value("api_url") == ""
    qtbot.waitUntil(lambda: pending_tasks() == 0)


def test_a_locked_printer_or_card_that_is_not_here_is_said_next_to_it(qtbot, open_dialog, files):
    _user, managed = files
    managed.write_text(
        'locked = ["default_printer", "card_stock"]\n'
        'default_printer = "Upstairs Laser"\ncard_stock = "a9-giant"\n',
        encoding="utf-8",
    )
    dialog = open_dialog()  # the printers found: CardPrinter and HomeInkjet
    printer = dialog.problems["default_printer"]
    assert not printer.isHidden()
    assert "card printer Upstairs Laser is not on this computer" in printer.text()
    assert "card stock a9-giant is not a card this version knows" in (
        dialog.problems["card_stock"].text()
    )
    assert printer.text() in dialog.file_problems.text()
    dialog.save()  # checking the fields again keeps saying it
    assert not dialog.problems["card_stock"].isHidden()


def test_the_sign_in_dialog_says_why_there_is_no_server(qtbot, tmp_path, files):
    _user, managed = files
    managed.write_text('locked = ["api_url"\n', encoding="utf-8")
    layers = load_layers(*files)
    console = Console(layers.settings, tmp_path, TokenVault(memory_only=True), layers=layers)
    qtbot.addWidget(console.window)
    console.ask_to_sign_in("https://elsewhere.example.org", "maya")
    dialog = console.sign_in_dialog
    assert dialog.server.text() == "" and dialog.server.isReadOnly()
    shown = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "settings file cannot be used" in shown and "managed.toml, line 1" in shown
    dialog.close()
    console.window.close()
    qtbot.waitUntil(lambda: pending_tasks() == 0, timeout=10_000)


def test_saved_settings_reach_the_running_console(qtbot, console):
    with qtbot.waitSignal(console.sig_ready, timeout=20_000):
        console.open_local()
    qtbot.waitUntil(lambda: console.window.card_queue is not None, timeout=10_000)
    assert console.window.card_queue.defaults.printer == "CardPrinter"
    assert console.window.card_queue.defaults.card_stock_locked
    console.open_settings()
    dialog = console.settings_dialog
    dialog.controls["default_region"].setText("GB")
    combo: QComboBox = dialog.controls["default_printer"]
    combo.setCurrentIndex(combo.findData("") if combo.findData("") >= 0 else 0)
    with qtbot.waitSignal(dialog.sig_saved, timeout=10_000):
        save(qtbot, dialog)
    assert console.window.directory.default_region == "GB"
    assert console.window.card_queue.defaults.printer == ""
    assert console.card_queue.default_template == "a7-flat"
    assert console.window.statusBar().currentMessage() == "Settings saved."


def test_alt_keys_reach_the_tabs_and_the_fields(qtbot, open_dialog):
    dialog = open_dialog()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(dialog, Qt.Key.Key_H, Qt.KeyboardModifier.AltModifier)
    assert dialog.tabs.currentIndex() == 1
    qtbot.keyClick(dialog, Qt.Key.Key_K, Qt.KeyboardModifier.AltModifier)
    assert dialog.focusWidget() is dialog.controls["audio_playback"]
    qtbot.keyClick(dialog, Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(dialog, Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)
    assert dialog.focusWidget() is dialog.controls["default_printer"]
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_a_locked_server_is_the_one_the_sign_in_dialog_uses(qtbot, console):
    console.ask_to_sign_in("https://elsewhere.example.org", "maya")
    dialog = console.sign_in_dialog
    assert dialog.server.text() == "https://advocates.example.com"
    assert dialog.server.isReadOnly()
    dialog.close()


@pytest.mark.skipif(not SIP_AVAILABLE, reason="pjsua2 is not installed")
def test_new_sound_devices_reach_the_running_phone(qtbot, console, files):
    from tests.telephony.conftest import console_config

    phone = console.phone = Softphone(console_config(null_audio=False))
    with qtbot.waitSignal(phone.sig_ready, timeout=20_000):
        phone.start()
    try:
        layers = load_layers(*files)
        settings = replace(layers.settings, audio_capture="Jabra Evolve2 65")
        changed = replace(layers, settings=settings)
        with qtbot.waitSignal(phone.sig_audio_changed, timeout=10_000) as applied:
            console.apply_settings(changed)
        assert applied.args[0].missing_capture == "Jabra Evolve2 65"
        assert phone.config.audio_capture == "Jabra Evolve2 65"
    finally:
        phone.stop()
