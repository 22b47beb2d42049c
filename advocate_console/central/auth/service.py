"""Users, sign-in and tokens: the rules behind the auth routes, the user admin and the CLI."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Connection, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from advocate_console.api.schemas import Token
from advocate_console.central.core.clock import SYSTEM_CLOCK, Clock
from advocate_console.central.core.database import Database
from advocate_console.central.core.errors import ApiError
from advocate_console.central.core.reads import Sql, utc_of, uuid_of
from advocate_console.central.core.security import (
    hash_password,
    needs_rehash,
    new_token,
    token_digest,
    verify_password,
)
from advocate_console.domain import Role
from advocate_console.domain.passwords import explain_password_problem, password_problem
from advocate_console.domain.records import Advocate

from . import throttle
from .models import AdvocateRow, TokenRow
from .throttle import throttle_keys

CHALLENGE = {"WWW-Authenticate": "Bearer"}
WRONG_PASSWORD = "The user name or password is not right."
DISABLED = "This account has been disabled; ask your administrator."


class AdvocateExists(ValueError):
    """A user with that user name is already there."""


class WeakPassword(ValueError):
    """The password does not meet the policy; the message says why."""

    def __init__(self, reason: str) -> None:
        super().__init__(f"The password {reason}.")
        self.reason = reason  # "must have at least 12 characters …"


@dataclass(frozen=True, slots=True)
class Bearer:
    """Who presented a good token, and which token it was."""

    advocate: Advocate
    digest: str
    password_change_required: bool


def advocate_of(row: AdvocateRow) -> Advocate:
    """The user of a row, as the API shows who is signed in."""
    return Advocate(id=row.id, username=row.username, display_name=row.display_name, role=row.role)


def check_password(password: str, username: str, field: str = "password") -> None:
    """422 with the reason when ``password`` may not be ``username``'s password."""
    problem = password_problem(password, username)
    if problem is not None:
        message = explain_password_problem(problem)
        what = field.replace("_", " ")
        raise ApiError(
            422,
            f"The {what} {message}.",
            problems=[(field, message)],
            code="weak_password",
            values=(problem.value,),
        )


def create_advocate(
    db: Database,
    username: str,
    password: str,
    role: Role,
    display_name: str | None = None,
    *,
    clock: Clock = SYSTEM_CLOCK,
    enforce_policy: bool = True,
) -> Advocate:
    """Add a user who can sign in with ``password``; AdvocateExists if the name is taken,
    WeakPassword if the password is not allowed (only the demo's seed skips the policy)."""
    username = username.strip()
    if not username or len(username) > 200 or "\x00" in username:
        raise ValueError("A user name needs 1 to 200 characters.")
    if not password:
        raise WeakPassword("cannot be empty")
    if enforce_policy and (problem := password_problem(password, username)) is not None:
        raise WeakPassword(explain_password_problem(problem))
    row = AdvocateRow(
        id=uuid.uuid4(),
        username=username,
        display_name=(display_name or username).strip()[:200] or username,
        role=Role(role).value,
        password_hash=hash_password(password),
        created_at=clock.now(),
        disabled_at=None,
        password_change_required=False,
    )
    try:
        with db.write() as session:
            if session.scalar(select(AdvocateRow.id).where(AdvocateRow.username == username)):
                raise AdvocateExists(f"There is already a user called “{username}”.")
            session.add(row)
    except IntegrityError:
        raise AdvocateExists(f"There is already a user called “{username}”.") from None
    return advocate_of(row)


def sign_in(
    db: Database,
    username: str,
    password: str,
    lifetime: timedelta,
    clock: Clock = SYSTEM_CLOCK,
    address: str | None = None,
) -> Token:
    """A new bearer token for a correct user name and password; 401 otherwise, and 429
    after too many failures for this user name or from this ``address``.

    A disabled user with the right password is answered with the wipe order. An older
    hash is replaced by one of today's parameters while the password is at hand.
    """
    keys = throttle_keys(username, address)
    throttle.refuse_if_locked(db, keys, clock.now())
    with db.read() as session:
        row = session.scalar(select(AdvocateRow).where(AdvocateRow.username == username))
    if not verify_password(password, row.password_hash if row else None) or row is None:
        throttle.count_failure(db, keys, clock.now())
        raise ApiError(401, WRONG_PASSWORD, headers=CHALLENGE, code="wrong_password")
    throttle.forget_failures(db, keys)
    if row.disabled_at is not None:
        raise ApiError(401, DISABLED, headers=CHALLENGE, wipe=True, code="account_disabled")
    token = new_token()
    now = clock.now()
    expires_at = now + lifetime
    rehashed = hash_password(password) if needs_rehash(row.password_hash) else None
    with db.write() as session:
        if rehashed is not None:  # (unless the password was changed meanwhile)
            session.execute(
                update(AdvocateRow)
                .where(AdvocateRow.id == row.id, AdvocateRow.password_hash == row.password_hash)
                .values(password_hash=rehashed)
            )
        session.add(
            TokenRow(
                digest=token_digest(token),
                advocate_id=row.id,
                created_at=now,
                expires_at=expires_at,
                revoked_at=None,
                wipe=False,
            )
        )
    return Token(
        access_token=token,
        expires_at=expires_at,
        expires_in=int(lifetime.total_seconds()),
        advocate=advocate_of(row),
        password_change_required=row.password_change_required,
    )


def bearer_for_token(db: Database, token: str | None, clock: Clock = SYSTEM_CLOCK) -> Bearer:
    """Who ``token`` belongs to; 401 with the reason when it is missing or no longer good,
    with the wipe order when it was revoked with it or its user was disabled."""
    if not token:
        raise ApiError(401, "Sign in first: this needs a bearer token.", headers=CHALLENGE)
    with db.connect() as connection:
        return bearer_on(connection, token, clock)


def bearer_on(connection: Connection, token: str | None, clock: Clock = SYSTEM_CLOCK) -> Bearer:
    """``bearer_for_token`` on a connection the request reads with anyway."""
    if not token:
        raise ApiError(401, "Sign in first: this needs a bearer token.", headers=CHALLENGE)
    digest = token_digest(token)
    found = _BEARER.rows(connection, digest=digest)
    if not found:
        raise ApiError(401, "This token is not recognised; sign in again.", headers=CHALLENGE)
    (id_, username, display_name, role, disabled_at, change_password, wipe, revoked_at,
     expires_at) = found[0]  # fmt: skip
    if disabled_at is not None:
        raise ApiError(401, DISABLED, headers=CHALLENGE, wipe=True, code="account_disabled")
    if wipe:
        raise ApiError(
            401,
            "An administrator signed this account out everywhere and ordered this computer's"
            " copy erased.",
            headers=CHALLENGE,
            wipe=True,
            code="wipe_ordered",
        )
    if revoked_at is not None:
        raise ApiError(
            401,
            "This token was signed out; sign in again.",
            headers=CHALLENGE,
            code="token_signed_out",
        )
    if utc_of(expires_at) <= clock.now():
        raise ApiError(
            401, "This token has expired; sign in again.", headers=CHALLENGE, code="token_expired"
        )
    who = Advocate(id=uuid_of(id_), username=username, display_name=display_name, role=role)
    return Bearer(who, digest, bool(change_password))


# Every request's check: the columns it needs, one statement written once (py-spy:
# loading two ORM rows was an eighth of the workers' samples, building the statement
# and its session a tenth).
_BEARER = Sql(
    """
    SELECT a.id, a.username, a.display_name, a.role, a.disabled_at,
           a.password_change_required, t.wipe, t.revoked_at, t.expires_at
    FROM tokens t JOIN advocates a ON a.id = t.advocate_id
    WHERE t.digest = :digest
    """
)


def revoke_token(db: Database, token: str, clock: Clock = SYSTEM_CLOCK) -> None:
    """Sign ``token`` out; later requests with it answer 401."""
    with db.write() as session:
        session.execute(
            update(TokenRow)
            .where(TokenRow.digest == token_digest(token), TokenRow.revoked_at.is_(None))
            .values(revoked_at=clock.now())
        )


def revoke_tokens(
    session: Session,
    advocate_id: uuid.UUID,
    now: datetime,
    *,
    wipe: bool = False,
    keep_digest: str | None = None,
) -> int:
    """Sign out every live token of one user (but ``keep_digest``); how many there were.

    With ``wipe`` every token it ever had carries the wipe order, the ones signed out
    before included: whichever a lost laptop still holds, it is told to erase its copy.
    """
    live = update(TokenRow).where(
        TokenRow.advocate_id == advocate_id, TokenRow.revoked_at.is_(None)
    )
    if keep_digest is not None:
        live = live.where(TokenRow.digest != keep_digest)
    count = session.execute(live.values(revoked_at=now)).rowcount
    if wipe:
        session.execute(
            update(TokenRow).where(TokenRow.advocate_id == advocate_id).values(wipe=True)
        )
    # Their open event streams check their tokens now, not at their next re-read.
    from advocate_console.central.events.service import wake_streams

    wake_streams(session, advocate_id)
    return count


def change_own_password(
    db: Database,
    bearer: Bearer,
    current_password: str,
    new_password: str,
    clock: Clock = SYSTEM_CLOCK,
    address: str | None = None,
) -> None:
    """The signed-in user's new password, given the current one; the user's other tokens
    are signed out (a password changed for fear of a leak should end the leak's sessions).

    A wrong current password counts as a failed sign-in: a token found on a laptop does
    not open a faster way to guess the password.
    """
    advocate = bearer.advocate
    keys = throttle_keys(advocate.username, address)
    throttle.refuse_if_locked(db, keys, clock.now())
    with db.read() as session:
        row = session.get(AdvocateRow, advocate.id)
    if row is None or not verify_password(current_password, row.password_hash):
        throttle.count_failure(db, keys, clock.now())
        raise ApiError(
            403,
            "The current password is not right.",
            problems=[("current_password", "is not right")],
            code="current_password_wrong",
        )
    check_password(new_password, advocate.username, "new_password")
    if verify_password(new_password, row.password_hash):
        raise ApiError(
            422,
            "The new password must differ from the current one.",
            problems=[("new_password", "must differ from the current one")],
            code="same_password",
        )
    hashed = hash_password(new_password)
    with db.write() as session:
        session.execute(
            update(AdvocateRow)
            .where(AdvocateRow.id == advocate.id)
            .values(password_hash=hashed, password_change_required=False)
        )
        revoke_tokens(session, advocate.id, clock.now(), keep_digest=bearer.digest)


def set_password_by_admin(
    db: Database, user_id: uuid.UUID, password: str, clock: Clock = SYSTEM_CLOCK
) -> Advocate:
    """An admin's reset: the user signs in with ``password`` and must choose a new one;
    their tokens are signed out. 404 for an unknown user."""
    with db.read() as session:
        row = session.get(AdvocateRow, user_id)
    if row is None:
        raise ApiError(404, "There is no user with this id.")
    check_password(password, row.username)
    hashed = hash_password(password)  # (slow: outside the write transaction)
    with db.write() as session:
        session.execute(
            update(AdvocateRow)
            .where(AdvocateRow.id == user_id)
            .values(password_hash=hashed, password_change_required=True)
        )
        revoke_tokens(session, user_id, clock.now())
    return advocate_of(row)
