"""Client of the central API and the wire shapes it shares with the reference server.

Names load on first use (see ``advocate_console.lazy``): a process that only reads the
change feed does not import the HTTP client.
"""

from typing import TYPE_CHECKING

from advocate_console.lazy import lazy_attributes

if TYPE_CHECKING:
    from .client import CentralClient, collection_path
    from .errors import (
        ApiError,
        BadResponse,
        Conflict,
        Offline,
        Rejected,
        ServerError,
        SignedOut,
        TooManyAttempts,
        WipeOrdered,
    )

_ERRORS = (
    "ApiError",
    "BadResponse",
    "Conflict",
    "Offline",
    "Rejected",
    "ServerError",
    "SignedOut",
    "TooManyAttempts",
    "WipeOrdered",
)
__getattr__ = lazy_attributes(
    __name__,
    {
        "CentralClient": ".client",
        "collection_path": ".client",
        **dict.fromkeys(_ERRORS, ".errors"),
    },
)

__all__ = [
    "ApiError",
    "BadResponse",
    "CentralClient",
    "Conflict",
    "Offline",
    "Rejected",
    "ServerError",
    "SignedOut",
    "TooManyAttempts",
    "WipeOrdered",
    "collection_path",
]
