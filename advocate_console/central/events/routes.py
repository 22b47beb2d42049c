"""``GET /events/stream``: a signed-in console's own events, as Server-Sent Events."""

from __future__ import annotations

import json
import time
from collections.abc import AsyncIterator, Callable
from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Header, Request
from sse_starlette import EventSourceResponse, ServerSentEvent
from starlette.concurrency import run_in_threadpool

from advocate_console.api.events import HEARTBEAT_SECONDS, STREAM_PATH, EventKind
from advocate_console.api.schemas import ErrorBody
from advocate_console.central.auth.dependencies import BearerToken, CurrentAdvocate
from advocate_console.central.auth.service import bearer_for_token
from advocate_console.central.core.clock import Clock
from advocate_console.central.core.database import Database
from advocate_console.central.core.deps import ClockDep, DatabaseDep, SettingsDep
from advocate_console.central.core.errors import ApiError
from advocate_console.central.metrics.instruments import STREAMS

from .bell import BELL, CHANGES
from .hub import EventHub
from .service import parse_event_id, read_events, tail_position

router = APIRouter(tags=["events"])

# A stream re-reads the queue at least this often even when no bell rang (a NOTIFY lost
# while a worker's listener reconnected is found this way).
REREAD_SECONDS = 15.0


@router.get(
    STREAM_PATH,
    name="event_stream",
    response_class=EventSourceResponse,
    responses={
        200: {"content": {"text/event-stream": {}}, "description": "Server-Sent Events"},
        401: {"model": ErrorBody},
    },
)
async def event_stream(
    request: Request,
    db: DatabaseDep,
    settings: SettingsDep,
    who: CurrentAdvocate,
    token: BearerToken,
    clock: ClockDep,
    last_event_id: Annotated[
        str | None,
        Header(alias="Last-Event-ID", max_length=40, description="the id of the last event seen"),
    ] = None,
) -> EventSourceResponse:
    """This advocate's events: screen pops, changes waiting, approval decisions, …

    Each event has an ``id`` (send the last one back as ``Last-Event-ID`` when
    reconnecting, and nothing published since is missed), an ``event`` name and JSON
    ``data``. A comment line comes every 15 s when nothing else does.
    """
    hub: EventHub = request.app.state.events
    start = parse_event_id(last_event_id)
    if start is None:
        start = await run_in_threadpool(tail_position, db, who.id)
    still_good = _token_check(db, token, clock)
    return EventSourceResponse(
        _events(hub, who.id, start, settings.changes_waiting_gap.total_seconds(), still_good),
        ping=HEARTBEAT_SECONDS,
        shutdown_event=hub.shutdown,
        headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"},
    )


def _token_check(db: Database, token: str | None, clock: Clock) -> Callable[[], bool]:
    """Whether the stream's token is still good: signed out, disabled or ordered wiped, it
    is not, and the stream ends (the console's reconnect then hears why)."""

    def still_good() -> bool:
        try:
            bearer_for_token(db, token, clock)
        except ApiError:
            return False
        return True

    return still_good


async def _events(
    hub: EventHub,
    user_id: UUID,
    position: tuple[int, int],
    changes_gap: float,
    still_good: Callable[[], bool],
) -> AsyncIterator:
    subscription = BELL.subscribe(user_id, CHANGES)
    STREAMS.inc()
    told_head, told_at = -1, -changes_gap
    rung: set = {user_id}
    try:
        while True:
            if user_id in rung or not rung:  # its own bell, or the periodic re-read
                if not await run_in_threadpool(still_good):
                    return
                for stored in await run_in_threadpool(read_events, hub.db, user_id, position):
                    yield ServerSentEvent(stored.data, event=stored.event, id=stored.id)
                    position = parse_event_id(stored.id) or position
            now = time.monotonic()
            # Every console pulls when told, so telling is spaced out under steady writes.
            if hub.head != told_head and now - told_at >= changes_gap:
                told_head, told_at = hub.head, now
                yield ServerSentEvent(
                    json.dumps({"cursor": told_head}),
                    event=EventKind.CHANGES_WAITING.value,
                    id=f"{position[0]}-{position[1]}",
                )
            wait = REREAD_SECONDS
            if hub.head != told_head:
                wait = max(0.05, changes_gap - (now - told_at))
            rung = await subscription.wait(wait)
            if not rung and hub.head != told_head:
                rung = {CHANGES}
    finally:
        STREAMS.dec()
        subscription.close()
