"""Console ▸ Settings: the advocate's own settings; those IT locked are shown, fixed.

Saving checks every changed field (the reason appears next to it), then writes
``settings.toml`` and the SIP password (to the keyring) off the UI thread. What can
change at once does; the dialog says what waits for a restart.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QRegularExpression, Signal
from PySide6.QtGui import QIcon, QRegularExpressionValidator
from PySide6.QtPrintSupport import QPrinterInfo
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from advocate_console.auth import InsecureKeyring, SignInError, SipPasswords, check_server_url
from advocate_console.cards import TemplateBook, default_book
from advocate_console.paths import icon_path
from advocate_console.settings import (
    OPTIONS,
    UPDATE_CHANNELS,
    SettingsLayers,
    check_value,
    save_user_settings,
)
from advocate_console.tasks import run_task
from advocate_console.telephony import SIP_AVAILABLE, AudioDevice, Softphone

PASSWORD = "sip_password"  # not a setting: the field whose value goes to the keyring

# Which settings each tab holds, in the order shown.
TABS = (
    ("general", ("api_url", "ca_bundle", "default_region", "update_channel")),
    (
        "phone",
        (
            "dial_mode",
            "sip_registrar",
            "sip_user",
            "sip_domain",
            PASSWORD,
            "audio_capture",
            "audio_playback",
        ),
    ),
    ("cards", ("default_printer", "card_stock")),
)


@dataclass(frozen=True)
class SaveOutcome:
    """What saving did, handed back from the worker thread."""

    layers: SettingsLayers | None  # None: nothing was written
    problems: Mapping[str, str] = field(default_factory=dict)  # field -> problem code
    password_error: str = ""


def save_in_background(
    layers: SettingsLayers,
    changes: Mapping[str, str],
    passwords: SipPasswords | None,
    sip_user: str,
    password: str,
) -> SaveOutcome:
    """Check what needs the disk, write the file, keep the password. On a worker thread."""
    bundle = changes.get("ca_bundle", "")
    if bundle:
        path = Path(bundle).expanduser()
        if not path.is_file():
            return SaveOutcome(None, {"ca_bundle": "missing"})
        if not os.access(path, os.R_OK):
            return SaveOutcome(None, {"ca_bundle": "unreadable"})
    saved = save_user_settings(layers, changes) if changes else layers
    error = ""
    if password:
        try:
            if passwords is None:
                raise InsecureKeyring("No keyring was given to keep the password in.")
            passwords.save(sip_user, password)
        except Exception as problem:  # the keyring's own errors vary by platform
            error = str(problem) or type(problem).__name__
    return SaveOutcome(saved, {}, error)


class SettingsDialog(QDialog):
    """The user's settings, with IT's locked ones disabled and marked."""

    sig_saved = Signal(object)
    """The settings were saved: the new :class:`SettingsLayers` (to apply)."""

    def __init__(
        self,
        layers: SettingsLayers,
        *,
        passwords: SipPasswords | None = None,
        phone: Softphone | None = None,
        book: TemplateBook | None = None,
        list_printers: Callable[[], list[str]] = QPrinterInfo.availablePrinterNames,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.setObjectName("settingsDialog")
        self.setMinimumWidth(620)
        self.layers = layers
        self.passwords = passwords
        self.phone = phone
        self.book = book or default_book()
        self.saving = False
        self.restart_needed: list[str] = []
        self.controls: dict[str, QWidget] = {}
        self.problems: dict[str, QLabel] = {}
        self.locks: dict[str, QLabel] = {}
        self.notes: dict[str, QLabel] = {}
        self.labels = self._label_texts()

        self.file_problems = QLabel()
        self.file_problems.setObjectName("settingsFileProblems")
        self.file_problems.setWordWrap(True)
        self.file_problems.setAccessibleName(self.tr("Problems in the settings files"))
        self._show_file_problems()
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Settings sections"))
        titles = {
            "general": self.tr("&General"),
            "phone": self.tr("P&hone"),
            "cards": self.tr("&Cards"),
        }
        for name, keys in TABS:
            self.tabs.addTab(self._page(keys), titles[name])
        self.where = QLabel(self._where_text())
        self.where.setWordWrap(True)
        self.where.setObjectName("settingsWhere")
        self.where.setAccessibleName(self.tr("Where settings are kept"))
        self.status = QLabel()
        self.status.setObjectName("settingsStatus")
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Saving status"))
        self.status.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Save"))
        self.save_button.setAccessibleName(self.tr("Save settings"))
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setAccessibleName(self.tr("Close without saving"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.file_problems)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.where)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)

        self._fill_initial_values()
        for key in layers.locked:
            self._lock(key)
        self._look_up_in_background(list_printers)
        first = next((c for c in self.controls.values() if c.isEnabled()), self.save_button)
        first.setFocus()

    # -- building -----------------------------------------------------------------------

    def _label_texts(self) -> dict[str, str]:
        return {
            "api_url": self.tr("&Server address"),
            "ca_bundle": self.tr("C&A bundle"),
            "default_region": self.tr("Default &region"),
            "update_channel": self.tr("&Update channel"),
            "dial_mode": self.tr("&Dial with"),
            "sip_registrar": self.tr("SIP regi&strar"),
            "sip_user": self.tr("SIP &user"),
            "sip_domain": self.tr("SIP d&omain"),
            PASSWORD: self.tr("SIP pass&word"),
            "audio_capture": self.tr("&Microphone"),
            "audio_playback": self.tr("Spea&ker"),
            "default_printer": self.tr("Card &printer"),
            "card_stock": self.tr("Card &stock"),
        }

    def name_of(self, key: str) -> str:
        """The field's label as a user reads it (no mnemonic)."""
        return self.labels[key].replace("&", "")

    def _page(self, keys: tuple[str, ...]) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        for key in keys:
            control = self._control(key)
            control.setAccessibleName(self.name_of(key))
            self.controls[key] = control
            label = QLabel(self.labels[key])
            label.setBuddy(control)
            form.addRow(label, self._cell(key, control))
        return page

    def _control(self, key: str) -> QWidget:
        if key in ("dial_mode", "audio_capture", "audio_playback", "default_printer"):
            return QComboBox()
        if key == "card_stock":
            combo = QComboBox()
            for template in self.book.cards.values():
                combo.addItem(template.name, template.id)
            return combo
        if key == "update_channel":
            combo = QComboBox()
            combo.setEditable(True)
            combo.addItems(UPDATE_CHANNELS)
            combo.lineEdit().setAccessibleName(self.name_of(key))
            return combo
        edit = QLineEdit()
        if key == "api_url":
            edit.setPlaceholderText("https://advocates.example.com")
        elif key == "ca_bundle":
            edit.setPlaceholderText(self.tr("The system's certificates"))
        elif key == "default_region":
            edit.setMaxLength(2)
            edit.setValidator(QRegularExpressionValidator(QRegularExpression("[A-Za-z]{0,2}")))
        elif key == "sip_registrar":
            edit.setPlaceholderText("sip:pbx.example.com")
        elif key == PASSWORD:
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.setPlaceholderText(self.tr("Looking in the keyring…"))
        return edit

    def _cell(self, key: str, control: QWidget) -> QWidget:
        """The control with its lock mark, and below it the note and the problem line."""
        cell = QWidget()
        column = QVBoxLayout(cell)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        row = QHBoxLayout()
        row.addWidget(control, 1)
        if key == "ca_bundle":
            browse = QPushButton(self.tr("&Browse…"))
            browse.setAccessibleName(self.tr("Choose the CA bundle file"))
            browse.clicked.connect(self._choose_ca_bundle)
            row.addWidget(browse)
            self.browse_button = browse
        lock = QLabel()
        lock.setObjectName("settingLock")
        lock.setPixmap(QIcon(str(icon_path("lock"))).pixmap(16, 16))
        lock.setToolTip(self.tr("Set by your IT department"))
        lock.setAccessibleName(self.tr("Locked: set by your IT department"))
        lock.hide()
        row.addWidget(lock)
        self.locks[key] = lock
        column.addLayout(row)
        note = QLabel()
        note.setObjectName("settingNote")
        note.setWordWrap(True)
        note.setAccessibleName(self.tr("About %s") % self.name_of(key))
        note.hide()
        self.notes[key] = note
        column.addWidget(note)
        problem = QLabel()
        problem.setObjectName("settingProblem")
        problem.setWordWrap(True)
        problem.setAccessibleName(self.tr("Problem with %s") % self.name_of(key))
        problem.hide()
        self.problems[key] = problem
        column.addWidget(problem)
        return cell

    def _fill_initial_values(self) -> None:
        settings = self.layers.settings
        for key, control in self.controls.items():
            if key == PASSWORD:
                continue
            value = settings.text(key)
            if key == "dial_mode":
                control.addItem(self.tr("The phone system's app (hand-off)"), "handoff")
                control.addItem(
                    self.tr("The built-in phone")
                    if SIP_AVAILABLE
                    else self.tr("The built-in phone (not installed)"),
                    "sip",
                )
            elif key in ("audio_capture", "audio_playback"):
                self._fill_devices(control, [], value, capture=key == "audio_capture")
            elif key == "default_printer":
                self._fill_printers([], value)
            self._set_value(key, value)
            source = self.layers.source(key)
            if source in ("managed", "user") and key in self.layers.managed:
                self._note(
                    key,
                    self.tr("Your IT department's default: %s")
                    % (self._shown_text(key, self.layers.managed[key]) or self.tr("none")),
                )
        if self.phone is None or not self.phone.running:
            self._note(
                "audio_capture",
                self.tr("The list of devices comes from the built-in phone, which is not running."),
            )

    def _shown_text(self, key: str, value: str) -> str:
        control = self.controls[key]
        if key in ("dial_mode", "card_stock"):
            index = control.findData(value)
            return control.itemText(index) if index >= 0 else value
        return value

    def _fill_devices(
        self, combo: QComboBox, devices: list[AudioDevice], current: str, *, capture: bool
    ) -> None:
        combo.clear()
        combo.addItem(self.tr("System default"), "")
        names = [d.name for d in devices if (d.inputs if capture else d.outputs)]
        for name in dict.fromkeys(names):
            combo.addItem(name, name)
        if current and current not in names:
            combo.addItem(self.tr("%s (not connected)") % current, current)
        combo.setCurrentIndex(max(0, combo.findData(current)))

    def _fill_printers(self, printers: list[str], current: str) -> None:
        combo: QComboBox = self.controls["default_printer"]
        combo.clear()
        combo.addItem(self.tr("The system's default printer"), "")
        for name in printers:
            combo.addItem(name, name)
        if current and current not in printers:
            text = self.tr("%s (looking…)") if not printers else self.tr("%s (not available)")
            combo.addItem(text % current, current)
        combo.setCurrentIndex(max(0, combo.findData(current)))

    def _lock(self, key: str) -> None:
        control = self.controls.get(key)
        if control is None:
            return
        control.setEnabled(False)
        control.setToolTip(self.tr("Set by your IT department"))
        control.setAccessibleDescription(self.tr("Locked: set by your IT department"))
        self.locks[key].show()
        self.notes[key].hide()
        if key == "ca_bundle":
            self.browse_button.setEnabled(False)

    def _note(self, key: str, text: str) -> None:
        self.notes[key].setText(text)
        self.notes[key].setVisible(bool(text))

    def _show_file_problems(self) -> None:
        problems = [str(problem) for problem in self.layers.problems]
        if self.layers.user_file_broken:
            problems.append(
                self.tr("Saving replaces your settings file; the old one is kept beside it as %s.")
                % (self.layers.user_path.name + ".bak")
            )
        self.file_problems.setText("\n".join(problems))
        self.file_problems.setVisible(bool(problems))

    def _where_text(self) -> str:
        text = self.tr("Your settings are kept in %s.") % self.layers.user_path
        if self.layers.locked:
            text += (
                " "
                + self.tr("Settings with a lock are set by your IT department in %s.")
                % self.layers.managed_path
            )
        return text

    # -- what the phone, the printers and the keyring tell us -----------------------------

    def _look_up_in_background(self, list_printers: Callable[[], list[str]]) -> None:
        current_printer = self.layers.settings.default_printer
        run_task(
            list_printers,
            lambda printers: self._printers_found(list(printers), current_printer),
            lambda error: self._note("default_printer", str(error)),
        )
        if self.phone is not None and self.phone.running:
            self.phone.sig_audio_devices.connect(self.show_devices)
            self.phone.request_audio_devices()
        if self.passwords is None or not self.passwords.secure:
            self._password_state(None)
        else:
            passwords, user = self.passwords, self.layers.settings.sip_user
            run_task(
                lambda: passwords.is_saved(user),
                self._password_state,
                lambda error: self._password_state(None),
            )

    def _printers_found(self, printers: list[str], current: str) -> None:
        if self._closed():
            return
        chosen = self.controls["default_printer"].currentData()
        self._fill_printers(printers, chosen if chosen is not None else current)

    def show_devices(self, devices: list[AudioDevice]) -> None:
        """The phone's sound devices arrived: offer them, keeping the current choice."""
        if self._closed():
            return
        for key, capture in (("audio_capture", True), ("audio_playback", False)):
            combo: QComboBox = self.controls[key]
            self._fill_devices(combo, devices, combo.currentData() or "", capture=capture)
        self._note("audio_capture", "" if devices else self.tr("The phone finds no sound device."))

    def _password_state(self, saved: bool | None) -> None:
        if self._closed():
            return
        field_ = self.controls[PASSWORD]
        if saved is None:
            field_.setPlaceholderText(self.tr("No secure keyring on this computer"))
            field_.setEnabled(False)
        elif saved:
            field_.setPlaceholderText(self.tr("Saved in the keyring; type to replace it"))
        else:
            field_.setPlaceholderText(self.tr("Not saved yet"))

    def _choose_ca_bundle(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose the CA bundle"),
            self.value("ca_bundle"),
            self.tr("Certificates (*.pem *.crt *.cer);;All files (*)"),
        )
        if path:
            self.controls["ca_bundle"].setText(path)

    # -- values -------------------------------------------------------------------------

    def value(self, key: str) -> str:
        """What the field ``key`` holds now, as the text a file would hold."""
        control = self.controls[key]
        if isinstance(control, QLineEdit):
            text = control.text().strip()
            return text.upper() if key == "default_region" else text
        if control.isEditable():
            return control.currentText().strip()
        return control.currentData() or ""

    def _set_value(self, key: str, value: str) -> None:
        control = self.controls[key]
        if isinstance(control, QLineEdit):
            control.setText(value)
        elif control.isEditable():
            control.setCurrentText(value)
        else:
            index = control.findData(value)
            if index < 0:
                control.addItem(self.tr("%s (no such card)") % value, value)
                index = control.count() - 1
            control.setCurrentIndex(index)

    def changes(self) -> dict[str, str]:
        """The settings the user changed (locked ones can't be)."""
        settings = self.layers.settings
        return {
            key: self.value(key)
            for key in self.controls
            if key != PASSWORD
            and key not in self.layers.locked
            and self.value(key) != settings.text(key)
        }

    # -- saving -------------------------------------------------------------------------

    def save(self) -> None:
        """Check the fields, then save off the UI thread."""
        if self.saving:
            return
        for key in self.problems:
            self.show_problem(key, "")
        changes = self.changes()
        password = self.controls[PASSWORD].text()
        sip_user = changes.get("sip_user", self.layers.settings.sip_user)
        problems = {key: self._check(key, value) for key, value in changes.items()}
        if password and not sip_user:
            problems[PASSWORD] = self.tr("Enter the SIP user first: the password is kept for it.")
        problems = {key: text for key, text in problems.items() if text}
        if problems:
            for key, text in problems.items():
                self.show_problem(key, text)
            self._focus(next(iter(problems)))
            return
        if not changes and not password:
            self.accept()
            return
        self._set_saving(True)
        layers, passwords = self.layers, self.passwords
        run_task(
            lambda: save_in_background(layers, changes, passwords, sip_user, password),
            lambda outcome: self._saved(outcome, changes, bool(password)),
            self._save_failed,
        )

    def _check(self, key: str, value: str) -> str:
        if check_value(key, value) is not None:
            return self._problem_text(key)
        if key == "api_url" and value:
            try:
                check_server_url(value)
            except SignInError:
                return self.tr(
                    "Use an https:// address: the connection to the server must be encrypted."
                )
        return ""

    def _problem_text(self, key: str) -> str:
        texts = {
            "api_url": self.tr("Enter an address like https://advocates.example.com."),
            "default_region": self.tr("Enter a two-letter region such as US, GB or DE."),
            "sip_registrar": self.tr("Enter a SIP address like sip:pbx.example.com."),
            "sip_user": self.tr("A SIP user name has no spaces."),
            "sip_domain": self.tr("A SIP domain has no spaces."),
            "update_channel": self.tr("Enter a short name like stable or beta (a–z, 0–9, -)."),
            "card_stock": self.tr("Choose one of the cards in the list."),
        }
        return texts.get(key, self.tr("This value cannot be used."))

    def _saved(self, outcome: SaveOutcome, changes: dict[str, str], password: bool) -> None:
        if self._closed():
            return
        self._set_saving(False)
        if outcome.problems:
            texts = {
                "missing": self.tr("There is no file at this path."),
                "unreadable": self.tr("This file cannot be read."),
            }
            for key, code in outcome.problems.items():
                self.show_problem(key, texts.get(code, code))
            self._focus(next(iter(outcome.problems)))
            return
        assert outcome.layers is not None
        self.layers = outcome.layers
        self.controls[PASSWORD].clear()
        if outcome.password_error:
            self.show_problem(
                PASSWORD, self.tr("The password was not saved: %s") % outcome.password_error
            )
        elif password:
            self._password_state(True)
        self.sig_saved.emit(outcome.layers)
        restart = [self.name_of(key) for key in changes if not OPTIONS[key].live]
        if password and self.layers.settings.dial_mode == "sip":
            restart.append(self.name_of(PASSWORD))
        self.restart_needed = restart
        if outcome.password_error:
            self._say(self.tr("Your settings were saved, but not the password."))
            self._focus(PASSWORD)
        elif restart:
            self._say(
                self.tr("Saved. Restart Advocate Console to use the new %s.") % ", ".join(restart)
            )
            self.save_button.hide()
            self.cancel_button.setText(self.tr("Close"))
            self.cancel_button.setAccessibleName(self.tr("Close"))
            self.cancel_button.setFocus()
        else:
            self.accept()

    def _save_failed(self, error: Exception) -> None:
        if self._closed():
            return
        self._set_saving(False)
        self._say(self.tr("Your settings could not be saved: %s") % error)

    def show_problem(self, key: str, text: str) -> None:
        """Show (or, with "", clear) the reason next to the field ``key``."""
        label = self.problems[key]
        label.setText(text)
        label.setVisible(bool(text))

    def _focus(self, key: str) -> None:
        control = self.controls[key]
        self.tabs.setCurrentIndex(next(i for i, (_n, keys) in enumerate(TABS) if key in keys))
        control.setFocus()

    def _say(self, text: str) -> None:
        self.status.setText(text)
        self.status.setVisible(bool(text))

    def _set_saving(self, saving: bool) -> None:
        self.saving = saving
        self.save_button.setEnabled(not saving)
        if saving:
            self._say(self.tr("Saving…"))
        else:
            self._say("")

    def _closed(self) -> bool:
        # Work started before the dialog closed may report after it is gone.
        return not isValid(self)
