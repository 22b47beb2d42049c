"""What the advocate is asked and told about this computer's copy of the records: keep or
erase it at sign-out, and that it was erased (by choice, or by the company's order)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from advocate_console.auth.erase import Erased


class SignOutQuestion(QMessageBox):
    """Sign out: keep this computer's copy for the next sign-in (the default), or erase it."""

    sig_chosen = Signal(bool)
    """Sign out now; True to erase the local copy too (nothing is emitted on Cancel)."""

    def __init__(self, waiting: int, erase_by_default: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("signOutQuestion")
        self.setIcon(QMessageBox.Icon.Question)
        self.setWindowTitle(self.tr("Sign out"))
        self.setText(
            self.tr("Keep this computer's copy of the customer records for your next sign-in?")
        )
        details = self.tr(
            "Erasing it also removes your drafts and card queue; the next sign-in copies "
            "the records again."
        )
        if waiting:
            details += " " + self.tr(
                "%n change(s) not yet on the server would be lost.", "", waiting
            )
        self.setInformativeText(details)
        self.keep = self.addButton(self.tr("&Keep and sign out"), QMessageBox.ButtonRole.AcceptRole)
        self.erase = self.addButton(
            self.tr("&Erase and sign out"), QMessageBox.ButtonRole.DestructiveRole
        )
        self.addButton(QMessageBox.StandardButton.Cancel)
        self.setDefaultButton(self.erase if erase_by_default else self.keep)
        self.buttonClicked.connect(self._clicked)

    def _clicked(self, button) -> None:
        if button is self.keep:
            self.sig_chosen.emit(False)
        elif button is self.erase:
            self.sig_chosen.emit(True)


def erased_message(reason: str, erased: Erased, parent: QWidget | None = None) -> QMessageBox:
    """The message after an erase: why, and anything that could not be removed."""
    # No class of ours around the box: its messages are in a context named here.
    box = QMessageBox(parent)
    box.setObjectName("localDataErased")
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(QCoreApplication.translate("ErasedMessage", "Local data erased"))
    text = QCoreApplication.translate(
        "ErasedMessage",
        "This computer's copy of the customer records, your drafts and your card queue"
        " were erased.",
    )
    box.setText(f"{reason}\n\n{text}" if reason else text)
    if erased.problems:
        box.setIcon(QMessageBox.Icon.Warning)
        box.setDetailedText("\n".join(erased.problems))
        box.setInformativeText(
            QCoreApplication.translate(
                "ErasedMessage",
                "Some files could not be removed (see the details); ask your IT department.",
            )
        )
    else:
        box.setInformativeText(
            QCoreApplication.translate(
                "ErasedMessage", "The console starts afresh: sign in to continue."
            )
        )
    return box
