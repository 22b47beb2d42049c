"""The team's medians on a scorecard, worked out once for each state of the report tables.

Every scorecard shows the team's medians: every author's sums for the period, each
made into figures, then the median of each figure. With a thousand advocates that was
half a scorecard's time (bench_load, py-spy: the query over every author, then the
figures of each), the same for every scorecard asked between two catch-ups of the
tables. Kept per database by the tables' cursor, the period and the day (the missed
follow-ups count from it): the medians a scorecard shows are those of the tables it
read, as before. After each catch-up the report keeper works out those of the default
period (the last 30 days) ahead, while scorecards are being asked for, so that the
scorecards after it find them kept instead of half of them working them out.
"""

from __future__ import annotations

import threading
import time
from datetime import date
from typing import NamedTuple

from advocate_console.api.reports import Figure
from advocate_console.central.core.clock import utc_now
from advocate_console.central.core.database import Database

from .figures import figures_of, medians
from .period import Period, period_of
from .tallies import author_sums

_KEY = "team_medians"
_AT_MOST = 16
"""States kept per database (a few cursors of the periods asked for)."""
_LOCK = threading.Lock()
_ASKED = "team_medians_asked"
LATELY = 60.0
"""Seconds after a scorecard during which the keeper works the medians out ahead."""


class Team(NamedTuple):
    """The team's medians and how many advocates they are over."""

    medians: dict[str, Figure]
    size: int


def kept(db: Database, cursor: int | None, period: Period, today: date) -> Team | None:
    """The team for the tables at ``cursor``, if worked out before (never for None).
    Also notes that a scorecard was asked for now: ``prepare`` works ahead only then."""
    db.info[_ASKED] = time.monotonic()
    if cursor is None:
        return None
    return db.info.get(_KEY, {}).get((cursor, period, today))


def work_out(db: Database, cursor: int, period: Period, today: date, sums: dict) -> Team:
    """The team from every author's ``sums``, kept for the tables at ``cursor``."""
    everyone = [figures_of(author) for author in sums.values()]
    team = Team(medians(everyone), len(everyone))
    keep(db, cursor, period, today, team)
    return team


def prepare(db: Database, cursor: int) -> None:
    """Work out ahead the team of the default period for the tables at ``cursor`` (or
    later), when scorecards were asked for lately (the report keeper, after a catch-up:
    so that the scorecards after it find the medians kept)."""
    asked = db.info.get(_ASKED)
    if asked is None or time.monotonic() - asked > LATELY:
        return
    period, today = period_of(None, None), utc_now().date()
    if db.info.get(_KEY, {}).get((cursor, period, today)) is None:
        with db.read() as session:
            sums = author_sums(session, period, today)
        work_out(db, cursor, period, today, sums)


def keep(db: Database, cursor: int | None, period: Period, today: date, team: Team) -> None:
    """Keep ``team`` as the tables at ``cursor`` (or later: never earlier) give it."""
    if cursor is None:
        return
    with _LOCK:
        teams: dict = db.info.setdefault(_KEY, {})
        if len(teams) >= _AT_MOST:
            teams.clear()  # (older cursors are not asked for again)
        teams[(cursor, period, today)] = team
