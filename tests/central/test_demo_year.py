"""The demo's last year tells a story worth acting on, with realistic spreads: one model's
defect tops what is broken, one advocate delights far more for a little more spend, one
resource's calls usually end in delight, and no week piles up."""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from datetime import UTC, datetime, timedelta

import pytest

from advocate_console.central.demo.accounts import DEMO_DISPLAY_NAME
from advocate_console.central.demo.failures import DANA, DEFECT_MODEL
from advocate_console.central.demo.generator import demo_resources
from advocate_console.domain import CallOutcome, Delight
from advocate_console.domain.rules import FAILURE_CATEGORIES
from tests.central.demo_sample import TODAY, sample_batch

YEAR_START = datetime(TODAY.year, TODAY.month, TODAY.day, tzinfo=UTC) - timedelta(days=365)


@pytest.fixture(scope="module")
def year():
    """The sample's records, with what the tests below look up."""
    batch = sample_batch()
    products = {product.id: product for product in batch.products}
    cases = {case.id: case for case in batch.cases}
    resolved = [r for r in batch.resolutions if r.resolved_at >= YEAR_START]
    return batch, products, cases, resolved


def test_a_defective_model_tops_what_is_broken(year):
    batch, products, _, _ = year
    failures: Counter = Counter()
    repeats: Counter = Counter()
    seen: set = set()
    for case in sorted(batch.cases, key=lambda c: c.opened_at):
        if case.category not in FAILURE_CATEGORIES or case.product_id is None:
            continue
        model = products[case.product_id].model_number
        key = (case.customer_id, model)
        if case.opened_at >= YEAR_START:
            failures[model] += 1
            repeats[model] += key in seen
        seen.add(key)
    (top, count), (_, second) = failures.most_common(2)
    assert top == DEFECT_MODEL and count >= 2 * second
    assert repeats.most_common(1)[0][0] == DEFECT_MODEL


def test_one_advocate_spends_a_little_more_and_delights_far_more(year):
    _, _, _, resolved = year
    by_owner = defaultdict(list)
    for resolution in resolved:
        by_owner[resolution.advocate].append(resolution)

    def delighted(rs) -> float:
        return sum(r.delight is Delight.DELIGHTED for r in rs) / len(rs)

    def spent(rs) -> float:
        return sum(remedy.cost_cents for r in rs for remedy in r.remedies) / len(rs)

    others = [rs for name, rs in by_owner.items() if name != DEMO_DISPLAY_NAME]
    maya = by_owner[DEMO_DISPLAY_NAME]
    assert delighted(maya) >= statistics.median(map(delighted, others)) + 0.2
    team_spend = statistics.median(map(spent, others))
    assert team_spend < spent(maya) < 1.5 * team_spend


def test_one_resource_s_calls_usually_end_in_delight(year):
    batch, _, _, _ = year
    names = {resource.id: resource.name for resource in demo_resources(seed=7)}
    # All the sample's years: one year of 5,000 customers brings her in only a dozen times.
    delight = {r.case_id: r.delight for r in batch.resolutions}
    ended: dict[str, list[bool]] = defaultdict(list)
    for attempt in batch.call_attempts:
        if attempt.outcome is CallOutcome.CONNECTED and attempt.case_id in delight:
            ended[names[attempt.resource_id]].append(delight[attempt.case_id] is Delight.DELIGHTED)
    shares = {name: sum(ends) / len(ends) for name, ends in ended.items() if len(ends) >= 10}
    assert shares[DANA] >= 0.65
    assert shares[DANA] >= statistics.median(shares.values()) + 0.2


def test_the_year_is_spread_over_its_weeks(year):
    _, _, _, resolved = year
    weeks = Counter((r.resolved_at - YEAR_START).days // 7 for r in resolved)
    full = [weeks[week] for week in range(52)]
    typical = statistics.median(full)
    assert typical >= 5
    assert max(full) <= 2.5 * typical
    assert sum(full[-4:]) <= 4 * 1.6 * typical, "no pile-up in the last weeks"
