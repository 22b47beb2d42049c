"""Sign-in: server address, user name, password; the password never leaves memory."""

from __future__ import annotations

from urllib.parse import urlsplit

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

from advocate_console.api import WipeOrdered
from advocate_console.api.address import NotAnAdvocateServer, check_address
from advocate_console.auth import (
    SignedIn,
    SignInError,
    SignInThrottled,
    TokenVault,
    check_server_url,
    sign_in,
)
from advocate_console.domain.reasons import Reason
from advocate_console.tasks import run_task

from .problem_labels import problem_labels
from .reason_words import error_text, reason_text


class SignInDialog(QDialog):
    """Asks for credentials and signs in off the UI thread; explains every failure."""

    sig_signed_in = Signal(object)
    """Signing in worked: the :class:`SignedIn` session."""
    sig_wipe_ordered = Signal(str)
    """The account is disabled: this computer's copy is to be erased, for this reason."""

    def __init__(
        self,
        vault: TokenVault,
        server_url: str = "",
        username: str = "",
        reason: str = "",
        ca_bundle: str | None = None,
        server_locked: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sign in to Advocate Console"))
        self.setObjectName("signInDialog")
        self._vault = vault
        self._ca_bundle = ca_bundle

        self.reason = QLabel(reason)
        self.reason.setWordWrap(True)
        self.reason.setVisible(bool(reason))
        self.server = QLineEdit(server_url)
        self.server.setPlaceholderText("https://advocates.example.com")
        self.server.setAccessibleName(self.tr("Server address"))
        self.server.setReadOnly(server_locked)
        self.username = QLineEdit(username)
        self.username.setAccessibleName(self.tr("User name"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password"))
        self.message = QLabel()
        self.message.setObjectName("signInError")
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Sign-in problem"))
        self.message.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Sign in"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow(self.tr("&Server"), self.server)
        form.addRow(self.tr("&User name"), self.username)
        form.addRow(self.tr("&Password"), self.password)
        layout = QVBoxLayout(self)
        layout.addWidget(self.reason)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        if vault.warning:
            note = QLabel(self._vault_warning(vault))
            note.setWordWrap(True)
            layout.insertWidget(2, note)
        self._fit_size(server_url)
        (self.password if server_url and username else self.server).setFocus()

    def _fit_size(self, server_url: str) -> None:
        # Wide enough for its own title beside the title bar's buttons, and for a whole
        # server address: a dialog sized to its fields alone cut both.
        metrics = self.fontMetrics()
        self.server.setMinimumWidth(
            metrics.horizontalAdvance(
                max(server_url, "https://advocates.example.com:8443", key=len)
            )
            + 24
        )
        self.setMinimumWidth(
            max(
                metrics.horizontalAdvance(self.windowTitle()) + 160, metrics.averageCharWidth() * 60
            )
        )

    def submit(self) -> None:
        """Check the form, then sign in on a worker thread."""
        try:
            check_server_url(self.server.text())
        except SignInError as error:
            self._show_problem(self.sign_in_problem(error), self.server)
            return
        if not self.username.text().strip():
            self._show_problem(self.tr("Enter your user name."), self.username)
            return
        if not self.password.text():
            self._show_problem(self.tr("Enter your password."), self.password)
            return
        server, username, password = self.server.text(), self.username.text(), self.password.text()
        vault, ca_bundle = self._vault, self._ca_bundle

        def check_then_sign_in() -> SignedIn:
            # The password goes only to an address that answers as our API does.
            check_address(check_server_url(server), ca_bundle)
            return sign_in(server, username, password, vault, ca_bundle)

        self._busy(True)
        run_task(check_then_sign_in, self._signed_in, self._failed, owner=self)

    def _signed_in(self, signed: SignedIn) -> None:
        self.password.clear()
        self._busy(False)
        self.sig_signed_in.emit(signed)
        self.accept()

    def _failed(self, error: Exception) -> None:
        self._busy(False)
        self.message.setToolTip("")
        if isinstance(error, NotAnAdvocateServer):
            host = urlsplit(self.server.text().strip()).netloc or self.server.text()
            self._show_problem(problem_labels().address_problem(error.problem, host), self.server)
            self.message.setToolTip(error.detail)
            self.server.selectAll()
            return
        self.password.selectAll()
        if isinstance(error, WipeOrdered):
            self._show_problem(error_text(error), self.password)
            self.sig_wipe_ordered.emit(error_text(error))
            self.reject()
            return
        if isinstance(error, SignInThrottled):
            message = self.tr("Too many attempts; try again in %n minute(s).", "", error.minutes)
        elif isinstance(error, SignInError):
            message = self.sign_in_problem(error)
        else:
            message = self.tr("Sign-in failed: %s") % error_text(error)
        self._show_problem(message, self.password)

    def _vault_warning(self, vault: TokenVault) -> str:
        code, *values = vault.warning_code or ("",)
        if code == "no_keyring":
            return self.tr(
                "No secure keyring is available on this computer, so you will be asked to"
                " sign in each time the console starts."
            )
        if code == "keyring_refused":
            return self.tr("The keyring refused to store the sign-in (%s).") % values[0]
        return vault.warning or ""

    def sign_in_problem(self, error: SignInError) -> str:
        """Why signing in did not work, in the advocate's words (from its code)."""
        texts = {
            "bad_address": self.tr("Enter the server address, like https://advocates.example.com"),
            "needs_https": self.tr(
                "Use an https:// address: the connection to the server must be encrypted."
            ),
            "no_credentials": self.tr("Enter your user name and password."),
            "wrong_password": self.tr("That user name and password do not match. Try again."),
        }
        if error.code in texts:
            return texts[error.code]
        return reason_text(Reason(str(error), error.code, error.values))

    def _show_problem(self, text: str, field: QLineEdit) -> None:
        self.message.setText(text)
        self.message.show()
        field.setFocus()

    def _busy(self, busy: bool) -> None:
        for widget in (self.server, self.username, self.password, self.buttons):
            widget.setEnabled(not busy)
        if busy:
            self.message.setText(self.tr("Signing in…"))
            self.message.show()
