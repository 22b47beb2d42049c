"""The period a report covers: whole days in UTC, ``from`` and ``to`` both included."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import NamedTuple

from advocate_console.central.core.clock import utc_now
from advocate_console.central.core.errors import ApiError

DEFAULT_DAYS = 30
MAX_DAYS = 5 * 366
"""The longest period a report covers (five years)."""
EARLIEST, LATEST = date(1970, 1, 1), date(2999, 12, 31)
DAY = 86_400
WEEK = 7 * DAY


def _seconds(day: date) -> int:
    return int(datetime(day.year, day.month, day.day, tzinfo=UTC).timestamp())


class Period(NamedTuple):
    """From the start of ``first`` to the end of ``last`` (UTC)."""

    first: date
    last: date

    @property
    def start_s(self) -> int:
        """The first second of the period."""
        return _seconds(self.first)

    @property
    def end_s(self) -> int:
        """The first second after the period."""
        return _seconds(self.last + timedelta(days=1))

    @property
    def first_monday(self) -> date:
        """The Monday of the week the period starts in: weeks are counted from it."""
        return self.first - timedelta(days=self.first.weekday())

    def week_start(self, week: int) -> date:
        """The Monday that begins week number ``week`` of the period (0 is the first)."""
        return self.first_monday + timedelta(weeks=week)

    def weeks(self) -> list[date]:
        """The Mondays of every week the period touches, in order."""
        count = (self.last - self.first_monday).days // 7 + 1
        return [self.week_start(week) for week in range(count)]


def period_of(first: date | None, last: date | None) -> Period:
    """The period asked for; the last 30 days up to today when not given. 422 if impossible."""
    for name, day in (("from", first), ("to", last)):
        if day is not None and not EARLIEST <= day <= LATEST:
            raise ApiError(
                422,
                f"The {name} date ({day}) is outside the years a report can cover"
                f" ({EARLIEST.year}–{LATEST.year}).",
                problems=[(name, f"must be between {EARLIEST} and {LATEST}")],
            )
    last = last or utc_now().date()
    first = first or last - timedelta(days=DEFAULT_DAYS - 1)
    if first > last:
        raise ApiError(
            422,
            f"The period is empty: from ({first}) comes after to ({last}).",
            problems=[("from", "must not come after to")],
        )
    if (last - first).days + 1 > MAX_DAYS:
        raise ApiError(
            422,
            f"A report covers at most {MAX_DAYS} days; ask for a shorter period.",
            problems=[("to", f"must be within {MAX_DAYS} days of from")],
        )
    return Period(first, last)
