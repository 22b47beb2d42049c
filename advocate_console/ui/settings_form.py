"""The settings dialog's fields, on three tabs: each control with its lock mark, a note
(where its value comes from) and a line for what is wrong with it."""

from __future__ import annotations

from PySide6.QtCore import QRegularExpression
from PySide6.QtGui import QIcon, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QComboBox,
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

from advocate_console.cards import TemplateBook
from advocate_console.paths import icon_path
from advocate_console.settings import UPDATE_CHANNELS, SettingsLayers
from advocate_console.telephony import SIP_AVAILABLE, AudioChoice, AudioDevice

PASSWORD = "sip_password"  # not a setting: the field whose value goes to the keyring

# Which settings each tab holds, in the order shown.
TABS = (
    ("general", ("api_url", "ca_bundle", "default_region", "update_channel")),
    (
        "phone",
        (
            "dial_mode",
            "conference_leg",
            "my_phone",
            "customer_joins",
            "sip_registrar",
            "sip_user",
            "sip_domain",
            PASSWORD,
            "sip_listen_address",
            "sip_listen_port",
            "audio_capture",
            "audio_playback",
        ),
    ),
    ("cards", ("default_printer", "card_stock")),
)


class SettingsForm(QTabWidget):
    """Every field of the settings dialog; knows values and looks, not what saving means."""

    def __init__(
        self, layers: SettingsLayers, book: TemplateBook, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Settings sections"))
        self.layers = layers
        self.book = book
        self.controls: dict[str, QWidget] = {}
        self.problems: dict[str, QLabel] = {}
        self.locks: dict[str, QLabel] = {}
        self.notes: dict[str, QLabel] = {}
        self.labels = self._label_texts()
        titles = {
            "general": self.tr("&General"),
            "phone": self.tr("P&hone"),
            "cards": self.tr("&Cards"),
        }
        for name, keys in TABS:
            self.addTab(self._page(keys), titles[name])
        self._fill_initial_values()
        for key in layers.locked:
            self.lock(key)

    # -- building -----------------------------------------------------------------------

    def _label_texts(self) -> dict[str, str]:
        return {
            "api_url": self.tr("&Server address"),
            "ca_bundle": self.tr("C&A bundle"),
            "default_region": self.tr("Default &region"),
            "update_channel": self.tr("&Update channel"),
            "dial_mode": self.tr("&Dial with"),
            "conference_leg": self.tr("Your l&eg of a conference"),
            "my_phone": self.tr("&Your phone"),
            "customer_joins": self.tr("Customer &joins by"),
            "sip_registrar": self.tr("SIP regi&strar"),
            "sip_user": self.tr("SIP &user"),
            "sip_domain": self.tr("SIP d&omain"),
            PASSWORD: self.tr("SIP pass&word"),
            "sip_listen_address": self.tr("&Listen on address"),
            "sip_listen_port": self.tr("Listen on &port"),
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
        if "audio_capture" in keys:
            self.engine = QLabel(self.tr("Not running"))
            self.engine.setObjectName("phoneEngine")
            self.engine.setWordWrap(True)
            self.engine.setAccessibleName(self.tr("This computer's phone and its sound"))
            form.addRow(QLabel(self.tr("This computer's phone")), self.engine)
        return page

    def _control(self, key: str) -> QWidget:
        if key in (
            "dial_mode",
            "conference_leg",
            "customer_joins",
            "audio_capture",
            "audio_playback",
            "default_printer",
        ):
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
        elif key == "my_phone":
            edit.setPlaceholderText(self.tr("A desk phone's sip:… address, or a number"))
        elif key == "sip_listen_port":
            edit.setMaxLength(5)
            edit.setValidator(QRegularExpressionValidator(QRegularExpression("[0-9]{0,5}")))
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
                control.addItem(self.tr("The company's conference bridge"), "bridge")
            elif key == "conference_leg":
                control.addItem(self.tr("This computer's phone, where it has sound"), "softphone")
                control.addItem(self.tr("The phone below (desk phone or mobile)"), "phone")
            elif key == "customer_joins":
                control.addItem(self.tr("The bridge calling them back"), "callback")
                control.addItem(self.tr("The phone system transferring their call"), "transfer")
            elif key in ("audio_capture", "audio_playback"):
                self.fill_devices(control, [], value, capture=key == "audio_capture")
            elif key == "default_printer":
                self.fill_printers([], value)
            self._set_value(key, value)
            source = self.layers.source(key)
            if source in ("managed", "user") and key in self.layers.managed:
                self.note(
                    key,
                    self.tr("Your IT department's default: %s")
                    % (self._shown_text(key, self.layers.managed[key]) or self.tr("none")),
                )

    def _shown_text(self, key: str, value: str) -> str:
        control = self.controls[key]
        if key in ("dial_mode", "conference_leg", "customer_joins", "card_stock"):
            index = control.findData(value)
            return control.itemText(index) if index >= 0 else value
        return value

    def fill_devices(
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

    def fill_printers(self, printers: list[str], current: str) -> None:
        combo: QComboBox = self.controls["default_printer"]
        combo.clear()
        combo.addItem(self.tr("The system's default printer"), "")
        for name in printers:
            combo.addItem(name, name)
        if current and current not in printers:
            text = self.tr("%s (looking…)") if not printers else self.tr("%s (not available)")
            combo.addItem(text % current, current)
        combo.setCurrentIndex(max(0, combo.findData(current)))

    def lock(self, key: str) -> None:
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

    def note(self, key: str, text: str) -> None:
        self.notes[key].setText(text)
        self.notes[key].setVisible(bool(text))

    def show_devices(self, devices: list[AudioDevice]) -> None:
        """Offer these sound devices, keeping the current choice."""
        for key, capture in (("audio_capture", True), ("audio_playback", False)):
            combo: QComboBox = self.controls[key]
            self.fill_devices(combo, devices, combo.currentData() or "", capture=capture)
        self.note("audio_capture", "" if devices else self.tr("The phone finds no sound device."))

    def show_engine(self, engine: str, audio: AudioChoice | None, warning: str = "") -> None:
        """Which engine this computer's phone runs on and which devices it uses; with
        ``warning`` (no sound at all) said in red below."""
        name = {"pjsip": "PJSIP", "baresip": "baresip"}.get(engine, engine)
        if audio is None or audio.no_device:
            text = self.tr("%s, with no sound device: calls have no sound here.") % name
        else:
            default = self.tr("the system default")
            text = self.tr("%s: microphone %s, speaker %s.") % (
                name,
                audio.capture or default,
                audio.playback or default,
            )
        if warning:
            text += f"<br><b style='color:#8a1c1c'>{warning}</b>"
        self.engine.setText(text)

    def show_printers(self, printers: list[str]) -> None:
        """Offer these printers, keeping the current choice."""
        chosen = self.controls["default_printer"].currentData()
        self.fill_printers(printers, chosen if chosen is not None else "")

    def show_password_state(self, saved: bool | None) -> None:
        """Whether a SIP password is in the keyring (None: there is no secure keyring)."""
        field_ = self.controls[PASSWORD]
        if saved is None:
            field_.setPlaceholderText(self.tr("No secure keyring on this computer"))
            field_.setEnabled(False)
        elif saved:
            field_.setPlaceholderText(self.tr("Saved in the keyring; type to replace it"))
        else:
            field_.setPlaceholderText(self.tr("Not saved yet"))

    def show_problem(self, key: str, text: str) -> None:
        """Show (or, with "", clear) the reason next to the field ``key``."""
        label = self.problems[key]
        label.setText(text)
        label.setVisible(bool(text))

    def focus(self, key: str) -> None:
        """Show the tab of ``key`` and put the cursor there."""
        self.setCurrentIndex(next(i for i, (_n, keys) in enumerate(TABS) if key in keys))
        self.controls[key].setFocus()

    def first_enabled(self) -> QWidget | None:
        """The first control the advocate can change."""
        return next((c for c in self.controls.values() if c.isEnabled()), None)

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
