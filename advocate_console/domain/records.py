"""The records advocates work with, as plain validated values.

These are the shapes the central API sends and receives and the local store returns:
one definition, shared by client and server. They hold data and its rules, no I/O; what
each field may hold is in :mod:`.fields`.
"""

from __future__ import annotations

from datetime import date, time
from typing import Annotated, Literal
from uuid import UUID

from pydantic import Field, StringConstraints, field_validator

from .enums import (
    CallOutcome,
    CardState,
    CaseStatus,
    Channel,
    Collection,
    Delight,
    Direction,
    FollowUpKind,
    FollowUpStatus,
    InteractionKind,
    RecoveryStep,
    RemedyKind,
    Role,
    Tier,
)
from .fields import (
    Cents,
    Email,
    LongText,
    Name,
    Phone,
    ShortText,
    Text,
    UtcDateTime,
    Value,
    stamped,
)
from .readings import Addressed, Authored, Branded, Posted, Standing, case_number_for


class Record(Authored, Value):
    """Anything with an identity and a row version (+1 on every update).

    Who wrote it and who changed it last are stamped by the server from the bearer
    token (see :data:`STAMPED_FIELDS`); they are None in records written before that,
    and in a new record not yet confirmed by the server.
    """

    id: UUID
    version: int = Field(1, ge=1)
    author_id: UUID | None = stamped()
    author_name: ShortText | None = stamped()
    updated_by_id: UUID | None = stamped()
    updated_by_name: ShortText | None = stamped()
    updated_at: UtcDateTime | None = stamped()


class Address(Posted, Value):
    """A postal address, as printed on an envelope."""

    lines: list[Annotated[str, Field(min_length=1, max_length=200)]] = Field(
        min_length=1, max_length=4
    )
    city: Name
    region: ShortText = ""
    postal_code: Annotated[str, Field(max_length=20)] = ""
    country: Annotated[str, Field(min_length=2, max_length=2)] = "US"


class Customer(Addressed, Record):
    """Someone who bought from us, with what they have meant to the company."""

    display_name: Name
    phones: list[Phone] = Field(default_factory=list, max_length=10)
    emails: list[Email] = Field(default_factory=list, max_length=10)
    address: Address | None = None
    tier: Tier = Tier.STANDARD
    customer_since: date
    lifetime_value_cents: Cents = 0


class Product(Branded, Record):
    """A unit a customer owns: model, serial and warranty."""

    customer_id: UUID
    brand: Name
    name: Name
    model_number: Name
    serial_number: Annotated[
        str, StringConstraints(strip_whitespace=True, to_upper=True, min_length=1, max_length=60)
    ]
    purchase_date: date | None = None
    warranty_end: date | None = None
    replaced_by_id: UUID | None = None


class Case(Record):
    """A problem a customer brought to us, from opening to resolution."""

    number: str = ""
    customer_id: UUID
    product_id: UUID | None = None
    category: Name
    channel: Channel = Channel.PHONE
    status: CaseStatus = CaseStatus.OPEN
    summary: Text = ""
    opened_at: UtcDateTime
    closed_at: UtcDateTime | None = None
    owner: ShortText | None = None
    owner_id: UUID | None = stamped(
        "The owner's user id, found by the server from ``owner``; a value sent is ignored."
    )
    reopened_at: UtcDateTime | None = stamped()
    reopened_by_id: UUID | None = stamped()
    reopened_by_name: ShortText | None = stamped()
    reopen_reason: Text | None = stamped("Why it was last reopened (POST /cases/{id}/reopen).")

    @field_validator("number", mode="after")
    @classmethod
    def _number(cls, value: str) -> str:
        value = value.strip().upper()
        # "C7K2M9Q4X" as typed becomes "C-7K2M9Q4X", the form the caller bar searches for.
        if len(value) == 9 and value.startswith("C") and value[1:].isalnum():
            return f"C-{value[1:]}"
        return value

    def model_post_init(self, _context: object) -> None:
        if not self.number:
            object.__setattr__(self, "number", case_number_for(self.id))


class Interaction(Record):
    """One entry on a customer's timeline: a call, a note, a callback, an e-mail, a card."""

    customer_id: UUID
    case_id: UUID | None = None
    kind: InteractionKind
    direction: Direction = Direction.INBOUND
    occurred_at: UtcDateTime
    summary: Text
    body: LongText = ""
    advocate: ShortText | None = None


class WorkingHours(Value):
    """When a resource picks up, in their own time zone (days: 0 = Monday)."""

    timezone: ShortText = "UTC"
    days: list[Annotated[int, Field(ge=0, le=6)]] = Field(default_factory=lambda: [0, 1, 2, 3, 4])
    start: time = time(9, 0)
    end: time = time(17, 0)


class Resource(Record):
    """An internal person or desk an advocate can dial into a call."""

    name: Name
    department: Name
    role: ShortText = ""
    skills: list[ShortText] = Field(default_factory=list, max_length=50)
    products: list[ShortText] = Field(default_factory=list, max_length=50)
    phone: Phone | None = None
    sip_uri: Annotated[str, Field(pattern=r"^sips?:[^\s]+$", max_length=200)] | None = None
    working_hours: WorkingHours | None = None
    notes: Text = ""


class Remedy(Value):
    """One thing done to make it right, with what it cost."""

    kind: RemedyKind
    cost_cents: Cents = 0
    months: Annotated[int, Field(ge=1, le=120)] | None = None
    value_cents: Cents | None = None
    note: ShortText = ""


class SuggestionOutcome(Value):
    """A suggested remedy shown on the resolution form, and what the advocate did with it."""

    rule: ShortText  # "rule:<id>" or "history:<remedies>"
    remedies: list[Remedy] = Field(default_factory=list, max_length=20)
    outcome: Literal["accepted", "dismissed", "shown"] = "shown"


class Resolution(Standing, Record):
    """How a case was resolved: remedies, the five steps, and the customer's delight."""

    case_id: UUID
    remedies: list[Remedy] = Field(default_factory=list, max_length=20)
    suggestions: list[SuggestionOutcome] = Field(default_factory=list, max_length=10)
    steps: list[RecoveryStep] = Field(default_factory=list, max_length=5)
    delight: Delight
    notes: LongText = ""
    resolved_at: UtcDateTime
    advocate: ShortText | None = None
    approval_id: UUID | None = None  # a lead's approval of remedies beyond the author's limits
    superseded_at: UtcDateTime | None = stamped("When its case was reopened; None: it stands.")
    superseded_by_id: UUID | None = stamped()
    superseded_by_name: ShortText | None = stamped()


class FollowUp(Record):
    """A promised callback or a proactive call, due at a set time."""

    customer_id: UUID
    case_id: UUID | None = None
    kind: FollowUpKind = FollowUpKind.CALLBACK
    due_at: UtcDateTime
    reason: Text
    status: FollowUpStatus = FollowUpStatus.OPEN
    completed_at: UtcDateTime | None = None
    advocate: ShortText | None = None
    completed_by_id: UUID | None = stamped()
    completed_by_name: ShortText | None = stamped()


class NoteCard(Record):
    """A handwritten-style thank-you card on its way to a customer."""

    customer_id: UUID
    case_id: UUID | None = None
    template: ShortText = "a6-flat"
    message: Text
    gift_value_cents: Cents | None = None
    gift_code: ShortText | None = None
    state: CardState = CardState.DRAFT
    failure_reason: Text | None = None
    created_at: UtcDateTime
    printed_at: UtcDateTime | None = None
    mailed_at: UtcDateTime | None = None
    advocate: ShortText | None = None


class CallAttempt(Record):
    """One try at bringing an internal resource into a customer's call, and how it went.

    The case's category and the product's model are copied in at the time of the call, so
    the ranking of resources ("who helped with this before") never depends on later edits.
    """

    resource_id: UUID
    case_id: UUID | None = None
    customer_id: UUID | None = None
    category: ShortText = ""
    product_model: ShortText = ""
    via: Literal["sip", "handoff", "bridge"] = "sip"  # bridge: the company's conference bridge
    started_at: UtcDateTime
    answered_at: UtcDateTime | None = None
    ended_at: UtcDateTime | None = None
    outcome: CallOutcome | None = None  # None while the call is still going
    reason: ShortText = ""
    helped: bool | None = None  # asked with one click after the leg ends
    advocate: ShortText | None = None


STAMPED_FIELDS = frozenset(
    {
        "author_id",
        "author_name",
        "updated_by_id",
        "updated_by_name",
        "updated_at",
        "owner_id",
        "reopened_at",
        "reopened_by_id",
        "reopened_by_name",
        "reopen_reason",
        "superseded_at",
        "superseded_by_id",
        "superseded_by_name",
        "completed_by_id",
        "completed_by_name",
    }
)
"""Fields only the server sets (from the bearer token and its own acts); whatever a client
sends for them is ignored. So is ``advocate``, the author's name as clients used to send
it: the server writes the author's display name there."""

AUTHOR_NAME_FIELD = "advocate"
"""The older field naming who wrote a record, which the server now fills itself."""


class Advocate(Value):
    """A signed-in user of the console."""

    id: UUID
    username: ShortText
    display_name: ShortText
    role: Role = Role.ADVOCATE

    @property
    def first_name(self) -> str:
        """The first word of the display name."""
        words = self.display_name.split()
        return words[0] if words else self.username


class History(Value):
    """Everything that happened with one customer, for the history panel."""

    customer: Customer
    products: list[Product] = Field(default_factory=list)
    cases: list[Case] = Field(default_factory=list)
    interactions: list[Interaction] = Field(default_factory=list)
    resolutions: list[Resolution] = Field(default_factory=list)
    follow_ups: list[FollowUp] = Field(default_factory=list)
    cards: list[NoteCard] = Field(default_factory=list)


RECORD_TYPES: dict[Collection, type[Record]] = {
    Collection.CUSTOMERS: Customer,
    Collection.PRODUCTS: Product,
    Collection.CASES: Case,
    Collection.INTERACTIONS: Interaction,
    Collection.RESOURCES: Resource,
    Collection.RESOLUTIONS: Resolution,
    Collection.FOLLOW_UPS: FollowUp,
    Collection.CARDS: NoteCard,
    Collection.CALL_ATTEMPTS: CallAttempt,
}
"""The record type of each collection."""
