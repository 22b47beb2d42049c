"""A phone system's call event, shaped as Zammad's generic CTI sends them."""

from __future__ import annotations

import enum

from pydantic import AliasChoices, BaseModel, ConfigDict, Field, model_validator

from advocate_console.api.events import CallEvent


class Direction(enum.StrEnum):
    """Which way the call goes."""

    IN = "in"
    OUT = "out"


class CallState(enum.StrEnum):
    """Where a call is."""

    OFFERED = "offered"
    ANSWERED = "answered"
    ENDED = "ended"
    MISSED = "missed"


class CallEventIn(BaseModel):
    """``newCall`` when it rings, ``answer``, ``hangup``; for ``user`` or an ``extension``."""

    model_config = ConfigDict(extra="ignore", populate_by_name=True)

    event: CallEvent
    call_id: str = Field(
        min_length=1, max_length=200, validation_alias=AliasChoices("call_id", "callId")
    )
    from_: str = Field(default="", max_length=100, alias="from")
    to: str = Field(default="", max_length=100)
    direction: Direction = Direction.IN
    user: str | None = Field(default=None, min_length=1, max_length=200)
    extension: str | None = Field(default=None, min_length=1, max_length=40)

    @model_validator(mode="after")
    def _someone(self) -> CallEventIn:
        if self.event is CallEvent.NEW_CALL and not (self.user or self.extension):
            raise ValueError("say whose call it is: user (a user name) or extension")
        return self


class CallOut(BaseModel):
    """What the server made of the event."""

    call_id: str
    state: CallState
    user: str
