"""Run a write once per Idempotency-Key: a retry gets the first answer and changes nothing."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from uuid import UUID

from fastapi import Response
from sqlalchemy import insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from advocate_console.central.core.clock import utc_now
from advocate_console.central.core.database import Database
from advocate_console.central.core.errors import ApiError

from .models import IdempotencyKeyRow


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


def answer_once(
    db: Database,
    advocate_id: UUID,
    key: str | None,
    request_fingerprint: str,
    write: Callable[[Session], Answer],
) -> Answer:
    """Run ``write`` in one transaction, unless ``key`` already has an answer to replay.

    The key row is inserted before the write, so a concurrent twin of this request waits
    on it and then replays our answer. Only successes are kept: a failed write rolls
    back with its key, and the retry runs afresh.
    """
    for attempt in (1, 2):
        try:
            return _attempt(db, advocate_id, key, request_fingerprint, write)
        except IntegrityError:
            # A twin or a concurrent writer got there first; the second try sees its work.
            if attempt == 2:
                raise ApiError(
                    409, "This write collided with another one at the same moment; retry it."
                ) from None
    raise AssertionError("unreachable")


def _attempt(
    db: Database,
    advocate_id: UUID,
    key: str | None,
    request_fingerprint: str,
    write: Callable[[Session], Answer],
) -> Answer:
    # Core statements rather than the ORM's unit of work: this runs for every write, and
    # flushing an ORM object cost more than the write itself.
    with db.write() as session:
        if key is not None:
            connection = session.connection()
            stored = connection.execute(
                select(
                    IdempotencyKeyRow.fingerprint,
                    IdempotencyKeyRow.status,
                    IdempotencyKeyRow.body,
                    IdempotencyKeyRow.etag,
                    IdempotencyKeyRow.location,
                ).where(IdempotencyKeyRow.advocate_id == advocate_id, IdempotencyKeyRow.key == key)
            ).first()
            if stored is not None:
                if stored.fingerprint != request_fingerprint:
                    raise ApiError(
                        422,
                        "This Idempotency-Key was already used for a different request;"
                        " use a new key for a new write.",
                    )
                return Answer(stored.status, stored.body, stored.etag, stored.location)
            connection.execute(
                insert(IdempotencyKeyRow).values(
                    advocate_id=advocate_id,
                    key=key,
                    fingerprint=request_fingerprint,
                    status=0,
                    body="",
                    created_at=utc_now(),
                )
            )
        answer = write(session)
        if key is not None:
            session.connection().execute(
                update(IdempotencyKeyRow)
                .where(IdempotencyKeyRow.advocate_id == advocate_id, IdempotencyKeyRow.key == key)
                .values(
                    status=answer.status,
                    body=answer.body,
                    etag=answer.etag,
                    location=answer.location,
                )
            )
        return answer
