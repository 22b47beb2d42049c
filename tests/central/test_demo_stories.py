"""The demo data tells its stories, whatever day it is made."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from advocate_console.central.demo import accounts, generator
from advocate_console.central.demo.catalog import VEHICLES
from advocate_console.central.demo.generator import DemoBatch, demo_batches
from advocate_console.central.demo.stories import new_car, repeat_failure, wrong_return
from advocate_console.domain import (
    CaseStatus,
    FollowUpKind,
    FollowUpStatus,
    TermKind,
    Tier,
    WarrantyState,
    interpret_query,
    normalize_phone,
    repeat_failures,
    warranty_status,
)
from tests.central.demo_sample import (
    MODELS,
    TODAY,
    called,
    of_customer,
)

# --- the stories ---

STORY_DAYS = [TODAY, date(2028, 2, 29), date(2026, 1, 1), date(2024, 3, 1)]


def story(today: date, customer_id) -> tuple[DemoBatch, DemoBatch]:
    batch = next(demo_batches(5, seed=1, today=today))
    return batch, of_customer(batch, customer_id)


def test_the_stories_open_the_first_batch_whatever_the_size():
    for customers, batch_size in ((3, 1000), (10, 3), (2000, 1000)):
        first = next(demo_batches(customers, today=TODAY, batch_size=batch_size))
        assert [c.id for c in first.customers[:3]] == list(generator.STORY_CUSTOMER_IDS)


@pytest.mark.parametrize("today", STORY_DAYS)
def test_story_repeat_failure(today):
    _, mine = story(today, repeat_failure.STORY_REPEAT_FAILURE_CUSTOMER_ID)
    (customer,) = mine.customers
    assert customer.display_name == repeat_failure.STORY_REPEAT_FAILURE_NAME
    assert customer.phones == [repeat_failure.REPEAT_FAILURE_PHONE]
    assert normalize_phone("1-800-GE-CARES").e164 == repeat_failure.REPEAT_FAILURE_PHONE
    assert interpret_query("1-800-GE-CARES")[0].kind is TermKind.PHONE
    assert customer.tier in (Tier.GOLD, Tier.PLATINUM)
    assert customer.lifetime_value_cents > 5_000_000
    assert (today - customer.customer_since).days > 10 * 365

    (flag,) = repeat_failures(mine.products, mine.cases)
    assert (flag.brand, flag.model_number) == (
        repeat_failure.STORY_MICROWAVE_BRAND,
        repeat_failure.STORY_MICROWAVE_MODEL,
    )
    assert flag.failures == 2 and len(flag.product_ids) == 2
    microwaves = [
        p for p in mine.products if p.model_number == repeat_failure.STORY_MICROWAVE_MODEL
    ]
    first, second = sorted(microwaves, key=lambda p: p.purchase_date)
    assert first.serial_number == repeat_failure.STORY_MICROWAVE_FIRST_SERIAL
    assert second.serial_number == repeat_failure.STORY_MICROWAVE_SECOND_SERIAL
    assert first.replaced_by_id == second.id and second.replaced_by_id is None
    status = warranty_status(second.warranty_end, today)
    assert status.state is WarrantyState.EXPIRED
    assert status.days == repeat_failure.STORY_MICROWAVE_DAYS_OUT_OF_WARRANTY

    (open_case,) = [case for case in mine.cases if case.status.is_open]
    assert open_case.product_id == second.id
    assert open_case.opened_at.date() == today
    assert open_case.owner is None, "waiting for an advocate to take ownership"
    (earlier,) = [case for case in mine.cases if case.product_id == first.id]
    assert earlier.status is CaseStatus.CLOSED
    assert earlier.opened_at.date() <= first.warranty_end

    # Dana Whitlock approved the first replacement: the console ranks her for this case.
    dialled = called(mine)
    assert dialled[earlier.id] == [("Dana Whitlock", repeat_failure.STORY_MICROWAVE_MODEL, True)]
    assert open_case.id not in dialled, "nobody dialled in yet on this morning's call"
    assert sorted(name for calls in dialled.values() for name, _, _ in calls) == [
        "Billing Support",
        "Dana Whitlock",
        "Tomasz Wrobel",
    ]
    (dana,) = [a for a in mine.call_attempts if a.case_id == earlier.id]
    assert (dana.category, dana.advocate) == ("product failure", accounts.DEMO_DISPLAY_NAME)


@pytest.mark.parametrize("today", STORY_DAYS)
def test_story_wrong_item_returned(today):
    _, mine = story(today, wrong_return.STORY_WRONG_RETURN_CUSTOMER_ID)
    (customer,) = mine.customers
    assert customer.phones == [wrong_return.STORY_WRONG_RETURN_PHONE]
    assert customer.emails == [wrong_return.STORY_WRONG_RETURN_EMAIL]
    soundbars = [p for p in mine.products if p.model_number == wrong_return.STORY_SOUNDBAR_MODEL]
    faulty, working = sorted(soundbars, key=lambda p: p.purchase_date)
    assert faulty.serial_number == wrong_return.STORY_SOUNDBAR_FAULTY_SERIAL
    assert working.serial_number == wrong_return.STORY_SOUNDBAR_RETURNED_SERIAL
    assert faulty.replaced_by_id == working.id

    (mix_up,) = [case for case in mine.cases if case.status.is_open]
    assert mix_up.category == "wrong item returned"
    assert mix_up.owner == accounts.DEMO_DISPLAY_NAME
    assert faulty.serial_number in mix_up.summary and working.serial_number in mix_up.summary
    timeline = [i for i in mine.interactions if i.case_id == mix_up.id]
    assert len(timeline) >= 3
    (callback,) = [u for u in mine.follow_ups if u.status is FollowUpStatus.OPEN]
    assert callback.case_id == mix_up.id and callback.due_at.date() == today
    (no_sound,) = [c for c in mine.cases if c.category == "product failure"]
    assert no_sound.product_id == faulty.id
    dialled = called(mine)
    assert dialled[mix_up.id] == [
        ("Beatriz Salcedo", wrong_return.STORY_SOUNDBAR_MODEL, True),
        ("Gloria Achterberg", wrong_return.STORY_SOUNDBAR_MODEL, True),
    ]
    assert dialled[no_sound.id] == [("Jae-min Yoon", wrong_return.STORY_SOUNDBAR_MODEL, True)]
    assert {a.advocate for a in mine.call_attempts if a.case_id == mix_up.id} == {
        accounts.DEMO_DISPLAY_NAME
    }


@pytest.mark.parametrize("today", STORY_DAYS)
def test_story_new_car_is_due_a_proactive_call(today):
    _, mine = story(today, new_car.STORY_NEW_CAR_CUSTOMER_ID)
    (customer,) = mine.customers
    assert customer.phones == [new_car.STORY_NEW_CAR_PHONE]
    (car,) = [p for p in mine.products if MODELS[p.model_number].family == VEHICLES]
    assert car.model_number == new_car.STORY_NEW_CAR_MODEL
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
    mine = of_customer(batch, repeat_failure.STORY_REPEAT_FAILURE_CUSTOMER_ID)
    second = next(
        p for p in mine.products if p.serial_number == repeat_failure.STORY_MICROWAVE_SECOND_SERIAL
    )
    days = {warranty_status(second.warranty_end, day).days for day in (before, date.today())}
    assert repeat_failure.STORY_MICROWAVE_DAYS_OUT_OF_WARRANTY in days


def _vin_check_digit(vin: str) -> str:
    values = dict(zip("ABCDEFGHJKLMNPRSTUVWXYZ", "12345678123457923456789", strict=True))
    weights = (8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2)
    total = sum(int(values.get(ch, ch)) * w for ch, w in zip(vin, weights, strict=True))
    return "X" if total % 11 == 10 else str(total % 11)
