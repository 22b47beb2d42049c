"""A call back is offered for the next working morning, never for 23:00 nor a Sunday (seen
in a walk: a resolution saved at night offered "Fri 4 Dec 23:00", and "no answer: call
again" offered now + 24 hours)."""

from __future__ import annotations

import os
import time
from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from advocate_console.domain.follow_up_calls import CALL_BACK_HOUR, next_working_morning


@pytest.fixture(autouse=True)
def in_new_york():
    """The computer's clock in New York, so "morning" is a real local time."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = "America/New_York"
    time.tzset()
    yield
    if before is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = before
    time.tzset()


@pytest.mark.parametrize(
    "now, expected",
    [
        ("2026-12-03T04:30:00+00:00", "2026-12-03T10:00:00-05:00"),  # Wed 23:30 there → Thu
        ("2026-12-03T15:00:00+00:00", "2026-12-04T10:00:00-05:00"),  # Thu afternoon → Fri
        ("2026-12-04T22:00:00+00:00", "2026-12-07T10:00:00-05:00"),  # Fri evening → Mon
        ("2026-12-05T15:00:00+00:00", "2026-12-07T10:00:00-05:00"),  # Saturday → Mon
        ("2026-03-07T15:00:00+00:00", "2026-03-09T10:00:00-04:00"),  # over the clocks' change
    ],
)
def test_the_next_working_morning(now, expected):
    assert next_working_morning(datetime.fromisoformat(now)) == datetime.fromisoformat(expected)


@given(st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2090, 1, 1)))
def test_always_a_weekday_morning_within_three_days(naive):
    now = naive.replace(tzinfo=UTC)
    due = next_working_morning(now)
    assert due > now and (due - now).days <= 3
    assert due.weekday() < 5 and (due.hour, due.minute) == (CALL_BACK_HOUR, 0)
