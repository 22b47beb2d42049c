"""Advocates, sign-in and tokens: the rules behind the auth routes and the CLI."""

from __future__ import annotations

import uuid
from datetime import timedelta

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError

from advocate_console.api.schemas import Token
from advocate_console.central.core.clock import SYSTEM_CLOCK, Clock, as_utc, utc_now
from advocate_console.central.core.database import Database
from advocate_console.central.core.errors import ApiError
from advocate_console.central.core.security import (
    hash_password,
    new_token,
    token_digest,
    verify_password,
)
from advocate_console.domain import Role
from advocate_console.domain.records import Advocate

from .models import AdvocateRow, TokenRow

CHALLENGE = {"WWW-Authenticate": "Bearer"}


class AdvocateExists(ValueError):
    """An advocate with that user name is already there."""


def _advocate(row: AdvocateRow) -> Advocate:
    return Advocate(id=row.id, username=row.username, display_name=row.display_name, role=row.role)


def create_advocate(
    db: Database, username: str, password: str, role: Role, display_name: str | None = None
) -> Advocate:
    """Add an advocate who can sign in with ``password``; AdvocateExists if the name is taken."""
    username = username.strip()
    if not username or len(username) > 200 or "\x00" in username:
        raise ValueError("A user name needs 1 to 200 characters.")
    if not password:
        raise ValueError("A password cannot be empty.")
    row = AdvocateRow(
        id=uuid.uuid4(),
        username=username,
        display_name=(display_name or username).strip()[:200] or username,
        role=Role(role).value,
        password_hash=hash_password(password),
        created_at=utc_now(),
    )
    try:
        with db.write() as session:
            if session.scalar(select(AdvocateRow.id).where(AdvocateRow.username == username)):
                raise AdvocateExists(f"There is already a user called “{username}”.")
            session.add(row)
    except IntegrityError:
        raise AdvocateExists(f"There is already a user called “{username}”.") from None
    return _advocate(row)


def sign_in(
    db: Database,
    username: str,
    password: str,
    lifetime: timedelta,
    clock: Clock = SYSTEM_CLOCK,
) -> Token:
    """A new bearer token for a correct user name and password; 401 otherwise."""
    with db.read() as session:
        row = session.scalar(select(AdvocateRow).where(AdvocateRow.username == username))
    if not verify_password(password, row.password_hash if row else None) or row is None:
        raise ApiError(401, "The user name or password is not right.", headers=CHALLENGE)
    token = new_token()
    now = clock.now()
    expires_at = now + lifetime
    with db.write() as session:
        session.add(
            TokenRow(
                digest=token_digest(token),
                advocate_id=row.id,
                created_at=now,
                expires_at=expires_at,
                revoked_at=None,
            )
        )
    return Token(
        access_token=token,
        expires_at=expires_at,
        expires_in=int(lifetime.total_seconds()),
        advocate=_advocate(row),
    )


def advocate_for_token(db: Database, token: str | None, clock: Clock = SYSTEM_CLOCK) -> Advocate:
    """Who ``token`` belongs to; 401 with the reason when it is missing or no longer good."""
    if not token:
        raise ApiError(401, "Sign in first: this needs a bearer token.", headers=CHALLENGE)
    with db.read() as session:
        found = session.execute(
            select(TokenRow, AdvocateRow)
            .join(AdvocateRow, AdvocateRow.id == TokenRow.advocate_id)
            .where(TokenRow.digest == token_digest(token))
        ).first()
    if found is None:
        raise ApiError(401, "This token is not recognised; sign in again.", headers=CHALLENGE)
    token_row, advocate_row = found
    if token_row.revoked_at is not None:
        raise ApiError(401, "This token was signed out; sign in again.", headers=CHALLENGE)
    if as_utc(token_row.expires_at) <= clock.now():
        raise ApiError(401, "This token has expired; sign in again.", headers=CHALLENGE)
    return _advocate(advocate_row)


def revoke_token(db: Database, token: str, clock: Clock = SYSTEM_CLOCK) -> None:
    """Sign ``token`` out; later requests with it answer 401."""
    with db.write() as session:
        session.execute(
            update(TokenRow)
            .where(TokenRow.digest == token_digest(token), TokenRow.revoked_at.is_(None))
            .values(revoked_at=clock.now())
        )
