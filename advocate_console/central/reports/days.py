"""Each advocate's day, summed in SQL from the report tables into ``report_days``.

A change marks the days it touches (before and after) in ``report_dirty_days``; before
a report is computed, those days are summed again, in runs of consecutive days: one
``INSERT … SELECT`` over the four kinds of records an advocate's day is made of.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache
from typing import Any

from sqlalchemy import (
    BigInteger,
    Integer,
    String,
    and_,
    bindparam,
    case,
    delete,
    distinct,
    func,
    insert,
    literal,
    null,
    select,
    union_all,
)
from sqlalchemy.orm import Session

from advocate_console.domain import CallOutcome, CardState, Delight, FollowUpStatus, RecoveryStep

from .models import (
    DAY_SUMS,
    ReportCallRow,
    ReportCardRow,
    ReportDayRow,
    ReportDirtyDayRow,
    ReportFollowUpRow,
    ReportRemedyRow,
    ReportResolutionRow,
)
from .period import DAY
from .projection import ALL_STEPS, STEP_BITS

ON_TIME = DAY
"""A follow-up done within a day of when it was due was kept on time."""
_CHUNK = 500
_KINDS = [name.removeprefix("remedy_cost_cents_") for name in DAY_SUMS if "_cents_" in name]


def day_of(column) -> Any:
    """The day (since 1970) of a time in seconds."""
    return column // DAY


def mark_dirty(session: Session, days: Iterable[int]) -> None:
    """Note that ``days`` must be summed again (in the caller's transaction)."""
    wanted = sorted({day for day in days if day is not None})
    connection = session.connection()
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start : start + _CHUNK]
        known = set(connection.execute(_KNOWN_DIRTY, {"days": chunk}).scalars())
        fresh = [{"day": day} for day in chunk if day not in known]
        if fresh:
            connection.execute(_DIRTY, fresh)


_DIRTY = insert(ReportDirtyDayRow.__table__)
_KNOWN_DIRTY = select(ReportDirtyDayRow.day).where(
    ReportDirtyDayRow.day.in_(bindparam("days", expanding=True))
)


def sum_dirty_days(session: Session) -> int:
    """Sum again every day marked dirty; how many days that was."""
    dirty = ReportDirtyDayRow.__table__
    connection = session.connection()
    days = sorted(connection.execute(select(dirty.c.day)).scalars())
    for first, last in _runs(days):
        connection.execute(_CLEAR, {"first": first, "last": last})
        connection.execute(_summing(), {"first_s": first * DAY, "end_s": (last + 1) * DAY})
    connection.execute(delete(dirty))
    return len(days)


def _runs(days: list[int], gap: int = 31) -> Iterator[tuple[int, int]]:
    """The days as (first, last) runs, bridging gaps of up to ``gap`` days (summing a
    clean day again costs less than another statement)."""
    start = previous = None
    for day in days:
        if previous is not None and day > previous + gap:
            yield start, previous
            start = None
        start = day if start is None else start
        previous = day
    if start is not None:
        yield start, previous


_CLEAR = delete(ReportDayRow.__table__).where(
    ReportDayRow.__table__.c.day.between(bindparam("first"), bindparam("last"))
)


@cache
def _summing():
    """``INSERT INTO report_days SELECT …`` for the days from ``first_s`` to ``end_s``
    (built once: it is large, and SQLAlchemy then compiles it once)."""
    columns = ["author", "day", "author_id", "author_name", *DAY_SUMS]
    return insert(ReportDayRow.__table__).from_select(columns, _summed())


def _flag(condition) -> Any:
    return case((condition, 1), else_=0)


def _part(row, author_name, day, **sums) -> Any:
    """One SELECT of the union: every column of ``report_days`` (the author's from
    ``row``'s table), zero where not given."""
    columns = [
        row.author.label("author"),
        day.label("day"),
        row.author_id.label("author_id"),
        author_name.label("author_name"),
    ]
    columns += [
        (sums[name] if name in sums else literal(0, BigInteger)).label(name) for name in DAY_SUMS
    ]
    return columns


def _within(column):
    return and_(column >= bindparam("first_s"), column < bindparam("end_s"))


def _summed():
    """Every advocate's sums for each day from ``first_s`` to ``end_s`` (bound later)."""
    parts = (_resolutions(), _remedies(), _follow_ups(), _cards(), _calls())
    union = union_all(*parts).subquery()
    return (
        select(
            union.c.author,
            union.c.day.cast(Integer),
            union.c.author_id,  # one per author key (see ``authorship``)
            func.max(union.c.author_name),
            *(func.sum(union.c[name]).cast(BigInteger) for name in DAY_SUMS),
        )
        .where(union.c.author.is_not(None))
        .group_by(union.c.author, union.c.day, union.c.author_id)
    )


def _resolutions():
    r = ReportResolutionRow
    steps = {
        f"step_{step.value}": _flag(r.steps.op("&")(STEP_BITS[step.value]) != 0)
        for step in RecoveryStep
    }
    return select(
        *_part(
            r,
            r.author_name,
            day_of(r.resolved_s),
            resolutions=literal(1, BigInteger),
            **{delight.value: _flag(r.delight == delight.value) for delight in Delight},
            all_five_steps=_flag(r.steps == ALL_STEPS),
            **steps,
            remedy_cost_cents=r.remedy_cost_cents,
            lifetime_value_cents=func.coalesce(r.lifetime_value_cents, 0),
            came_back=_flag(r.came_back.is_(True)),
            suggestions_accepted=r.suggestions_accepted,
            suggestions_dismissed=r.suggestions_dismissed,
            suggestion_accepted=_flag(r.suggestions_accepted > 0),
        )
    ).where(_within(r.resolved_s))


def _remedies():
    r, remedy = ReportResolutionRow, ReportRemedyRow
    costs = {
        f"remedy_cost_cents_{kind}": case((remedy.kind == kind, remedy.cost_cents), else_=0)
        for kind in _KINDS
    }
    return (
        select(*_part(r, null().cast(String), day_of(r.resolved_s), **costs))
        .join(remedy, remedy.resolution_id == r.resolution_id)
        .where(_within(r.resolved_s))
    )


def _follow_ups():
    f = ReportFollowUpRow
    done = f.status == FollowUpStatus.DONE.value
    return select(
        *_part(
            f,
            f.author_name,
            day_of(f.due_s),
            follow_ups_on_time=_flag(and_(done, f.completed_s <= f.due_s + ON_TIME)),
            follow_ups_late=_flag(and_(done, f.completed_s > f.due_s + ON_TIME)),
            follow_ups_open=_flag(f.status == FollowUpStatus.OPEN.value),
        )
    ).where(_within(f.due_s))


def _cards():
    card = ReportCardRow
    sent = card.state.in_([CardState.PRINTED.value, CardState.MAILED.value])
    return select(
        *_part(
            card,
            card.author_name,
            day_of(card.created_s),
            cards_sent=literal(1, BigInteger),
            gift_value_cents=card.gift_value_cents,
        )
    ).where(_within(card.created_s), sent)


def _calls():
    call = ReportCallRow
    call_day = day_of(call.started_s)
    return (
        select(
            *_part(
                call,
                func.max(call.author_name),
                call_day,
                # A conference: a case's call on a day, with someone brought into it.
                conferences_held=func.count(distinct(call.case_id)),
                people_brought_in=func.count(),
            )
        )
        .where(_within(call.started_s), call.outcome == CallOutcome.CONNECTED.value)
        .group_by(call.author, call.author_id, call_day)
    )
