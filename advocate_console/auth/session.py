"""Signing in and out against the central API, with the token kept by the vault."""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from urllib.parse import urlsplit

from advocate_console.api import (
    ApiError,
    CentralClient,
    Rejected,
    SignedOut,
    TooManyAttempts,
    WipeOrdered,
)

from .vault import SavedSession, TokenVault


class SignInError(Exception):
    """Signing in did not work; the message tells the advocate what to do, in English
    (the log); ``code`` and ``values`` are for ``ui/`` to say it in their language
    (``bad_address``, ``needs_https``, ``no_credentials``, ``wrong_password``, or the
    server's code when its answer had one)."""

    def __init__(self, message: str, code: str = "", values: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.code = code
        self.values = values


class SignInThrottled(SignInError):
    """Too many failed sign-ins: the server takes none for ``minutes`` minutes."""

    def __init__(self, minutes: int) -> None:
        super().__init__(f"Too many attempts; try again in {minutes} minutes.", "throttled")
        self.minutes = minutes


@dataclass
class SignedIn:
    """A client with a live token, and the session the vault keeps for it."""

    client: CentralClient
    session: SavedSession
    # An admin set the password: the token serves only to choose a new one, and is kept
    # in the vault only once that is done.
    password_change_required: bool = False


def check_server_url(url: str) -> str:
    """The URL, tidied; raises SignInError when it cannot be a central server's address.

    Plain http is only accepted on this computer (the demo and tests): a token must never
    cross a network unencrypted.
    """
    url = url.strip().rstrip("/")
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise SignInError(
            "Enter the server address, like https://advocates.example.com", "bad_address"
        )
    if parts.scheme == "http" and not _is_loopback(parts.hostname):
        raise SignInError(
            "Use an https:// address: the connection to the server must be encrypted.",
            "needs_https",
        )
    return url


def sign_in(
    server_url: str,
    username: str,
    password: str,
    vault: TokenVault,
    ca_bundle: str | None = None,
) -> SignedIn:
    """Exchange the password for a token and keep it in the vault."""
    server_url = check_server_url(server_url)
    if not username.strip() or not password:
        raise SignInError("Enter your user name and password.", "no_credentials")
    client = CentralClient(server_url, ca_bundle=ca_bundle or None)
    try:
        token = client.sign_in(username.strip(), password)
    except TooManyAttempts as error:
        client.close()
        raise SignInThrottled(error.minutes) from None
    except WipeOrdered:  # a disabled account: this computer's copy of it goes too
        client.close()
        raise
    except (SignedOut, Rejected):
        client.close()
        raise SignInError(
            "That user name and password do not match. Try again.", "wrong_password"
        ) from None
    except ApiError as error:
        client.close()
        raise SignInError(str(error), error.code, error.values) from None
    session = SavedSession(
        server_url=server_url,
        username=username.strip(),
        token=token.access_token,
        expires_at=token.expires_at,
        advocate=token.advocate,
    )
    if not token.password_change_required:
        vault.save(session)
    return SignedIn(client, session, token.password_change_required)


def change_password(
    signed: SignedIn,
    current_password: str,
    new_password: str,
    vault: TokenVault,
    ca_bundle: str | None = None,
) -> None:
    """Choose a new password (on a worker thread: the sync thread has the session's own
    client). The token stays good, and is kept in the vault from now on."""
    client = CentralClient(
        signed.session.server_url, token=signed.session.token, ca_bundle=ca_bundle or None
    )
    try:
        client.change_password(current_password, new_password)
    finally:
        client.close()
    signed.password_change_required = False
    vault.save(signed.session)


def resume(
    server_url: str, username: str, vault: TokenVault, ca_bundle: str | None = None
) -> SignedIn | None:
    """The saved session if it is still good, else None (the sign-in dialog is needed);
    raises WipeOrdered when the server orders this computer's copy erased.

    Offline, a saved token that has not expired is trusted: the advocate keeps working
    and the server has its say at the next sync.
    """
    saved = vault.load(server_url, username)
    if saved is None:
        return None
    client = CentralClient(saved.server_url, token=saved.token, ca_bundle=ca_bundle or None)
    try:
        client.me()
    except WipeOrdered:  # the caller erases this computer's copy
        client.close()
        raise
    except SignedOut:  # revoked on the server
        client.close()
        vault.delete(server_url, username)
        return None
    except ApiError:
        pass
    return SignedIn(client, saved)


def sign_out(signed_in: SignedIn, vault: TokenVault) -> None:
    """Revoke the token on the server when reachable, and forget it here in any case."""
    try:
        signed_in.client.sign_out()
    except ApiError:
        pass  # offline: the token is forgotten here and expires on its own there
    finally:
        vault.delete(signed_in.session.server_url, signed_in.session.username)
        signed_in.client.close()


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
