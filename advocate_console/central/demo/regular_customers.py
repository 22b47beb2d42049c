"""A regular customer: who they are, what they bought, and everything that happened since.

Customer *i* is drawn from its own random stream, keyed by (seed, i), so the records
never depend on the batch size.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from advocate_console.domain import (
    Customer,
    Direction,
    FollowUpKind,
    FollowUpStatus,
    InteractionKind,
    Product,
)

from . import phrases
from .accounts import ADVOCATES
from .batch import DemoBatch
from .calls import DialIns
from .case_file import HOURS, CustomerFile
from .catalog import MODELS, Model
from .failures import failure, product_history
from .numbering import STORY_COUNT, Directory, new_uuid
from .odds import pick
from .people import (
    CATALOG_TABLE,
    EXTRAS_CENTS,
    HOME_CATALOG,
    SPENDERS,
    address,
    emails,
    person_name,
    price,
    purchase_dates,
    tier_for_value,
)
from .troubles import trouble


def regular_customer(
    batch: DemoBatch, index: int, seed: int, today: date, directory: Directory, calls: DialIns
) -> None:
    """Regular customer ``index``: their purchases, cases and calls, from their own stream."""
    # A string seed is hashed with SHA-512: stable across runs, platforms and versions.
    rng = random.Random(f"advocate-demo:{seed}:{index}")
    j = index - STORY_COUNT
    area, phone, second_phone = directory.place(j)
    f = CustomerFile(batch, rng, index, today, new_uuid(rng), calls)
    f.hours = HOURS[area.country]
    first, last = person_name(rng)
    f.first_name = first
    spender = pick(rng, SPENDERS)
    since = today - timedelta(days=rng.randint(10, 15 * 365))

    spent = 0
    for purchased in sorted(purchase_dates(rng, since, today, spender)):
        # Better customers are likelier to have bought a car from us as well.
        table = CATALOG_TABLE if rng.random() < 0.4 + 0.2 * spender else HOME_CATALOG
        model = pick(rng, table)
        spent += price(rng, model)
        product_history(f, f.add_product(model, purchased), model, depth=0)
    _customer_history(f, since)

    value = spent + rng.randrange(*EXTRAS_CENTS[spender]) // 100 * 100
    batch.customers.append(
        Customer(
            id=f.customer_id,
            display_name=f"{first} {last}",
            phones=[phone, second_phone] if rng.random() < 0.22 else [phone],
            emails=emails(rng, first, last, j, area.country),
            address=address(rng, area),
            tier=tier_for_value(value),
            customer_since=since,
            lifetime_value_cents=value,
        )
    )
    batch.products.extend(f.products)


_TENURE = 15 * 365


def _customer_history(f: CustomerFile, since: date) -> None:
    """Cases about the account, proactive calls after purchases, the odd quick call."""
    rng = f.rng
    span = max((f.today - since).days - 1, 1)
    # Each comes at some point of fifteen years as a customer; for a newer customer it
    # may not have come yet, so every year sees about as many as the last.
    for category, chance, words in (
        ("billing", 0.16, phrases.BILLING_ISSUES),
        ("complaint", 0.09, phrases.COMPLAINTS),
        ("new purchase", 0.12, phrases.PURCHASE_QUESTIONS),
    ):
        if rng.random() < chance:
            day = since + timedelta(days=rng.randrange(_TENURE))
            if day < f.today:
                trouble(f, category, rng.choice(words), day)
    in_use = [product for product in f.products if product.replaced_by_id is None]
    if rng.random() < 0.005:  # something going wrong right now, so open cases exist
        product = rng.choice(in_use)
        day = f.today - timedelta(days=rng.randint(1, 12))
        if product.purchase_date and product.purchase_date < day - timedelta(days=30):
            failure(f, product, MODELS[product.model_number], day, again=True)
    for product in in_use:
        _after_purchase(f, product, MODELS[product.model_number])
    if rng.random() < 0.3:
        at = f.during_hours(since + timedelta(days=rng.randrange(span)))
        f.note(
            InteractionKind.CALL,
            Direction.INBOUND,
            at,
            "Inbound call: asked for order status",
            body="Read out the tracking number; no case needed.",
            advocate=rng.choice(ADVOCATES),
        )


def _after_purchase(f: CustomerFile, product: Product, model: Model) -> None:
    """Proactive calls: due now after recent purchases, made long ago after some older ones."""
    rng = f.rng
    purchased = product.purchase_date or f.today
    due = f.during_hours(purchased + timedelta(days=rng.randint(14, 30)))
    reason = f"Check in after the new {model.kind}: settled in, any questions, registered?"
    advocate = rng.choice(ADVOCATES)
    recent = (f.today - purchased).days <= 60
    if recent and due >= f.start_of_today - timedelta(days=5) and rng.random() < 0.85:
        f.follow_up(FollowUpKind.PROACTIVE, due, reason, advocate=advocate)
        return
    if (not recent and rng.random() > 0.2) or due >= f.start_of_today:
        return
    done = due + timedelta(minutes=rng.randint(0, 240))
    f.follow_up(
        FollowUpKind.PROACTIVE,
        due,
        reason,
        status=FollowUpStatus.DONE,
        completed_at=done,
        advocate=advocate,
    )
    f.note(
        InteractionKind.CALL,
        Direction.OUTBOUND,
        done,
        f"Proactive call about the {model.kind}",
        body="All well; gave them our direct number.",
        advocate=advocate,
    )
