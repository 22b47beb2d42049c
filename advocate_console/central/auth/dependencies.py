"""Who is asking, and whether their role allows it: dependencies for every protected route."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

from fastapi import Depends
from fastapi.security import OAuth2PasswordBearer
from sqlalchemy import Connection

from advocate_console.api.schemas import API_PREFIX
from advocate_console.central.core.clock import Clock
from advocate_console.central.core.deps import ClockDep, DatabaseDep
from advocate_console.central.core.errors import ApiError
from advocate_console.central.core.reads import read_now
from advocate_console.domain import Role
from advocate_console.domain.records import Advocate

from .service import Bearer, bearer_for_token, bearer_on

# auto_error=False: a missing token gets our own 401 with a reason, not FastAPI's.
bearer = OAuth2PasswordBearer(tokenUrl=f"{API_PREFIX}/auth/token", auto_error=False)
BearerToken = Annotated[str | None, Depends(bearer)]


# async: on the event loop, as the read routes are (see customers/routes.py): one short
# indexed read, where a plain def took a thread and a hand-over back for it, on every
# write and report (its answer then on yet another thread, the route's).
async def current_bearer(db: DatabaseDep, token: BearerToken, clock: ClockDep) -> Bearer:
    """The presented token's user, even one who must choose a new password first: for
    the few routes that lets through (who am I, sign out, change the password)."""
    return await read_now(db, lambda: bearer_for_token(db, token, clock))


AnyBearer = Annotated[Bearer, Depends(current_bearer)]


# async, as below: only a look at what current_bearer found (see core/deps.py on why).
async def current_advocate(bearer: AnyBearer) -> Advocate:
    """The signed-in user presenting the bearer token, with a password of their own."""
    return _with_own_password(bearer)


def advocate_on(connection: Connection, token: str | None, clock: Clock) -> Advocate:
    """``current_advocate`` checked on the connection a read route reads with anyway.

    The hot read routes take the token (``BearerToken``) instead of ``CurrentAdvocate``:
    a plain dependency runs on a thread of its own, then the route on another, each
    with its own connection (py-spy: the hand-overs alone were a tenth of a worker's CPU).
    """
    return _with_own_password(bearer_on(connection, token, clock))


def _with_own_password(bearer: Bearer) -> Advocate:
    if bearer.password_change_required:
        raise ApiError(
            403,
            "Your administrator set your password: choose a new one first"
            " (Console ▸ Change password…).",
            code="change_password_first",
        )
    return bearer.advocate


CurrentAdvocate = Annotated[Advocate, Depends(current_advocate)]


def _a(role: Role) -> str:
    return f"an {role.value}" if role.value[0] in "aeiou" else f"a {role.value}"


def require_role(*roles: Role) -> Callable[[Advocate], Advocate]:
    """A dependency that lets through only users with one of ``roles``."""
    allowed = " or ".join(_a(role) for role in roles)

    async def check(advocate: CurrentAdvocate) -> Advocate:
        if advocate.role not in roles:
            raise ApiError(
                403,
                f"Only {allowed} may do this; you are signed in as {_a(Role(advocate.role))}.",
                code="role_only",
                values=(",".join(role.value for role in roles), Role(advocate.role).value),
            )
        return advocate

    return check


LeadOrAdmin = Annotated[Advocate, Depends(require_role(Role.LEAD, Role.ADMIN))]
AdminOnly = Annotated[Advocate, Depends(require_role(Role.ADMIN))]
