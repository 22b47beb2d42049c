"""Every way a call to the central API can fail, each with a message for people."""

from __future__ import annotations

from typing import Any

from advocate_console.domain.reasons import Reason


class ApiError(Exception):
    """A call to the central API did not succeed; ``str(error)`` explains it in English,
    and ``code`` with its ``values`` ("" where the server sent none) let ``ui/`` say it
    in the advocate's language."""

    code: str = ""
    values: tuple[str, ...] = ()

    def coded(self, code: str, *values: object) -> ApiError:
        """This error with ``code`` and ``values`` (for errors the console makes itself)."""
        self.code, self.values = code, tuple(str(value) for value in values)
        return self

    def reason(self) -> Reason:
        """The error as a :class:`Reason` (what the outbox keeps with a refused change)."""
        return Reason(str(self), self.code, self.values)

    @property
    def message(self) -> str:
        """The explanation."""
        return str(self)


class Offline(ApiError):
    """The server could not be reached (no network, refused, timed out, TLS refused)."""


class SignedOut(ApiError):
    """No valid token: never signed in, expired, or revoked."""


class WipeOrdered(SignedOut):
    """Signed out with the order to erase this computer's copy: the account was disabled,
    or an administrator signed it out everywhere with the wipe order."""


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


class TooManyAttempts(Rejected):
    """Too many failed sign-ins (429): the server takes none for ``retry_after`` seconds."""

    def __init__(self, message: str, retry_after: int) -> None:
        super().__init__(message, 429)
        self.retry_after = retry_after

    @property
    def minutes(self) -> int:
        """The wait in whole minutes, rounded up (at least 1)."""
        return max(1, -(-self.retry_after // 60))


class Conflict(ApiError):
    """Someone changed the record first; ``current`` is the server's version of it."""

    def __init__(self, message: str, current: dict[str, Any] | None = None) -> None:
        super().__init__(message)
        self.current = current


class BadResponse(ApiError):
    """The answer was not what the API promises (not JSON, wrong shape, an HTML page)."""
