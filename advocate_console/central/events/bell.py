"""Waking the streams of this worker: a bell rung after commit here, or by PostgreSQL's
``NOTIFY`` from another worker."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import threading
from collections.abc import Hashable
from uuid import UUID

from sqlalchemy.engine import make_url

log = logging.getLogger(__name__)

NOTIFY_CHANNEL = "advocate_events"
CHANGES = "changes"
"""The bell's key for "the change feed moved"."""


class Subscription:
    """One stream's place at the bell: set when any of its keys rings."""

    def __init__(self, bell: Bell, keys: tuple[Hashable, ...]) -> None:
        self.bell = bell
        self.keys = keys
        self.loop = asyncio.get_running_loop()
        self._rung = asyncio.Event()
        self._keys: set[Hashable] = set()

    def _ring(self, key: Hashable) -> None:  # on the subscription's own loop
        self._keys.add(key)
        self._rung.set()

    async def wait(self, timeout: float) -> set[Hashable]:
        """The keys rung since the last wait, once any is (empty after ``timeout`` s)."""
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._rung.wait(), timeout)
        self._rung.clear()
        keys, self._keys = self._keys, set()
        return keys

    def close(self) -> None:
        """Stop listening."""
        self.bell.unsubscribe(self)


class Bell:
    """Wakes the subscriptions listening for a key, from any thread."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._subscriptions: dict[Hashable, set[Subscription]] = {}

    def subscribe(self, *keys: Hashable) -> Subscription:
        """A subscription to ``keys`` (call from the event loop that will wait on it)."""
        subscription = Subscription(self, keys)
        with self._lock:
            for key in keys:
                self._subscriptions.setdefault(key, set()).add(subscription)
        return subscription

    def unsubscribe(self, subscription: Subscription) -> None:
        """Forget ``subscription``."""
        with self._lock:
            for key in subscription.keys:
                listening = self._subscriptions.get(key)
                if listening is not None:
                    listening.discard(subscription)
                    if not listening:
                        del self._subscriptions[key]

    def ring(self, key: Hashable) -> None:
        """Wake everyone listening for ``key``."""
        with self._lock:
            listening = list(self._subscriptions.get(key, ()))
        for subscription in listening:
            try:
                subscription.loop.call_soon_threadsafe(subscription._ring, key)
            except RuntimeError:  # its loop closed: the stream is gone
                self.unsubscribe(subscription)


BELL = Bell()
"""This process's bell."""


LISTEN_WAIT_S = 0.2
"""How long the listener waits for a notification before it looks whether to stop."""


class NotifyListener:
    """A thread that LISTENs on PostgreSQL and rings the bell for each notification."""

    def __init__(self, database_url: str, bell: Bell = BELL) -> None:
        url = make_url(database_url).set(drivername="postgresql")
        self._conninfo = url.render_as_string(hide_password=False)
        self._bell = bell
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="event-listener", daemon=True)
        self.listening = threading.Event()

    def start(self) -> None:
        """Begin listening."""
        self._thread.start()

    def stop(self) -> None:
        """Stop within a fifth of a second."""
        self._stop.set()
        self._thread.join(5.0)

    def _run(self) -> None:
        import psycopg

        delay = 0.5
        while not self._stop.is_set():
            try:
                with psycopg.connect(self._conninfo, autocommit=True) as connection:
                    connection.execute(f"LISTEN {NOTIFY_CHANNEL}")
                    self.listening.set()
                    delay = 0.5
                    while not self._stop.is_set():
                        # A short wait: a stopping server (every test's) waits for it.
                        for notice in connection.notifies(timeout=LISTEN_WAIT_S):
                            self._ring(notice.payload)
            except Exception as error:  # the database went away: try again, backing off
                self.listening.clear()
                log.warning("event listener lost the database (%s); retrying", error)
                self._stop.wait(delay)
                delay = min(delay * 2, 10.0)

    def _ring(self, payload: str) -> None:
        try:
            self._bell.ring(UUID(payload))
        except ValueError:
            log.warning("ignored a notification that names no user: %r", payload)
