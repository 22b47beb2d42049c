"""Pruning what is only kept for a while: idempotency keys, spent tokens (but those
carrying the wipe order), old events.

Each worker tries now and then; on PostgreSQL a try-lock lets one of them do it.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import delete, or_, text

from .clock import utc_now
from .database import Database

log = logging.getLogger(__name__)

PRUNE_LOCK = 7_240_303
PRUNE_EVERY = timedelta(hours=1)


@dataclass(frozen=True, slots=True)
class Pruned:
    """How many rows went."""

    idempotency_keys: int = 0
    tokens: int = 0
    events: int = 0


def prune(db: Database, retention: timedelta) -> Pruned | None:
    """Delete what is older than ``retention``; None when another worker is at it."""
    from advocate_console.central.auth.models import TokenRow
    from advocate_console.central.events.models import EventRow
    from advocate_console.central.idempotency.models import IdempotencyKeyRow

    before = utc_now() - retention
    with db.write() as session:
        if db.is_postgresql and not session.scalar(
            text("SELECT pg_try_advisory_xact_lock(:key)"), {"key": PRUNE_LOCK}
        ):
            return None
        keys = session.execute(
            delete(IdempotencyKeyRow).where(IdempotencyKeyRow.created_at < before)
        ).rowcount
        tokens = session.execute(
            delete(TokenRow).where(
                or_(TokenRow.expires_at < before, TokenRow.revoked_at < before),
                # A wipe order stays: a lost laptop back online months later is still
                # told to erase its copy, not just that its token is unknown.
                TokenRow.wipe.is_(False),
            )
        ).rowcount
        events = session.execute(delete(EventRow).where(EventRow.created_at < before)).rowcount
    pruned = Pruned(keys, tokens, events)
    if keys or tokens or events:
        log.info("pruned %s", pruned)
    return pruned
