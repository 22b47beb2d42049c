"""Warranty status on a given day, in the words an advocate says it."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from advocate_console.domain import WarrantyState, WarrantyStatus, warranty_status
from advocate_console.domain.rules import product_warranty
from advocate_console.domain.warranty import ENDS_SOON_DAYS

TODAY = date(2024, 5, 15)


def status_in(days: int) -> WarrantyStatus:
    """The status today of a warranty that ends ``days`` from today (negative: past)."""
    return warranty_status(TODAY + timedelta(days=days), TODAY)


def test_a_warranty_ending_in_40_days_is_active() -> None:
    status = status_in(40)

    assert status == WarrantyStatus(WarrantyState.ACTIVE, 40)
    assert status.describe() == "active, ends in 40 days"
    assert status.is_covered


def test_a_warranty_that_ended_61_days_ago_is_expired() -> None:
    status = status_in(-61)

    assert status == WarrantyStatus(WarrantyState.EXPIRED, 61)
    assert status.describe() == "expired 61 days ago"
    assert not status.is_covered


def test_the_last_day_of_the_warranty_is_still_covered() -> None:
    status = status_in(0)

    assert status.state is WarrantyState.ENDS_SOON
    assert status.describe() == "active, ends today"
    assert status.is_covered


def test_one_day_is_singular_both_ways() -> None:
    assert status_in(1).describe() == "active, ends in 1 day"
    assert status_in(-1).describe() == "expired 1 day ago"


def test_no_warranty_end_means_no_warranty() -> None:
    status = warranty_status(None, TODAY)

    assert status == WarrantyStatus(WarrantyState.NONE)
    assert status.describe() == "no warranty"
    assert not status.is_covered


@pytest.mark.parametrize(
    ("days", "state"),
    [
        (ENDS_SOON_DAYS, WarrantyState.ENDS_SOON),
        (ENDS_SOON_DAYS + 1, WarrantyState.ACTIVE),
        (1, WarrantyState.ENDS_SOON),
        (-1, WarrantyState.EXPIRED),
    ],
)
def test_ends_soon_covers_the_last_month(days: int, state: WarrantyState) -> None:
    assert status_in(days).state is state


def test_ending_soon_still_reads_as_active() -> None:
    assert status_in(12).describe() == "active, ends in 12 days"


def test_product_warranty_reads_the_products_warranty_end(samples) -> None:
    product = samples.product(warranty_end=TODAY - timedelta(days=61))

    assert product_warranty(product, TODAY).describe() == "expired 61 days ago"
    assert product_warranty(samples.product(warranty_end=None), TODAY).state is WarrantyState.NONE


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=-20_000, max_value=20_000))
def test_every_day_has_one_consistent_wording(days: int) -> None:
    status = status_in(days)
    text = status.describe()

    assert status.days == abs(days)
    assert status.is_covered == (days >= 0)
    if days < 0:
        expected = "expired 1 day ago" if days == -1 else f"expired {-days} days ago"
    elif days == 0:
        expected = "active, ends today"
    else:
        expected = "active, ends in 1 day" if days == 1 else f"active, ends in {days} days"
    assert text == expected
