"""Guards at the door: bodies too large and NUL characters are refused before any route runs.

PostgreSQL cannot store NUL in text, and a body of any size would otherwise be read whole
into memory, so both are answered here with a reason rather than deep inside a route.
"""

from __future__ import annotations

import re

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from advocate_console.api.schemas import ErrorBody

# An escaped NUL in JSON: \u0000 preceded by an even number of backslashes.
_JSON_NUL = re.compile(rb"(?<!\\)(?:\\\\)*\\u0000")
_URL_NUL = re.compile(rb"%00")


class RequestGuard:
    """ASGI middleware that caps the body size and refuses NUL characters in the request."""

    def __init__(self, app: ASGIApp, max_body_bytes: int) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if b"\x00" in scope.get("query_string", b"") or _URL_NUL.search(
            scope.get("query_string", b"")
        ):
            await _answer(send, 422, "Text in the address may not contain NUL characters.")
            return
        headers = dict(scope.get("headers", []))
        declared = headers.get(b"content-length")
        if declared is not None:
            if not declared.isdigit():
                await _answer(send, 400, "Content-Length is not a number.")
                return
            if int(declared) > self.max_body_bytes:
                await _too_large(send, self.max_body_bytes)
                return
        if scope["method"] in ("GET", "HEAD", "OPTIONS", "DELETE") and declared in (None, b"0"):
            await self.app(scope, receive, send)
            return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_body_bytes:
                await _too_large(send, self.max_body_bytes)
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        content_type = headers.get(b"content-type", b"").split(b";", 1)[0].strip().lower()
        is_form = content_type == b"application/x-www-form-urlencoded"
        is_json = content_type == b"application/json" or content_type.endswith(b"+json")
        if body and not (is_json or is_form or content_type == b"multipart/form-data"):
            await _answer(send, 415, "Send the body as JSON (Content-Type: application/json).")
            return
        if b"\x00" in body or _JSON_NUL.search(body) or (is_form and _URL_NUL.search(body)):
            await _answer(send, 422, "Text may not contain NUL characters.")
            return
        await self.app(scope, _replay(body, receive), send)


def _replay(body: bytes, receive: Receive) -> Receive:
    sent = False

    async def replayed() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replayed


async def _too_large(send: Send, limit: int) -> None:
    await _answer(send, 413, f"The request body is larger than the {limit // 1024} KiB allowed.")


async def _answer(send: Send, status: int, detail: str) -> None:
    body = ErrorBody(detail=detail).model_dump_json().encode("utf-8")
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode("ascii")),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
