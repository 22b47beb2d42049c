"""The event stream's wire format, shared by the server and the console.

``GET /api/v1/events/stream`` is Server-Sent Events: each event has an ``id`` (give the
last one back as ``Last-Event-ID`` when reconnecting), an ``event`` name from
:class:`EventKind` and JSON ``data``. Comment lines (``: heartbeat``) arrive every
:data:`HEARTBEAT_SECONDS`, so a console that hears nothing for longer knows the line died.
"""

from __future__ import annotations

import contextlib
import enum
import json
import socket
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

HEARTBEAT_SECONDS = 15.0
STREAM_PATH = "/events/stream"


class EventKind(enum.StrEnum):
    """What a pushed event tells the console."""

    SCREEN_POP = "screen_pop"
    CHANGES_WAITING = "changes_waiting"
    APPROVAL_REQUESTED = "approval_requested"
    APPROVAL_DECIDED = "approval_decided"
    CONFERENCE_LEG = "conference_leg"
    CONFERENCE_ENDED = "conference_ended"
    PRESENCE = "presence"


class CallEvent(enum.StrEnum):
    """A phone system's call events (named as Zammad's generic CTI names them)."""

    NEW_CALL = "newCall"
    ANSWER = "answer"
    HANGUP = "hangup"


@dataclass(frozen=True, slots=True)
class PushedEvent:
    """One event read off the stream."""

    id: str
    event: str
    data: dict[str, Any] = field(default_factory=dict)


def hang_up(response: Any) -> None:
    """Close a streaming ``requests`` response at once, even while a thread reads it.

    ``Response.close()`` alone waits for the reading thread's current read, which on
    a quiet stream lasts until the next heartbeat; shutting the socket down ends it.
    """
    connection = getattr(response.raw, "_connection", None) or getattr(
        response.raw, "connection", None
    )
    sock = getattr(connection, "sock", None)
    if sock is not None:
        with contextlib.suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)
    response.close()


def text_lines(chunks: Iterable[bytes]) -> Iterator[str]:
    """The lines of a stream that arrives in chunks of any size (CRLF or LF ends)."""
    pending = b""
    for chunk in chunks:
        pending += chunk
        *complete, pending = pending.split(b"\n")
        for line in complete:
            yield line.removesuffix(b"\r").decode("utf-8", "replace")


def sse_lines(lines: Iterable[str]) -> Iterator[PushedEvent]:
    """The events in a stream of SSE lines (comments and unknown fields are skipped)."""
    event_id, name, data = "", "message", []
    for line in lines:
        if line == "":
            if data:
                yield PushedEvent(event_id, name, _json_object("\n".join(data)))
            name, data = "message", []
            continue
        if line.startswith(":"):
            continue
        key, _, value = line.partition(":")
        value = value[1:] if value.startswith(" ") else value
        if key == "id":
            event_id = value
        elif key == "event":
            name = value
        elif key == "data":
            data.append(value)


def _json_object(text: str) -> dict[str, Any]:
    try:
        value = json.loads(text)
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


class EventStream:
    """An open event stream: iterate for events (blocking); ``close()`` from any thread."""

    def __init__(self, response: Any) -> None:
        self.response = response

    def __iter__(self) -> Iterator[PushedEvent]:
        return sse_lines(text_lines(self.response.iter_content(chunk_size=None)))

    def close(self) -> None:
        """Hang up at once."""
        hang_up(self.response)
