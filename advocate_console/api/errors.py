"""Every way a call to the central API can fail, each with a message for people."""

from __future__ import annotations

from typing import Any


class ApiError(Exception):
    """A call to the central API did not succeed; ``str(error)`` explains it to a person."""

    @property
    def message(self) -> str:
        """The explanation."""
        return str(self)


class Offline(ApiError):
    """The server could not be reached (no network, refused, timed out, TLS refused)."""


class SignedOut(ApiError):
    """No valid token: never signed in, expired, or revoked."""


class ServerError(ApiError):
    """The server failed (5xx) even after retries."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


class Rejected(ApiError):
    """The server refused the input (4xx) and said why."""

    def __init__(self, message: str, status: int, problems: list[str] | None = None) -> None:
        super().__init__(message if not problems else f"{message} ({'; '.join(problems)})")
        self.status = status
        self.problems = problems or []


class Conflict(ApiError):
    """Someone changed the record first; ``current`` is the server's version of it."""

    def __init__(self, message: str, current: dict[str, Any] | None = None) -> None:
        super().__init__(message)
        self.current = current


class BadResponse(ApiError):
    """The answer was not what the API promises (not JSON, wrong shape, an HTML page)."""
