"""Sign in, sign out, and who am I."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Response
from fastapi.security import OAuth2PasswordRequestForm

from advocate_console.api.schemas import ErrorBody, Token
from advocate_console.central.core.deps import ClockDep, DatabaseDep, SettingsDep
from advocate_console.domain.records import Advocate

from . import service
from .dependencies import BearerToken, CurrentAdvocate

router = APIRouter(tags=["auth"])
UNAUTHORISED = {401: {"model": ErrorBody, "description": "Not signed in, or the token is no good"}}


@router.post(
    "/auth/token",
    name="sign_in",
    response_model=Token,
    responses={**UNAUTHORISED, 422: {"model": ErrorBody}},
)
def sign_in(
    form: Annotated[OAuth2PasswordRequestForm, Depends()], db: DatabaseDep, settings: SettingsDep
) -> Token:
    """Exchange a user name and password for a bearer token."""
    return service.sign_in(
        db, form.username, form.password, settings.token_lifetime, settings.clock
    )


@router.delete("/auth/token", name="sign_out", status_code=204, responses=UNAUTHORISED)
def sign_out(
    _advocate: CurrentAdvocate, token: BearerToken, db: DatabaseDep, clock: ClockDep
) -> Response:
    """Revoke the presented token."""
    service.revoke_token(db, token or "", clock)
    return Response(status_code=204)


@router.get("/me", name="who_am_i", response_model=Advocate, responses=UNAUTHORISED)
def who_am_i(advocate: CurrentAdvocate) -> Advocate:
    """The signed-in advocate."""
    return advocate
