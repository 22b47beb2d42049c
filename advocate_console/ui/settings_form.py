"""The settings dialog's fields, built from the settings' declarations
(:data:`advocate_console.settings.OPTIONS`): a tab for each declared tab, a row for each
setting in it, each control with its lock mark, a note (where its value comes from) and
a line for what is wrong with it. A new setting needs nothing here."""

from __future__ import annotations

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QCheckBox,
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
from advocate_console.settings import OPTIONS, TABS, Control
from advocate_console.settings_layers import SettingsLayers
from advocate_console.telephony import AudioChoice, AudioDevice

from .setting_controls import PASSWORD, SettingControls, words

__all__ = ["PASSWORD", "SettingsForm", "words"]

_ROWS_AFTER = {"sip_domain": PASSWORD}  # rows that are no setting, after the one named


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
        self.browse_buttons: dict[str, QPushButton] = {}
        self.tab_of: dict[str, int] = {}
        self.makers = SettingControls(book, self.name_of, self)
        self.labels = {key: words(option.label) for key, option in OPTIONS.items()}
        self.labels[PASSWORD] = self.tr("SIP pass&word")
        for index, (tab, title) in enumerate(TABS.items()):
            keys: list[str] = []
            for key, option in OPTIONS.items():
                if option.tab == tab:
                    keys += [key, _ROWS_AFTER[key]] if key in _ROWS_AFTER else [key]
            self.tab_of |= dict.fromkeys(keys, index)
            self.addTab(self._page(keys), words(title))
        self._fill_initial_values()
        for key in layers.locked:
            self.lock(key)

    # -- building -----------------------------------------------------------------------

    def name_of(self, key: str) -> str:
        """The field's label as a user reads it (no mnemonic)."""
        return self.labels[key].replace("&", "")

    def keys_of(self, *controls: Control) -> list[str]:
        """The settings shown with these kinds of control, in the dialog's order."""
        return [key for key in self.controls if key in OPTIONS and OPTIONS[key].control in controls]

    def _page(self, keys: list[str]) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        for key in keys:
            control = self.makers.make(key)
            control.setAccessibleName(self.name_of(key))
            self.controls[key] = control
            label = QLabel(self.labels[key])
            label.setBuddy(control)
            form.addRow(label, self._cell(key, control))
        return page

    def _cell(self, key: str, control: QWidget) -> QWidget:
        """The control with its lock mark, and below it the note and the problem line."""
        cell = QWidget()
        column = QVBoxLayout(cell)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        row = QHBoxLayout()
        row.addWidget(control, 1)
        if key in OPTIONS and OPTIONS[key].control == "file":
            browse = QPushButton(self.tr("&Browse…"))
            browse.setAccessibleName(self.tr("Choose the file for %s") % self.name_of(key))
            browse.clicked.connect(lambda: self._choose_file(key))
            row.addWidget(browse)
            self.browse_buttons[key] = browse
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
        for key in self.controls:
            if key == PASSWORD:
                continue
            value = settings.text(key)
            control = OPTIONS[key].control
            if control in ("microphone", "speaker"):
                self.makers.fill_devices(
                    self.controls[key], [], value, capture=control == "microphone"
                )
            elif control == "printer":
                self.makers.fill_printers(self.controls[key], [], value)
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
        if isinstance(control, QComboBox) and not control.isEditable():
            index = control.findData(value)
            return control.itemText(index) if index >= 0 else value
        if isinstance(control, QCheckBox):
            return self.tr("yes") if value == "true" else self.tr("no")
        return value

    def lock(self, key: str) -> None:
        """Show ``key`` as set by IT: disabled, with the lock mark."""
        control = self.controls.get(key)
        if control is None:
            return
        control.setEnabled(False)
        control.setToolTip(self.tr("Set by your IT department"))
        control.setAccessibleDescription(self.tr("Locked: set by your IT department"))
        self.locks[key].show()
        self.notes[key].hide()
        if key in self.browse_buttons:
            self.browse_buttons[key].setEnabled(False)

    def note(self, key: str, text: str) -> None:
        """Show (or, with "", hide) a note under the field ``key``."""
        self.notes[key].setText(text)
        self.notes[key].setVisible(bool(text))

    def show_devices(self, devices: list[AudioDevice]) -> None:
        """Offer these sound devices, keeping the current choice."""
        for key in self.keys_of("microphone", "speaker"):
            combo: QComboBox = self.controls[key]
            capture = OPTIONS[key].control == "microphone"
            self.makers.fill_devices(combo, devices, combo.currentData() or "", capture=capture)
        for key in self.keys_of("microphone")[:1]:
            self.note(key, "" if devices else self.tr("The phone finds no sound device."))

    def show_engine(self, engine: str, audio: AudioChoice | None, warning: str = "") -> None:
        """Which engine this computer's phone runs on and which devices it uses, under the
        speaker; with ``warning`` (no sound at all) said in red below."""
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
        for key in self.keys_of("speaker")[-1:]:
            self.note(key, self.tr("This computer's phone: %s") % text)

    def show_printers(self, printers: list[str]) -> None:
        """Offer these printers, keeping the current choice."""
        for key in self.keys_of("printer"):
            combo: QComboBox = self.controls[key]
            chosen = combo.currentData()
            self.makers.fill_printers(combo, printers, chosen if chosen is not None else "")

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
        self.setCurrentIndex(self.tab_of[key])
        self.controls[key].setFocus()

    def first_enabled(self) -> QWidget | None:
        """The first control the advocate can change."""
        return next((c for c in self.controls.values() if c.isEnabled()), None)

    def _choose_file(self, key: str) -> None:
        types = words(OPTIONS[key].file_types)
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose the file for %s") % self.name_of(key),
            self.value(key),
            ";;".join(filter(None, (types, self.tr("All files (*)")))),
        )
        if path:
            self.controls[key].setText(path)

    # -- values -------------------------------------------------------------------------

    def value(self, key: str) -> str:
        """What the field ``key`` holds now, as the text a file would hold."""
        control = self.controls[key]
        if isinstance(control, QCheckBox):
            return "true" if control.isChecked() else "false"
        if isinstance(control, QLineEdit):
            text = control.text().strip()
            return text.upper() if key in OPTIONS and OPTIONS[key].upper_case else text
        if control.isEditable():
            return control.currentText().strip()
        return control.currentData() or ""

    def _set_value(self, key: str, value: str) -> None:
        control = self.controls[key]
        if isinstance(control, QCheckBox):
            control.setChecked(value == "true")
        elif isinstance(control, QLineEdit):
            control.setText(value)
        elif control.isEditable():
            control.setCurrentText(value)
        else:
            index = control.findData(value)
            if index < 0:
                unknown = (
                    self.tr("%s (no such card)")
                    if OPTIONS[key].control == "card_stock"
                    else self.tr("%s (not known to this version)")
                )
                control.addItem(unknown % value, value)
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
