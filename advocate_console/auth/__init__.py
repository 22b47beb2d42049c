"""Signing in, with the token kept in the OS keyring (or in memory only, never a file)."""

from .session import (
    SignedIn,
    SignInError,
    SignInThrottled,
    change_password,
    check_server_url,
    resume,
    sign_in,
    sign_out,
)
from .sip_password import InsecureKeyring, SipPasswords
from .vault import SavedSession, TokenVault, is_secure

__all__ = [
    "InsecureKeyring",
    "SavedSession",
    "SignInError",
    "SignInThrottled",
    "SignedIn",
    "SipPasswords",
    "TokenVault",
    "change_password",
    "check_server_url",
    "is_secure",
    "resume",
    "sign_in",
    "sign_out",
]
