"""The demo data the demo's tests read: merged batches, one customer's records, a sample."""

from __future__ import annotations

from datetime import date
from functools import cache

from advocate_console.central.demo.catalog import CATALOG
from advocate_console.central.demo.generator import DemoBatch, demo_batches, demo_resources

TODAY = date(2025, 6, 15)
SAMPLE_SIZE = 5000
COLLECTIONS = (
    "customers",
    "products",
    "cases",
    "interactions",
    "resolutions",
    "follow_ups",
    "cards",
    "call_attempts",
)
MODELS = {model.model_number: model for model in CATALOG}


def merged(batches) -> DemoBatch:
    """All batches as one."""
    whole = DemoBatch()
    for batch in batches:
        for name in COLLECTIONS:
            getattr(whole, name).extend(getattr(batch, name))
    return whole


def records(batch: DemoBatch) -> list:
    return [record for name in COLLECTIONS for record in getattr(batch, name)]


def dumped(batch: DemoBatch, resource_ids: dict | None = None) -> list[str]:
    """Every record as JSON, with call attempts' resource ids renamed by ``resource_ids``."""
    if resource_ids:
        attempts = [
            a.model_copy(update={"resource_id": resource_ids[a.resource_id]})
            for a in batch.call_attempts
        ]
        batch = DemoBatch(**{**vars(batch), "call_attempts": attempts})
    return [record.model_dump_json() for record in records(batch)]


def of_customer(batch: DemoBatch, customer_id) -> DemoBatch:
    """One customer's records."""
    case_ids = {case.id for case in batch.cases if case.customer_id == customer_id}
    return DemoBatch(
        customers=[c for c in batch.customers if c.id == customer_id],
        products=[p for p in batch.products if p.customer_id == customer_id],
        cases=[c for c in batch.cases if c.customer_id == customer_id],
        interactions=[i for i in batch.interactions if i.customer_id == customer_id],
        resolutions=[r for r in batch.resolutions if r.case_id in case_ids],
        follow_ups=[u for u in batch.follow_ups if u.customer_id == customer_id],
        cards=[c for c in batch.cards if c.customer_id == customer_id],
        call_attempts=[a for a in batch.call_attempts if a.customer_id == customer_id],
    )


@cache
def sample_batch() -> DemoBatch:
    """Five thousand customers, stories first (made once per test session)."""
    return merged(demo_batches(SAMPLE_SIZE, seed=7, today=TODAY, batch_size=700))


def called(mine: DemoBatch) -> dict:
    """Per case: who was called, about which model, and whether they helped."""
    names = {resource.id: resource.name for resource in demo_resources(seed=1)}
    found: dict = {}
    for attempt in sorted(mine.call_attempts, key=lambda a: a.started_at):
        entry = (names[attempt.resource_id], attempt.product_model, attempt.helped)
        found.setdefault(attempt.case_id, []).append(entry)
    return found
