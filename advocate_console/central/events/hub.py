"""One worker's background work: the PostgreSQL listener (on SQLite, a watch on the
events table instead), the feed's head, pruning, the report tables' catch-up."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from datetime import timedelta

import anyio
from starlette.concurrency import run_in_threadpool

from advocate_console.central.core.database import Database
from advocate_console.central.core.retention import PRUNE_EVERY, prune
from advocate_console.central.metrics.instruments import FEED_HEAD
from advocate_console.central.reports.keeper import ReportKeeper

from .bell import BELL, CHANGES, Bell, NotifyListener
from .service import events_head, feed_head, users_with_events

log = logging.getLogger(__name__)

HEAD_POLL_SECONDS = 0.5
EVENTS_POLL_SECONDS = 0.05
"""SQLite: how often the events table's newest id is read (one primary-key lookup)."""


class EventHub:
    """Started with the app: listens for other workers' events and watches the feed's head.

    The head is polled (twice a second, one indexed query per worker) rather than
    announced with NOTIFY at every write: NOTIFY serialises the commits that send it,
    the very thing the change feed no longer does.
    """

    def __init__(
        self, db: Database, bell: Bell = BELL, retention: timedelta = timedelta(days=7)
    ) -> None:
        self.db = db
        self.retention = retention
        self.bell = bell
        self.head = 0
        self._listener = NotifyListener(db.url, bell) if db.is_postgresql else None
        self.reports = ReportKeeper(db)
        self._watcher: asyncio.Task | None = None
        self._pruner: asyncio.Task | None = None
        self._events_watcher: asyncio.Task | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self.shutdown: anyio.Event | None = None
        """Set when the server stops: every open stream then ends."""

    async def start(self) -> None:
        """Begin listening and watching (from the app's lifespan)."""
        self._loop = asyncio.get_running_loop()
        self.shutdown = anyio.Event()
        if self._listener is not None:
            self._listener.start()
        self.reports.start()
        self._watcher = asyncio.create_task(self._watch_head())
        self._pruner = asyncio.create_task(self._prune())
        if self._listener is None:
            self._events_watcher = asyncio.create_task(self._watch_events())

    def close_streams(self) -> None:
        """End every open stream (from any thread), so a stopping server need not wait.

        Under ``serve`` a signal does this through sse-starlette; an embedded server
        stopped from another thread calls it.
        """
        if self._loop is not None and self.shutdown is not None:
            with contextlib.suppress(RuntimeError):  # the loop is gone already
                self._loop.call_soon_threadsafe(self.shutdown.set)

    async def stop(self) -> None:
        """Stop all of it."""
        for task in (self._watcher, self._pruner, self._events_watcher):
            if task is not None:
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await task
        if self._listener is not None:
            await run_in_threadpool(self._listener.stop)
        await run_in_threadpool(self.reports.stop)

    async def _prune(self) -> None:
        # Old idempotency keys, spent tokens and old events go (the retention setting);
        # a while after start, then every hour, by whichever worker gets there first.
        await asyncio.sleep(60)
        while True:
            try:
                await run_in_threadpool(prune, self.db, self.retention)
            except Exception as error:
                log.warning("pruning failed: %s", error)
            await asyncio.sleep(PRUNE_EVERY.total_seconds())

    async def _watch_events(self) -> None:
        # SQLite has no NOTIFY: events another process wrote (a conference bridge beside
        # the API, as in the demo, or another worker) rang no bell here, and would wait
        # for a stream's periodic re-read. Their ids say whose streams to wake.
        seen = None
        while True:
            if seen is not None:
                await asyncio.sleep(EVENTS_POLL_SECONDS)
            try:
                head = await run_in_threadpool(events_head, self.db)
                if seen is None or head == seen:
                    seen = head
                    continue
                after = seen if head > seen else 0  # pruned down to nothing, then refilled
                users = await run_in_threadpool(users_with_events, self.db, after, head)
            except Exception as error:  # the database is away; the streams' reads say so
                log.debug("events head unreadable: %s", error)
                continue
            seen = head
            for user in users:
                self.bell.ring(user)

    async def _watch_head(self) -> None:
        first = True
        while True:
            if not first:
                await asyncio.sleep(HEAD_POLL_SECONDS)
            first = False
            try:
                head = await run_in_threadpool(feed_head, self.db)
            except Exception as error:  # the database is away; the streams' reads say so
                log.debug("feed head unreadable: %s", error)
                continue
            FEED_HEAD.set(head)
            if head != self.head:
                self.head = head
                self.bell.ring(CHANGES)
