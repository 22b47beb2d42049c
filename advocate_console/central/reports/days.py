"""Each advocate's day, summed in SQL from the report tables into ``report_days``.

A change marks the advocates' days it touches in ``report_dirty_days``: the (author, day)
its rows were on before and are on after (a record moved to another author or day marks
both). Before a report is computed, those advocates' days, and only those, are summed
again: one ``INSERT … SELECT`` over the kinds of records an advocate's day is made of,
each joined to the dirty days by an index on its author and time. Summing the whole day
for every advocate instead cost 11 ms and 3,000–4,000 blocks a catch-up with 100
advocates writing (bench_load), growing with the day's records.
"""

from __future__ import annotations

from collections.abc import Iterable
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
    tuple_,
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


def mark_dirty(session: Session, days: Iterable[tuple[str | None, int | None]]) -> None:
    """Note that these advocates' days, (author, day) as ``report_days`` keys them, must
    be summed again (in the caller's transaction). Rows without an author are on no
    advocate's day: ignored."""
    wanted = sorted(
        {(day, author) for author, day in days if author is not None and day is not None}
    )
    connection = session.connection()
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start : start + _CHUNK]
        on_days = sorted({day for day, _author in chunk})
        known = set(map(tuple, connection.execute(_KNOWN_DIRTY, {"days": on_days})))
        fresh = [
            {"day": day, "author": author} for day, author in chunk if (day, author) not in known
        ]
        if fresh:
            connection.execute(_DIRTY, fresh)


_DIRTY = insert(ReportDirtyDayRow.__table__)
_KNOWN_DIRTY = select(ReportDirtyDayRow.day, ReportDirtyDayRow.author).where(
    ReportDirtyDayRow.day.in_(bindparam("days", expanding=True))
)


def sum_dirty_days(session: Session) -> int:
    """Sum again every advocate's day marked dirty, and only those; how many that was."""
    connection = session.connection()
    if not connection.execute(_ANY_DIRTY).scalar():
        return 0
    connection.execute(_CLEAR)
    connection.execute(_summing())
    return connection.execute(delete(ReportDirtyDayRow.__table__)).rowcount


_DIRTY_TABLE = ReportDirtyDayRow.__table__
_ANY_DIRTY = select(_DIRTY_TABLE.c.day).limit(1).exists().select()
_CLEAR = delete(ReportDayRow.__table__).where(
    tuple_(ReportDayRow.__table__.c.day, ReportDayRow.__table__.c.author).in_(
        select(_DIRTY_TABLE.c.day, _DIRTY_TABLE.c.author)
    )
)


def _on_dirty_day(author, time) -> Any:
    """Join condition: the row is on an advocate's day marked dirty (an index on the
    author and the time makes it a range of that index per dirty day)."""
    dirty = _DIRTY_TABLE.c
    start = dirty.day.cast(BigInteger) * DAY
    return and_(dirty.author == author, time >= start, time < start + DAY)


@cache
def _summing():
    """``INSERT INTO report_days SELECT …`` for the advocates' days marked dirty (built
    once: it is large, and SQLAlchemy then compiles it once)."""
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


def _summed():
    """The sums of each advocate's day marked dirty (``report_dirty_days``)."""
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
            _DIRTY_TABLE.c.day,
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
    ).join_from(r, _DIRTY_TABLE, _on_dirty_day(r.author, r.resolved_s))


def _remedies():
    r, remedy = ReportResolutionRow, ReportRemedyRow
    costs = {
        f"remedy_cost_cents_{kind}": case((remedy.kind == kind, remedy.cost_cents), else_=0)
        for kind in _KINDS
    }
    return (
        select(*_part(r, null().cast(String), _DIRTY_TABLE.c.day, **costs))
        .join_from(r, _DIRTY_TABLE, _on_dirty_day(r.author, r.resolved_s))
        .join(remedy, remedy.resolution_id == r.resolution_id)
    )


def _follow_ups():
    f = ReportFollowUpRow
    done = f.status == FollowUpStatus.DONE.value
    return select(
        *_part(
            f,
            f.author_name,
            _DIRTY_TABLE.c.day,
            follow_ups_on_time=_flag(and_(done, f.completed_s <= f.due_s + ON_TIME)),
            follow_ups_late=_flag(and_(done, f.completed_s > f.due_s + ON_TIME)),
            follow_ups_open=_flag(f.status == FollowUpStatus.OPEN.value),
        )
    ).join_from(f, _DIRTY_TABLE, _on_dirty_day(f.author, f.due_s))


def _cards():
    card = ReportCardRow
    sent = card.state.in_([CardState.PRINTED.value, CardState.MAILED.value])
    return (
        select(
            *_part(
                card,
                card.author_name,
                _DIRTY_TABLE.c.day,
                cards_sent=literal(1, BigInteger),
                gift_value_cents=card.gift_value_cents,
            )
        )
        .join_from(card, _DIRTY_TABLE, _on_dirty_day(card.author, card.created_s))
        .where(sent)
    )


def _calls():
    call = ReportCallRow
    call_day = _DIRTY_TABLE.c.day
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
        .join_from(call, _DIRTY_TABLE, _on_dirty_day(call.author, call.started_s))
        .where(call.outcome == CallOutcome.CONNECTED.value)
        .group_by(call.author, call.author_id, call_day)
    )
