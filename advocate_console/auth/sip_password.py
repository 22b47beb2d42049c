"""The built-in phone's SIP password, kept in the OS keyring (never in a settings file).

The keyring can block (it may ask the desktop to unlock), so every method here is called
from a worker thread.
"""

from __future__ import annotations

import keyring
from keyring.backend import KeyringBackend

from advocate_console.settings import SIP_PASSWORD_SERVICE

from .vault import is_secure


class InsecureKeyring(RuntimeError):
    """There is no secure keyring here to keep the password in."""


class SipPasswords:
    """One keyring entry per SIP user, under the service ``advocate-console-sip``."""

    def __init__(self, backend: KeyringBackend | None = None) -> None:
        self._backend = backend or keyring.get_keyring()
        self.secure = is_secure(self._backend)

    def read(self, user: str) -> str:
        """The saved password of ``user``; "" when there is none."""
        if not user or not self.secure:
            return ""
        return self._backend.get_password(SIP_PASSWORD_SERVICE, user) or ""

    def is_saved(self, user: str) -> bool:
        """True when a password is saved for ``user``."""
        return bool(self.read(user))

    def save(self, user: str, password: str) -> None:
        """Keep ``password`` for ``user``; raises :class:`InsecureKeyring` without a keychain."""
        if not self.secure:
            raise InsecureKeyring(
                "No secure keyring is available on this computer to keep the SIP password."
            )
        self._backend.set_password(SIP_PASSWORD_SERVICE, user, password)
