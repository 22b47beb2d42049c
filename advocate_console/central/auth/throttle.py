"""Sign-in throttling: failed sign-ins counted per user name and per client address in the
database, so every server process behind the load balancer sees the same counts.

After ``MAX_FAILURES`` failures in a row, the next attempts are answered 429 with
Retry-After for a minute; each failure after a lock doubles the next one, up to fifteen
minutes. A successful sign-in forgets both counts; so does an hour without a failure.
"""

from __future__ import annotations

import math
from datetime import datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.dialects import postgresql, sqlite

from advocate_console.central.core.clock import as_utc
from advocate_console.central.core.database import Database
from advocate_console.central.core.errors import ApiError

from .models import SignInFailureRow

MAX_FAILURES = 5
FIRST_LOCK = timedelta(minutes=1)
LONGEST_LOCK = timedelta(minutes=15)
FORGET_AFTER = timedelta(hours=1)


def throttle_keys(username: str, address: str | None) -> list[str]:
    """What failures of this attempt count against: the user name and the client address."""
    keys = [f"user:{username.strip().casefold()}"[:300]]
    if address:
        keys.append(f"address:{address}"[:300])
    return keys


def lock_for(failures: int) -> timedelta | None:
    """How long sign-ins wait after ``failures`` failures in a row (None: not at all)."""
    if failures < MAX_FAILURES:
        return None
    doublings = min(failures - MAX_FAILURES, 10)  # (past 15 minutes long before 2**10)
    return min(FIRST_LOCK * 2**doublings, LONGEST_LOCK)


def refuse_if_locked(db: Database, keys: list[str], now: datetime) -> None:
    """429 with Retry-After while any of ``keys`` is locked."""
    with db.read() as session:
        locks = session.scalars(
            select(SignInFailureRow.locked_until).where(
                SignInFailureRow.key.in_(keys), SignInFailureRow.locked_until.is_not(None)
            )
        ).all()
    until = max((as_utc(lock) for lock in locks), default=None)
    if until is None or until <= now:
        return
    seconds = math.ceil((until - now).total_seconds())
    minutes = math.ceil(seconds / 60)
    raise ApiError(
        429,
        f"Too many failed sign-ins; try again in {minutes} minute{'s' if minutes != 1 else ''}.",
        headers={"Retry-After": str(seconds)},
    )


def count_failure(db: Database, keys: list[str], now: datetime) -> None:
    """One more failure for each of ``keys``, locking those that reach the limit."""
    with db.write() as session:
        # Counts quiet for an hour are forgotten (guessed names do not pile up either).
        session.execute(
            delete(SignInFailureRow).where(SignInFailureRow.last_failure_at <= now - FORGET_AFTER)
        )
        # Made first when missing, then locked: two servers counting at once both count.
        insert = postgresql.insert if db.is_postgresql else sqlite.insert
        session.execute(
            insert(SignInFailureRow)
            .values([{"key": key, "failures": 0, "last_failure_at": now} for key in keys])
            .on_conflict_do_nothing(index_elements=["key"])
        )
        rows = session.scalars(
            select(SignInFailureRow).where(SignInFailureRow.key.in_(keys)).with_for_update()
        ).all()
        for row in rows:
            row.failures += 1
            row.last_failure_at = now
            lock = lock_for(row.failures)
            row.locked_until = now + lock if lock is not None else None


def forget_failures(db: Database, keys: list[str]) -> None:
    """A successful sign-in: start counting afresh."""
    with db.write() as session:
        session.execute(delete(SignInFailureRow).where(SignInFailureRow.key.in_(keys)))
