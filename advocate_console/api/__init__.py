"""Client of the central API and the wire shapes it shares with the reference server."""

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
