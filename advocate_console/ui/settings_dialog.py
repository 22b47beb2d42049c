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

from PySide6.QtCore import Signal
from PySide6.QtPrintSupport import QPrinterInfo
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from advocate_console.auth import InsecureKeyring, SignInError, SipPasswords, check_server_url
from advocate_console.cards import TemplateBook, default_book
from advocate_console.settings import OPTIONS, check_value
from advocate_console.settings_file import save_user_settings
from advocate_console.settings_layers import SettingsLayers
from advocate_console.tasks import run_task
from advocate_console.telephony import AudioDevice, Softphone

from .conference_phone import no_microphone_text
from .locked_values import Unhonoured, describe, unhonoured_locks
from .settings_form import PASSWORD, SettingsForm, words
from .settings_problem_words import settings_problem_text

__all__ = ["PASSWORD", "SaveOutcome", "SettingsDialog", "save_in_background"]


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
        except InsecureKeyring:
            error = NO_KEYRING  # worded by the dialog
        except Exception as problem:  # the keyring's own errors vary by platform
            error = str(problem) or type(problem).__name__
    return SaveOutcome(saved, {}, error)


NO_KEYRING = "no_keyring"
"""A password not saved because no secure keyring is there (the dialog words it)."""


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
        self.saving = False
        self.restart_needed: list[str] = []

        self.file_problems = QLabel()
        self.file_problems.setObjectName("settingsFileProblems")
        self.file_problems.setWordWrap(True)
        self.file_problems.setAccessibleName(self.tr("Problems in the settings files"))
        self.form = self.tabs = SettingsForm(layers, book or default_book())
        self.controls, self.problems = self.form.controls, self.form.problems
        self.locks, self.notes = self.form.locks, self.form.notes
        self.printers: list[str] | None = None  # the system's, once looked up
        self.unhonoured: list[Unhonoured] = []  # what IT locked that cannot be done here
        self._show_file_problems()
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
        layout.addWidget(self.form, 1)
        layout.addWidget(self.where)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)

        self._look_up_in_background(list_printers)
        (self.form.first_enabled() or self.save_button).setFocus()

    def value(self, key: str) -> str:
        """What the field ``key`` holds now, as the text a file would hold."""
        return self.form.value(key)

    # -- around the fields --------------------------------------------------------------

    def _show_file_problems(self) -> None:
        problems = [settings_problem_text(problem) for problem in self.layers.problems]
        if self.layers.fail_closed:
            problems.insert(
                0,
                self.tr(
                    "Your IT department's settings file cannot be used as it is: IT must fix "
                    "it. Until then every setting IT may lock is held at its default."
                ),
            )
        stocks = list(self.form.book.cards)
        self.unhonoured = unhonoured_locks(self.layers, self.printers, card_stocks=stocks)
        problems += [describe(item) for item in self.unhonoured]
        self._show_unhonoured()
        if self.layers.user_file_broken:
            problems.append(
                self.tr("Saving replaces your settings file; the old one is kept beside it as %s.")
                % (self.layers.user_path.name + ".bak")
            )
        self.file_problems.setText("\n".join(problems))
        self.file_problems.setVisible(bool(problems))

    def _show_unhonoured(self) -> None:
        for item in self.unhonoured:
            self.show_problem(item.key, describe(item))

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
        run_task(list_printers, self._printers_found, self._printers_failed, owner=self)
        if self.phone is not None and self.phone.running:
            self.phone.sig_audio_devices.connect(self.show_devices)
            self.phone.request_audio_devices()
            self._show_engine()
        else:
            for key in self.form.keys_of("microphone")[:1]:
                self.form.note(
                    key,
                    self.tr(
                        "The list of devices comes from the built-in phone, which is not running."
                    ),
                )
        if self.passwords is None or not self.passwords.secure:
            self.form.show_password_state(None)
        else:
            passwords, user = self.passwords, self.layers.settings.sip_user
            run_task(
                lambda: passwords.is_saved(user),
                self._password_state,
                lambda _error: self._password_state(None),
                owner=self,
            )

    def _printers_found(self, printers: list[str]) -> None:
        self.printers = list(printers)
        self.form.show_printers(self.printers)
        self._show_file_problems()  # a locked printer that is not here is said now

    def _printers_failed(self, error: Exception) -> None:
        self.form.note("default_printer", str(error))

    def show_devices(self, devices: list[AudioDevice]) -> None:
        """The phone's sound devices arrived: offer them, keeping the current choice."""
        # (A signal of the phone's: Qt stops delivering it once this dialog is deleted.)
        self.form.show_devices(devices)

    def _show_engine(self) -> None:
        assert self.phone is not None
        audio, settings = self.phone.audio, self.layers.settings
        warning = ""
        if (audio is None or audio.no_device) and settings.dial_mode == "bridge":
            warning = no_microphone_text(self, settings.my_phone)
        self.form.show_engine(self.phone.engine_name, audio, warning)

    def _password_state(self, saved: bool | None) -> None:
        self.form.show_password_state(saved)

    # -- saving -------------------------------------------------------------------------

    def save(self) -> None:
        """Check the fields, then save off the UI thread."""
        if self.saving:
            return
        for key in self.problems:
            self.show_problem(key, "")
        self._show_unhonoured()
        changes = self.form.changes()
        password = self.controls[PASSWORD].text()
        sip_user = changes.get("sip_user", self.layers.settings.sip_user)
        problems = {key: self._check(key, value) for key, value in changes.items()}
        if password and not sip_user:
            problems[PASSWORD] = self.tr("Enter the SIP user first: the password is kept for it.")
        problems = {key: text for key, text in problems.items() if text}
        if problems:
            for key, text in problems.items():
                self.show_problem(key, text)
            self.form.focus(next(iter(problems)))
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
            owner=self,  # work started before the dialog closed may report after it is gone
        )

    def _check(self, key: str, value: str) -> str:
        if check_value(key, value) is not None:
            return words(OPTIONS[key].hint) or self.tr("This value cannot be used.")
        if key == "api_url" and value:
            try:
                check_server_url(value)
            except SignInError:
                return self.tr(
                    "Use an https:// address: the connection to the server must be encrypted."
                )
        return ""

    def _saved(self, outcome: SaveOutcome, changes: dict[str, str], password: bool) -> None:
        self._set_saving(False)
        if outcome.problems:
            texts = {
                "missing": self.tr("There is no file at this path."),
                "unreadable": self.tr("This file cannot be read."),
            }
            for key, code in outcome.problems.items():
                self.show_problem(key, texts.get(code, code))
            self.form.focus(next(iter(outcome.problems)))
            return
        assert outcome.layers is not None
        self.layers = self.form.layers = outcome.layers
        self.controls[PASSWORD].clear()
        if outcome.password_error:
            why = outcome.password_error
            if why == NO_KEYRING:
                why = self.tr("no secure keyring is available on this computer to keep it")
            self.show_problem(PASSWORD, self.tr("The password was not saved: %s") % why)
        elif password:
            self.form.show_password_state(True)
        self.sig_saved.emit(outcome.layers)
        restart = [self.form.name_of(key) for key in changes if not OPTIONS[key].live]
        if password and self.layers.settings.dial_mode == "sip":
            restart.append(self.form.name_of(PASSWORD))
        self.restart_needed = restart
        if outcome.password_error:
            self._say(self.tr("Your settings were saved, but not the password."))
            self.form.focus(PASSWORD)
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
        self._set_saving(False)
        self._say(self.tr("Your settings could not be saved: %s") % error)

    def show_problem(self, key: str, text: str) -> None:
        """Show (or, with "", clear) the reason next to the field ``key``."""
        self.form.show_problem(key, text)

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
