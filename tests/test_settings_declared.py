"""Each setting is declared once: what the declarations say, and everything built from them
(reading, writing, the settings dialog) following them."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, fields
from pathlib import Path
from typing import get_type_hints

import pytest
from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QLabel, QLineEdit

from advocate_console.cards import default_book
from advocate_console.settings import (
    DIAL_MODES,
    LOCKABLE,
    OPTIONS,
    TABS,
    DialMode,
    Settings,
)
from advocate_console.settings_file import edit_toml
from advocate_console.settings_layers import load_layers
from advocate_console.settings_options import AT_ONCE, AT_RESTART, declarations_of, setting
from advocate_console.ui.settings_form import PASSWORD, SettingsForm, words


@dataclass(frozen=True)
class Later:
    """Settings of the kinds other features add: a yes-or-no, a number, a fixed list."""

    erase_at_sign_out: bool = setting(
        False, label="&Erase at sign-out", tab="general", lockable=True, applies=AT_ONCE
    )
    listen_port: int = setting(5060, lockable=True, applies=AT_RESTART)
    dial_mode: DialMode = setting(
        "sip",
        label="&Dial with",
        tab="phone",
        lockable=True,
        applies=AT_RESTART,
        choices={"handoff": "Hand-off", "sip": "Built-in", "bridge": "Bridge"},
    )


def test_every_field_of_settings_is_declared_and_nothing_else_is():
    assert list(OPTIONS) == [f.name for f in fields(Settings)]
    for key, option in OPTIONS.items():
        assert option.applies in (AT_ONCE, AT_RESTART), key
        assert option.tab is None or option.label, key
        assert option.check(option.default_text()) is None, key


def test_dial_mode_is_a_fixed_list_not_any_text():
    assert get_type_hints(Settings)["dial_mode"] == DialMode
    option = OPTIONS["dial_mode"]
    assert tuple(option.choices) == DIAL_MODES == ("handoff", "sip", "bridge")
    assert option.control == "choice"
    assert option.check("telepathy") == "must be one of handoff, sip, bridge"


def test_what_it_may_lock_is_declared():
    assert "api_url" in LOCKABLE and "dial_mode" in LOCKABLE
    assert "audio_capture" not in LOCKABLE  # an advocate's own headset


def test_locking_an_advocates_own_setting_is_refused_with_the_line(tmp_path):
    managed = tmp_path / "managed.toml"
    managed.write_text('api_url = "https://a.example.com"\nlocked = ["audio_capture", "api_url"]\n')
    layers = load_layers(tmp_path / "user.toml", managed)
    assert layers.locked == {"api_url"}
    [problem] = layers.problems
    assert problem.line == 2 and "audio_capture" in problem.message


def test_a_yes_or_no_and_a_number_are_read_and_written_as_toml_types():
    options = declarations_of(Later)
    erase, port = options["erase_at_sign_out"], options["listen_port"]
    assert (erase.control, port.control) == ("check", "line")
    assert erase.from_file(True) == "true" and erase.from_file("true") is None
    assert port.from_file(5070) == "5070" and port.from_file(True) is None
    assert port.from_file("5070") is None
    assert "without quotes" in erase.wrong_type()
    assert erase.check("yes") is not None and port.check("50x") is not None
    assert (erase.to_file("false"), port.to_file("5070")) == (False, 5070)
    assert options["dial_mode"].default_text() == "sip"


def test_a_declaration_must_label_each_choice_shown_in_the_dialog():
    @dataclass(frozen=True)
    class Unlabelled:
        dial_mode: DialMode = setting(
            "sip", label="&Dial", tab="phone", lockable=True, applies=AT_ONCE, choices={}
        )

    with pytest.raises(AssertionError, match="label each"):
        declarations_of(Unlabelled)


def test_a_setting_never_names_a_secret():
    @dataclass(frozen=True)
    class Secretive:
        sip_password: str = setting("", lockable=False, applies=AT_ONCE)

    with pytest.raises(AssertionError, match="keyring"):
        declarations_of(Secretive)


def test_written_values_keep_their_type(tmp_path):
    text = edit_toml('# mine\ndefault_region = "GB"\n', {"card_stock": "a7-flat"}, set())
    assert text is not None
    assert tomllib.loads(text) == {
        "schema_version": 1,
        "default_region": "GB",
        "card_stock": "a7-flat",
    }


def test_the_dialog_shows_each_declared_setting_on_its_tab_in_order(qtbot, tmp_path):
    form = SettingsForm(load_layers(tmp_path / "u.toml", tmp_path / "m.toml"), default_book())
    qtbot.addWidget(form)
    assert [form.tabText(i) for i in range(form.count())] == [words(t) for t in TABS.values()]
    for index, tab in enumerate(TABS):
        page = form.widget(index)
        layout: QFormLayout = page.layout()
        labels = [
            layout.itemAt(row, QFormLayout.ItemRole.LabelRole).widget().text()
            for row in range(layout.rowCount())
        ]
        declared = [words(o.label) for o in OPTIONS.values() if o.tab == tab]
        assert [label for label in labels if label != form.labels[PASSWORD]] == declared
    assert "data_dir" not in form.controls  # declared without a tab: not in the dialog
    assert isinstance(form.controls["dial_mode"], QComboBox)
    assert isinstance(form.controls["api_url"], QLineEdit)
    assert form.controls["update_channel"].isEditable()
    for key, label in form.labels.items():
        if key in form.controls:
            buddy = next(
                w for w in form.findChildren(QLabel) if w.text() == label and w.buddy() is not None
            )
            assert buddy.buddy() is form.controls[key]


def test_typed_in_lower_case_a_region_is_kept_in_capitals(qtbot, tmp_path):
    form = SettingsForm(load_layers(tmp_path / "u.toml", tmp_path / "m.toml"), default_book())
    qtbot.addWidget(form)
    form.controls["default_region"].setText("gb")
    assert form.changes() == {"default_region": "GB"}
    assert not isinstance(form.controls["default_region"], QCheckBox)


def test_the_data_folder_is_a_path(tmp_path):
    managed = tmp_path / "m.toml"
    managed.write_text(f'data_dir = "{tmp_path / "store"}"\n')
    assert load_layers(tmp_path / "u.toml", managed).settings.data_dir == Path(tmp_path / "store")
