"""Units that broke: the failure rate of each family, repairs, replacements, repeats."""

from __future__ import annotations

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


def product_history(f: CustomerFile, product: Product, model: Model, depth: int) -> None:
    """Cases about one unit: delivery trouble, failures, questions, parts."""
    rng = f.rng
    purchased = product.purchase_date or f.today
    span = (f.today - purchased).days - 1
    if span < 1:
        return
    if depth == 0 and model.family in _BIG_FAMILIES and rng.random() < 0.12:
        day = purchased + timedelta(days=rng.randint(0, min(span, 7)))
        if rng.random() < 0.5:
            trouble(f, "delivery", rng.choice(phrases.DELIVERY_ISSUES), day, product)
        else:
            trouble(f, "installation", rng.choice(phrases.INSTALL_ISSUES), day, product)
    if span > 30 and rng.random() < _FAILURE_RATE[model.family] * (0.5 if depth else 1.0):
        failure(f, product, model, purchased + timedelta(days=rng.randint(30, min(span, 2600))))
    if rng.random() < 0.09:
        day = purchased + timedelta(days=rng.randint(1, span))
        trouble(f, "product question", rng.choice(phrases.QUESTIONS[model.kind]), day, product)
    if rng.random() < 0.03:
        day = purchased + timedelta(days=rng.randint(1, span))
        trouble(f, "parts", rng.choice(phrases.PARTS[model.kind]), day, product)
    if model.family != catalog.VEHICLES and rng.random() < 0.015:
        day = purchased + timedelta(days=rng.randint(1, min(span, 60)))
        trouble(f, "wrong item returned", rng.choice(phrases.RETURN_MIX_UPS), day, product)


def failure(
    f: CustomerFile, product: Product, model: Model, day: date, again: bool = False
) -> None:
    """A unit that broke: repaired, replaced, or made good out of warranty."""
    plan, replace, covered = _failure_plan(f.rng, product, model, day, again)
    resolved_at = regular_case(f, plan, product, day, (2, 16))
    if resolved_at is None:
        return
    later = (f.today - resolved_at.date()).days - 2
    if replace and later > 0:
        new = f.add_product(
            model,
            resolved_at.date() + timedelta(days=1),
            warranty_end=add_years(resolved_at.date(), 1),
        )
        f.replace(product, new)
        product_history(f, new, model, depth=1)
    elif covered and not again and later > 30 and f.rng.random() < 0.08:
        # The same unit lets them down again: the repeat failures advocates must spot.
        day = resolved_at.date() + timedelta(days=f.rng.randint(30, later))
        failure(f, product, model, day, again=True)


def _failure_plan(
    rng: random.Random, product: Product, model: Model, day: date, again: bool
) -> tuple[Plan, bool, bool]:
    """How a failure on ``day`` is put right, whether by a replacement, and if in warranty."""
    symptom, fix = rng.choice(phrases.SYMPTOMS[model.kind])
    end = product.warranty_end or day
    covered = day <= end
    coverage = "in warranty" if covered else f"out of warranty since {month(end)}"
    summary = (
        f"{sentence(symptom)} {model.name} ({model.model_number}), bought "
        f"{month(product.purchase_date or day)}; {coverage}."
    )
    replace = covered and not again and model.family != catalog.VEHICLES and rng.random() < 0.25
    if replace:
        cost = model.price_cents[0] * 55 // 100  # what the unit costs us, not the shelf price
        plan = Plan(
            "warranty",
            symptom,
            summary,
            f"Replacement {model.model_number} delivered; old unit taken away.",
            [remedy(RemedyKind.REPLACEMENT, cost, "In-warranty replacement")],
            "Warranty desk approved a replacement instead of a repair.",
        )
    elif covered:
        if model.family == catalog.VEHICLES:
            action = "Dealer relations booked a service visit and a loaner car."
        else:
            action = "Conferenced in service dispatch; technician booked."
        cost = rng.randint(80, 320) * 100
        plan = Plan(
            rng.choice(("repair", "warranty")),
            symptom,
            summary,
            f"Fixed under warranty: {fix}.",
            [remedy(RemedyKind.OTHER, cost, "In-warranty repair")],
            action,
        )
    else:
        months = max(1, (day - end).days // 30)
        action = (
            f"Out of warranty by {months} months; went through the options with the warranty desk."
        )
        outcome, remedies = f"Repaired: {fix}.", _out_of_warranty_remedies(rng)
        if remedies[0].kind is RemedyKind.ACCOUNT_CREDIT:
            outcome = "Customer chose to replace it; credit given toward the new one."
        plan = Plan(
            rng.choice(("product failure", "repair")), symptom, summary, outcome, remedies, action
        )
    return plan, replace, covered


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
