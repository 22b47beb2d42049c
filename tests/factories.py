"""Small builders of domain records for tests: valid by default, any field overridable."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta

from advocate_console.domain import (
    Address,
    Case,
    Customer,
    FollowUp,
    Interaction,
    InteractionKind,
    Product,
    RecoveryStep,
    Remedy,
    Resolution,
)

NOW = datetime(2026, 11, 23, 15, 0, tzinfo=UTC)
HEARD_NAMES = (
    "Tomás Gutiérrez",
    "Tomasz Kowalski",
    "Margaret O'Donnell",
    "Grace Nakamura-Reid",
    "Mary St. John",
    "Maria Garcia",
)
"""Names an advocate hears without their accents, apostrophes or hyphens (the demo walk)."""


def customer(**fields) -> Customer:
    """A customer with one phone, one e-mail and an address."""
    values = dict(
        id=uuid.uuid4(),
        display_name="Maria Garcia",
        phones=["+18004322737"],
        emails=["maria.garcia@example.com"],
        address=Address(
            lines=["12 Elm Street"], city="Louisville", region="KY", postal_code="40202"
        ),
        customer_since=date(2012, 5, 1),
        lifetime_value_cents=1_250_000,
    )
    return Customer(**(values | fields))


def product(owner: Customer, **fields) -> Product:
    """A microwave owned by ``owner``."""
    values = dict(
        id=uuid.uuid4(),
        customer_id=owner.id,
        brand="Halvorsen",
        name="Over-the-range microwave",
        model_number="HMV3160RF",
        serial_number=f"VR{uuid.uuid4().int % 10**9:09d}",
        purchase_date=date(2024, 9, 1),
        warranty_end=date(2025, 9, 1),
    )
    return Product(**(values | fields))


def case(owner: Customer, **fields) -> Case:
    """An open product-failure case of ``owner``."""
    values = dict(
        id=uuid.uuid4(),
        customer_id=owner.id,
        category="product failure",
        summary="Microwave stopped heating.",
        opened_at=NOW - timedelta(days=3),
    )
    return Case(**(values | fields))


def interaction(owner: Customer, **fields) -> Interaction:
    """An inbound call of ``owner``."""
    values = dict(
        id=uuid.uuid4(),
        customer_id=owner.id,
        kind=InteractionKind.CALL,
        occurred_at=NOW - timedelta(days=1),
        summary="Called about the microwave.",
    )
    return Interaction(**(values | fields))


def follow_up(owner: Customer, **fields) -> FollowUp:
    """A callback due tomorrow."""
    values = dict(
        id=uuid.uuid4(),
        customer_id=owner.id,
        due_at=NOW + timedelta(days=1),
        reason="Check the replacement arrived.",
    )
    return FollowUp(**(values | fields))


def resolution(for_case: Case, **fields) -> Resolution:
    """A resolution of ``for_case`` by Maya Castellanos: a $120 replacement, all five steps,
    a delighted customer."""
    values = dict(
        id=uuid.uuid4(),
        case_id=for_case.id,
        remedies=[Remedy(kind="replacement", cost_cents=12_000)],
        steps=list(RecoveryStep),
        delight="delighted",
        resolved_at=NOW,
        advocate="Maya Castellanos",
    )
    return Resolution(**(values | fields))
