"""The demo data: deterministic, valid, consistent, realistic, and telling its stories."""

from __future__ import annotations

import itertools
import math
import random
import unicodedata
from collections import Counter
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import phonenumbers
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from advocate_console.central import demo_data as demo
from advocate_console.central.demo_calls import DialIns
from advocate_console.central.demo_data import DemoBatch, demo_batches, demo_resources
from advocate_console.central.demo_vocabulary import CATALOG, VEHICLES
from advocate_console.domain import (
    CASE_CATEGORIES,
    CallOutcome,
    CardState,
    CaseStatus,
    Direction,
    FollowUpKind,
    FollowUpStatus,
    InteractionKind,
    RecoveryStep,
    TermKind,
    Tier,
    WarrantyState,
    case_number_for,
    interpret_query,
    normalize_phone,
    repeat_failures,
    warranty_status,
)

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


@pytest.fixture(scope="module")
def sample() -> DemoBatch:
    """Five thousand customers, stories first."""
    return merged(demo_batches(SAMPLE_SIZE, seed=7, today=TODAY, batch_size=700))


# --- determinism ---


def test_the_same_arguments_give_the_same_records():
    first = dumped(merged(demo_batches(300, seed=3, today=TODAY)))
    again = dumped(merged(demo_batches(300, seed=3, today=TODAY)))
    assert first == again


def test_different_seeds_give_different_customers():
    one = merged(demo_batches(200, seed=1, today=TODAY))
    two = merged(demo_batches(200, seed=2, today=TODAY))
    regular = slice(demo.STORY_COUNT, None)
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
        demo_batches(demo.MAX_CUSTOMERS + 1)


def test_fewer_than_three_customers_gives_the_first_stories():
    assert list(demo_batches(0)) == []
    (batch,) = demo_batches(2, today=TODAY)
    assert [c.id for c in batch.customers] == list(demo.STORY_CUSTOMER_IDS[:2])


# --- validity ---


def test_records_survive_a_round_trip_through_validation(sample):
    story_ids = set(demo.STORY_CUSTOMER_IDS)
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
    regular = sample.customers[demo.STORY_COUNT : demo.STORY_COUNT + 2000]
    fictional = [p for c in regular if (p := c.phones[0]).startswith("+1") and p[5:9] == "5550"]
    north_american = [c for c in regular if c.phones[0].startswith("+1")]
    assert len(fictional) == len(north_american)


def test_emails_are_made_from_the_customers_name(sample):
    for customer in sample.customers[demo.STORY_COUNT :]:
        folded = unicodedata.normalize("NFKD", customer.display_name.split()[-1])
        surname = "".join(ch for ch in folded.lower() if ch.isascii() and ch.isalpha())
        for email in customer.emails:
            assert surname in email.split("@")[0]


_DIRECTORY = demo._Directory(seed=1)
_REGULAR = st.integers(0, demo.MAX_CUSTOMERS - demo.STORY_COUNT - 1)


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
    assert demo._email_tag(a) != demo._email_tag(b)
    token_a, token_b = (a + 3) * 16 + slot, (b + 3) * 16 + slot
    assert demo._serial("Halvorsen", token_a) != demo._serial("Halvorsen", token_b)
    car = MODELS[demo.STORY_NEW_CAR_MODEL]
    assert demo._vin(car, token_a, 2025)[11:] != demo._vin(car, token_b, 2025)[11:]
    assert _case_number(token_a) != _case_number(token_b)


def _case_number(token: int) -> str:
    return case_number_for(demo._case_id(random.Random(token), token))


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


# --- call attempts: who the internal notes say was dialled in ---


def _dial_notes(batch: DemoBatch) -> dict:
    """The internal note on each case that has one: who was brought into the call."""
    notes = {}
    for interaction in batch.interactions:
        if (
            interaction.kind is InteractionKind.NOTE
            and interaction.direction is Direction.INTERNAL
            and interaction.case_id is not None
        ):
            assert interaction.case_id not in notes, "one such note per case"
            notes[interaction.case_id] = interaction
    return notes


def _attempts_by_case(batch: DemoBatch) -> dict:
    by_case: dict = {}
    for attempt in batch.call_attempts:
        by_case.setdefault(attempt.case_id, []).append(attempt)
    return by_case


def test_call_attempts_are_deterministic():
    first = merged(demo_batches(400, seed=4, today=TODAY)).call_attempts
    again = merged(demo_batches(400, seed=4, today=TODAY, batch_size=33)).call_attempts
    assert len(first) > 300
    assert [a.model_dump_json() for a in first] == [a.model_dump_json() for a in again]
    other = merged(demo_batches(400, seed=5, today=TODAY)).call_attempts
    stories = set(demo.STORY_CUSTOMER_IDS)  # theirs are the same for every seed
    assert {a.id for a in first if a.customer_id not in stories}.isdisjoint(a.id for a in other)


@pytest.mark.parametrize(
    ("note", "names"),
    [
        ("Out of warranty by 7 months; went through the options with the warranty desk.",
         ["Warranty Desk"]),
        ("Warranty desk approved a replacement instead of a repair.", ["Warranty Desk"]),
        ("Conferenced in service dispatch; technician booked.", ["Service Dispatch"]),
        ("Conferenced in billing support; they traced the charge.", ["Billing Support"]),
        ("Conferenced in returns & logistics; they matched the serial to the order.",
         ["Returns & Logistics"]),
        ("Returns & logistics rebooked the delivery for the first slot.", ["Returns & Logistics"]),
        ("Dealer relations booked a service visit and a loaner car.", ["Dealer Relations"]),
        ("Parts line found it in stock.", ["Parts Line"]),
        ("Booked the installation lead for a second visit.", ["Tomasz Wrobel"]),
        ("Listened it through; passed it to the team lead.", ["Advocate Team Lead"]),
        ("Conferenced in Dana Whitlock at the warranty desk: she approved a replacement.",
         ["Dana Whitlock"]),
        ("Conferenced Beatriz Salcedo (returns): she will ship it once Billing reverses the "
         "fee; Gloria Achterberg (billing) is reversing it.",
         ["Beatriz Salcedo", "Gloria Achterberg"]),
        ("Took delivery of her Kestrel Solace at the dealer.", []),
    ],
)  # fmt: skip
def test_a_note_names_its_people_first_else_one_desk(note, names):
    calls = DialIns(demo_resources())
    assert [resource.name for resource in calls.named_in(note)] == names


def test_every_note_of_who_was_dialled_in_has_its_attempts(sample):
    notes, by_case = _dial_notes(sample), _attempts_by_case(sample)
    cases = {case.id: case for case in sample.cases}
    assert set(by_case) == set(notes), "attempts exactly where a note says who was called"
    names = {resource.id: resource.name for resource in demo_resources(seed=7)}
    for case_id, note in notes.items():
        attempts = by_case[case_id]
        helped = [a for a in attempts if a.helped]
        assert helped and attempts[-len(helped) :] == helped, "whoever helped came last"
        calls = demo.DialIns(demo_resources(seed=7))
        assert [names[a.resource_id] for a in helped] == [
            r.name for r in calls.named_in(note.summary)
        ]
        for attempt in attempts:
            assert attempt.advocate == note.advocate
            assert cases[case_id].opened_at <= attempt.started_at <= note.occurred_at
            assert attempt.started_at < attempt.ended_at
        for attempt in helped:
            assert attempt.outcome is CallOutcome.CONNECTED
            assert note.occurred_at - attempt.started_at < timedelta(minutes=20)
        for earlier, later in itertools.pairwise(attempts):
            assert earlier.ended_at <= later.started_at


def test_now_and_then_someone_else_was_tried_first(sample):
    resources = {resource.id: resource for resource in demo_resources(seed=7)}
    cases = {case.id: case for case in sample.cases}
    outcomes = Counter((a.outcome, a.helped) for a in sample.call_attempts)
    total = len(sample.call_attempts)
    assert 0.75 < outcomes[CallOutcome.CONNECTED, True] / total < 0.95
    assert outcomes[CallOutcome.CONNECTED, False] > 0, "answered, but could not help"
    for outcome in (CallOutcome.BUSY, CallOutcome.NO_ANSWER, CallOutcome.VOICEMAIL):
        assert outcomes[outcome, None] > 0, outcome
    for attempts in _attempts_by_case(sample).values():
        helper = resources[attempts[-1].resource_id]
        for miss in attempts[:-1]:
            if miss.helped:
                continue  # a story's second person
            tried = resources[miss.resource_id]
            assert tried.department == helper.department or (
                cases[miss.case_id].category in tried.skills
            )
            assert (miss.helped is False) == (miss.outcome is CallOutcome.CONNECTED)
    for attempt in sample.call_attempts:
        resource = resources[attempt.resource_id]
        if attempt.via == "handoff":  # marked by hand: no answer time, no SIP reason
            assert resource.phone and attempt.answered_at is None and attempt.reason == ""
        else:
            assert resource.sip_uri and attempt.reason
            assert (attempt.answered_at is not None) == (
                attempt.outcome in (CallOutcome.CONNECTED, CallOutcome.VOICEMAIL)
            )
    assert {a.via for a in sample.call_attempts} == {"sip", "handoff"}


# --- the stories ---

STORY_DAYS = [TODAY, date(2028, 2, 29), date(2026, 1, 1), date(2024, 3, 1)]


def story(today: date, customer_id) -> tuple[DemoBatch, DemoBatch]:
    batch = next(demo_batches(5, seed=1, today=today))
    return batch, of_customer(batch, customer_id)


def test_the_stories_open_the_first_batch_whatever_the_size():
    for customers, batch_size in ((3, 1000), (10, 3), (2000, 1000)):
        first = next(demo_batches(customers, today=TODAY, batch_size=batch_size))
        assert [c.id for c in first.customers[:3]] == list(demo.STORY_CUSTOMER_IDS)


@pytest.mark.parametrize("today", STORY_DAYS)
def test_story_repeat_failure(today):
    _, mine = story(today, demo.STORY_REPEAT_FAILURE_CUSTOMER_ID)
    (customer,) = mine.customers
    assert customer.display_name == demo.STORY_REPEAT_FAILURE_NAME
    assert customer.phones == [demo.REPEAT_FAILURE_PHONE]
    assert normalize_phone("1-800-GE-CARES").e164 == demo.REPEAT_FAILURE_PHONE
    assert interpret_query("1-800-GE-CARES")[0].kind is TermKind.PHONE
    assert customer.tier in (Tier.GOLD, Tier.PLATINUM)
    assert customer.lifetime_value_cents > 5_000_000
    assert (today - customer.customer_since).days > 10 * 365

    (flag,) = repeat_failures(mine.products, mine.cases)
    assert (flag.brand, flag.model_number) == (
        demo.STORY_MICROWAVE_BRAND,
        demo.STORY_MICROWAVE_MODEL,
    )
    assert flag.failures == 2 and len(flag.product_ids) == 2
    microwaves = [p for p in mine.products if p.model_number == demo.STORY_MICROWAVE_MODEL]
    first, second = sorted(microwaves, key=lambda p: p.purchase_date)
    assert first.serial_number == demo.STORY_MICROWAVE_FIRST_SERIAL
    assert second.serial_number == demo.STORY_MICROWAVE_SECOND_SERIAL
    assert first.replaced_by_id == second.id and second.replaced_by_id is None
    status = warranty_status(second.warranty_end, today)
    assert status.state is WarrantyState.EXPIRED
    assert status.days == demo.STORY_MICROWAVE_DAYS_OUT_OF_WARRANTY

    (open_case,) = [case for case in mine.cases if case.status.is_open]
    assert open_case.product_id == second.id
    assert open_case.opened_at.date() == today
    assert open_case.owner is None, "waiting for an advocate to take ownership"
    (earlier,) = [case for case in mine.cases if case.product_id == first.id]
    assert earlier.status is CaseStatus.CLOSED
    assert earlier.opened_at.date() <= first.warranty_end

    # Dana Whitlock approved the first replacement: the console ranks her for this case.
    called = _called(mine)
    assert called[earlier.id] == [("Dana Whitlock", demo.STORY_MICROWAVE_MODEL, True)]
    assert open_case.id not in called, "nobody dialled in yet on this morning's call"
    assert sorted(name for calls in called.values() for name, _, _ in calls) == [
        "Billing Support",
        "Dana Whitlock",
        "Tomasz Wrobel",
    ]
    (dana,) = [a for a in mine.call_attempts if a.case_id == earlier.id]
    assert (dana.category, dana.advocate) == ("product failure", demo.DEMO_DISPLAY_NAME)


@pytest.mark.parametrize("today", STORY_DAYS)
def test_story_wrong_item_returned(today):
    _, mine = story(today, demo.STORY_WRONG_RETURN_CUSTOMER_ID)
    (customer,) = mine.customers
    assert customer.phones == [demo.STORY_WRONG_RETURN_PHONE]
    assert customer.emails == [demo.STORY_WRONG_RETURN_EMAIL]
    soundbars = [p for p in mine.products if p.model_number == demo.STORY_SOUNDBAR_MODEL]
    faulty, working = sorted(soundbars, key=lambda p: p.purchase_date)
    assert faulty.serial_number == demo.STORY_SOUNDBAR_FAULTY_SERIAL
    assert working.serial_number == demo.STORY_SOUNDBAR_RETURNED_SERIAL
    assert faulty.replaced_by_id == working.id

    (mix_up,) = [case for case in mine.cases if case.status.is_open]
    assert mix_up.category == "wrong item returned"
    assert mix_up.owner == demo.DEMO_DISPLAY_NAME
    assert faulty.serial_number in mix_up.summary and working.serial_number in mix_up.summary
    timeline = [i for i in mine.interactions if i.case_id == mix_up.id]
    assert len(timeline) >= 3
    (callback,) = [u for u in mine.follow_ups if u.status is FollowUpStatus.OPEN]
    assert callback.case_id == mix_up.id and callback.due_at.date() == today
    (no_sound,) = [c for c in mine.cases if c.category == "product failure"]
    assert no_sound.product_id == faulty.id
    called = _called(mine)
    assert called[mix_up.id] == [
        ("Beatriz Salcedo", demo.STORY_SOUNDBAR_MODEL, True),
        ("Gloria Achterberg", demo.STORY_SOUNDBAR_MODEL, True),
    ]
    assert called[no_sound.id] == [("Jae-min Yoon", demo.STORY_SOUNDBAR_MODEL, True)]
    assert {a.advocate for a in mine.call_attempts if a.case_id == mix_up.id} == {
        demo.DEMO_DISPLAY_NAME
    }


@pytest.mark.parametrize("today", STORY_DAYS)
def test_story_new_car_is_due_a_proactive_call(today):
    _, mine = story(today, demo.STORY_NEW_CAR_CUSTOMER_ID)
    (customer,) = mine.customers
    assert customer.phones == [demo.STORY_NEW_CAR_PHONE]
    (car,) = [p for p in mine.products if MODELS[p.model_number].family == VEHICLES]
    assert car.model_number == demo.STORY_NEW_CAR_MODEL
    assert 14 <= (today - car.purchase_date).days <= 42
    assert warranty_status(car.warranty_end, today).state is WarrantyState.ACTIVE
    assert _vin_check_digit(car.serial_number) == car.serial_number[8]
    (call,) = [u for u in mine.follow_ups if u.status is FollowUpStatus.OPEN]
    assert call.kind is FollowUpKind.PROACTIVE
    assert mine.call_attempts == [], "nobody was dialled in for her"
    assert call.due_at.date() in (today, today + timedelta(days=1))


def test_the_stories_hold_when_today_is_not_given():
    before = date.today()
    batch = next(demo_batches(3))
    mine = of_customer(batch, demo.STORY_REPEAT_FAILURE_CUSTOMER_ID)
    second = next(p for p in mine.products if p.serial_number == demo.STORY_MICROWAVE_SECOND_SERIAL)
    days = {warranty_status(second.warranty_end, day).days for day in (before, date.today())}
    assert demo.STORY_MICROWAVE_DAYS_OUT_OF_WARRANTY in days


def _called(mine: DemoBatch) -> dict:
    """Per case: who was called, about which model, and whether they helped."""
    names = {resource.id: resource.name for resource in demo_resources(seed=1)}
    called: dict = {}
    for attempt in sorted(mine.call_attempts, key=lambda a: a.started_at):
        entry = (names[attempt.resource_id], attempt.product_model, attempt.helped)
        called.setdefault(attempt.case_id, []).append(entry)
    return called


def _vin_check_digit(vin: str) -> str:
    values = dict(zip("ABCDEFGHJKLMNPRSTUVWXYZ", "12345678123457923456789", strict=True))
    weights = (8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2)
    total = sum(int(values.get(ch, ch)) * w for ch, w in zip(vin, weights, strict=True))
    return "X" if total % 11 == 10 else str(total % 11)


# --- internal resources ---


def test_resources_are_about_forty_and_deterministic():
    resources = demo_resources(seed=1)
    assert 35 <= len(resources) <= 45
    assert [r.model_dump() for r in resources] == [r.model_dump() for r in demo_resources(1)]
    assert {r.id for r in resources}.isdisjoint(r.id for r in demo_resources(2))
    assert len({r.name for r in resources}) == len(resources)
    for resource in resources:
        assert type(resource).model_validate(resource.model_dump()) == resource


def test_resources_can_be_reached_and_know_what_they_fix():
    resources = demo_resources()
    departments = {r.department for r in resources}
    for wanted in (
        "Warranty desk",
        "Service dispatch",
        "Parts",
        "Billing",
        "Returns & logistics",
        "Product engineering",
        "Dealer relations",
        "Executive customer relations",
        "Legal & consumer affairs",
    ):
        assert wanted in departments
    zones = set()
    for resource in resources:
        assert resource.name and resource.role and resource.notes
        assert resource.skills and set(resource.skills) <= set(CASE_CATEGORIES)
        assert resource.phone or resource.sip_uri
        if resource.sip_uri:
            assert resource.sip_uri.startswith("sip:") and resource.sip_uri.endswith(
                "@pbx.example.com"
            )
        hours = resource.working_hours
        ZoneInfo(hours.timezone)  # a real IANA name
        zones.add(hours.timezone)
        assert hours.start < hours.end
    assert len(zones) >= 4
    assert any(r.phone and ";ext=" in r.phone for r in resources)
    assert any(r.phone and r.sip_uri for r in resources)
    assert any(r.sip_uri and not r.phone for r in resources)
    assert any(r.phone and not r.sip_uri for r in resources)
    engineers = [r for r in resources if demo.STORY_MICROWAVE_MODEL in r.products]
    assert engineers and all("product failure" in r.skills for r in engineers)


def test_resource_numbers_are_never_a_customers(sample):
    customer_phones = {phone for customer in sample.customers for phone in customer.phones}
    for resource in demo_resources():
        if resource.phone:
            assert resource.phone.split(";")[0] not in customer_phones
