"""Making the demo data: the resources advocates call, and customers in batches.

Customer *i* is drawn from its own random stream, keyed by (seed, i), so the records
never depend on the batch size. Values that must be unique across customers (phones,
e-mails, serials, case numbers) are derived from *i* one-to-one (see ``numbering``), so a
batch never needs the others. The first three customers are the stories (``stories``).
Internal notes that say who was dialled in come with their call attempts (see
:mod:`.calls`), pointing at the resources of ``demo_resources`` for the same seed.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date, time

from advocate_console.domain import Resource, WorkingHours

from . import contacts
from .approvals import approve_beyond_authority
from .batch import DemoBatch
from .calls import DialIns
from .goodwill import extend_goodwill
from .numbering import STORY_COUNT, Directory, new_uuid
from .regular_customers import regular_customer
from .stories.new_car import STORY_NEW_CAR_CUSTOMER_ID, new_car_story
from .stories.repeat_failure import STORY_REPEAT_FAILURE_CUSTOMER_ID, repeat_failure_story
from .stories.wrong_return import STORY_WRONG_RETURN_CUSTOMER_ID, wrong_return_story

__all__ = [
    "MAX_CUSTOMERS",
    "STORY_COUNT",
    "STORY_CUSTOMER_IDS",
    "DemoBatch",
    "demo_batches",
    "demo_resources",
]

MAX_CUSTOMERS = 1_000_000
"""The one-to-one numbering of phones, serials and case numbers holds up to here."""

STORY_CUSTOMER_IDS = (
    STORY_REPEAT_FAILURE_CUSTOMER_ID,
    STORY_WRONG_RETURN_CUSTOMER_ID,
    STORY_NEW_CAR_CUSTOMER_ID,
)
_STORIES = (repeat_failure_story, wrong_return_story, new_car_story)


def demo_resources(seed: int = 1) -> list[Resource]:
    """The internal people and desks advocates dial into calls (about forty)."""
    rng = random.Random(f"advocate-demo-resources:{seed}")
    resources = []
    for contact in contacts.CONTACTS:
        start, end, last_day = contact.hours
        resources.append(
            Resource(
                id=new_uuid(rng),
                name=contact.name,
                department=contact.department,
                role=contact.role,
                skills=list(contact.skills),
                products=list(contact.products),
                phone=contact.phone,
                sip_uri=(
                    f"sip:{contact.sip_user}@{contacts.PBX_DOMAIN}" if contact.sip_user else None
                ),
                working_hours=WorkingHours(
                    timezone=contact.timezone,
                    days=list(range(last_day + 1)),
                    start=time(start),
                    end=time(end),
                ),
                notes=contact.notes,
            )
        )
    return resources


def demo_batches(
    customers: int, seed: int = 1, today: date | None = None, batch_size: int = 1000
) -> Iterator[DemoBatch]:
    """``customers`` customers with their histories, ``batch_size`` customers per batch.

    The same arguments always give the same records. The three story customers open the
    first batch (fewer than three customers gives only the first stories).
    """
    if not 0 <= customers <= MAX_CUSTOMERS:
        raise ValueError(f"customers must be between 0 and {MAX_CUSTOMERS:,}")
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    # Checked here rather than in the generator, so a bad call fails where it is made.
    return _batches(customers, seed, today or date.today(), batch_size)


def _batches(customers: int, seed: int, today: date, batch_size: int) -> Iterator[DemoBatch]:
    directory = Directory(seed)
    calls = DialIns(demo_resources(seed))
    for start in range(0, customers, batch_size):
        batch = DemoBatch()
        for index in range(start, min(start + batch_size, customers)):
            if index < STORY_COUNT:
                _STORIES[index](batch, today, calls)
            else:
                regular_customer(batch, index, seed, today, directory, calls)
        extend_goodwill(batch)
        approve_beyond_authority(batch)
        yield batch
