"""What the user admin routes take and answer."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

from advocate_console.domain import Role
from advocate_console.domain.passwords import MAX_LENGTH

_NAME = Field(min_length=1, max_length=200)


class UserOut(BaseModel):
    """A user as an admin sees them (never their password hash)."""

    id: UUID
    username: str
    display_name: str
    role: Role
    disabled: bool
    password_change_required: bool
    created_at: datetime


class NewUser(BaseModel):
    """Body of ``POST /users``."""

    model_config = ConfigDict(extra="forbid")

    username: str = _NAME
    display_name: str | None = Field(default=None, min_length=1, max_length=200)
    role: Role = Role.ADVOCATE
    password: str = Field(max_length=10 * MAX_LENGTH)


class UserChanges(BaseModel):
    """Body of ``PATCH /users/{id}``: only the fields given change."""

    model_config = ConfigDict(extra="forbid")

    display_name: str | None = Field(default=None, min_length=1, max_length=200)
    role: Role | None = None
    disabled: bool | None = None


class PasswordReset(BaseModel):
    """Body of ``POST /users/{id}/password``: the password the user signs in with once."""

    model_config = ConfigDict(extra="forbid")

    password: str = Field(max_length=10 * MAX_LENGTH)


class SignOutEverywhere(BaseModel):
    """Body of ``POST /users/{id}/sign-out-everywhere``."""

    model_config = ConfigDict(extra="forbid")

    wipe: bool = False  # also order every console of the user to erase its local data


class SignedOutEverywhere(BaseModel):
    """How many live tokens were signed out, and whether the wipe order went with them."""

    signed_out: int
    wipe: bool
