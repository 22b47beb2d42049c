"""The demo's goodwill that the suggested remedies learn from: a unit failed within a year
of its warranty's end, its repair fee waived, got 12 months more of warranty."""

from __future__ import annotations

from datetime import date

from advocate_console.central.demo.generator import demo_batches
from advocate_console.domain import RemedyKind
from advocate_console.domain.rules import FAILURE_CATEGORIES

from .demo_sample import merged


def test_goodwill_repairs_just_out_of_warranty_come_with_an_extension():
    batch = merged(demo_batches(1500, seed=1, today=date(2026, 12, 3), batch_size=500))
    cases = {case.id: case for case in batch.cases}
    products = {product.id: product for product in batch.products}
    goodwill = extended = 0
    for resolution in batch.resolutions:
        case = cases[resolution.case_id]
        product = products.get(case.product_id) if case.product_id else None
        kinds = [remedy.kind for remedy in resolution.remedies]
        if product is None or product.warranty_end is None:
            continue
        if case.category not in FAILURE_CATEGORIES:
            continue
        days_out = (case.opened_at.date() - product.warranty_end).days
        if RemedyKind.REPAIR_FEE_WAIVED in kinds and 0 < days_out <= 365:
            goodwill += 1
            extension = [r for r in resolution.remedies if r.kind is RemedyKind.WARRANTY_EXTENDED]
            assert [(r.months, r.cost_cents) for r in extension] == [(12, 6000)]
            extended += 1
        elif days_out > 365:  # longer out of warranty: the fee waived alone, as it was
            assert not {RemedyKind.REPAIR_FEE_WAIVED, RemedyKind.WARRANTY_EXTENDED} <= set(kinds)
    assert goodwill >= 10 and extended == goodwill
