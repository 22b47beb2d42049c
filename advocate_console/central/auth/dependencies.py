"""Who is asking, and whether their role allows it: dependencies for every protected route."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

from fastapi import Depends
from fastapi.security import OAuth2PasswordBearer

from advocate_console.api.schemas import API_PREFIX
from advocate_console.central.core.deps import ClockDep, DatabaseDep
from advocate_console.central.core.errors import ApiError
from advocate_console.domain import Role
from advocate_console.domain.records import Advocate

from .service import advocate_for_token

# auto_error=False: a missing token gets our own 401 with a reason, not FastAPI's.
bearer = OAuth2PasswordBearer(tokenUrl=f"{API_PREFIX}/auth/token", auto_error=False)
BearerToken = Annotated[str | None, Depends(bearer)]


def current_advocate(db: DatabaseDep, token: BearerToken, clock: ClockDep) -> Advocate:
    """The signed-in advocate presenting the bearer token."""
    return advocate_for_token(db, token, clock)


CurrentAdvocate = Annotated[Advocate, Depends(current_advocate)]


def require_role(*roles: Role) -> Callable[[Advocate], Advocate]:
    """A dependency that lets through only advocates with one of ``roles``."""
    allowed = ", ".join(role.value for role in roles)

    def check(advocate: CurrentAdvocate) -> Advocate:
        if advocate.role not in roles:
            raise ApiError(
                403, f"Only a {allowed} may do this; you are signed in as {advocate.role}."
            )
        return advocate

    return check


LeadOrAdmin = Annotated[Advocate, Depends(require_role(Role.LEAD, Role.ADMIN))]
