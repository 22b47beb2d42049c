"""Run a write once per Idempotency-Key: a retry gets the first answer and changes nothing."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from uuid import UUID

from fastapi import Response
from sqlalchemy import Connection, and_, bindparam, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from advocate_console.central.core.clock import utc_now
from advocate_console.central.core.database import Database
from advocate_console.central.core.errors import ApiError
from advocate_console.central.core.writes import Statement

from .models import IdempotencyKeyRow

_COLLIDED = "This write collided with another one at the same moment; retry it."


@dataclass(frozen=True, slots=True)
class Answer:
    """A successful write's answer, as sent and as replayed."""

    status: int
    body: str
    etag: str | None = None
    location: str | None = None

    def response(self) -> Response:
        """The HTTP response carrying this answer."""
        headers = {}
        if self.etag:
            headers["ETag"] = self.etag
        if self.location:
            headers["Location"] = self.location
        return Response(
            self.body, status_code=self.status, headers=headers, media_type="application/json"
        )


def fingerprint(method: str, path: str, body: str, if_match: int | None = None) -> str:
    """What makes two requests the same request, hashed."""
    text = "\n".join((method.upper(), path, str(if_match), body))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# Who writes, the request's Idempotency-Key (or None) and its fingerprint.
Checked = tuple[UUID, str | None, str]


def answer_once(
    db: Database,
    advocate_id: UUID,
    key: str | None,
    request_fingerprint: str,
    write: Callable[[Session], Answer],
) -> Answer:
    """Run ``write`` in one transaction, unless ``key`` already has an answer to replay.

    The key row is inserted before the write, so a concurrent twin of this request waits
    on it and then replays our answer (PostgreSQL; SQLite's writers take turns). Only
    successes are kept: a failed write rolls back with its key, and the retry runs afresh.
    """
    return answer_checked(db, lambda _connection: (advocate_id, key, request_fingerprint), write)


def answer_checked(
    db: Database, check: Callable[[Connection], Checked], write: Callable[[Session], Answer]
) -> Answer:
    """``answer_once`` with who writes, the key and the fingerprint found by ``check`` on
    the write's own connection first (the token's check there: one connection and one
    thread for the request, where checking it before took another connection)."""
    for attempt in (1, 2):
        try:
            return _attempt(db, check, write)
        except IntegrityError:
            # A twin or a concurrent writer got there first; the second try sees its work.
            if attempt == 2:
                raise ApiError(409, _COLLIDED) from None
    raise AssertionError("unreachable")


def _attempt(
    db: Database, check: Callable[[Connection], Checked], write: Callable[[Session], Answer]
) -> Answer:
    # Statements built once, on the session's connection: this runs for every write, and
    # building them (or flushing an ORM object) cost more than the write itself.
    with db.write() as session:
        advocate_id, key, request_fingerprint = check(session.connection())
        if key is not None:
            connection = session.connection()
            mine = {"the_advocate": advocate_id, "the_key": key}
            # Taken unless the key has an answer: a twin in flight holds the key's row,
            # and this waits for it to end, then finds its answer (or takes the key).
            row = {"advocate_id": advocate_id, "key": key, "fingerprint": request_fingerprint}
            row |= {"status": 0, "body": "", "created_at": utc_now()}
            taken = _taking(connection.dialect.name).first(connection, row)
            if taken is None:
                stored = _STORED.first(connection, mine)
                if stored is None:  # (pruned since, its retention over: not a retry)
                    raise ApiError(409, _COLLIDED)
                fingerprint_then, status, body, etag, location = stored
                if fingerprint_then != request_fingerprint:
                    raise ApiError(
                        422,
                        "This Idempotency-Key was already used for a different request;"
                        " use a new key for a new write.",
                    )
                return Answer(status, body, etag, location)
        answer = write(session)
        if key is not None:
            _ANSWERED.rows(
                session.connection(),
                {
                    **mine,
                    "the_status": answer.status,
                    "the_body": answer.body,
                    "the_etag": answer.etag,
                    "the_location": answer.location,
                },
            )
        return answer


_KEYS = IdempotencyKeyRow.__table__.c
_THIS_KEY = and_(_KEYS.advocate_id == bindparam("the_advocate"), _KEYS.key == bindparam("the_key"))
_STORED = Statement(
    select(_KEYS.fingerprint, _KEYS.status, _KEYS.body, _KEYS.etag, _KEYS.location).where(_THIS_KEY)
)
_ANSWERED = Statement(
    update(IdempotencyKeyRow.__table__)
    .where(_THIS_KEY)
    .values(
        status=bindparam("the_status"),
        body=bindparam("the_body"),
        etag=bindparam("the_etag"),
        location=bindparam("the_location"),
    )
)


@cache
def _taking(dialect: str):
    """``INSERT … ON CONFLICT DO NOTHING RETURNING``: the key, unless it is taken (one
    statement where a look and an insert were two)."""
    make = postgresql.insert if dialect == "postgresql" else sqlite.insert
    return Statement(
        make(IdempotencyKeyRow.__table__)
        .on_conflict_do_nothing(index_elements=["advocate_id", "key"])
        .returning(_KEYS.key)
    )
