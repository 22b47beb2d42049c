"""The demo data: deterministic, valid, consistent and realistic."""

from __future__ import annotations

import math
import random
import unicodedata
from collections import Counter
from datetime import UTC, date, datetime, timedelta

import phonenumbers
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from advocate_console.central.demo import generator, numbering
from advocate_console.central.demo.catalog import VEHICLES
from advocate_console.central.demo.generator import DemoBatch, demo_batches, demo_resources
from advocate_console.central.demo.stories import new_car
from advocate_console.domain import (
    CASE_CATEGORIES,
    CardState,
    CaseStatus,
    FollowUpKind,
    FollowUpStatus,
    RecoveryStep,
    Tier,
    case_number_for,
    normalize_phone,
)
from tests.central.demo_sample import (
    MODELS,
    TODAY,
    dumped,
    merged,
    of_customer,
    records,
    sample_batch,
)


@pytest.fixture(scope="module")
def sample() -> DemoBatch:
    """Five thousand customers, stories first."""
    return sample_batch()


# --- determinism ---


def test_the_same_arguments_give_the_same_records():
    first = dumped(merged(demo_batches(300, seed=3, today=TODAY)))
    again = dumped(merged(demo_batches(300, seed=3, today=TODAY)))
    assert first == again


def test_different_seeds_give_different_customers():
    one = merged(demo_batches(200, seed=1, today=TODAY))
    two = merged(demo_batches(200, seed=2, today=TODAY))
    regular = slice(numbering.STORY_COUNT, None)
    assert {c.id for c in one.customers[regular]}.isdisjoint(c.id for c in two.customers[regular])
    names = [
        (a.display_name, b.display_name) for a, b in zip(one.customers, two.customers, strict=True)
    ]
    assert sum(a != b for a, b in names[regular]) > 150


def test_the_stories_are_the_same_for_every_seed():
    one = merged(demo_batches(3, seed=1, today=TODAY))
    two = merged(demo_batches(3, seed=99, today=TODAY))
    # Only the resources their calls went to are the seed's own (demo_resources).
    same = {
        theirs.id: ours.id
        for theirs, ours in zip(demo_resources(99), demo_resources(1), strict=True)
    }
    assert one.call_attempts
    assert dumped(one) == dumped(two, resource_ids=same)


def test_batch_size_changes_only_how_records_are_grouped():
    whole = list(demo_batches(250, seed=5, today=TODAY, batch_size=1000))
    small = list(demo_batches(250, seed=5, today=TODAY, batch_size=7))
    assert len(whole) == 1
    assert len(small) == math.ceil(250 / 7)
    assert all(len(batch.customers) <= 7 for batch in small)
    assert dumped(merged(whole)) == dumped(merged(small))


def test_a_customer_does_not_depend_on_how_many_are_made():
    few = merged(demo_batches(40, seed=5, today=TODAY))
    many = merged(demo_batches(90, seed=5, today=TODAY))
    for customer in few.customers:
        assert dumped(of_customer(few, customer.id)) == dumped(of_customer(many, customer.id))


def test_impossible_sizes_are_refused_where_the_call_is_made():
    with pytest.raises(ValueError):
        demo_batches(-1)
    with pytest.raises(ValueError):
        demo_batches(10, batch_size=0)
    with pytest.raises(ValueError):
        demo_batches(generator.MAX_CUSTOMERS + 1)


def test_fewer_than_three_customers_gives_the_first_stories():
    assert list(demo_batches(0)) == []
    (batch,) = demo_batches(2, today=TODAY)
    assert [c.id for c in batch.customers] == list(generator.STORY_CUSTOMER_IDS[:2])


# --- validity ---


def test_records_survive_a_round_trip_through_validation(sample):
    story_ids = set(generator.STORY_CUSTOMER_IDS)
    checked = 0
    for position, record in enumerate(records(sample)):
        is_story = getattr(record, "customer_id", getattr(record, "id", None)) in story_ids
        if not is_story and position % 7:
            continue
        kind = type(record)
        assert kind.model_validate(record.model_dump()) == record
        assert kind.model_validate_json(record.model_dump_json()) == record
        checked += 1
    assert checked > len(records(sample)) // 8


def test_every_timestamp_is_utc(sample):
    for record in records(sample):
        for value in record.__dict__.values():
            if isinstance(value, datetime):
                assert value.utcoffset() == timedelta(0)


def test_nothing_happens_after_today(sample):
    # The stories happen today; everyone else's history ends before it.
    end_of_today = datetime(TODAY.year, TODAY.month, TODAY.day, tzinfo=UTC) + timedelta(days=1)
    for case in sample.cases:
        assert case.opened_at < end_of_today
        assert case.closed_at is None or case.opened_at <= case.closed_at < end_of_today
    for interaction in sample.interactions:
        assert interaction.occurred_at < end_of_today
    for resolution in sample.resolutions:
        assert resolution.resolved_at < end_of_today
    for attempt in sample.call_attempts:
        assert attempt.started_at < attempt.ended_at < end_of_today
    for product in sample.products:
        assert product.purchase_date < TODAY


# --- referential integrity ---


def test_every_reference_points_inside_its_batch_and_customer():
    resources = {resource.id for resource in demo_resources(seed=11)}
    for batch in demo_batches(1200, seed=11, today=TODAY, batch_size=250):
        customers = {customer.id for customer in batch.customers}
        products = {product.id: product for product in batch.products}
        cases = {case.id: case for case in batch.cases}
        for product in batch.products:
            assert product.customer_id in customers
            if product.replaced_by_id:
                replacement = products[product.replaced_by_id]
                assert replacement.customer_id == product.customer_id
                assert replacement.model_number == product.model_number
                assert replacement.purchase_date >= product.purchase_date
        for case in batch.cases:
            assert case.customer_id in customers
            if case.product_id:
                assert products[case.product_id].customer_id == case.customer_id
        for row in (*batch.interactions, *batch.follow_ups, *batch.cards):
            assert row.customer_id in customers
            if row.case_id:
                assert cases[row.case_id].customer_id == row.customer_id
        for resolution in batch.resolutions:
            assert resolution.case_id in cases
        for attempt in batch.call_attempts:
            assert attempt.resource_id in resources, "the seed writes demo_resources(seed)"
            case = cases[attempt.case_id]
            assert attempt.customer_id == case.customer_id
            assert attempt.category == case.category
            model = products[case.product_id].model_number if case.product_id else ""
            assert attempt.product_model == model


def test_resolved_and_closed_cases_have_exactly_one_resolution(sample):
    resolved = Counter(resolution.case_id for resolution in sample.resolutions)
    assert max(resolved.values()) == 1
    for case in sample.cases:
        assert (case.id in resolved) == (not case.status.is_open)
        assert (case.closed_at is not None) == (case.status is CaseStatus.CLOSED)


# --- uniqueness ---


def test_ids_phones_emails_serials_and_case_numbers_are_unique(sample):
    ids = [record.id for record in records(sample)]
    assert len(ids) == len(set(ids))
    for values in (
        [phone for customer in sample.customers for phone in customer.phones],
        [email for customer in sample.customers for email in customer.emails],
        [product.serial_number for product in sample.products],
        [case.number for case in sample.cases],
    ):
        assert len(values) == len(set(values))


def test_phones_are_valid_numbers_of_the_customers_country(sample):
    for customer in sample.customers:
        for phone in customer.phones:
            assert normalize_phone(phone).e164 == phone
            parsed = phonenumbers.parse(phone)
            assert phonenumbers.is_valid_number(parsed), phone
            assert phonenumbers.region_code_for_number(parsed) == customer.address.country


def test_the_first_customers_get_the_numbers_set_aside_for_fiction(sample):
    regular = sample.customers[numbering.STORY_COUNT : numbering.STORY_COUNT + 2000]
    fictional = [p for c in regular if (p := c.phones[0]).startswith("+1") and p[5:9] == "5550"]
    north_american = [c for c in regular if c.phones[0].startswith("+1")]
    assert len(fictional) == len(north_american)


def test_emails_are_made_from_the_customers_name(sample):
    for customer in sample.customers[numbering.STORY_COUNT :]:
        folded = unicodedata.normalize("NFKD", customer.display_name.split()[-1])
        surname = "".join(ch for ch in folded.lower() if ch.isascii() and ch.isalpha())
        for email in customer.emails:
            assert surname in email.split("@")[0]


_DIRECTORY = numbering.Directory(seed=1)
_REGULAR = st.integers(0, generator.MAX_CUSTOMERS - numbering.STORY_COUNT - 1)


@given(_REGULAR, _REGULAR, st.integers(0, 15))
def test_numbering_stays_one_to_one_up_to_the_largest_demo(a, b, slot):
    # Uniqueness is built from customer numbers, not checked: so check it far beyond the
    # sample, with the private numbering itself.
    assume(a != b)
    area_a, *phones_a = _DIRECTORY.place(a)
    _, *phones_b = _DIRECTORY.place(b)
    assert set(phones_a).isdisjoint(phones_b) and phones_a[0] != phones_a[1]
    for phone in phones_a:
        parsed = phonenumbers.parse(phone)
        assert phonenumbers.is_valid_number(parsed)
        assert phonenumbers.region_code_for_number(parsed) == area_a.country
    assert numbering.email_tag(a) != numbering.email_tag(b)
    token_a, token_b = (a + 3) * 16 + slot, (b + 3) * 16 + slot
    assert numbering.serial("Halvorsen", token_a) != numbering.serial("Halvorsen", token_b)
    car = MODELS[new_car.STORY_NEW_CAR_MODEL]
    # The plant letter and the serial together are what the token permutes (one in 30 M).
    assert numbering.vin(car, token_a, 2025)[10:] != numbering.vin(car, token_b, 2025)[10:]
    assert _case_number(token_a) != _case_number(token_b)


def _case_number(token: int) -> str:
    return case_number_for(numbering.case_id(random.Random(token), token))


# --- realism ---


def test_customers_look_like_a_real_customer_base(sample):
    customers = sample.customers
    tiers = Counter(customer.tier for customer in customers)
    assert tiers[Tier.STANDARD] > len(customers) / 2
    assert 0 < tiers[Tier.PLATINUM] < len(customers) / 10
    rank = list(Tier)
    by_value = sorted(customers, key=lambda customer: customer.lifetime_value_cents)
    ranks = [rank.index(customer.tier) for customer in by_value]
    assert ranks == sorted(ranks), "more spent never means a lower tier"
    countries = Counter(customer.address.country for customer in customers)
    assert countries["US"] > 0.75 * len(customers)
    assert countries["CA"] > 0 and countries["GB"] > 0
    assert len({customer.display_name.split()[-1] for customer in customers}) > 200
    assert len({customer.address.city for customer in customers}) > 80
    oldest = min(customer.customer_since for customer in customers)
    assert date(TODAY.year - 16, 1, 1) < oldest < date(TODAY.year - 13, 1, 1)
    for customer in customers:
        if customer.address.country == "US":
            assert len(customer.address.postal_code) == 5
            assert len(customer.address.region) == 2


def test_products_are_plausible_and_paid_for(sample):
    by_customer = {customer.id: customer for customer in sample.customers}
    paid = Counter()
    replacements = {p.replaced_by_id for p in sample.products if p.replaced_by_id}
    for product in sample.products:
        model = MODELS[product.model_number]
        customer = by_customer[product.customer_id]
        assert product.brand == model.brand and product.name == model.name
        assert customer.customer_since <= product.purchase_date < TODAY
        years = (product.warranty_end - product.purchase_date).days / 365.25
        assert 0.9 < years < (8.1 if model.family == VEHICLES else 3.1)
        if model.family == VEHICLES:
            assert len(product.serial_number) == 17
        if product.id not in replacements:  # replacements came free
            paid[product.customer_id] += model.price_cents[0]
    for customer_id, cents in paid.items():
        assert by_customer[customer_id].lifetime_value_cents >= cents
    assert replacements, "some units were replaced"
    brands = {product.brand for product in sample.products}
    assert brands.isdisjoint({"GE", "Whirlpool", "Samsung", "LG", "Sony", "Bose", "Toyota"})


def test_histories_have_realistic_shape(sample):
    n = len(sample.customers)
    assert 1.0 <= len(sample.products) / n <= 4.0
    assert 0.5 <= len(sample.cases) / n <= 6.0
    assert 2.0 <= len(sample.interactions) / n <= 12.0
    per_customer = Counter(case.customer_id for case in sample.cases)
    assert max(per_customer.values()) <= 6
    statuses = Counter(case.status for case in sample.cases)
    assert statuses[CaseStatus.CLOSED] > 0.8 * len(sample.cases)
    assert statuses[CaseStatus.OPEN] > 0 and statuses[CaseStatus.PENDING] > 0
    assert {case.category for case in sample.cases} <= set(CASE_CATEGORIES)
    assert len({case.category for case in sample.cases}) >= 9
    assert len({case.channel for case in sample.cases}) == 6


def test_resolutions_follow_the_five_steps_in_order(sample):
    order = list(RecoveryStep)
    for resolution in sample.resolutions:
        assert resolution.steps == order[: len(resolution.steps)]
        assert resolution.remedies
    assert any(len(resolution.steps) == 5 for resolution in sample.resolutions)
    assert len({resolution.delight for resolution in sample.resolutions}) == 4


def test_follow_ups_are_due_around_today(sample):
    start = datetime(TODAY.year, TODAY.month, TODAY.day, tzinfo=UTC)
    open_ones = [u for u in sample.follow_ups if u.status is FollowUpStatus.OPEN]
    assert any(u.due_at < start for u in open_ones), "some are overdue"
    assert any(u.due_at >= start for u in open_ones), "some are still to come"
    assert any(u.kind is FollowUpKind.PROACTIVE for u in open_ones)
    assert all(abs(u.due_at - start) < timedelta(days=60) for u in open_ones)
    for follow_up in sample.follow_ups:
        assert (follow_up.completed_at is not None) == (follow_up.status is FollowUpStatus.DONE)


def test_cards_move_through_their_states(sample):
    states = Counter(card.state for card in sample.cards)
    for state in (
        CardState.DRAFT,
        CardState.QUEUED,
        CardState.PRINTED,
        CardState.MAILED,
        CardState.FAILED,
    ):
        assert states[state] > 0, state
    for card in sample.cards:
        assert (card.failure_reason is not None) == (card.state is CardState.FAILED)
        assert (card.mailed_at is not None) == (card.state is CardState.MAILED)
        if card.mailed_at:
            assert card.created_at < card.printed_at < card.mailed_at
        assert (card.gift_code is None) == (card.gift_value_cents is None)
        assert card.message.strip()
