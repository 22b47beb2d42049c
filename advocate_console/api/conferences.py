"""Conferences on the company's bridge, on the wire: what the console asks for and what the
server answers (``/api/v1/conferences``). Shared by the client and the reference server."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal
from uuid import UUID

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from advocate_console.domain.conference import CustomerJoins, LegRole, LegState, check_target
from advocate_console.domain.enums import CallOutcome


def _dialable(value: str) -> str:
    problem = check_target(value)
    if problem is not None:
        raise ValueError(problem)
    return value.strip()


Target = Annotated[str, Field(min_length=1, max_length=200), AfterValidator(_dialable)]
"""A phone number (any spelling) or a SIP address."""
Label = Annotated[str, Field(max_length=200)]


class NewConference(BaseModel):
    """Start a conference: the advocate's phone rings first, then the customer's."""

    model_config = ConfigDict(extra="forbid")

    case_id: UUID | None = None
    advocate_phone: Target = Field(description="the advocate's desk phone, mobile or softphone")
    customer: Target | None = Field(
        default=None, description="where the bridge calls the customer back"
    )
    customer_name: Label = ""
    customer_joins: CustomerJoins = "callback"

    @model_validator(mode="after")
    def _customer_reachable(self) -> NewConference:
        if self.customer_joins == "callback" and not self.customer:
            raise ValueError("a customer to call back is needed (or customer_joins: transfer)")
        return self


class NewLeg(BaseModel):
    """Bring someone into a conference: a resource of the directory, or any number."""

    model_config = ConfigDict(extra="forbid")

    resource_id: UUID | None = None
    target: Target | None = None
    label: Label = ""
    ask_first: bool = Field(
        default=False, description="talk with them alone before they join the customer"
    )

    @model_validator(mode="after")
    def _one_target(self) -> NewLeg:
        if (self.resource_id is None) == (self.target is None):
            raise ValueError("give either resource_id or target (a number or SIP address)")
        return self


class LegChange(BaseModel):
    """What the advocate changes about one leg; only the fields sent change."""

    model_config = ConfigDict(extra="forbid")

    on_hold: bool | None = None
    muted: bool | None = None
    joined: Literal[True] | None = Field(
        default=None, description="out of an ask-first consult (or hold) into the conference"
    )
    dropped: Literal[True] | None = None
    helped: bool | None = Field(default=None, description="did this resource help?")

    @model_validator(mode="after")
    def _something(self) -> LegChange:
        if not self.model_fields_set:
            raise ValueError("say what changes: on_hold, muted, joined, dropped or helped")
        return self


class LegOut(BaseModel):
    """One leg of a conference, as the bridge last reported it."""

    id: UUID
    number: int
    role: LegRole
    label: str
    target: str
    resource_id: UUID | None = None
    state: LegState
    on_hold: bool = False
    muted: bool = False
    consult: bool = False
    joined: bool = False
    sip_code: int = 0
    reason: str = ""
    outcome: CallOutcome | None = None
    attempt_id: UUID | None = None
    helped: bool | None = None
    created_at: datetime
    ringing_at: datetime | None = None
    answered_at: datetime | None = None
    joined_at: datetime | None = None
    ended_at: datetime | None = None


class ConferenceOut(BaseModel):
    """A conference with every leg; ``bridge`` says whether its bridge is still alive."""

    id: UUID
    case_id: UUID | None = None
    address: str = Field(description="the conference's SIP address, to transfer a call to")
    customer_joins: CustomerJoins
    live: bool
    bridge: Literal["running", "lost"]
    bridge_name: str
    created_at: datetime
    ended_at: datetime | None = None
    legs: list[LegOut]


class ConferenceList(BaseModel):
    """The signed-in advocate's conferences that are still going."""

    items: list[ConferenceOut]
