"""Everyday cases: a delivery, an installation, a question, a part, a bill, a complaint."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date
from typing import NamedTuple

from advocate_console.domain import Product, Remedy, RemedyKind

from .case_file import CustomerFile, Plan, remedy
from .regular_case import regular_case


def sentence(text: str) -> str:
    """``text`` as a sentence: a capital first, a full stop last."""
    return f"{text[0].upper()}{text[1:]}."


def _credit(rng: random.Random) -> list[Remedy]:
    # A small account credit for the trouble.
    cents = rng.randint(5, 20) * 500
    return [remedy(RemedyKind.ACCOUNT_CREDIT, cents, "For the trouble", value=cents)]


class Trouble(NamedTuple):
    """How a kind of everyday case goes: how long, who helps, what makes it right."""

    days: tuple[int, int]  # to resolve; (0, 0) means on the first call
    action: str | None
    outcome: str
    remedies: Callable[[random.Random], list[Remedy]]


TROUBLES = {
    "delivery": Trouble(
        (1, 6),
        "Returns & logistics rebooked the delivery for the first slot.",
        "Delivered on the rebooked slot; credit applied for the trouble.",
        _credit,
    ),
    "installation": Trouble(
        (2, 9),
        "Booked the installation lead for a second visit.",
        "Second visit put it right, at no charge.",
        lambda rng: [remedy(RemedyKind.OTHER, rng.randint(99, 149) * 100, "Free second visit")],
    ),
    "product question": Trouble(
        (0, 0),
        None,
        "Answered on the call.",
        lambda rng: [remedy(RemedyKind.INFORMATION_ONLY, note="Answered on the call")],
    ),
    "parts": Trouble(
        (3, 10),
        "Parts line found it in stock.",
        "Part shipped at no charge; arrived fine.",
        lambda rng: [remedy(RemedyKind.OTHER, rng.randint(15, 65) * 100, "Free part")],
    ),
    "billing": Trouble(
        (1, 8),
        "Conferenced in billing support; they traced the charge.",
        "Charge corrected and a credit added for the trouble.",
        lambda rng: [remedy(RemedyKind.OTHER, note="Charge corrected"), *_credit(rng)],
    ),
    "complaint": Trouble(
        (0, 3),
        "Listened it through; passed it to the team lead.",
        "Apologised; the team lead called personally.",
        lambda rng: [remedy(RemedyKind.GIFT_CERTIFICATE, 2500, "Apology", value=2500)],
    ),
    "new purchase": Trouble(
        (0, 0),
        None,
        "Advice given on the call.",
        lambda rng: [remedy(RemedyKind.INFORMATION_ONLY, note="Advice on the call")],
    ),
    "wrong item returned": Trouble(
        (3, 12),
        "Conferenced in returns & logistics; they matched the serial to the order.",
        "Right unit collected, wrong one sent back to the customer; nothing charged.",
        lambda rng: [remedy(RemedyKind.OTHER, rng.randint(40, 90) * 100, "Return shipping")],
    ),
}


def trouble(
    f: CustomerFile, category: str, headline: str, day: date, product: Product | None = None
) -> None:
    """An everyday case: a delivery, a question, a part, a bill, a complaint."""
    trouble = TROUBLES[category]
    summary = sentence(headline)
    if product is not None:
        summary += f" {product.name} ({product.model_number})."
    plan = Plan(
        category, headline, summary, trouble.outcome, trouble.remedies(f.rng), trouble.action
    )
    regular_case(f, plan, product, day, trouble.days)
