"""The rules behind the user admin routes and the matching ``advocate-central`` commands."""

from __future__ import annotations

from uuid import UUID

from sqlalchemy import select
from sqlalchemy.orm import Session

from advocate_console.central.auth.models import AdvocateRow
from advocate_console.central.auth.service import (
    AdvocateExists,
    WeakPassword,
    create_advocate,
    revoke_tokens,
)
from advocate_console.central.core.clock import SYSTEM_CLOCK, Clock
from advocate_console.central.core.database import Database
from advocate_console.central.core.errors import ApiError
from advocate_console.domain import Role

from .schemas import NewUser, UserChanges, UserOut

NO_SUCH_USER = "There is no user with this id."


def user_out(row: AdvocateRow) -> UserOut:
    """A row as the admin routes show it."""
    return UserOut(
        id=row.id,
        username=row.username,
        display_name=row.display_name,
        role=Role(row.role),
        disabled=row.disabled_at is not None,
        password_change_required=row.password_change_required,
        created_at=row.created_at,
    )


def list_users(db: Database, after: UUID | None, limit: int) -> list[UserOut]:
    """Up to ``limit`` users in id order, after ``after``."""
    query = select(AdvocateRow).order_by(AdvocateRow.id).limit(limit)
    if after is not None:
        query = query.where(AdvocateRow.id > after)
    with db.read() as session:
        return [user_out(row) for row in session.scalars(query)]


def find_user(db: Database, user_id: UUID) -> UserOut:
    """One user; 404 when there is none with that id."""
    with db.read() as session:
        row = session.get(AdvocateRow, user_id)
        if row is None:
            raise ApiError(404, NO_SUCH_USER)
        return user_out(row)


def user_named(db: Database, username: str) -> UserOut | None:
    """The user who signs in as ``username``, if any (for the command line)."""
    with db.read() as session:
        row = session.scalar(select(AdvocateRow).where(AdvocateRow.username == username.strip()))
        return user_out(row) if row is not None else None


def add_user(db: Database, new: NewUser, clock: Clock = SYSTEM_CLOCK) -> UserOut:
    """A new user; 409 when the name is taken, 422 when the password is not allowed."""
    try:
        created = create_advocate(
            db, new.username, new.password, new.role, new.display_name, clock=clock
        )
    except AdvocateExists as error:
        raise ApiError(409, str(error), problems=[("username", "is taken")]) from None
    except WeakPassword as error:
        raise ApiError(422, str(error), problems=[("password", error.reason)]) from None
    except ValueError as error:
        raise ApiError(422, str(error), problems=[("username", str(error))]) from None
    return find_user(db, created.id)


def change_user(
    db: Database, user_id: UUID, changes: UserChanges, clock: Clock = SYSTEM_CLOCK
) -> UserOut:
    """Rename, change the role of, disable or enable a user. Disabling signs out every
    token with the wipe order; the last active admin cannot be disabled or demoted."""
    now = clock.now()
    with db.write() as session:
        row = session.get(AdvocateRow, user_id)
        if row is None:
            raise ApiError(404, NO_SUCH_USER)
        stays_admin = (changes.role or row.role) == Role.ADMIN and not (
            changes.disabled if changes.disabled is not None else row.disabled_at is not None
        )
        if row.role == Role.ADMIN and not stays_admin and _other_admins(session, row.id) == 0:
            raise ApiError(
                409,
                "This is the only active admin: make someone else an admin first, so the"
                " accounts can still be managed.",
            )
        if changes.display_name is not None:
            row.display_name = changes.display_name.strip() or row.display_name
        if changes.role is not None:
            row.role = changes.role.value
        if changes.disabled is True and row.disabled_at is None:
            row.disabled_at = now
            revoke_tokens(session, row.id, now, wipe=True)
        elif changes.disabled is False:
            row.disabled_at = None
        session.flush()
        return user_out(row)


def sign_out_everywhere(
    db: Database, user_id: UUID, *, wipe: bool, clock: Clock = SYSTEM_CLOCK
) -> int:
    """Sign out every live token of a user, with the wipe order if ``wipe``; how many."""
    with db.write() as session:
        if session.get(AdvocateRow, user_id) is None:
            raise ApiError(404, NO_SUCH_USER)
        return revoke_tokens(session, user_id, clock.now(), wipe=wipe)


def _other_admins(session: Session, user_id: UUID) -> int:
    # Locked on PostgreSQL, so two admins demoting each other at once cannot both succeed.
    others = (
        select(AdvocateRow.id)
        .where(
            AdvocateRow.role == Role.ADMIN.value,
            AdvocateRow.disabled_at.is_(None),
            AdvocateRow.id != user_id,
        )
        .with_for_update()
    )
    return len(session.scalars(others).all())
