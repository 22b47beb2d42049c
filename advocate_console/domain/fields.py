"""What a field of a record may hold: times in UTC, phone numbers, e-mail addresses,
names, texts and amounts, each checked once as a value is made; and the base of every
domain value."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, ValidationInfo
from pydantic_core import PydanticCustomError

from .phone import InvalidPhoneNumber, normalize_phone

_E164 = re.compile(r"^\+[1-9][0-9]{6,14}(;ext=[0-9]{1,10})?$")
_EMAIL = re.compile(r"^[^@\s]{1,64}@[^@\s.]+(\.[^@\s.]+)+$")


def _utc(value: datetime) -> datetime:
    # Stored times are UTC; a time without a zone is taken to be UTC already.
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    try:
        return value.astimezone(UTC)
    except OverflowError:  # e.g. 9999-12-31T23:00-05:00 is past year 9999 in UTC
        raise ValueError("is outside the dates that can be stored") from None


def _e164(value: str, info: ValidationInfo) -> str:
    # "+999123456" has the E.164 shape but no country: only numbers already checked (by
    # our server, or on their way into the local store) skip the numbering plan, which
    # is most of the cost of reading a customer.
    if info.context and info.context.get(TRUSTED) and _E164.match(value):
        return value
    try:
        return str(normalize_phone(value))
    except InvalidPhoneNumber as error:
        raise ValueError(str(error)) from None


def _email(value: str) -> str:
    value = value.strip().lower()
    if not _EMAIL.match(value) or len(value) > 254:
        # A code of its own, so the console can say it in the advocate's language.
        raise PydanticCustomError(
            "not_an_email", "“{value}” is not an e-mail address", {"value": value}
        )
    return value


TRUSTED = "trusted"
"""Validation context key: the values were checked before (by our server or the store)."""

UtcDateTime = Annotated[datetime, AfterValidator(_utc)]
Phone = Annotated[str, AfterValidator(_e164)]
Email = Annotated[str, AfterValidator(_email)]
# Checked inside pydantic-core (no Python call per field): a first sync reads a million.
Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
ShortText = Annotated[str, Field(max_length=200)]
Text = Annotated[str, Field(max_length=4000)]
LongText = Annotated[str, Field(max_length=20000)]
Cents = Annotated[int, Field(ge=0, le=10**11)]


class Value(BaseModel):
    """Base of all domain values: immutable, unknown fields ignored."""

    model_config = ConfigDict(frozen=True, extra="ignore", str_max_length=20000)


_STAMPED = "Stamped by the server from the bearer token; a value sent is ignored."


def _is_none(value: object) -> bool:
    return value is None


def stamped(description: str = _STAMPED) -> Any:
    """A field only the server sets (see ``records.STAMPED_FIELDS``)."""
    # Left out of the JSON while None (most records are never edited, reopened or
    # superseded): a first sync carries a million records, and a null costs every one.
    return Field(None, description=description, exclude_if=_is_none)
