"""Each advocate's day, summed in SQL from the report tables into ``report_days``.

A change marks the advocates' days it touches in ``report_dirty_days``: the (author, day)
its rows were on before and are on after (a record moved to another author or day marks
both). Before a report is computed, those advocates' days, and only those, are summed
again: one ``INSERT … SELECT`` over the kinds of records an advocate's day is made of,
each joined to the dirty days by an index on its author and time. Summing the whole day
for every advocate instead cost 12.5–16 ms and 3,000–4,300 blocks a catch-up with 100
advocates writing (bench_load), growing with the day's records; now 1.8–3.4 ms and about
800 blocks. Many days marked at once (a first fill) are summed as whole days.
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
    """Sum again every advocate's day marked dirty; how many there were. Only those, but
    for more than ``WHOLE_DAYS_FROM`` (a first catch-up, an import), whole days for
    everyone, in runs of days: the same sums, reading every row of those days once."""
    connection = session.connection()
    count = connection.execute(_HOW_MANY).scalar() or 0
    if count > WHOLE_DAYS_FROM:
        days = sorted(connection.execute(_DIRTY_DAYS).scalars())
        for first, last in _runs(days):
            connection.execute(_CLEAR_DAYS, {"first": first, "last": last})
            window = {"first_s": first * DAY, "end_s": (last + 1) * DAY}
            connection.execute(_summing(pairs=False), window)
    elif count:
        connection.execute(_CLEAR_PAIRS)
        connection.execute(_summing(pairs=True))
    if count:
        connection.execute(delete(_DIRTY_TABLE))
    return count


WHOLE_DAYS_FROM = 1_000
"""Advocates' days marked dirty above which whole days are summed again. (Seeding 5,000
customers marked a few thousand: one index range per advocate's day took 0.85 s where
whole days took 0.12 s; under steady writes a catch-up marks a few dozen.)"""
_DIRTY_TABLE = ReportDirtyDayRow.__table__
_HOW_MANY = select(func.count()).select_from(_DIRTY_TABLE)
_DIRTY_DAYS = select(_DIRTY_TABLE.c.day).distinct()
_DAYS = ReportDayRow.__table__
_CLEAR_PAIRS = delete(_DAYS).where(
    tuple_(_DAYS.c.day, _DAYS.c.author).in_(select(_DIRTY_TABLE.c.day, _DIRTY_TABLE.c.author))
)
_CLEAR_DAYS = delete(_DAYS).where(_DAYS.c.day.between(bindparam("first"), bindparam("last")))


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


def _on_days(query, row, time, pairs: bool) -> Any:
    """``query`` over ``row``'s table, kept to the advocates' days marked dirty (an index
    on the author and the time makes each a range of it), or to the days from
    ``first_s`` to ``end_s``."""
    if not pairs:
        return query.where(time >= bindparam("first_s"), time < bindparam("end_s"))
    dirty = _DIRTY_TABLE.c
    start = dirty.day.cast(BigInteger) * DAY
    on = and_(dirty.author == row.author, time >= start, time < start + DAY)
    return query.join(_DIRTY_TABLE, on)


def _day(time, pairs: bool) -> Any:
    return _DIRTY_TABLE.c.day if pairs else day_of(time)


@cache
def _summing(*, pairs: bool):
    """``INSERT INTO report_days SELECT …`` for the advocates' days marked dirty, or
    (not ``pairs``) for the days from ``first_s`` to ``end_s`` (built once: it is large,
    and SQLAlchemy then compiles it once)."""
    columns = ["author", "day", "author_id", "author_name", *DAY_SUMS]
    return insert(ReportDayRow.__table__).from_select(columns, _summed(pairs))


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


def _summed(pairs: bool):
    """The sums of each advocate's day marked dirty (``report_dirty_days``), or of every
    advocate's days from ``first_s`` to ``end_s`` (bound later)."""
    kinds = (_resolutions, _remedies, _follow_ups, _cards, _calls)
    parts = [kind(pairs) for kind in kinds]
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


def _resolutions(pairs: bool):
    r = ReportResolutionRow
    steps = {
        f"step_{step.value}": _flag(r.steps.op("&")(STEP_BITS[step.value]) != 0)
        for step in RecoveryStep
    }
    query = select(
        *_part(
            r,
            r.author_name,
            _day(r.resolved_s, pairs),
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
    )
    return _on_days(query, r, r.resolved_s, pairs)


def _remedies(pairs: bool):
    r, remedy = ReportResolutionRow, ReportRemedyRow
    costs = {
        f"remedy_cost_cents_{kind}": case((remedy.kind == kind, remedy.cost_cents), else_=0)
        for kind in _KINDS
    }
    query = select(*_part(r, null().cast(String), _day(r.resolved_s, pairs), **costs))
    return _on_days(query, r, r.resolved_s, pairs).join(
        remedy, remedy.resolution_id == r.resolution_id
    )


def _follow_ups(pairs: bool):
    f = ReportFollowUpRow
    done = f.status == FollowUpStatus.DONE.value
    query = select(
        *_part(
            f,
            f.author_name,
            _day(f.due_s, pairs),
            follow_ups_on_time=_flag(and_(done, f.completed_s <= f.due_s + ON_TIME)),
            follow_ups_late=_flag(and_(done, f.completed_s > f.due_s + ON_TIME)),
            follow_ups_open=_flag(f.status == FollowUpStatus.OPEN.value),
        )
    )
    return _on_days(query, f, f.due_s, pairs)


def _cards(pairs: bool):
    card = ReportCardRow
    sent = card.state.in_([CardState.PRINTED.value, CardState.MAILED.value])
    query = select(
        *_part(
            card,
            card.author_name,
            _day(card.created_s, pairs),
            cards_sent=literal(1, BigInteger),
            gift_value_cents=card.gift_value_cents,
        )
    ).where(sent)
    return _on_days(query, card, card.created_s, pairs)


def _calls(pairs: bool):
    call = ReportCallRow
    call_day = _day(call.started_s, pairs)
    query = select(
        *_part(
            call,
            func.max(call.author_name),
            call_day,
            # A conference: a case's call on a day, with someone brought into it.
            conferences_held=func.count(distinct(call.case_id)),
            people_brought_in=func.count(),
        )
    ).where(call.outcome == CallOutcome.CONNECTED.value)
    return _on_days(query, call, call.started_s, pairs).group_by(
        call.author, call.author_id, call_day
    )
