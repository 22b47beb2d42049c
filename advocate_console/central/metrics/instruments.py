"""The metrics themselves, and the middleware that counts every request.

With several workers, ``serve`` sets ``PROMETHEUS_MULTIPROC_DIR`` before any worker
imports prometheus-client: each worker then writes its figures to files there, and
whichever worker answers ``/metrics`` adds them all up.
"""

from __future__ import annotations

import os
import time
from typing import Any

from prometheus_client import Counter, Gauge, Histogram
from sqlalchemy import Engine, event
from starlette.types import ASGIApp, Message, Receive, Scope, Send

REQUESTS = Counter(
    "advocate_requests",
    "HTTP requests answered, by route template and status",
    ["method", "route", "status"],
)
LATENCY = Histogram(
    "advocate_request_seconds",
    "Time to answer, by route template",
    ["method", "route"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.15, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0),
)
FEED_HEAD = Gauge(
    "advocate_change_feed_head",
    "The change feed's newest cursor",
    multiprocess_mode="max",
)
POOL_IN_USE = Gauge(
    "advocate_db_connections_in_use",
    "Database connections checked out of the workers' pools",
    multiprocess_mode="livesum",
)
POOL_OPEN = Gauge(
    "advocate_db_connections_open",
    "Database connections the workers' pools hold open",
    multiprocess_mode="livesum",
)
POOL_LIMIT = Gauge(
    "advocate_db_connections_limit",
    "The most connections the workers' pools may open",
    multiprocess_mode="livesum",
)
STREAMS = Gauge(
    "advocate_event_streams_open",
    "Consoles listening on /events/stream",
    multiprocess_mode="livesum",
)


def watch_pool(engine: Engine) -> None:
    """Count ``engine``'s connections in the pool gauges."""
    pool = engine.pool
    limit = getattr(pool, "size", lambda: 0)() + max(getattr(pool, "_max_overflow", 0), 0)
    POOL_LIMIT.inc(limit)

    @event.listens_for(engine, "connect")
    def _opened(*_args) -> None:
        POOL_OPEN.inc()

    @event.listens_for(engine, "close")
    def _closed(*_args) -> None:
        POOL_OPEN.dec()

    @event.listens_for(engine, "checkout")
    def _out(*_args) -> None:
        POOL_IN_USE.inc()

    @event.listens_for(engine, "checkin")
    def _in(*_args) -> None:
        POOL_IN_USE.dec()


class RequestMetrics:
    """ASGI middleware: each HTTP request counted and timed under its route template."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500

        async def sending(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, sending)
        finally:
            route = scope.get("route")
            # The template, never the raw path: ids in paths would make a series per id.
            template = getattr(route, "path", None) or "unmatched"
            method = scope["method"]
            if not template.endswith("/events/stream"):  # a stream's "latency" is its lifetime
                _series(LATENCY, method, template).observe(time.perf_counter() - started)
            _series(REQUESTS, method, template, str(status)).inc()


_SERIES: dict[tuple, Any] = {}


def _series(metric: Any, *labels: str) -> Any:
    # labels() takes a lock and checks every label on each call; the routes are few.
    key = (metric, *labels)
    if (series := _SERIES.get(key)) is None:
        series = _SERIES[key] = metric.labels(*labels)
    return series


def process_ended() -> None:
    """Take this worker's live gauges out of the sums (multiprocess mode)."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        from prometheus_client import multiprocess

        multiprocess.mark_process_dead(os.getpid())
