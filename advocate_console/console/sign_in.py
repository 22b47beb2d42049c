"""Signing in: the saved sign-in resumed, the dialog when it is needed (once), a new
password when an administrator set one, sign-out, and the server's word that the token
is no longer good (or that this computer's copy is to be erased)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtWidgets import QWidget

from advocate_console.api import WipeOrdered
from advocate_console.auth import SignedIn, TokenVault, resume, sign_in, sign_out
from advocate_console.settings import SettingsLayers
from advocate_console.tasks import run_task
from advocate_console.ui.change_password_dialog import ChangePasswordDialog
from advocate_console.ui.locked_values import why_no_server
from advocate_console.ui.reason_words import error_text
from advocate_console.ui.sign_in_dialog import SignInDialog


class SignInFlow(QObject):
    """Who is signed in, and how they got there; the keyring and the network are
    always asked off the UI thread."""

    sig_signed_in = Signal(object)
    """An advocate signed in (:class:`SignedIn`)."""
    sig_signed_out = Signal()
    """Nobody is signed in any more (sign-out, or the token is no longer good)."""
    sig_message = Signal(str)
    """A line for the status bar (why signing in failed)."""
    sig_wipe_ordered = Signal(str)
    """The server ordered this computer's copy erased (the account is disabled, or was
    signed out everywhere with the wipe order); the text says why."""

    def __init__(
        self,
        vault: TokenVault,
        layers: Callable[[], SettingsLayers],
        qsettings: QSettings | None,
        window: QWidget,
    ) -> None:
        super().__init__(window)
        self.vault = vault
        self._layers = layers
        self.qsettings = qsettings
        self._window = window
        self.signed_in: SignedIn | None = None
        self.dialog: SignInDialog | None = None
        self.password_dialog: ChangePasswordDialog | None = None
        self.closed = False

    def resume_or_ask(self, server_url: str) -> None:
        """Use the saved sign-in for ``server_url`` if it is still good, else ask."""
        username = self._last_username(server_url)
        if not server_url or not username:
            self.ask(server_url, username)
            return
        ca_bundle = self._layers().settings.ca_bundle
        run_task(
            lambda: resume(server_url, username, self.vault, ca_bundle),
            lambda signed: self.use(signed) if signed else self.ask(server_url, username),
            lambda error: (
                self.sig_wipe_ordered.emit(error_text(error))
                if isinstance(error, WipeOrdered)
                else self.ask(server_url, username, error_text(error))
            ),
            owner=self,
        )

    def sign_in_as(self, server_url: str, username: str, password: str) -> None:
        """Sign in without asking (demo mode), off the UI thread."""
        ca_bundle = self._layers().settings.ca_bundle
        run_task(
            lambda: sign_in(server_url, username, password, self.vault, ca_bundle),
            self.use,
            lambda error: self.sig_message.emit(error_text(error)),
            owner=self,
        )

    def ask(self, server_url: str = "", username: str = "", reason: str = "") -> None:
        """Show the sign-in dialog (once); unsynced work stays where it is meanwhile."""
        if self.closed:
            return
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.raise_()  # asked again (F5): the one already open comes forward
            self.dialog.activateWindow()
            return
        if self.dialog is not None:  # cancelled before: a fresh one replaces it
            self.dialog.deleteLater()
        layers = self._layers()
        settings = layers.settings
        locked = "api_url" in layers.locked
        reason = reason or why_no_server(layers)  # IT locked it, but to nothing
        dialog = SignInDialog(
            self.vault,
            settings.api_url if locked else server_url or settings.api_url,
            username,
            reason,
            ca_bundle=settings.ca_bundle,
            server_locked=locked,
            parent=self._window,
        )
        dialog.sig_signed_in.connect(self.use)
        dialog.sig_wipe_ordered.connect(self.sig_wipe_ordered)
        self.dialog = dialog
        dialog.open()

    def ask_again(self) -> None:
        """The dialog again, for the last server and advocate (after it was cancelled)."""
        server_url = ""
        if self.qsettings is not None:
            server_url = str(self.qsettings.value("signin/server", ""))
        server_url = server_url or self._layers().settings.api_url
        self.ask(server_url, self._last_username(server_url))

    def use(self, signed: SignedIn) -> None:
        """Work as ``signed`` from now on."""
        if self.closed:
            signed.client.close()
            return
        if signed.password_change_required:  # an admin set it: nothing else until changed
            self._choose_password(signed, required=True)
            return
        self.signed_in = signed
        # Who signed in where is not secret; the token itself stays in the vault.
        if self.qsettings is not None:
            self.qsettings.setValue("signin/server", signed.session.server_url)
            self.qsettings.setValue("signin/username", signed.session.username)
        self.sig_signed_in.emit(signed)

    def change_password(self) -> None:
        """Console ▸ Change password…"""
        if self.signed_in is None:
            self.sig_message.emit(self.tr("Sign in first to change your password."))
            return
        self._choose_password(self.signed_in, required=False)

    def _choose_password(self, signed: SignedIn, *, required: bool) -> None:
        if self.password_dialog is not None:  # closed, but kept by the window
            self.password_dialog.deleteLater()
        settings = self._layers().settings
        dialog = ChangePasswordDialog(
            signed, self.vault, settings.ca_bundle, required=required, parent=self._window
        )
        if required:
            dialog.sig_changed.connect(lambda: self.use(signed))
            dialog.rejected.connect(lambda: self._give_up(signed))
        else:
            dialog.sig_changed.connect(lambda: self.sig_message.emit(self.tr("Password changed.")))
        self.password_dialog = dialog
        dialog.open()

    def _give_up(self, signed: SignedIn) -> None:
        vault = self.vault
        run_task(lambda: sign_out(signed, vault))
        self.ask(signed.session.server_url, signed.session.username)

    def forget(self) -> SignedIn | None:
        """Nobody is signed in from now on (this computer's copy is being erased); the
        session that was, for its token to be revoked."""
        signed, self.signed_in = self.signed_in, None
        if signed is not None:
            self.sig_signed_out.emit()
        return signed

    def sign_out(self) -> None:
        """Revoke the token and forget it, then ask who signs in next."""
        signed, self.signed_in = self.signed_in, None
        if signed is None:
            return
        self.sig_signed_out.emit()
        vault = self.vault
        run_task(lambda: sign_out(signed, vault))
        self.ask(signed.session.server_url, signed.session.username)

    def token_refused(self, reason: str) -> None:
        """The server no longer takes the token: forget it and ask again."""
        session = self.signed_in.session if self.signed_in else None
        self.signed_in = None
        self.sig_signed_out.emit()
        if session is not None:
            # The keyring may talk to D-Bus or ask to unlock: never on the UI thread.
            vault = self.vault
            run_task(lambda: vault.delete(session.server_url, session.username))
        self.ask(
            session.server_url if session else "",
            session.username if session else "",
            self.tr("%s Your unsynced work is kept and will be sent after you sign in.") % reason,
        )

    def _last_username(self, server_url: str) -> str:
        if self.qsettings is None:
            return ""
        if self.qsettings.value("signin/server", "") != server_url.rstrip("/"):
            return ""
        return str(self.qsettings.value("signin/username", ""))
