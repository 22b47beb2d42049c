"""``/users``: accounts, for admins only (leads and advocates are answered 403)."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Body, Query, Response

from advocate_console.api.schemas import MAX_PAGE, ErrorBody, Page
from advocate_console.central.auth.dependencies import AdminOnly
from advocate_console.central.auth.service import set_password_by_admin
from advocate_console.central.core.deps import ClockDep, DatabaseDep
from advocate_console.central.core.http import decode_id_cursor, encode_id_cursor

from . import service
from .schemas import (
    NewUser,
    PasswordReset,
    SignedOutEverywhere,
    SignOutEverywhere,
    UserChanges,
    UserOut,
)

router = APIRouter(tags=["users"])
ERRORS = {
    status: {"model": ErrorBody}
    for status in (400, 401, 403, 404, 409, 422)  # 403: only admins manage accounts
}


@router.get("/users", name="list_users", response_model=Page[UserOut], responses=ERRORS)
def list_users(
    _admin: AdminOnly,
    db: DatabaseDep,
    cursor: str | None = None,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 100,
) -> Page[UserOut]:
    """Every user, in pages."""
    users = service.list_users(db, decode_id_cursor(cursor), limit)
    after = encode_id_cursor(users[-1].id) if len(users) == limit else None
    return Page(items=users, next_cursor=after)


@router.post("/users", name="add_user", status_code=201, response_model=UserOut, responses=ERRORS)
def add_user(body: NewUser, _admin: AdminOnly, db: DatabaseDep, clock: ClockDep) -> UserOut:
    """A new user, who signs in with the password given (at least 12 characters, not a
    common one)."""
    return service.add_user(db, body, clock)


@router.get("/users/{user_id}", name="get_user", response_model=UserOut, responses=ERRORS)
def get_user(user_id: UUID, _admin: AdminOnly, db: DatabaseDep) -> UserOut:
    """One user."""
    return service.find_user(db, user_id)


@router.patch("/users/{user_id}", name="change_user", response_model=UserOut, responses=ERRORS)
def change_user(
    user_id: UUID, body: UserChanges, _admin: AdminOnly, db: DatabaseDep, clock: ClockDep
) -> UserOut:
    """Change ``display_name``, ``role`` or ``disabled``. A disabled user's tokens stop at
    once, answering 401 with the wipe order."""
    return service.change_user(db, user_id, body, clock)


@router.post("/users/{user_id}/password", name="reset_password", status_code=204, responses=ERRORS)
def reset_password(
    user_id: UUID, body: PasswordReset, _admin: AdminOnly, db: DatabaseDep, clock: ClockDep
) -> Response:
    """Set a user's password (they choose a new one at their next sign-in); their tokens
    are signed out."""
    set_password_by_admin(db, user_id, body.password, clock)
    return Response(status_code=204)


@router.post(
    "/users/{user_id}/sign-out-everywhere",
    name="sign_out_everywhere",
    response_model=SignedOutEverywhere,
    responses=ERRORS,
)
def sign_out_everywhere(
    user_id: UUID,
    _admin: AdminOnly,
    db: DatabaseDep,
    clock: ClockDep,
    body: Annotated[SignOutEverywhere | None, Body()] = None,
) -> SignedOutEverywhere:
    """Sign out every token of a user; with ``{"wipe": true}`` every console of theirs
    also erases its local data when it next reaches the server."""
    wipe = body.wipe if body is not None else False
    count = service.sign_out_everywhere(db, user_id, wipe=wipe, clock=clock)
    return SignedOutEverywhere(signed_out=count, wipe=wipe)
