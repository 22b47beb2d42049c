"""Days and times of the demo: all relative to ``today``, all in UTC."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta


def add_years(day: date, years: int) -> date:
    """``day`` so many years later (28 February for a 29 February that does not exist)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def at(day: date, hour: int, minute: int = 0) -> datetime:
    """``hour``:``minute`` UTC on ``day``."""
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=UTC)


def this_morning(today: date) -> datetime:
    """13:10 UTC on ``today`` (this morning, US time); when ``today`` is today and that is
    still to come, a few minutes ago (a call that has not happened yet would top every
    timeline), never before ``today`` began."""
    recently = datetime.now(UTC) - timedelta(minutes=5)
    return min(at(today, 13, 10), max(recently, at(today, 0, 0)))


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def month(day: date) -> str:
    """ "Mar 2024": the month and year of ``day``."""
    # Not strftime: month names must not follow the machine's locale.
    return f"{_MONTHS[day.month - 1]} {day.year}"
