"""Rules an advocate relies on while talking: repeat failures, warranty at a glance."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING
from uuid import UUID

from .warranty import WarrantyStatus, warranty_status

if TYPE_CHECKING:  # (the caller's warning shows before pydantic loads at a restart)
    from .records import Case, Product

# Case categories that mean a unit failed, as opposed to a question, a billing matter or
# a routine parts order (a filter bought twice is not a repeat failure).
FAILURE_CATEGORIES = frozenset({"product failure", "repair", "warranty"})


@dataclass(frozen=True, slots=True)
class RepeatFailure:
    """The same model has failed for this customer more than once."""

    brand: str
    model_number: str
    failures: int
    product_ids: tuple[UUID, ...]

    def describe(self) -> str:
        """E.g. ``Repeat failure: GE JVM3160RF failed 2 times``."""
        return f"Repeat failure: {self.brand} {self.model_number} failed {self.failures} times"


def repeat_failures(products: Iterable[Product], cases: Iterable[Case]) -> list[RepeatFailure]:
    """Models with failure cases on two or more occasions for one customer.

    Two units of the same model each failing once counts, as does one unit failing twice:
    either way the customer has had that model let them down before.
    """
    by_id = {product.id: product for product in products}
    failures: dict[tuple[str, str], list[UUID]] = defaultdict(list)
    for case in cases:
        product = by_id.get(case.product_id) if case.product_id else None
        if product is None or case.category not in FAILURE_CATEGORIES:
            continue
        failures[(product.brand, product.model_number.upper())].append(product.id)
    return [
        RepeatFailure(brand, model, len(ids), tuple(dict.fromkeys(ids)))
        for (brand, model), ids in sorted(failures.items())
        if len(ids) >= 2
    ]


def product_warranty(product: Product, today: date) -> WarrantyStatus:
    """The product's warranty status on ``today``."""
    return warranty_status(product.warranty_end, today)
