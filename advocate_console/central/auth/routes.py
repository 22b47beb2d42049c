"""Sign in, sign out, who am I, and changing one's own password."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response
from fastapi.security import OAuth2PasswordRequestForm
from pydantic import BaseModel, ConfigDict, Field

from advocate_console.api.schemas import ErrorBody, Token
from advocate_console.central.core.deps import ClockDep, DatabaseDep, SettingsDep
from advocate_console.domain.passwords import MAX_LENGTH
from advocate_console.domain.records import Advocate

from . import service
from .dependencies import AnyBearer, BearerToken

router = APIRouter(tags=["auth"])


def client_address(request: Request) -> str | None:
    """Who is asking, as far as the server can tell: the peer's address, or, behind a
    proxy uvicorn trusts (``--forwarded-allow-ips``), the address the proxy forwarded."""
    return request.client.host if request.client else None


UNAUTHORISED = {401: {"model": ErrorBody, "description": "Not signed in, or the token is no good"}}


class PasswordChange(BaseModel):
    """Body of ``POST /me/password``."""

    model_config = ConfigDict(extra="forbid")

    current_password: str = Field(max_length=MAX_LENGTH)
    new_password: str = Field(max_length=10 * MAX_LENGTH)  # longer: refused with the reason


@router.post(
    "/auth/token",
    name="sign_in",
    response_model=Token,
    responses={**UNAUTHORISED, 422: {"model": ErrorBody}, 429: {"model": ErrorBody}},
)
def sign_in(
    form: Annotated[OAuth2PasswordRequestForm, Depends()],
    request: Request,
    db: DatabaseDep,
    settings: SettingsDep,
) -> Token:
    """Exchange a user name and password for a bearer token. After 5 failures in a row for
    a user name or from an address, 429 with Retry-After (a minute, doubling to 15)."""
    return service.sign_in(
        db,
        form.username,
        form.password,
        settings.token_lifetime,
        settings.clock,
        client_address(request),
    )


@router.delete("/auth/token", name="sign_out", status_code=204, responses=UNAUTHORISED)
def sign_out(bearer: AnyBearer, token: BearerToken, db: DatabaseDep, clock: ClockDep) -> Response:
    """Revoke the presented token."""
    service.revoke_token(db, token or "", clock)
    return Response(status_code=204)


@router.get("/me", name="who_am_i", response_model=Advocate, responses=UNAUTHORISED)
def who_am_i(bearer: AnyBearer) -> Advocate:
    """The signed-in user."""
    return bearer.advocate


@router.post(
    "/me/password",
    name="change_my_password",
    status_code=204,
    responses={
        **UNAUTHORISED,
        403: {"model": ErrorBody},
        422: {"model": ErrorBody},
        429: {"model": ErrorBody},
    },
)
def change_my_password(
    body: PasswordChange, request: Request, bearer: AnyBearer, db: DatabaseDep, clock: ClockDep
) -> Response:
    """Choose a new password (at least 12 characters, not a common one); the user's other
    tokens are signed out, this one stays."""
    service.change_own_password(
        db, bearer, body.current_password, body.new_password, clock, client_address(request)
    )
    return Response(status_code=204)
