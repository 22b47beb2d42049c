"""Where the advocate's token and the local store's key live: the OS keychain, or, when
there is none, memory only (and then the console keeps no local copy on disk).

Never a file, a log line or the database. The keyring can block (it may ask the
desktop to unlock), so callers use it from a worker thread.
"""

from __future__ import annotations

import json
import logging
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import keyring
import keyring.errors
from keyring.backend import KeyringBackend

if TYPE_CHECKING:  # (a restart reads the store's key before the records' classes load)
    from advocate_console.domain import Advocate

log = logging.getLogger(__name__)

SERVICE = "advocate-console"
# Which entries this console saved (their names, nothing secret): a keyring cannot be
# asked for its entries, and erasing this computer's data must find them all.
INDEX = "saved-sign-ins"
STORE_KEY = "local-store-key"  # + ":" + the store's path: one key per local store

# Backends that keep secrets in the clear (or nowhere): a token is never given to them.
STORE_KEY_BYTES = 32  # SQLCipher's raw key
_INSECURE_MODULES = ("keyring.backends.fail", "keyring.backends.null", "keyrings.alt")


@dataclass(frozen=True)
class SavedSession:
    """A signed-in session as kept between runs of the app."""

    server_url: str
    username: str
    token: str
    expires_at: datetime
    advocate: Advocate

    @property
    def expired(self) -> bool:
        """True once the token's lifetime is over."""
        return datetime.now(UTC) >= self.expires_at

    def __repr__(self) -> str:  # never show the token, even in a traceback
        return f"SavedSession({self.username}@{self.server_url}, expires {self.expires_at})"


def is_secure(backend: KeyringBackend) -> bool:
    """True for a real OS keychain (Secret Service, macOS Keychain, Windows Credentials)."""
    chained = getattr(backend, "backends", None)
    if chained:  # a chainer writes to its highest-priority backend
        return is_secure(max(chained, key=lambda b: b.priority))
    return not type(backend).__module__.startswith(_INSECURE_MODULES)


class TokenVault:
    """Saves, reads and deletes tokens: one keyring entry per server and user."""

    def __init__(self, backend: KeyringBackend | None = None, *, memory_only: bool = False):
        """Use ``backend`` (default: the system keyring); ``memory_only`` quietly keeps
        tokens in memory (demo mode, whose server lives only as long as the app)."""
        self._memory: dict[str, str] = {}
        self.warning: str | None = None  # English, for the log
        # The same for ui/ to word: "no_keyring", or "keyring_refused" with its error.
        self.warning_code: tuple[str, ...] = ()
        self._backend = None if memory_only else (backend or keyring.get_keyring())
        self.secure = self._backend is not None and is_secure(self._backend)
        if not self.secure and not memory_only:
            self._memory_only(
                "No secure keyring is available on this computer, so you will be asked to "
                "sign in each time the console starts.",
                "no_keyring",
            )

    def save(self, session: SavedSession) -> None:
        """Keep ``session`` until it expires or is deleted."""
        value = json.dumps(
            {
                "token": session.token,
                "expires_at": session.expires_at.isoformat(),
                "advocate": session.advocate.model_dump(mode="json"),
            }
        )
        key = _entry(session.server_url, session.username)
        if self.secure:
            try:
                self._backend.set_password(SERVICE, key, value)
                self._index(add=key)
                return
            except keyring.errors.KeyringError as error:
                self._memory_only(
                    f"The keyring refused to store the sign-in ({error}).",
                    "keyring_refused",
                    str(error),
                )
        self._memory[key] = value

    def load(self, server_url: str, username: str) -> SavedSession | None:
        """The saved session, or None when there is none, it expired or is unreadable."""
        key = _entry(server_url, username)
        value = self._memory.get(key)
        if value is None and self.secure:
            try:
                value = self._backend.get_password(SERVICE, key)
            except keyring.errors.KeyringError as error:
                log.warning("Could not read the keyring: %s", error)
                return None
        if value is None:
            return None
        from advocate_console.domain import Advocate

        try:
            data = json.loads(value)
            session = SavedSession(
                server_url=server_url,
                username=username,
                token=data["token"],
                expires_at=datetime.fromisoformat(data["expires_at"]),
                advocate=Advocate.model_validate(data["advocate"]),
            )
        except (ValueError, KeyError, TypeError):
            log.warning("Ignoring an unreadable saved sign-in for %s", key)
            self.delete(server_url, username)
            return None
        if session.expired:
            self.delete(server_url, username)
            return None
        return session

    def delete(self, server_url: str, username: str) -> None:
        """Forget the session (sign-out)."""
        key = _entry(server_url, username)
        self._memory.pop(key, None)
        if self.secure:
            self._delete_entry(key)
            self._index(remove=key)

    def store_key(self, store_path: Path) -> bytes | None:
        """The key of the local store at ``store_path``, made and kept on first use; None
        without a secure keyring (the console then keeps its copy in memory only)."""
        if not self.secure:
            return None
        name = f"{STORE_KEY}:{Path(store_path).expanduser().resolve()}"
        try:
            saved = self._backend.get_password(SERVICE, name)
            if saved:
                return bytes.fromhex(saved)
            key = secrets.token_bytes(STORE_KEY_BYTES)
            self._backend.set_password(SERVICE, name, key.hex())
        except (keyring.errors.KeyringError, ValueError) as error:
            log.warning("The keyring cannot keep the local store's key: %s", error)
            return None
        self._index(add=name)
        return key

    def delete_all(self) -> int:
        """Forget every sign-in and store key this console saved (erasing this computer's
        data); how many entries there were."""
        names = set(self._memory) | set(self._saved_names())
        self._memory.clear()
        if self.secure:
            for name in names:
                self._delete_entry(name)
            self._delete_entry(INDEX)
        return len(names)

    def _saved_names(self) -> list[str]:
        if not self.secure:
            return []
        try:
            names = json.loads(self._backend.get_password(SERVICE, INDEX) or "[]")
        except (ValueError, keyring.errors.KeyringError):
            return []
        return [name for name in names if isinstance(name, str)] if isinstance(names, list) else []

    def _index(self, add: str | None = None, remove: str | None = None) -> None:
        names = [name for name in self._saved_names() if name != remove]
        if add is not None and add not in names:
            names.append(add)
        try:
            if names:
                self._backend.set_password(SERVICE, INDEX, json.dumps(names))
            else:
                self._delete_entry(INDEX)
        except keyring.errors.KeyringError as error:
            log.warning("Could not note the saved sign-in: %s", error)

    def _delete_entry(self, name: str) -> None:
        try:
            self._backend.delete_password(SERVICE, name)
        except keyring.errors.PasswordDeleteError:
            pass  # nothing was saved
        except keyring.errors.KeyringError as error:
            log.warning("Could not delete a saved sign-in: %s", error)

    def _memory_only(self, reason: str, *code: str) -> None:
        if self.warning is None:  # say it once
            log.warning("%s Keeping the token in memory only.", reason)
        self.warning = reason
        self.warning_code = code
        self.secure = False


def _entry(server_url: str, username: str) -> str:
    return f"{username}@{server_url.rstrip('/')}"
