"""A run of consecutive demo customers with all their records."""

from __future__ import annotations

from dataclasses import dataclass, field

from advocate_console.domain import (
    CallAttempt,
    Case,
    Customer,
    FollowUp,
    Interaction,
    NoteCard,
    Product,
    Resolution,
)


@dataclass
class DemoBatch:
    """The records of a run of consecutive customers.

    Ids point only inside the batch, except that call attempts point at the resources of
    ``demo_resources`` made with the same seed.
    """

    customers: list[Customer] = field(default_factory=list)
    products: list[Product] = field(default_factory=list)
    cases: list[Case] = field(default_factory=list)
    interactions: list[Interaction] = field(default_factory=list)
    resolutions: list[Resolution] = field(default_factory=list)
    follow_ups: list[FollowUp] = field(default_factory=list)
    cards: list[NoteCard] = field(default_factory=list)
    call_attempts: list[CallAttempt] = field(default_factory=list)
