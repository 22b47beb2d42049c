"""Idempotency keys, spent tokens and old events are pruned after the retention period."""

from __future__ import annotations

from datetime import timedelta

import pytest
import sqlalchemy as sa

from advocate_console.central.auth.models import AdvocateRow, TokenRow
from advocate_console.central.auth.service import bearer_for_token
from advocate_console.central.core.clock import utc_now
from advocate_console.central.core.database import Database
from advocate_console.central.core.errors import ApiError
from advocate_console.central.core.retention import prune
from advocate_console.central.core.security import token_digest
from advocate_console.central.events.models import EventRow
from advocate_console.central.idempotency.models import IdempotencyKeyRow


def test_what_is_older_than_the_retention_goes_and_the_rest_stays(database_url):
    db = Database(database_url)
    now = utc_now()
    old, fresh = now - timedelta(days=9), now - timedelta(days=1)
    try:
        with db.write() as session:
            ada = session.scalar(sa.select(AdvocateRow.id).where(AdvocateRow.username == "ada"))
            for key, when in (("old", old), ("fresh", fresh)):
                session.add(
                    IdempotencyKeyRow(
                        advocate_id=ada,
                        key=key,
                        fingerprint="f",
                        status=201,
                        body="{}",
                        created_at=when,
                    )
                )
                session.add(
                    EventRow(user_id=ada, xid=0, event="presence", data="{}", created_at=when)
                )
            for digest, expires, revoked in (
                ("expired-long-ago", old, None),
                ("revoked-long-ago", now + timedelta(hours=1), old),
                ("expired-yesterday", fresh, None),
                ("good", now + timedelta(hours=1), None),
            ):
                session.add(
                    TokenRow(
                        digest=digest,
                        advocate_id=ada,
                        created_at=old,
                        expires_at=expires,
                        revoked_at=revoked,
                    )
                )
        pruned = prune(db, timedelta(days=7))
        assert pruned is not None
        assert (pruned.idempotency_keys, pruned.tokens, pruned.events) == (1, 2, 1)
        with db.read() as session:
            assert session.scalars(sa.select(IdempotencyKeyRow.key)).all() == ["fresh"]
            digests = set(session.scalars(sa.select(TokenRow.digest)))
            assert {"expired-yesterday", "good"} <= digests
            assert not {"expired-long-ago", "revoked-long-ago"} & digests
    finally:
        db.dispose()


def test_a_wipe_order_outlives_the_retention(database_url):
    # A laptop lost for months still hears "erase your copy" when it comes back online.
    db = Database(database_url)
    long_ago = utc_now() - timedelta(days=90)
    try:
        with db.write() as session:
            ada = session.scalar(sa.select(AdvocateRow.id).where(AdvocateRow.username == "ada"))
            session.add(
                TokenRow(
                    digest=token_digest("the-lost-laptops-token"),
                    advocate_id=ada,
                    created_at=long_ago,
                    expires_at=long_ago + timedelta(hours=12),
                    revoked_at=long_ago,
                    wipe=True,
                )
            )
        prune(db, timedelta(days=7))
        with pytest.raises(ApiError) as refused:
            bearer_for_token(db, "the-lost-laptops-token")
        assert (refused.value.status, refused.value.wipe) == (401, True)
    finally:
        db.dispose()
