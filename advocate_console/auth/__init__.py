"""Signing in, with the token kept in the OS keyring (or in memory only, never a file).

Names load on first use (see ``advocate_console.lazy``): opening the local store at
start-up needs only the vault (its key), not the HTTP client and its schemas behind
signing in (requests and the API's pydantic shapes: about half a second).
"""

from typing import TYPE_CHECKING

from advocate_console.lazy import lazy_attributes

if TYPE_CHECKING:
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

__getattr__ = lazy_attributes(
    __name__,
    {
        **dict.fromkeys(
            (
                "SignedIn",
                "SignInError",
                "SignInThrottled",
                "change_password",
                "check_server_url",
                "resume",
                "sign_in",
                "sign_out",
            ),
            ".session",
        ),
        "InsecureKeyring": ".sip_password",
        "SipPasswords": ".sip_password",
        "SavedSession": ".vault",
        "TokenVault": ".vault",
        "is_secure": ".vault",
    },
)

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
