"""The goodwill the suggested remedies learn from: a unit that failed within a year of its
warranty's end and was made good by waiving the repair fee had its warranty extended 12
months too, and its customer, who remembers that, ended one step happier.

Applied to each batch once it is made, with no random draw, so every other record is as
it would have been without it.
"""

from __future__ import annotations

from advocate_console.domain import Delight, Remedy, RemedyKind, Resolution
from advocate_console.domain.rules import FAILURE_CATEGORIES

from .batch import DemoBatch

WITHIN_DAYS = 365
EXTENSION = Remedy(
    kind=RemedyKind.WARRANTY_EXTENDED, cost_cents=6000, months=12, note="Parts and labour"
)
_HAPPIER = list(Delight)  # best first


def extend_goodwill(batch: DemoBatch) -> None:
    """Add the extension (and the happier ending) to the batch's goodwill repairs."""
    cases = {case.id: case for case in batch.cases}
    products = {product.id: product for product in batch.products}
    for n, resolution in enumerate(batch.resolutions):
        case = cases.get(resolution.case_id)
        product = products.get(case.product_id) if case and case.product_id else None
        if case is None or product is None or product.warranty_end is None:
            continue
        days_out = (case.opened_at.date() - product.warranty_end).days
        if case.category in FAILURE_CATEGORIES and 0 < days_out <= WITHIN_DAYS:
            batch.resolutions[n] = _extended(resolution)


def _extended(resolution: Resolution) -> Resolution:
    kinds = {remedy.kind for remedy in resolution.remedies}
    if RemedyKind.REPAIR_FEE_WAIVED not in kinds or RemedyKind.WARRANTY_EXTENDED in kinds:
        return resolution
    happier = _HAPPIER[max(0, _HAPPIER.index(resolution.delight) - 1)]
    return resolution.model_copy(
        update={"remedies": [*resolution.remedies, EXTENSION], "delight": happier}
    )
