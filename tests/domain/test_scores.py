"""The advocate's own score, counted by hand on a few resolutions."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from advocate_console.domain import RecoveryStep, Remedy
from advocate_console.domain.scores import first_day_needed, my_score
from tests import factories as make

TODAY = date(2026, 11, 25)  # a Wednesday


def resolved(days_ago: int, delight: str = "delighted", cost: int = 10_000, steps=None):
    """A resolution ``days_ago`` days before TODAY, at noon UTC."""
    case = make.case(make.customer())
    at = datetime(TODAY.year, TODAY.month, TODAY.day, 12, tzinfo=UTC) - timedelta(days=days_ago)
    return make.resolution(
        case,
        resolved_at=at,
        delight=delight,
        remedies=[Remedy(kind="account_credit", cost_cents=cost)],
        steps=list(RecoveryStep) if steps is None else steps,
    )


def test_week_and_month_count_their_own_days_only():
    score = my_score(
        [
            resolved(0),  # today: week and month
            resolved(
                6, "unhappy", cost=30_000, steps=[RecoveryStep.EMPATHIZED]
            ),  # week's first day
            resolved(7, "satisfied"),  # month only
            resolved(29),  # the month's first day
            resolved(30),  # before the month: its usual
        ],
        TODAY,
    )
    week, month = score.week.figures, score.month.figures
    assert (week.resolutions, week.delighted, week.unhappy) == (2, 1, 1)
    assert week.delighted_share == pytest.approx(0.5)
    assert week.all_five_steps_share == pytest.approx(0.5)
    assert week.remedy_cost_per_case_cents == 20_000
    assert (month.resolutions, month.delighted) == (4, 2)
    assert month.remedy_cost_cents == 60_000
    assert score.week.days.first == date(2026, 11, 19)
    assert score.month.days.first == date(2026, 10, 27)


def test_the_usual_is_the_twelve_weeks_before_scaled_to_the_period():
    before_week = [resolved(days) for days in range(7, 7 + 84, 7)]  # 12, one a week
    unhappy = [resolved(8, "unhappy"), resolved(9, "unhappy")]
    score = my_score([*before_week, *unhappy, resolved(7 + 84)], TODAY)  # the last: too old
    assert score.week.usual.resolutions == 14
    assert score.week.usual_value("resolutions") == pytest.approx(14 * 7 / 84)
    assert score.week.usual_value("delighted_share") == pytest.approx(12 / 14)
    assert score.week.figures.resolutions == 0
    assert score.week.figures.delighted_share is None  # nothing resolved: no share


def test_no_usual_without_resolutions_before():
    score = my_score([resolved(1)], TODAY)
    assert score.month.usual_value("resolutions") is None


def test_the_trend_is_twelve_monday_weeks_ending_with_this_one():
    score = my_score([resolved(0), resolved(2), resolved(3), resolved(80)], TODAY)
    starts = [week.start for week in score.weeks]
    assert len(starts) == 12 and starts[-1] == date(2026, 11, 23)
    assert all(start.weekday() == 0 for start in starts)
    # Monday 23rd to today: 0 and 2 days ago; Sunday the 22nd falls in the week before.
    assert [week.figures.resolutions for week in score.weeks[-2:]] == [1, 2]
    assert sum(week.figures.resolutions for week in score.weeks) == 3  # 80 days ago: too old
    assert first_day_needed(TODAY) <= min(starts)
