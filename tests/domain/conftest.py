"""Sample domain records for the domain and wire-shape tests."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any
from uuid import UUID, uuid4

import pytest

from advocate_console.domain import (
    CallAttempt,
    Case,
    Collection,
    Customer,
    FollowUp,
    Interaction,
    NoteCard,
    Product,
    Record,
    Resolution,
    Resource,
)

OPENED = datetime(2024, 3, 1, 14, 30, tzinfo=UTC)


class Samples:
    """Builders of valid records; keyword arguments override any field."""

    def customer(self, **fields: Any) -> Customer:
        """Ann Example, a gold customer since 2015."""
        return Customer(
            **{
                "id": uuid4(),
                "display_name": "Ann Example",
                "phones": ["+18004322737"],
                "emails": ["ann@example.com"],
                "tier": "gold",
                "customer_since": date(2015, 6, 1),
                **fields,
            }
        )

    def product(self, customer_id: UUID | None = None, **fields: Any) -> Product:
        """A GE microwave with a year of warranty."""
        return Product(
            **{
                "id": uuid4(),
                "customer_id": customer_id or uuid4(),
                "brand": "GE",
                "name": "Over-the-range microwave",
                "model_number": "JVM3160RF",
                "serial_number": "SN" + uuid4().hex[:8].upper(),
                "purchase_date": date(2023, 1, 10),
                "warranty_end": date(2024, 1, 10),
                **fields,
            }
        )

    def case(self, product: Product | None = None, **fields: Any) -> Case:
        """A phone case about ``product`` (if any), opened on 1 March 2024."""
        return Case(
            **{
                "id": uuid4(),
                "customer_id": product.customer_id if product else uuid4(),
                "product_id": product.id if product else None,
                "category": "product failure",
                "summary": "Stopped heating",
                "opened_at": OPENED,
                **fields,
            }
        )

    def interaction(self, **fields: Any) -> Interaction:
        """An inbound call."""
        return Interaction(
            **{
                "id": uuid4(),
                "customer_id": uuid4(),
                "kind": "call",
                "occurred_at": OPENED,
                "summary": "Called about the microwave",
                **fields,
            }
        )

    def resource(self, **fields: Any) -> Resource:
        """A service desk reachable by phone."""
        return Resource(
            **{
                "id": uuid4(),
                "name": "Service desk",
                "department": "Service",
                "skills": ["repair"],
                "phone": "+18004322737",
                **fields,
            }
        )

    def resolution(self, **fields: Any) -> Resolution:
        """A delighted customer after a waived repair fee."""
        return Resolution(
            **{
                "id": uuid4(),
                "case_id": uuid4(),
                "remedies": [{"kind": "repair_fee_waived", "cost_cents": 12_900}],
                "steps": ["empathized", "took_ownership"],
                "delight": "delighted",
                "resolved_at": OPENED,
                **fields,
            }
        )

    def follow_up(self, **fields: Any) -> FollowUp:
        """A callback promised for the next day."""
        return FollowUp(
            **{
                "id": uuid4(),
                "customer_id": uuid4(),
                "due_at": datetime(2024, 3, 2, 15, 0, tzinfo=UTC),
                "reason": "Check the repair went well",
                **fields,
            }
        )

    def card(self, **fields: Any) -> NoteCard:
        """A draft thank-you card."""
        return NoteCard(
            **{
                "id": uuid4(),
                "customer_id": uuid4(),
                "message": "Thank you for your patience.",
                "created_at": OPENED,
                **fields,
            }
        )

    def call_attempt(self, **fields: Any) -> CallAttempt:
        """A finished attempt that reached the resource and helped."""
        return CallAttempt(
            **{
                "id": uuid4(),
                "resource_id": uuid4(),
                "category": "product failure",
                "product_model": "HVM3160SF",
                "started_at": OPENED,
                "outcome": "connected",
                "helped": True,
                **fields,
            }
        )

    def of(self, collection: Collection) -> Record:
        """A valid record of ``collection``."""
        builders = {
            Collection.CUSTOMERS: self.customer,
            Collection.PRODUCTS: self.product,
            Collection.CASES: self.case,
            Collection.INTERACTIONS: self.interaction,
            Collection.RESOURCES: self.resource,
            Collection.RESOLUTIONS: self.resolution,
            Collection.FOLLOW_UPS: self.follow_up,
            Collection.CARDS: self.card,
            Collection.CALL_ATTEMPTS: self.call_attempt,
        }
        return builders[collection]()


@pytest.fixture(scope="session")
def samples() -> Samples:
    """Builders of valid domain records."""
    return Samples()
