"""Console ▸ Change password…: the advocate chooses a new password (required after an
administrator set one)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from advocate_console.api import Rejected
from advocate_console.auth import SignedIn, TokenVault, change_password
from advocate_console.domain.passwords import (
    MAX_LENGTH,
    MIN_LENGTH,
    PasswordProblem,
    password_problem,
)
from advocate_console.tasks import run_task

from .fields import problem_label
from .reason_words import error_text


class ChangePasswordDialog(QDialog):
    """The current password, the new one twice; checked here first, then by the server."""

    sig_changed = Signal()
    """The server took the new password."""

    def __init__(
        self,
        signed: SignedIn,
        vault: TokenVault,
        ca_bundle: str | None = None,
        *,
        required: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Change password"))
        self.setObjectName("changePasswordDialog")
        self._signed = signed
        self._vault = vault
        self._ca_bundle = ca_bundle

        self.current = self._password_field(self.tr("Current password"))
        self.new = self._password_field(self.tr("New password"))
        self.again = self._password_field(self.tr("New password again"))
        self.problem = problem_label(self.tr("Problem with the password"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Password change status"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Change"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self._intro(required))
        layout.addLayout(self._fields())
        layout.addWidget(self._hint())
        layout.addWidget(self.problem)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.current.setFocus()

    def _intro(self, required: bool) -> QLabel:
        """Why the dialog is open: required by the administrator, or asked for."""
        intro = QLabel(
            self.tr(
                "Your administrator set your password. Choose a new one to continue; "
                "only you will know it."
            )
            if required
            else self.tr("Choose a new password. Other computers signed in as you sign out.")
        )
        intro.setWordWrap(True)
        return intro

    def _hint(self) -> QLabel:
        """What makes a password the server takes."""
        hint = QLabel(
            self.tr(
                "At least %n characters, and not a common password: a few words you will "
                "remember make a good one.",
                "",
                MIN_LENGTH,
            )
        )
        hint.setWordWrap(True)
        return hint

    def _fields(self) -> QFormLayout:
        form = QFormLayout()
        for text, field in (
            (self.tr("&Current password"), self.current),
            (self.tr("&New password"), self.new),
            (self.tr("New password &again"), self.again),
        ):
            label = QLabel(text)
            label.setBuddy(field)
            form.addRow(label, field)
        return form

    def _password_field(self, name: str) -> QLineEdit:
        field = QLineEdit()
        field.setEchoMode(QLineEdit.EchoMode.Password)
        field.setAccessibleName(name)
        return field

    def submit(self) -> None:
        """Check the fields, then send the change on a worker thread."""
        current, new = self.current.text(), self.new.text()
        if not current:
            self._show_problem(self.tr("Enter your current password."), self.current)
            return
        problem = password_problem(new, self._signed.session.username)
        if problem is not None:
            self._show_problem(self._explain(problem), self.new)
            return
        if new != self.again.text():
            self._show_problem(self.tr("The two new passwords differ."), self.again)
            return
        self._show_problem("", None)
        self._busy(True)
        signed, vault, ca_bundle = self._signed, self._vault, self._ca_bundle
        run_task(
            lambda: change_password(signed, current, new, vault, ca_bundle),
            lambda _none: self._changed(),
            self._failed,
        )

    def _explain(self, problem: PasswordProblem) -> str:
        return {
            PasswordProblem.TOO_SHORT: self.tr(
                "The new password needs at least %n characters.", "", MIN_LENGTH
            ),
            PasswordProblem.TOO_LONG: self.tr(
                "The new password may have at most %n characters.", "", MAX_LENGTH
            ),
            PasswordProblem.TOO_COMMON: self.tr(
                "That is one of the most common passwords; choose another."
            ),
            PasswordProblem.SAME_AS_USER_NAME: self.tr(
                "The new password must not be your user name."
            ),
        }[problem]

    def _changed(self) -> None:
        for field in (self.current, self.new, self.again):
            field.clear()
        self._busy(False)
        self.sig_changed.emit()
        self.accept()

    def _failed(self, error: Exception) -> None:
        self._busy(False)
        if isinstance(error, Rejected) and error.status == 403:
            self._show_problem(self.tr("The current password is not right."), self.current)
        elif isinstance(error, Rejected):
            self._show_problem(self.tr("The server refused it: %s") % error_text(error), self.new)
        else:  # offline, or signed out meanwhile: nothing changed
            self.message.setText(self.tr("Your password was not changed: %s") % error_text(error))

    def _show_problem(self, text: str, field: QLineEdit | None) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))
        if field is not None:
            field.selectAll()
            field.setFocus()

    def _busy(self, busy: bool) -> None:
        for widget in (self.current, self.new, self.again, self.buttons):
            widget.setEnabled(not busy)
        self.message.setText(self.tr("Changing your password…") if busy else "")
