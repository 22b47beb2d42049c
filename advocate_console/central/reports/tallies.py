"""What each advocate did in a period: their days (``report_days``) added up in SQL.

Two queries serve a scorecard or the team: the sums per advocate (for the figures, the
team table and the medians) and per week (the team's, or one advocate's). Shares are
taken from the sums afterwards (see ``figures``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cache

from sqlalchemy import BigInteger, Integer, bindparam, case, func, select
from sqlalchemy.orm import Session

from advocate_console.domain import CallOutcome

from .models import DAY_SUMS, ReportCallRow, ReportDayRow, ReportResourceRow
from .period import DAY, Period

Sums = dict[str, int]
"""Named sums: those of ``SUMS``."""
SUMS = tuple("follow_ups_missed" if name == "follow_ups_open" else name for name in DAY_SUMS)
"""What a tally holds: a day's sums, with the follow-ups still open counted as missed
once the day after they were due is over."""


def empty() -> Sums:
    """Sums of nothing."""
    return dict.fromkeys(SUMS, 0)


@dataclass
class TeamSums:
    """Each author's sums, user id (None: an old record's name no user has) and name,
    and the sums of each week."""

    authors: dict[str, Sums] = field(default_factory=dict)
    ids: dict[str, str | None] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)
    weeks: dict[int, Sums] = field(default_factory=dict)


def _day(day: date) -> int:
    return Period(day, day).start_s // DAY


def _sums() -> list:
    days = ReportDayRow.__table__.c
    # Open after the whole day after the one it was due (``missed_by``: two days ago).
    missed_by = bindparam("missed_by", type_=Integer)
    return [
        func.sum(
            case((days.day <= missed_by, days.follow_ups_open), else_=0)
            if name == "follow_ups_open"
            else days[name]
        ).cast(BigInteger)
        for name in DAY_SUMS
    ]


def _named(values) -> Sums:
    return dict(zip(SUMS, (int(value or 0) for value in values), strict=True))


_IN_PERIOD = ReportDayRow.__table__.c.day.between(
    bindparam("first_day", type_=Integer), bindparam("last_day", type_=Integer)
)


@cache
def _by_author():
    """Every author's sums in the period (built once: 40 sums of a CASE each cost more
    to build than the query takes to run)."""
    days = ReportDayRow.__table__.c
    return (
        select(days.author, days.author_id, func.max(days.author_name), *_sums())
        .where(_IN_PERIOD)
        .group_by(days.author, days.author_id)
    )


@cache
def _by_week(one_author: bool):
    """The sums of each week of the period: the team's, or one ``author``'s."""
    days = ReportDayRow.__table__.c
    week = ((days.day - bindparam("monday", type_=Integer)) // 7).label("week")
    query = select(week, *_sums()).where(_IN_PERIOD).group_by(week)
    return query.where(days.author == bindparam("author")) if one_author else query


@cache
def _by_one_author():
    """One ``author``'s sums in the period (built once)."""
    author = ReportDayRow.__table__.c.author == bindparam("author")
    return select(*_sums()).where(_IN_PERIOD, author)


def _values(period: Period, today: date, author: str | None) -> dict:
    return {
        "first_day": _day(period.first),
        "last_day": _day(period.last),
        "missed_by": _day(today) - 2,
        "monday": _day(period.first_monday),
        "author": author,
    }


def tally_author(
    session: Session, period: Period, today: date, author: str
) -> tuple[Sums, dict[int, Sums]]:
    """One ``author``'s sums for ``period`` and their weeks (as ``tally_team`` gives them)."""
    values = _values(period, today, author)
    connection = session.connection()
    sums = _named(connection.execute(_by_one_author(), values).one())
    weeks = connection.execute(_by_week(True), values)
    return sums, {number: _named(week) for number, *week in weeks}


def tally_team(session: Session, period: Period, today: date, weeks_of: str | None) -> TeamSums:
    """Every author's sums for ``period``, and its weeks (week 0 starts on
    ``period.first_monday``): the team's, or only ``weeks_of``'s when given."""
    values = _values(period, today, weeks_of)
    team = TeamSums()
    connection = session.connection()
    for author, author_id, name, *sums in connection.execute(_by_author(), values):
        team.authors[author] = _named(sums)
        team.ids[author] = author_id
        team.names[author] = name or author
    weeks = connection.execute(_by_week(weeks_of is not None), values)
    team.weeks = {number: _named(sums) for number, *sums in weeks}
    return team


def author_sums(session: Session, period: Period, today: date) -> dict[str, Sums]:
    """Every author's sums for ``period`` (``tally_team``'s, without the weeks)."""
    rows = session.connection().execute(_by_author(), _values(period, today, None))
    return {author: _named(sums) for author, _author_id, _name, *sums in rows}


def brought_in_by(session: Session, period: Period, author: str) -> list[tuple[str, str, int]]:
    """Whom ``author`` brought into calls in the period (resource id, name, times)."""
    values = {"author": author, "start_s": period.start_s, "end_s": period.end_s}
    return [tuple(row) for row in session.connection().execute(_brought_in(), values)]


@cache
def _brought_in():
    """Whom one ``author`` brought into calls from ``start_s`` to ``end_s`` (built once)."""
    call, resource = ReportCallRow, ReportResourceRow
    times = func.count().label("times")
    return (
        select(call.resource_id, func.coalesce(func.max(resource.name), ""), times)
        .outerjoin(resource, resource.resource_id == call.resource_id)
        .where(
            call.author == bindparam("author"),
            call.started_s >= bindparam("start_s", type_=Integer),
            call.started_s < bindparam("end_s", type_=Integer),
            call.outcome == CallOutcome.CONNECTED.value,
        )
        .group_by(call.resource_id)
        .order_by(times.desc(), func.max(resource.name))
    )
