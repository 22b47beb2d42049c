"""The server's time, always in UTC; SQLite hands back naive datetimes, which are UTC too.

Everything time-based about signing in (token expiry, sign-in throttling) asks the app's
:class:`Clock`, so a test moves it forward instead of waiting (:class:`SettableClock`).
"""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta


def utc_now() -> datetime:
    """Now, in UTC."""
    return datetime.now(UTC)


def as_utc(value: datetime) -> datetime:
    """``value`` with its UTC zone restored (SQLite drops it) or converted to UTC."""
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Clock:
    """The real time: what a server uses unless a test gives it another clock."""

    def now(self) -> datetime:
        """Now, in UTC."""
        return utc_now()


SYSTEM_CLOCK = Clock()
"""The real time, for code that runs outside a request (the command line)."""


class SettableClock(Clock):
    """The real time moved by whatever a test says: a token's twelve hours pass at once.

    Time keeps running underneath, so things made one after another still get later times.
    """

    def __init__(self) -> None:
        self._offset = timedelta()
        self._lock = threading.Lock()  # the server's threads read it while a test moves it

    def now(self) -> datetime:
        """The real time plus every :meth:`advance` so far."""
        with self._lock:
            return utc_now() + self._offset

    def advance(self, by: timedelta) -> datetime:
        """Move the clock forward (or back, with a negative ``by``); returns the new now."""
        with self._lock:
            self._offset += by
        return self.now()
