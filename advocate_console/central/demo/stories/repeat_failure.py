"""Story 1: the second over-the-range microwave of the same model failed just out of warranty.

Margaret O'Donnell calls 1-800-GE-CARES: a platinum customer of fourteen years whose
first microwave we replaced in warranty, now with the replacement dead 60 days out of
its own. The console should show the repeat failure at once, and rank Dana Whitlock,
who approved the first replacement, first among the people to dial in.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import NamedTuple
from uuid import UUID

from advocate_console.domain import (
    Address,
    CardState,
    Channel,
    Customer,
    Delight,
    Direction,
    FollowUpKind,
    FollowUpStatus,
    InteractionKind,
    Product,
    RemedyKind,
)

from ..accounts import DEMO_DISPLAY_NAME, TEAM
from ..batch import DemoBatch
from ..calls import DialIns
from ..case_file import ALL_STEPS, CustomerFile, Plan, closed_case, paid_for, remedy, story_file
from ..catalog import MICROWAVE_OTR, MODELS
from ..dates import add_years, at, month, this_morning
from ..numbering import SLOTS, serial
from ..people import tier_for_value

REPEAT_FAILURE_PHONE = "+18004322737"  # 1-800-GE-CARES: the story customer below
STORY_REPEAT_FAILURE_CUSTOMER_ID = UUID("5f1c2a8e-0b1d-4c3e-9a57-6d2e8f4b1001")
STORY_REPEAT_FAILURE_NAME = "Margaret O'Donnell"
STORY_REPEAT_FAILURE_EMAIL = "margaret.odonnell@comcast.net"
STORY_MICROWAVE_BRAND = MICROWAVE_OTR.brand
STORY_MICROWAVE_MODEL = MICROWAVE_OTR.model_number
STORY_MICROWAVE_NAME = MICROWAVE_OTR.name
STORY_MICROWAVE_DAYS_OUT_OF_WARRANTY = 60

# The last two slots of story customer 0, which her other products never reach.
_MICROWAVE_TOKENS = (0 * SLOTS + 14, 0 * SLOTS + 15)
STORY_MICROWAVE_FIRST_SERIAL = serial(STORY_MICROWAVE_BRAND, _MICROWAVE_TOKENS[0])
STORY_MICROWAVE_SECOND_SERIAL = serial(STORY_MICROWAVE_BRAND, _MICROWAVE_TOKENS[1])

STORY_REPEAT_FAILURE_CARD = (
    "Dear Margaret,\n\nThank you for bearing with us while your microwave was replaced. "
    "Fourteen years with us means a great deal, and I hope the new one sees many quiet "
    "dinners.\n\nWarm regards,\nMaya"
)


class _Units(NamedTuple):
    """The units her story is about, when the microwaves were bought, and what she paid."""

    gas_range: Product
    washer: Product
    first: Product
    second: Product
    first_bought: date
    replaced_on: date
    paid: int


def repeat_failure_story(batch: DemoBatch, today: date, calls: DialIns) -> None:
    """Story 1: the second microwave of the same model fails 60 days out of warranty."""
    f = story_file(batch, 0, STORY_REPEAT_FAILURE_CUSTOMER_ID, today, calls)
    f.first_name = "Margaret"
    since = today - timedelta(days=5130)
    units = _units(f, since, today)
    _early_cases(f, units, since, today)
    _first_failure(f, units)
    _double_charge(f, today)
    _second_failure(f, units, today)
    batch.customers.append(
        Customer(
            id=f.customer_id,
            display_name=STORY_REPEAT_FAILURE_NAME,
            phones=[REPEAT_FAILURE_PHONE],
            emails=[STORY_REPEAT_FAILURE_EMAIL],
            address=Address(
                lines=["1427 Larkspur Lane"], city="Denver", region="CO", postal_code="80220"
            ),
            tier=tier_for_value(units.paid + 3_864_000),
            customer_since=since,
            lifetime_value_cents=units.paid + 3_864_000,
        )
    )
    batch.products.extend(f.products)


def _units(f: CustomerFile, since: date, today: date) -> _Units:
    """Fourteen years of appliances, a car, a TV, and the two microwaves."""
    gas_range = f.add_product(MODELS["HGR30SS"], since, warranty_end=add_years(since, 1))
    f.add_product(MODELS["CFD25RS"], today - timedelta(days=3290))
    washer = f.add_product(MODELS["NWF45HE"], today - timedelta(days=2395))
    f.add_product(MODELS["NDE74HE"], today - timedelta(days=2395))
    f.add_product(MODELS["HDW24Q3"], today - timedelta(days=1480))
    f.add_product(MODELS["ARIA-HEV-LTD"], today - timedelta(days=1130))
    f.add_product(MODELS["VX65Q9"], today - timedelta(days=690))
    # The replacement came with a one-year warranty, which ran out 60 days ago.
    second_end = today - timedelta(days=STORY_MICROWAVE_DAYS_OUT_OF_WARRANTY)
    replaced_on = add_years(second_end, -1)
    first_bought = replaced_on - timedelta(days=590)
    first = f.add_product(
        MICROWAVE_OTR,
        first_bought,
        token=_MICROWAVE_TOKENS[0],
        warranty_end=add_years(first_bought, 2),
    )
    second = f.add_product(
        MICROWAVE_OTR, replaced_on, token=_MICROWAVE_TOKENS[1], warranty_end=second_end
    )
    paid = paid_for([product for product in f.products if product is not second])
    f.replace(first, second)
    return _Units(gas_range, washer, first, second, first_bought, replaced_on, paid)


def _early_cases(f: CustomerFile, units: _Units, since: date, today: date) -> None:
    """A dented range on delivery, a washer left unlevelled: put right, no more."""
    dent = Plan(
        "delivery",
        "range delivered with a dented side panel",
        "New Halvorsen gas range (HGR30SS) delivered with a dented left side panel. She kept "
        "it because it sits between cabinets, but is disappointed.",
        "Credited $50 to the account; customer satisfied.",
        [remedy(RemedyKind.ACCOUNT_CREDIT, 5000, "Dented side panel", value=5000)],
    )
    opened = at(since + timedelta(days=3), 15, 20)
    closed_case(
        f,
        dent,
        units.gas_range,
        Channel.PHONE,
        opened,
        opened + timedelta(days=6),
        owner=TEAM[1],
        steps=[],
        delight=Delight.SATISFIED,
    )
    level = Plan(
        "installation",
        "washer walks across the floor",
        "Installer left the new Northvane washer (NWF45HE) unlevelled with the shipping bolts "
        "in; it walked a foot across the laundry room on its first spin.",
        "Installer removed the shipping bolts and levelled the washer; no charge.",
        [remedy(RemedyKind.OTHER, 12900, "Second install visit")],
        "Booked the installation lead for a second visit.",
    )
    opened = at(today - timedelta(days=2393), 20, 40)
    closed_case(
        f,
        level,
        units.washer,
        Channel.EMAIL,
        opened,
        opened + timedelta(days=4),
        owner=TEAM[0],
        steps=ALL_STEPS[:3],
        delight=Delight.SATISFIED,
    )


def _first_failure(f: CustomerFile, units: _Units) -> None:
    """The first microwave failed in warranty: replaced, a card and a gift, a check-back."""
    heating = Plan(
        "product failure",
        "microwave stopped heating",
        f"Halvorsen over-the-range microwave ({STORY_MICROWAVE_MODEL}, serial "
        f"{STORY_MICROWAVE_FIRST_SERIAL}) stopped heating; light, fan and turntable still work. "
        f"Bought {month(units.first_bought)}; in warranty. She already reset the breaker.",
        f"Replacement {STORY_MICROWAVE_MODEL} (serial {STORY_MICROWAVE_SECOND_SERIAL}) installed "
        f"in {month(units.replaced_on)}; old unit hauled away. Customer delighted.",
        [
            remedy(RemedyKind.REPLACEMENT, 31000, "In-warranty replacement"),
            remedy(RemedyKind.GIFT_CERTIFICATE, 2500, "With the thank-you card", value=2500),
        ],
        "Conferenced in Dana Whitlock at the warranty desk: she approved a replacement rather "
        "than a technician visit, since the unit is mounted over the range.",
    )
    replaced_at = at(units.replaced_on, 19, 10)
    first_failure = closed_case(
        f,
        heating,
        units.first,
        Channel.PHONE,
        replaced_at - timedelta(days=12, hours=4),
        replaced_at,
        owner=DEMO_DISPLAY_NAME,
        steps=list(ALL_STEPS),
        delight=Delight.DELIGHTED,
    )
    f.card(
        first_failure,
        STORY_REPEAT_FAILURE_CARD,
        replaced_at + timedelta(minutes=20),
        CardState.MAILED,
        gift_cents=2500,
        advocate=DEMO_DISPLAY_NAME,
    )
    due = replaced_at + timedelta(days=7)
    f.follow_up(
        FollowUpKind.CALLBACK,
        due,
        "Check the replacement microwave heats well.",
        case=first_failure,
        status=FollowUpStatus.DONE,
        completed_at=due + timedelta(minutes=12),
        advocate=DEMO_DISPLAY_NAME,
    )
    f.note(
        InteractionKind.CALLBACK,
        Direction.OUTBOUND,
        due + timedelta(minutes=12),
        "Replacement microwave working well; she thanked us for the card.",
        case=first_failure,
        advocate=DEMO_DISPLAY_NAME,
    )


def _double_charge(f: CustomerFile, today: date) -> None:
    """Charged twice for the car's service plan; billing support traced it."""
    double = Plan(
        "billing",
        "charged twice for the service plan",
        "Charged twice for the Aria's extended service plan on the same statement.",
        "Duplicate charge reversed; confirmed by e-mail.",
        [remedy(RemedyKind.OTHER, note="Duplicate charge reversed")],
        "Conferenced in billing support; they traced the duplicate charge.",
    )
    opened = at(today - timedelta(days=400), 17, 5)
    closed_case(
        f,
        double,
        None,
        Channel.PHONE,
        opened,
        opened + timedelta(days=2),
        owner=TEAM[0],
        steps=list(ALL_STEPS),
        delight=Delight.SATISFIED,
    )


def _second_failure(f: CustomerFile, units: _Units, today: date) -> None:
    """This morning's call: the replacement failed the same way, out of warranty."""
    again = Plan(
        "product failure",
        "second microwave of the same model stopped heating",
        f"Second {STORY_MICROWAVE_MODEL} stopped heating: same fault as the first unit, which "
        f"we replaced in {month(units.replaced_on)}. This one (serial "
        f"{STORY_MICROWAVE_SECOND_SERIAL}) went out of warranty "
        f"{STORY_MICROWAVE_DAYS_OUT_OF_WARRANTY} days ago. Customer for 14 years, platinum; "
        "she is upset and wants this model fixed for good.",
        "",
        [],
    )
    f.open_case(again, units.second, Channel.PHONE, this_morning(today), None)
