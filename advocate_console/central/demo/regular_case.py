"""An everyday case of a regular customer: opened, worked, resolved (or still open today).

How it was resolved follows the five steps: with all five the customer is far likelier
to end delighted. A resolved case may bring a check-back call and a thank-you card.
"""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta
from typing import NamedTuple

from advocate_console.domain import (
    CardState,
    Case,
    CaseStatus,
    Channel,
    Delight,
    FollowUpKind,
    FollowUpStatus,
    Product,
    RecoveryStep,
    RemedyKind,
)

from . import phrases
from .accounts import ADVOCATES
from .case_file import ALL_STEPS, CustomerFile, Plan, closed_case, remedy
from .catalog import MODELS
from .odds import pick, weighted
from .styles import STYLES, Style

_CHANNELS = weighted(
    [
        (Channel.PHONE, 60),
        (Channel.EMAIL, 15),
        (Channel.CHAT, 10),
        (Channel.IN_STORE, 8),
        (Channel.SOCIAL, 5),
        (Channel.LETTER, 2),
    ]
)
_DELIGHT_FIVE_STEPS = weighted(
    [(Delight.DELIGHTED, 55), (Delight.SATISFIED, 35), (Delight.NEUTRAL, 7), (Delight.UNHAPPY, 3)]
)
_DELIGHT_FEWER_STEPS = weighted(
    [(Delight.DELIGHTED, 20), (Delight.SATISFIED, 45), (Delight.NEUTRAL, 23), (Delight.UNHAPPY, 12)]
)
_WORSE = {
    Delight.DELIGHTED: Delight.SATISFIED,
    Delight.SATISFIED: Delight.NEUTRAL,
    Delight.NEUTRAL: Delight.UNHAPPY,
    Delight.UNHAPPY: Delight.UNHAPPY,
}
# How often the customer is back about the same thing within days: the steps prevent it.
_BACK_AGAIN = {True: 0.04, False: 0.12}
_LET_DOWN = {Delight.NEUTRAL: 0.06, Delight.UNHAPPY: 0.2}
_FIVE_STEP_YEARS = 6  # the five steps were introduced six years ago; older cases lack them
_MAX_CASES = 6


def _recovery(
    rng: random.Random, day: date, today: date, style: Style, lift: float
) -> tuple[list[RecoveryStep], Delight]:
    """The steps the advocate took and how the customer felt at the end."""
    if (today - day).days > _FIVE_STEP_YEARS * 365:
        steps = ALL_STEPS[: rng.choice((0, 1, 2))]
    elif rng.random() < style.all_five:
        steps = list(ALL_STEPS)
    else:
        steps = ALL_STEPS[: rng.randint(2, 4)]
    delight = pick(rng, _DELIGHT_FIVE_STEPS if len(steps) == 5 else _DELIGHT_FEWER_STEPS)
    roll = rng.random()
    if delight is not Delight.DELIGHTED and roll < style.lift + max(lift, 0.0):
        delight = Delight.DELIGHTED
    elif lift < 0 and roll > 1 + lift:  # a let-down the steps only soften
        delight = _WORSE[delight]
    return steps, delight


class _Opening(NamedTuple):
    """A case as it was opened: what about, how the customer came, who took it."""

    plan: Plan
    product: Product | None
    channel: Channel
    opened_at: datetime
    owner: str
    thing: str  # what the customer calls the product ("account" when there is none)


def regular_case(
    f: CustomerFile, plan: Plan, product: Product | None, day: date, days: tuple[int, int]
) -> datetime | None:
    """A case opened on ``day``: still open if its work runs past today, else resolved.

    Returns when it was resolved, or None if it is still open (or the customer already
    has enough cases).
    """
    if f.cases >= _MAX_CASES:
        return None
    rng = f.rng
    opened_at = f.during_hours(day)
    if days == (0, 0):
        resolved_at = opened_at + timedelta(minutes=rng.randint(6, 40))
    else:
        resolved_at = opened_at + timedelta(days=rng.randint(*days), hours=rng.randrange(6))
    channel = pick(rng, _CHANNELS)
    owner = rng.choice(ADVOCATES)
    thing = MODELS[product.model_number].kind if product else "account"
    opening = _Opening(plan, product, channel, opened_at, owner, thing)
    if resolved_at >= f.start_of_today:
        _still_open(f, opening)
        return None
    _resolved(f, opening, day, resolved_at)
    return resolved_at


def _still_open(f: CustomerFile, opening: _Opening) -> None:
    """A case whose work runs past today: open or pending, perhaps with nobody on it yet."""
    rng = f.rng
    plan, product, opened_at = opening.plan, opening.product, opening.opened_at
    status = CaseStatus.PENDING if rng.random() < 0.35 else CaseStatus.OPEN
    owner = opening.owner if rng.random() < 0.7 else None  # some wait in the queue for an owner
    case = f.open_case(plan, product, opening.channel, opened_at, owner, status)
    if plan.action and owner:
        f.dialled_in(case, product, opened_at + timedelta(minutes=25), plan.action, owner)
    if rng.random() < 0.7:  # a promised callback, due in the days around today
        due = f.during_hours(f.today + timedelta(days=rng.randint(-3, 3)))
        f.follow_up(
            FollowUpKind.CALLBACK,
            due,
            f"Call back about the {opening.thing}: {plan.headline}.",
            case=case,
            advocate=owner,
        )


def _resolved(f: CustomerFile, opening: _Opening, day: date, resolved_at: datetime) -> None:
    """A case worked to its end: the five steps taken, delight, maybe a card and a gift."""
    rng = f.rng
    plan, owner = opening.plan, opening.owner
    style = STYLES[owner]
    steps, delight = _recovery(rng, day, f.today, style, plan.lift)
    card = (
        delight in (Delight.DELIGHTED, Delight.SATISFIED)
        and RecoveryStep.EXTENDED_EXPERIENCE in steps
        and rng.random() < style.card
    )
    gift = rng.choice((2500, 5000, 10000)) if card and rng.random() < style.gift else None
    if gift:
        certificate = remedy(RemedyKind.GIFT_CERTIFICATE, gift, "With the card", value=gift)
        plan = plan._replace(remedies=[*plan.remedies, certificate])
    closed = (f.start_of_today - resolved_at).days >= 10 or rng.random() < 0.5
    status = CaseStatus.CLOSED if closed else CaseStatus.RESOLVED
    case = closed_case(
        f,
        plan,
        opening.product,
        opening.channel,
        opening.opened_at,
        resolved_at,
        owner,
        steps,
        delight,
        status,
    )
    if rng.random() < 0.18:
        _check_back(f, case, resolved_at, opening.thing, owner)
    if card:
        _thank_you_card(f, case, resolved_at, opening.thing, owner, gift)
    if rng.random() < _BACK_AGAIN[len(steps) == len(ALL_STEPS)] + _LET_DOWN.get(delight, 0.0):
        _back_again(f, opening, resolved_at)


def _back_again(f: CustomerFile, opening: _Opening, resolved_at: datetime) -> None:
    """The customer is back a few days later: it is not right after all."""
    day = resolved_at.date() + timedelta(days=f.rng.randint(2, 20))
    if day >= f.today:
        return
    plan = opening.plan
    again = plan._replace(
        headline=f"back again: {plan.headline}",
        summary=f"Back about the same {opening.thing}: not right after all. {plan.summary}",
    )
    regular_case(f, again, opening.product, day, (1, 8))


def _check_back(f: CustomerFile, case: Case, resolved_at: datetime, thing: str, owner: str) -> None:
    """A call a few days after the case to make sure all is still well: due, made or dropped."""
    rng = f.rng
    due = resolved_at + timedelta(days=rng.randint(2, 7))
    reason = f"Make sure the {thing} is still fine."
    if due >= f.start_of_today:
        f.follow_up(FollowUpKind.CALLBACK, due, reason, case=case, advocate=owner)
    elif rng.random() < 0.93:
        done = due + timedelta(minutes=rng.randint(0, 300))
        f.follow_up(
            FollowUpKind.CALLBACK,
            due,
            reason,
            case=case,
            status=FollowUpStatus.DONE,
            completed_at=done,
            advocate=owner,
        )
    else:
        f.follow_up(
            FollowUpKind.CALLBACK,
            due,
            reason,
            case=case,
            status=FollowUpStatus.CANCELLED,
            advocate=owner,
        )


def _thank_you_card(
    f: CustomerFile,
    case: Case,
    resolved_at: datetime,
    thing: str,
    advocate: str,
    gift: int | None,
) -> None:
    rng = f.rng
    created = resolved_at + timedelta(minutes=rng.randint(5, 90))
    age = (f.start_of_today - created).days
    failure = None
    if age >= 10:  # long since mailed, or it went wrong
        roll = rng.random()
        state = CardState.MAILED if roll < 0.9 else CardState.CANCELLED
        if roll > 0.96:
            state, failure = CardState.FAILED, rng.choice(phrases.CARD_FAILURES)
    elif age >= 3:
        state = CardState.MAILED if rng.random() < 0.6 else CardState.PRINTED
    else:  # still in this week's print batch
        state = rng.choice((CardState.DRAFT, CardState.QUEUED, CardState.QUEUED, CardState.PRINTED))
    message = rng.choice(phrases.CARD_MESSAGES).format(
        first=f.first_name, thing=thing, advocate=advocate.split()[0]
    )
    f.card(
        case, message, created, state, gift_cents=gift, advocate=advocate, failure_reason=failure
    )
