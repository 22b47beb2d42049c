"""The team's medians on a scorecard, worked out once for each state of the report tables.

Every scorecard shows the team's medians: every author's sums for the period, each
made into figures, then the median of each figure. With a thousand advocates that was
half a scorecard's time (bench_load, py-spy: the query over every author, then the
figures of each), the same for every scorecard asked between two catch-ups of the
tables. Kept per database by the tables' cursor, the period and the day (the missed
follow-ups count from it): the medians a scorecard shows are those of the tables it
read, as before.
"""

from __future__ import annotations

import threading
from datetime import date
from typing import NamedTuple

from advocate_console.api.reports import Figure
from advocate_console.central.core.database import Database

from .period import Period

_KEY = "team_medians"
_AT_MOST = 16
"""States kept per database (a few cursors of the periods asked for)."""
_LOCK = threading.Lock()


class Team(NamedTuple):
    """The team's medians and how many advocates they are over."""

    medians: dict[str, Figure]
    size: int


def kept(db: Database, cursor: int | None, period: Period, today: date) -> Team | None:
    """The team for the tables at ``cursor``, if worked out before (never for None)."""
    if cursor is None:
        return None
    return db.info.get(_KEY, {}).get((cursor, period, today))


def keep(db: Database, cursor: int | None, period: Period, today: date, team: Team) -> None:
    """Keep ``team`` as the tables at ``cursor`` (or later: never earlier) give it."""
    if cursor is None:
        return
    with _LOCK:
        teams: dict = db.info.setdefault(_KEY, {})
        if len(teams) >= _AT_MOST:
            teams.clear()  # (older cursors are not asked for again)
        teams[(cursor, period, today)] = team
