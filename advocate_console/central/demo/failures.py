"""Units that broke: the failure rate of each family, repairs, replacements, repeats.

A unit's troubles come at a set age (a failure 30 days to seven years after it was
bought, a question in its first two years); one whose age for it is still to come has
not had it yet. So every week of the past year sees about as many cases as any other,
with the seasons in them (fridges in the summer, ranges before the holidays), rather
than piling up on the newest units.

One model has a real defect: the story microwave's production run of the last two
years or so fails at the magnetron, more and more as the units age, replacements from
the same run fail again, and customers tire of it; it tops "what is broken". Dana
Whitlock, who can approve goodwill up to a few months past a warranty, is the one
brought in when a unit fails just out of warranty: those calls usually end in delight.
"""

from __future__ import annotations

import math
import random
from datetime import date, timedelta

from advocate_console.domain import Product, Remedy, RemedyKind

from . import catalog, phrases
from .case_file import CustomerFile, Plan, remedy
from .catalog import Model
from .dates import add_years, month
from .regular_case import regular_case
from .troubles import sentence, trouble

_FAILURE_RATE = {
    catalog.MICROWAVES: 0.36,
    catalog.REFRIGERATION: 0.32,
    catalog.LAUNDRY: 0.35,
    catalog.COOKING: 0.22,
    catalog.DISHWASHERS: 0.28,
    catalog.AUDIO_VIDEO: 0.2,
    catalog.VEHICLES: 0.4,
}
_BIG_FAMILIES = {catalog.REFRIGERATION, catalog.LAUNDRY, catalog.COOKING, catalog.DISHWASHERS}
_BUSY_MONTHS = {catalog.REFRIGERATION: {6, 7, 8}, catalog.COOKING: {11, 12}}
"""When a family's failures come more often: fridges in the heat, ranges before the holidays."""

DEFECT_MODEL = catalog.MICROWAVE_OTR.model_number
DEFECT_RUN = (30, 900)
"""How many days ago the units of the defective run were bought (replacements included)."""
DEFECT = phrases.SYMPTOMS["microwave"][0]  # stopped heating: the magnetron
DANA = "Dana Whitlock"
GOODWILL_DAYS = 90
"""How far past a warranty Dana still approves goodwill (her note says so)."""


def _after(f: CustomerFile, since: date, low: int, high: int) -> date | None:
    """A day ``low`` to ``high`` days after ``since``; None when it has not come yet."""
    day = since + timedelta(days=f.rng.randint(low, high))
    return day if day < f.today else None


def _failure_day(f: CustomerFile, purchased: date, family: str) -> date | None:
    """When a unit fails (busy months twice as likely), or None: not yet."""
    day = _after(f, purchased, 30, 2600)
    busy = _BUSY_MONTHS.get(family)
    if day is not None and busy and day.month not in busy and f.rng.random() < 0.5:
        day = _after(f, purchased, 30, 2600)  # a second draw, kept only in a busy month
        day = day if day is not None and day.month in busy else None
    return day


def product_history(f: CustomerFile, product: Product, model: Model, depth: int) -> None:
    """Cases about one unit: delivery trouble, failures, questions, parts."""
    rng = f.rng
    purchased = product.purchase_date or f.today
    if (f.today - purchased).days < 2:
        return
    if depth == 0 and model.family in _BIG_FAMILIES and rng.random() < 0.12:
        day = _after(f, purchased, 0, 7)
        category = "delivery" if rng.random() < 0.5 else "installation"
        issues = phrases.DELIVERY_ISSUES if category == "delivery" else phrases.INSTALL_ISSUES
        if day is not None:
            trouble(f, category, rng.choice(issues), day, product)
    if not _defect(f, product, model, depth):
        chance = _FAILURE_RATE[model.family] * (0.5 if depth else 1.0)
        day = _failure_day(f, purchased, model.family) if rng.random() < chance else None
        if day is not None:
            failure(f, product, model, day)
    for category, chance, (low, high), words in (
        ("product question", 0.09, (1, 730), phrases.QUESTIONS[model.kind]),
        ("parts", 0.03, (1, 2600), phrases.PARTS[model.kind]),
    ):
        day = _after(f, purchased, low, high) if rng.random() < chance else None
        if day is not None:
            trouble(f, category, rng.choice(words), day, product)
    if model.family != catalog.VEHICLES and rng.random() < 0.015:
        day = _after(f, purchased, 1, 60)
        if day is not None:
            trouble(f, "wrong item returned", rng.choice(phrases.RETURN_MIX_UPS), day, product)


def _defect(f: CustomerFile, product: Product, model: Model, depth: int) -> bool:
    """The defective run's magnetron failure, if this unit is one that has failed so far."""
    if model.model_number != DEFECT_MODEL:
        return False
    rng = f.rng
    purchased = product.purchase_date or f.today
    if not DEFECT_RUN[0] <= (f.today - purchased).days <= DEFECT_RUN[1]:
        return False
    if rng.random() >= (0.35 if depth else 0.4):
        return False
    # Failures climb over the year as the run ages: more weeks ago, fewer of them.
    days_ago = max(1, int(330 * (1 - math.sqrt(rng.random()))))
    day = f.today - timedelta(days=days_ago)
    if day < purchased + timedelta(days=30):
        return False
    failure(f, product, model, day, symptom=DEFECT)
    return True


def failure(
    f: CustomerFile,
    product: Product,
    model: Model,
    day: date,
    again: bool = False,
    symptom: tuple[str, str] | None = None,
) -> None:
    """A unit that broke: repaired, replaced, or made good out of warranty."""
    plan, replace, covered = _failure_plan(f.rng, product, model, day, again, symptom)
    resolved_at = regular_case(f, plan, product, day, (2, 16))
    if resolved_at is None:
        return
    defect = symptom is DEFECT
    if replace and resolved_at.date() < f.today - timedelta(days=2):
        new = f.add_product(
            model,
            resolved_at.date() + timedelta(days=1),
            warranty_end=add_years(resolved_at.date(), 1),
        )
        f.replace(product, new)
        product_history(f, new, model, depth=1)
    elif covered and not again and f.rng.random() < (0.45 if defect else 0.08):
        # The same unit lets them down again: the repeat failures advocates must spot.
        later = _after(f, resolved_at.date(), 30, 240 if defect else 900)
        if later is not None:
            failure(f, product, model, later, again=True, symptom=symptom)


def _failure_plan(
    rng: random.Random,
    product: Product,
    model: Model,
    day: date,
    again: bool,
    symptom: tuple[str, str] | None,
) -> tuple[Plan, bool, bool]:
    """How a failure on ``day`` is put right, whether by a replacement, and if in warranty."""
    symptom, fix = symptom or rng.choice(phrases.SYMPTOMS[model.kind])
    end = product.warranty_end or day
    covered = day <= end
    coverage = "in warranty" if covered else f"out of warranty since {month(end)}"
    summary = (
        f"{sentence(symptom)} {model.name} ({model.model_number}), bought "
        f"{month(product.purchase_date or day)}; {coverage}."
    )
    replace = covered and not again and model.family != catalog.VEHICLES and rng.random() < 0.25
    if replace:
        plan = _replacement(rng, model, symptom, summary)
    elif covered:
        plan = _repair(rng, model, symptom, summary, fix)
    else:
        plan = _out_of_warranty(rng, model, symptom, summary, fix, (day - end).days)
    if model.model_number == DEFECT_MODEL and symptom == DEFECT[0]:
        # The same fault again on a model they trusted: the steps only soften it.
        plan = plan._replace(lift=plan.lift - (0.5 if again else 0.3))
    return plan, replace, covered


def _replacement(rng: random.Random, model: Model, symptom: str, summary: str) -> Plan:
    cost = model.price_cents[0] * 55 // 100  # what the unit costs us, not the shelf price
    # Dana takes half the replacements (not the defect's: those go by the book).
    dana = model.model_number != DEFECT_MODEL and rng.random() < 0.5
    return Plan(
        "warranty",
        symptom,
        summary,
        f"Replacement {model.model_number} delivered; old unit taken away.",
        [remedy(RemedyKind.REPLACEMENT, cost, "In-warranty replacement")],
        f"Conferenced in {DANA} (warranty desk): she approved a replacement instead of a repair."
        if dana
        else "Warranty desk approved a replacement instead of a repair.",
        lift=0.6 if dana else 0.0,
    )


def _repair(rng: random.Random, model: Model, symptom: str, summary: str, fix: str) -> Plan:
    if model.family == catalog.VEHICLES:
        action = "Dealer relations booked a service visit and a loaner car."
    else:
        action = "Conferenced in service dispatch; technician booked."
    cost = rng.randint(80, 320) * 100
    return Plan(
        rng.choice(("repair", "warranty")),
        symptom,
        summary,
        f"Fixed under warranty: {fix}.",
        [remedy(RemedyKind.OTHER, cost, "In-warranty repair")],
        action,
    )


def _out_of_warranty(
    rng: random.Random, model: Model, symptom: str, summary: str, fix: str, days_past: int
) -> Plan:
    category = rng.choice(("product failure", "repair"))
    if days_past <= GOODWILL_DAYS and model.family != catalog.VEHICLES:
        cost = rng.randint(99, 249) * 100
        return Plan(
            category,
            symptom,
            summary,
            f"Repaired under goodwill: {fix}.",
            [remedy(RemedyKind.REPAIR_FEE_WAIVED, cost, "Goodwill, just past the warranty")],
            f"Conferenced in {DANA} (warranty desk): {days_past} days past the warranty, she "
            "approved a goodwill repair.",
            lift=0.7,
        )
    months = max(1, days_past // 30)
    action = f"Out of warranty by {months} months; went through the options with the warranty desk."
    outcome, remedies = f"Repaired: {fix}.", _out_of_warranty_remedies(rng)
    if remedies[0].kind is RemedyKind.ACCOUNT_CREDIT:
        outcome = "Customer chose to replace it; credit given toward the new one."
    return Plan(category, symptom, summary, outcome, remedies, action)


def _out_of_warranty_remedies(rng: random.Random) -> list[Remedy]:
    roll = rng.random()
    if roll < 0.45:
        return [remedy(RemedyKind.REPAIR_FEE_WAIVED, rng.randint(99, 249) * 100, "Goodwill")]
    if roll < 0.7:
        labour = rng.randint(60, 120) * 100
        return [
            remedy(RemedyKind.OTHER, labour, "Customer paid parts; we paid labour"),
            remedy(RemedyKind.WARRANTY_EXTENDED, 0, "Parts and labour", months=12),
        ]
    credit = rng.randint(5, 20) * 1000
    return [remedy(RemedyKind.ACCOUNT_CREDIT, credit, "Toward a new unit", value=credit)]
