"""The repeat-failure flag: the same model has let this customer down before."""

from __future__ import annotations

from uuid import uuid4

from advocate_console.domain import CASE_CATEGORIES, RepeatFailure, repeat_failures
from advocate_console.domain.rules import FAILURE_CATEGORIES


def test_two_units_of_one_model_each_failing_once_are_flagged(samples) -> None:
    customer_id = uuid4()
    first = samples.product(customer_id)
    second = samples.product(customer_id)
    cases = [samples.case(first), samples.case(second, category="repair")]

    flags = repeat_failures([first, second], cases)

    assert flags == [RepeatFailure("GE", "JVM3160RF", 2, (first.id, second.id))]
    assert flags[0].describe() == "Repeat failure: GE JVM3160RF failed 2 times"


def test_one_unit_failing_twice_is_flagged_once_per_unit(samples) -> None:
    unit = samples.product()

    flags = repeat_failures([unit], [samples.case(unit), samples.case(unit, category="warranty")])

    assert flags == [RepeatFailure("GE", "JVM3160RF", 2, (unit.id,))]


def test_one_failure_is_not_flagged(samples) -> None:
    first = samples.product()
    second = samples.product(first.customer_id)

    assert repeat_failures([first, second], [samples.case(first)]) == []


def test_cases_that_are_not_failures_are_ignored(samples) -> None:
    first = samples.product()
    second = samples.product(first.customer_id)
    cases = [
        samples.case(first),
        samples.case(second, category="billing"),
        samples.case(second, category="product question"),
        samples.case(second, category="parts"),
        samples.case(first, category="delivery"),
    ]

    assert repeat_failures([first, second], cases) == []


def test_different_models_are_not_merged(samples) -> None:
    microwave = samples.product()
    fridge = samples.product(microwave.customer_id, model_number="GNE27JYMFS")

    assert (
        repeat_failures([microwave, fridge], [samples.case(microwave), samples.case(fridge)]) == []
    )


def test_model_numbers_match_without_case(samples) -> None:
    first = samples.product(model_number="jvm3160rf")
    second = samples.product(first.customer_id, model_number="JVM3160RF")

    flags = repeat_failures([first, second], [samples.case(first), samples.case(second)])

    assert [(flag.model_number, flag.failures) for flag in flags] == [("JVM3160RF", 2)]


def test_cases_without_a_known_product_are_ignored(samples) -> None:
    unit = samples.product()
    elsewhere = samples.product()
    cases = [samples.case(unit), samples.case(None), samples.case(elsewhere)]

    assert repeat_failures([unit], cases) == []


def test_each_repeating_model_is_flagged_separately(samples) -> None:
    microwave = samples.product()
    fridge = samples.product(microwave.customer_id, model_number="GNE27JYMFS")
    cases = [samples.case(microwave), samples.case(microwave), samples.case(fridge)]
    cases += [samples.case(fridge, category="warranty")]

    flags = repeat_failures([microwave, fridge], cases)

    assert [(flag.model_number, flag.failures) for flag in flags] == [
        ("GNE27JYMFS", 2),
        ("JVM3160RF", 2),
    ]


def test_failure_categories_are_case_categories() -> None:
    assert set(CASE_CATEGORIES) >= FAILURE_CATEGORIES
