"""Small pieces of HTTP every feature shares: cursors, ETags, If-Match, idempotency keys."""

from __future__ import annotations

import base64
import json
import re
from typing import Any
from uuid import UUID

from .errors import ApiError

MAX_INT64 = 2**63 - 1
MAX_IDEMPOTENCY_KEY = 200
_IF_MATCH = re.compile(r'^\s*(?:W/)?(?:"([0-9]{1,19})"|([0-9]{1,19}))\s*$')
_KEY = re.compile(r"^[\x21-\x7e]{1,200}$")  # MAX_IDEMPOTENCY_KEY
BAD_CURSOR = "The cursor is not one this server gave out; start without one."


def etag(version: int) -> str:
    """The ETag of a record at ``version``."""
    return f'"{version}"'


def parse_if_match(value: str | None) -> int:
    """The row version an update was based on; 428 when absent, 400 when unreadable."""
    if value is None or not value.strip():
        raise ApiError(
            428,
            'Updates need an If-Match header with the record\'s version, like If-Match: "3".',
        )
    match = _IF_MATCH.match(value)
    version = int(match.group(1) or match.group(2)) if match else None
    if version is None or version > MAX_INT64:
        raise ApiError(400, 'If-Match must be the record\'s version, like "3".')
    return version


def check_idempotency_key(value: str | None) -> str | None:
    """The Idempotency-Key as given, or None; 400 when it is not printable ASCII of sane length."""
    if value is None:
        return None
    if not _KEY.match(value):
        raise ApiError(
            400,
            f"Idempotency-Key must be 1 to {MAX_IDEMPOTENCY_KEY} printable ASCII characters"
            " without spaces (a UUID is ideal).",
        )
    return value


def encode_cursor(*parts: Any) -> str:
    """An opaque cursor holding ``parts`` (strings and integers)."""
    raw = json.dumps(list(parts), separators=(",", ":")).encode("utf-8")
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def decode_cursor(cursor: str, *kinds: type) -> list[Any]:
    """The parts of a cursor this server gave out; 400 for anything else."""
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        parts = json.loads(base64.urlsafe_b64decode(padded.encode("ascii")))
    except (ValueError, UnicodeError):
        parts = None
    if (
        not isinstance(parts, list)
        or len(parts) != len(kinds)
        or not all(type(part) is kind for part, kind in zip(parts, kinds, strict=True))
    ):
        raise ApiError(400, BAD_CURSOR)
    return parts


def encode_id_cursor(last_id: UUID) -> str:
    """The cursor after ``last_id`` in a list ordered by id."""
    return encode_cursor("id", str(last_id))


def decode_id_cursor(cursor: str | None) -> UUID | None:
    """The id a list-by-id cursor points after (None for the first page); 400 if forged."""
    if cursor is None:
        return None
    kind, value = decode_cursor(cursor, str, str)
    if kind != "id":
        raise ApiError(400, BAD_CURSOR)
    return cursor_uuid(value)


def cursor_uuid(value: str) -> UUID:
    """A UUID read from a cursor; 400 if it is not one."""
    try:
        return UUID(value)
    except ValueError:
        raise ApiError(400, BAD_CURSOR) from None
