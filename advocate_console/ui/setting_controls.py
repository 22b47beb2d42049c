"""The control each kind of setting gets (a check box, a list of choices, a line with a
pattern, the card stocks, the printers, the sound devices) and how the lists of printers
and sound devices are filled, keeping the current choice when it is not among them."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QWidget

from advocate_console.cards import TemplateBook
from advocate_console.settings import OPTIONS
from advocate_console.telephony import SIP_AVAILABLE, AudioDevice

PASSWORD = "sip_password"  # not a setting: the field whose value goes to the keyring
_NOT_IN_THIS_BUILD = {("dial_mode", "sip"): not SIP_AVAILABLE}


def words(text: str) -> str:
    """A text declared in :mod:`advocate_console.settings`, in the advocate's language."""
    return QCoreApplication.translate("Settings", text) if text else ""


class SettingControls(QObject):
    """Makes the settings dialog's controls and fills their lists."""

    def __init__(
        self, book: TemplateBook, name_of: Callable[[str], str], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._book = book
        self._name_of = name_of  # a setting's label as read (for screen readers)

    def make(self, key: str) -> QWidget:
        """The control of ``key``, empty (the form fills in the value)."""
        if key == PASSWORD:
            edit = QLineEdit()
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.setPlaceholderText(self.tr("Looking in the keyring…"))
            return edit
        option = OPTIONS[key]
        makers: dict[str, Callable[[str], QWidget]] = {
            "check": lambda _key: QCheckBox(),
            "choice": self._choice,
            "suggest": self._suggestions,
            "card_stock": self._card_stock,
            "printer": lambda _key: QComboBox(),
            "microphone": lambda _key: QComboBox(),
            "speaker": lambda _key: QComboBox(),
        }
        if option.control in makers:
            return makers[option.control](key)
        edit = QLineEdit()  # "line" and "file"
        edit.setPlaceholderText(words(option.placeholder))
        if option.pattern:
            edit.setValidator(QRegularExpressionValidator(QRegularExpression(option.pattern)))
        return edit

    def _choice(self, key: str) -> QComboBox:
        combo = QComboBox()
        for value, label in OPTIONS[key].choices.items():
            text = words(label)
            if _NOT_IN_THIS_BUILD.get((key, value)):
                text = self.tr("%s (not installed)") % text
            combo.addItem(text, value)
        return combo

    def _suggestions(self, key: str) -> QComboBox:
        combo = QComboBox()
        combo.setEditable(True)
        combo.addItems(OPTIONS[key].suggestions)
        combo.lineEdit().setAccessibleName(self._name_of(key))
        return combo

    def _card_stock(self, _key: str) -> QComboBox:
        combo = QComboBox()
        for template in self._book.cards.values():
            combo.addItem(template.name, template.id)
        return combo

    def fill_devices(
        self, combo: QComboBox, devices: list[AudioDevice], current: str, *, capture: bool
    ) -> None:
        """Offer the sound devices that record (``capture``) or play, keeping ``current``."""
        combo.clear()
        combo.addItem(self.tr("System default"), "")
        names = [d.name for d in devices if (d.inputs if capture else d.outputs)]
        for name in dict.fromkeys(names):
            combo.addItem(name, name)
        if current and current not in names:
            combo.addItem(self.tr("%s (not connected)") % current, current)
        combo.setCurrentIndex(max(0, combo.findData(current)))

    def fill_printers(self, combo: QComboBox, printers: list[str], current: str) -> None:
        """Offer these printers, keeping ``current`` (marked when it is not among them)."""
        combo.clear()
        combo.addItem(self.tr("The system's default printer"), "")
        for name in printers:
            combo.addItem(name, name)
        if current and current not in printers:
            text = self.tr("%s (looking…)") if not printers else self.tr("%s (not available)")
            combo.addItem(text % current, current)
        combo.setCurrentIndex(max(0, combo.findData(current)))
