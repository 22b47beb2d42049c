"""An advocate's own score, counted from their resolutions: this week and this month, each
against their own usual (the twelve weeks before) and week by week.

The figures carry the names the server's scorecard uses (``resolutions``,
``delighted_share``, ``all_five_steps_share``, ``remedy_cost_per_case_cents``…), and
are counted the same way (by the UTC day a case was resolved), so the team median from
the server sits beside the advocate's own figure, and the two agree when both are there.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, timedelta
from typing import TYPE_CHECKING

from .enums import Delight, RecoveryStep

if TYPE_CHECKING:
    from .records import Resolution

WEEK_DAYS = 7
MONTH_DAYS = 30
USUAL_WEEKS = 12
"""An advocate's usual is what they did in the twelve weeks before the period."""
TREND_WEEKS = 12
"""How many weeks (Monday to Sunday, the current one last) the trend shows."""

SHOWN_FIGURES = (
    "resolutions",
    "delighted_share",
    "all_five_steps_share",
    "remedy_cost_per_case_cents",
)
"""The figures the advocate's own scoreboard shows, in that order."""
COUNTS = frozenset({"resolutions", "delighted", "unhappy", "remedy_cost_cents"})
"""Figures that grow with the length of a period (the others are shares or averages)."""


@dataclass(frozen=True, slots=True)
class Scored:
    """What a score counts of one resolution."""

    day: date  # the UTC day it was resolved
    delight: Delight
    all_five_steps: bool
    cost_cents: int

    @classmethod
    def of(cls, resolution: Resolution) -> Scored:
        """The facts of ``resolution`` a score counts."""
        return cls(
            day=resolution.resolved_at.astimezone(UTC).date(),
            delight=resolution.delight,
            all_five_steps=set(resolution.steps) >= set(RecoveryStep),
            cost_cents=resolution.total_cost_cents,
        )


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


@dataclass(frozen=True, slots=True)
class Figures:
    """Counted resolutions of some days."""

    resolutions: int = 0
    delighted: int = 0
    unhappy: int = 0
    all_five_steps: int = 0
    remedy_cost_cents: int = 0

    @classmethod
    def of(cls, items: Iterable[Scored]) -> Figures:
        """The figures of ``items``."""
        counts = [0, 0, 0, 0, 0]
        for item in items:
            counts[0] += 1
            counts[1] += item.delight is Delight.DELIGHTED
            counts[2] += item.delight is Delight.UNHAPPY
            counts[3] += item.all_five_steps
            counts[4] += item.cost_cents
        return cls(*counts)

    @property
    def delighted_share(self) -> float | None:
        """Delighted customers of all resolved (None: nothing resolved)."""
        return _share(self.delighted, self.resolutions)

    @property
    def all_five_steps_share(self) -> float | None:
        """Resolutions that took all five steps, of all."""
        return _share(self.all_five_steps, self.resolutions)

    @property
    def remedy_cost_per_case_cents(self) -> int | None:
        """What putting a case right cost on average."""
        return round(self.remedy_cost_cents / self.resolutions) if self.resolutions else None

    def value(self, name: str) -> int | float | None:
        """A figure by the name the server's scorecard gives it."""
        return getattr(self, name)


@dataclass(frozen=True, slots=True)
class Days:
    """Whole UTC days, ``first`` to ``last``, both included."""

    first: date
    last: date

    @classmethod
    def ending(cls, last: date, days: int) -> Days:
        """The ``days`` days up to and including ``last``."""
        return cls(last - timedelta(days=days - 1), last)

    @property
    def count(self) -> int:
        """How many days."""
        return (self.last - self.first).days + 1

    def before(self, days: int) -> Days:
        """The ``days`` days just before these."""
        return Days.ending(self.first - timedelta(days=1), days)

    def holds(self, day: date) -> bool:
        """Whether ``day`` is one of these days."""
        return self.first <= day <= self.last


@dataclass(frozen=True, slots=True)
class PeriodScore:
    """A period's figures beside the advocate's usual for a period that long."""

    days: Days
    figures: Figures
    usual: Figures  # the USUAL_WEEKS weeks before ``days``
    usual_days: int = USUAL_WEEKS * WEEK_DAYS

    def usual_value(self, name: str) -> float | None:
        """The usual of a figure: counts scaled to this period's length, shares as they are."""
        if not self.usual.resolutions:
            return None
        value = self.usual.value(name)
        if value is not None and name in COUNTS:
            return value * self.days.count / self.usual_days
        return value


@dataclass(frozen=True, slots=True)
class WeekScore:
    """One Monday-to-Sunday week of the trend."""

    start: date
    figures: Figures


@dataclass(frozen=True, slots=True)
class MyScore:
    """The advocate's own week and month, their usual, and the weeks of the trend."""

    today: date
    week: PeriodScore
    month: PeriodScore
    weeks: list[WeekScore] = field(default_factory=list)


def first_day_needed(today: date) -> date:
    """The earliest day a score of ``today`` counts: read resolutions from it on."""
    month = Days.ending(today, MONTH_DAYS)
    trend_start = _monday(today) - timedelta(weeks=TREND_WEEKS - 1)
    return min(month.before(USUAL_WEEKS * WEEK_DAYS).first, trend_start)


def my_score(resolutions: Iterable[Resolution], today: date) -> MyScore:
    """The score of ``resolutions`` (one advocate's) as of ``today`` (UTC)."""
    items = [Scored.of(resolution) for resolution in resolutions]
    return MyScore(
        today=today,
        week=_period(items, Days.ending(today, WEEK_DAYS)),
        month=_period(items, Days.ending(today, MONTH_DAYS)),
        weeks=_weeks(items, today),
    )


def _period(items: list[Scored], days: Days) -> PeriodScore:
    before = days.before(USUAL_WEEKS * WEEK_DAYS)
    return PeriodScore(
        days=days,
        figures=Figures.of(item for item in items if days.holds(item.day)),
        usual=Figures.of(item for item in items if before.holds(item.day)),
    )


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _weeks(items: list[Scored], today: date) -> list[WeekScore]:
    first = _monday(today) - timedelta(weeks=TREND_WEEKS - 1)
    starts = [first + timedelta(weeks=number) for number in range(TREND_WEEKS)]
    return [
        WeekScore(
            start, Figures.of(i for i in items if Days(start, start + timedelta(6)).holds(i.day))
        )
        for start in starts
    ]
