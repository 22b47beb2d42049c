"""Story 2: the customer sent back the working replacement instead of the faulty unit.

Tomás Gutiérrez's new soundbar had no sound over HDMI ARC; we shipped an advance
replacement, he returned the wrong box, and was billed the non-return fee. His case is
open on the demo advocate's desk, with a callback due today.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from uuid import UUID

from advocate_console.domain import (
    Address,
    Case,
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
from ..catalog import MODELS, SOUNDBAR
from ..dates import at
from ..numbering import SLOTS, serial
from ..people import tier_for_value

STORY_WRONG_RETURN_CUSTOMER_ID = UUID("0c7e4d52-8f3a-4b6e-a1d9-3e5f7a9b2002")
STORY_WRONG_RETURN_NAME = "Tomás Gutiérrez"
STORY_WRONG_RETURN_PHONE = "+15035550147"
STORY_WRONG_RETURN_EMAIL = "tomas.gutierrez@gmail.com"
STORY_SOUNDBAR_MODEL = SOUNDBAR.model_number

# The last two slots of story customer 1, which his other products never reach.
_SOUNDBAR_TOKENS = (1 * SLOTS + 14, 1 * SLOTS + 15)
STORY_SOUNDBAR_FAULTY_SERIAL = serial(SOUNDBAR.brand, _SOUNDBAR_TOKENS[0])
STORY_SOUNDBAR_RETURNED_SERIAL = serial(SOUNDBAR.brand, _SOUNDBAR_TOKENS[1])


def wrong_return_story(batch: DemoBatch, today: date, calls: DialIns) -> None:
    """Story 2: the working replacement came back to us instead of the faulty unit."""
    f = story_file(batch, 1, STORY_WRONG_RETURN_CUSTOMER_ID, today, calls)
    f.first_name = "Tomás"
    since = today - timedelta(days=2210)
    f.add_product(MODELS["NWT50"], since)
    bought = today - timedelta(days=41)
    f.add_product(MODELS["VX55U7"], bought)
    faulty = f.add_product(SOUNDBAR, bought, token=_SOUNDBAR_TOKENS[0])
    shipped = today - timedelta(days=22)
    working = f.add_product(
        SOUNDBAR, shipped, token=_SOUNDBAR_TOKENS[1], warranty_end=faulty.warranty_end
    )
    paid = paid_for([product for product in f.products if product is not working])
    f.replace(faulty, working)
    arrived = today - timedelta(days=9)
    _no_sound(f, faulty, working, shipped, arrived, today)
    _mix_up(f, faulty, working, arrived, today)
    batch.customers.append(
        Customer(
            id=f.customer_id,
            display_name=STORY_WRONG_RETURN_NAME,
            phones=[STORY_WRONG_RETURN_PHONE],
            emails=[STORY_WRONG_RETURN_EMAIL],
            address=Address(
                lines=["3318 SE Belmont St", "Apt 2"],
                city="Portland",
                region="OR",
                postal_code="97214",
            ),
            tier=tier_for_value(paid + 212_500),
            customer_since=since,
            lifetime_value_cents=paid + 212_500,
        )
    )
    batch.products.extend(f.products)


def _no_sound(
    f: CustomerFile,
    faulty: Product,
    working: Product,
    shipped: date,
    arrived: date,
    today: date,
) -> None:
    """No sound over ARC: an advance replacement; then the wrong unit came back, and a fee."""
    bad, good = faulty.serial_number, working.serial_number
    no_sound = Plan(
        "product failure",
        "no sound over HDMI ARC",
        f"No sound over HDMI ARC from the new Brightwell soundbar ({STORY_SOUNDBAR_MODEL}, "
        f"serial {bad}) with his Vistaro TV; tried another cable and a factory reset.",
        f"Advance replacement (serial {good}) delivered; he is to send the faulty unit "
        f"(serial {bad}) back within 14 days with the prepaid label.",
        [remedy(RemedyKind.REPLACEMENT, 23000, "Advance replacement")],
        "Jae-min Yoon (audio/video engineering) confirmed the known ARC board fault on early "
        "units; Returns set up an advance replacement with a prepaid label for the faulty one.",
    )
    closed_case(
        f,
        no_sound,
        faulty,
        Channel.CHAT,
        at(shipped - timedelta(days=4), 18, 40),
        at(shipped, 17, 0),
        owner=TEAM[2],
        steps=ALL_STEPS[:4],
        delight=Delight.SATISFIED,
    )
    f.note(
        InteractionKind.NOTE,
        Direction.INTERNAL,
        at(arrived, 15, 30),
        f"Warehouse: returned soundbar received, serial {good}. That is the replacement we "
        "shipped, not the original. Tested OK.",
        advocate="Beatriz Salcedo",
    )
    f.note(
        InteractionKind.EMAIL,
        Direction.OUTBOUND,
        at(today - timedelta(days=5), 12, 0),
        "Non-return charge of $449.99 for the soundbar replacement",
        body="Automatic notice: the original unit was not returned within 14 days.",
    )


def _mix_up(f: CustomerFile, faulty: Product, working: Product, arrived: date, today: date) -> None:
    """His call three days ago: returns and billing dialled in, a callback due today."""
    bad, good = faulty.serial_number, working.serial_number
    mix_up = Plan(
        "wrong item returned",
        "billed for a soundbar he did send back; still no sound",
        f"Customer sent back the working replacement soundbar (serial {good}) instead of the "
        f"faulty one (serial {bad}); the two boxes looked alike. The warehouse received {good} "
        f"on {arrived:%m/%d} and tested it OK, and he was then billed the $449.99 non-return "
        "fee. He still has no sound over ARC. Needs: the working unit sent back, a new label "
        "for the faulty one, and the fee reversed.",
        "",
        [],
    )
    opened = at(today - timedelta(days=3), 16, 25)
    case = f.open_case(mix_up, faulty, Channel.PHONE, opened, DEMO_DISPLAY_NAME)
    f.dialled_in(
        case,
        faulty,
        opened + timedelta(minutes=25),
        "Conferenced Beatriz Salcedo (returns): she will ship the working unit back once "
        "Billing reverses the fee; Gloria Achterberg (billing) is reversing it.",
        DEMO_DISPLAY_NAME,
    )
    _photo_of_the_label(f, case, opened, bad)
    f.follow_up(
        FollowUpKind.CALLBACK,
        at(today, 17, 0),
        "Call Tomás: confirm the fee is reversed and the working soundbar is on its "
        "way, with a new prepaid label for the faulty one.",
        case=case,
        advocate=DEMO_DISPLAY_NAME,
    )


def _photo_of_the_label(f: CustomerFile, case: Case, opened: datetime, bad: str) -> None:
    """The e-mails that proved which unit he still has."""
    f.note(
        InteractionKind.EMAIL,
        Direction.OUTBOUND,
        opened + timedelta(days=1, hours=-2),
        "Apologised; asked for a photo of the serial label on the unit he still has.",
        case=case,
        advocate=DEMO_DISPLAY_NAME,
    )
    f.note(
        InteractionKind.EMAIL,
        Direction.INBOUND,
        opened + timedelta(days=2),
        f"Photo received: the unit at home is serial {bad}, the faulty one.",
        case=case,
        body="Here's the label. Sorry for the mix-up! Tomás",
    )
