"""Story 3: a new car, bought a few weeks ago, due a proactive call today.

Grace Nakamura-Reid chose her Kestrel Solace with the demo advocate's help; her welcome
card waits in the print queue and the three-week call is due this afternoon.
"""

from __future__ import annotations

from datetime import date, timedelta
from uuid import UUID

from advocate_console.domain import (
    Address,
    CardState,
    Channel,
    Customer,
    Delight,
    Direction,
    FollowUpKind,
    InteractionKind,
    Product,
    RemedyKind,
)

from ..accounts import DEMO_DISPLAY_NAME, TEAM
from ..batch import DemoBatch
from ..calls import DialIns
from ..case_file import ALL_STEPS, CustomerFile, Plan, closed_case, paid_for, remedy, story_file
from ..catalog import MODELS, SUV
from ..dates import add_years, at
from ..people import tier_for_value

STORY_NEW_CAR_CUSTOMER_ID = UUID("9a3b6c1d-2e4f-4a5b-8c7d-1f2e3d4c3003")
STORY_NEW_CAR_NAME = "Grace Nakamura-Reid"
STORY_NEW_CAR_PHONE = "+17205550123"
STORY_NEW_CAR_EMAIL = "grace.nakamurareid@outlook.com"
STORY_NEW_CAR_MODEL = SUV.model_number
STORY_NEW_CAR_DAYS_SINCE_PURCHASE = 24

STORY_NEW_CAR_CARD = (
    "Dear Grace,\n\nCongratulations on your new Solace! Thank you for choosing us again; "
    "I hope it takes your family on many good trips.\n\nWarmly,\nMaya"
)


def new_car_story(batch: DemoBatch, today: date, calls: DialIns) -> None:
    """Story 3: a car bought a few weeks ago, and a proactive call due today."""
    f = story_file(batch, 2, STORY_NEW_CAR_CUSTOMER_ID, today, calls)
    f.first_name = "Grace"
    since = today - timedelta(days=1105)
    dishwasher = f.add_product(MODELS["HDW24Q3"], since)
    bought = today - timedelta(days=STORY_NEW_CAR_DAYS_SINCE_PURCHASE)
    f.add_product(SUV, bought, warranty_end=add_years(bought, 3))
    _questions(f, dishwasher, since, bought)
    _welcome(f, bought, today)
    batch.customers.append(
        Customer(
            id=f.customer_id,
            display_name=STORY_NEW_CAR_NAME,
            phones=[STORY_NEW_CAR_PHONE],
            emails=[STORY_NEW_CAR_EMAIL],
            address=Address(
                lines=["15880 E Mississippi Ave"], city="Aurora", region="CO", postal_code="80017"
            ),
            tier=tier_for_value(paid_for(f.products) + 86_000),
            customer_since=since,
            lifetime_value_cents=paid_for(f.products) + 86_000,
        )
    )
    batch.products.extend(f.products)


def _questions(f: CustomerFile, dishwasher: Product, since: date, bought: date) -> None:
    """Two cases answered with delight: the dishwasher's rinse aid, choosing the car."""
    rinse = Plan(
        "product question",
        "which rinse-aid setting suits hard water",
        "Asked which rinse-aid setting suits her hard water; glasses come out cloudy. "
        "Halvorsen 24-inch quiet dishwasher (HDW24Q3).",
        "Suggested setting 5 and a monthly cleaning cycle; glasses clear now.",
        [remedy(RemedyKind.INFORMATION_ONLY, note="Advice by e-mail")],
    )
    opened = at(since + timedelta(days=20), 21, 5)
    closed_case(
        f,
        rinse,
        dishwasher,
        Channel.EMAIL,
        opened,
        opened + timedelta(hours=18),
        owner=TEAM[4],
        steps=list(ALL_STEPS),
        delight=Delight.DELIGHTED,
    )
    choice = Plan(
        "new purchase",
        "choosing between the Solace and the Aria",
        "Choosing between the Kestrel Solace and the Aria: needs AWD and room for two car "
        "seats. Booked a test drive at her nearest dealer.",
        "Booked the test drive; sent the comparison sheet.",
        [remedy(RemedyKind.INFORMATION_ONLY, note="Advice on the call")],
    )
    opened = at(bought - timedelta(days=6), 16, 0)
    closed_case(
        f,
        choice,
        None,
        Channel.PHONE,
        opened,
        opened + timedelta(minutes=35),
        owner=DEMO_DISPLAY_NAME,
        steps=list(ALL_STEPS),
        delight=Delight.DELIGHTED,
    )


def _welcome(f: CustomerFile, bought: date, today: date) -> None:
    """Delivery, the welcome e-mail and card, and the proactive call due today."""
    f.note(
        InteractionKind.NOTE,
        Direction.INTERNAL,
        at(bought, 22, 10),
        "Took delivery of her Kestrel Solace at the dealer; VIN registered to her account.",
        advocate="Holly Brennan",
    )
    welcomed = at(bought + timedelta(days=1), 15, 0)
    f.note(
        InteractionKind.EMAIL,
        Direction.OUTBOUND,
        welcomed,
        "Welcome to Kestrel: owner's guide, roadside assistance, first free service",
        advocate=DEMO_DISPLAY_NAME,
    )
    f.card(
        None,
        STORY_NEW_CAR_CARD,
        welcomed + timedelta(minutes=20),
        CardState.QUEUED,
        advocate=DEMO_DISPLAY_NAME,
    )
    f.follow_up(
        FollowUpKind.PROACTIVE,
        at(today, 16, 0),
        "Three weeks with her new Kestrel Solace: ask how it's going, help pair both "
        "phones with the infotainment system, and book the free first service.",
        advocate=DEMO_DISPLAY_NAME,
    )
