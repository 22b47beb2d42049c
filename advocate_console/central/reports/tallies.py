"""Counting, in SQL, what each advocate did in a period: the sums a scorecard is made of.

Every query groups by author (and the resolutions also by week), so one pass serves an
advocate's own scorecard, the team medians beside it and the team table. What comes
back are sums, which add up across weeks and authors exactly; shares are taken from
them afterwards (see ``figures``).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from uuid import UUID

from sqlalchemy import and_, case, distinct, exists, func, or_, select
from sqlalchemy.orm import Session, aliased

from advocate_console.domain import CallOutcome, CardState, Delight, FollowUpStatus, RecoveryStep

from .models import (
    ReportCallRow,
    ReportCardRow,
    ReportCaseRow,
    ReportCustomerRow,
    ReportFollowUpRow,
    ReportRemedyRow,
    ReportResolutionRow,
    ReportResourceRow,
)
from .period import DAY, WEEK, Period
from .projection import ALL_STEPS, STEP_BITS

REPEAT_WINDOW = 30 * DAY
"""A customer back about the same product within this long after a resolution is a
repeat contact: the case was not resolved at the first contact."""
ON_TIME = DAY
"""A follow-up done within a day of when it was due was kept on time."""


@dataclass
class ResolutionSums:
    """Sums over a set of resolutions (one author's, one week's, or both)."""

    resolutions: int = 0
    delight: dict[str, int] = field(default_factory=dict)
    all_five_steps: int = 0
    steps: dict[str, int] = field(default_factory=dict)
    remedy_cost_cents: int = 0
    repeat_contacts: int = 0

    def add(self, other: ResolutionSums) -> None:
        """Add ``other``'s sums to these."""
        self.resolutions += other.resolutions
        self.all_five_steps += other.all_five_steps
        self.remedy_cost_cents += other.remedy_cost_cents
        self.repeat_contacts += other.repeat_contacts
        for name, count in other.delight.items():
            self.delight[name] = self.delight.get(name, 0) + count
        for name, count in other.steps.items():
            self.steps[name] = self.steps.get(name, 0) + count


@dataclass
class AuthorSums:
    """Everything counted for one author in the period."""

    name: str | None = None
    resolved: ResolutionSums = field(default_factory=ResolutionSums)
    remedy_cost_by_kind: dict[str, int] = field(default_factory=dict)
    lifetime_value_cents: int = 0  # of the distinct customers whose cases they resolved
    follow_ups: dict[str, int] = field(default_factory=dict)  # on_time, late, missed
    cards_sent: int = 0
    gift_value_cents: int = 0
    conferences_held: int = 0
    people_brought_in: int = 0


@dataclass
class TeamSums:
    """Each author's sums, and the whole team's resolutions per week."""

    authors: dict[str, AuthorSums] = field(default_factory=lambda: defaultdict(AuthorSums))
    weeks: dict[int, ResolutionSums] = field(default_factory=lambda: defaultdict(ResolutionSums))
    author_weeks: dict[tuple[str, int], ResolutionSums] = field(default_factory=dict)


def _count(condition) -> object:
    return func.sum(case((condition, 1), else_=0))


def tally_team(session: Session, period: Period, now_s: int) -> TeamSums:
    """Every author's sums for ``period`` (``now_s``: what "missed" is measured against)."""
    sums = TeamSums()
    _resolutions(session, period, sums)
    _remedies(session, period, sums)
    _lifetime_values(session, period, sums)
    _follow_ups(session, period, now_s, sums)
    _cards(session, period, sums)
    _calls(session, period, sums)
    return sums


def _in_period(column, period: Period):
    return and_(column >= period.start_s, column < period.end_s)


def repeat_contact(resolution=ReportResolutionRow, resolved_case=ReportCaseRow):
    """True when the customer came back about the same product (a model; for a case about
    no product, the same category) within ``REPEAT_WINDOW`` of the resolution."""
    later = aliased(ReportCaseRow)
    same_thing = or_(
        later.model_number == resolved_case.model_number,
        and_(
            resolved_case.model_number.is_(None),
            later.model_number.is_(None),
            later.category == resolved_case.category,
        ),
    )
    return exists().where(
        later.customer_id == resolved_case.customer_id,
        later.opened_s > resolution.resolved_s,
        later.opened_s <= resolution.resolved_s + REPEAT_WINDOW,
        later.case_id != resolved_case.case_id,
        same_thing,
    )


def _resolutions(session: Session, period: Period, sums: TeamSums) -> None:
    r, c = ReportResolutionRow, ReportCaseRow
    first_monday = Period(period.first_monday, period.first_monday).start_s
    week = ((r.resolved_s - first_monday) // WEEK).label("week")
    delights = [_count(r.delight == delight.value) for delight in Delight]
    steps = [_count(r.steps.op("&")(STEP_BITS[step.value]) != 0) for step in RecoveryStep]
    query = (
        select(
            r.author,
            func.max(r.author_name),
            week,
            func.count(),
            _count(r.steps == ALL_STEPS),
            func.coalesce(func.sum(r.remedy_cost_cents), 0),
            _count(repeat_contact()),
            *delights,
            *steps,
        )
        .join(c, c.case_id == r.case_id)
        .where(_in_period(r.resolved_s, period), r.author.is_not(None))
        .group_by(r.author, week)
    )
    for author, name, week_number, count, five, cost, repeats, *rest in session.execute(query):
        part = ResolutionSums(
            resolutions=count,
            all_five_steps=five,
            remedy_cost_cents=int(cost),
            repeat_contacts=repeats,
            delight={d.value: n for d, n in zip(Delight, rest[: len(Delight)], strict=True)},
            steps={s.value: n for s, n in zip(RecoveryStep, rest[len(Delight) :], strict=True)},
        )
        mine = sums.authors[author]
        mine.name = name
        mine.resolved.add(part)
        sums.weeks[week_number].add(part)
        sums.author_weeks[(author, week_number)] = part


def _remedies(session: Session, period: Period, sums: TeamSums) -> None:
    r, remedy = ReportResolutionRow, ReportRemedyRow
    query = (
        select(r.author, remedy.kind, func.sum(remedy.cost_cents))
        .join(remedy, remedy.resolution_id == r.resolution_id)
        .where(_in_period(r.resolved_s, period), r.author.is_not(None))
        .group_by(r.author, remedy.kind)
    )
    for author, kind, cost in session.execute(query):
        sums.authors[author].remedy_cost_by_kind[kind] = int(cost or 0)


def _lifetime_values(session: Session, period: Period, sums: TeamSums) -> None:
    r, c, customer = ReportResolutionRow, ReportCaseRow, ReportCustomerRow
    served = (
        select(r.author, c.customer_id)
        .join(c, c.case_id == r.case_id)
        .where(_in_period(r.resolved_s, period), r.author.is_not(None))
        .distinct()
        .subquery()
    )
    query = (
        select(served.c.author, func.sum(customer.lifetime_value_cents))
        .join(customer, customer.customer_id == served.c.customer_id)
        .group_by(served.c.author)
    )
    for author, value in session.execute(query):
        sums.authors[author].lifetime_value_cents = int(value or 0)  # (PostgreSQL: a Decimal)


def _follow_ups(session: Session, period: Period, now_s: int, sums: TeamSums) -> None:
    f = ReportFollowUpRow
    done = f.status == FollowUpStatus.DONE.value
    query = (
        select(
            f.author,
            func.max(f.author_name),
            _count(and_(done, f.completed_s <= f.due_s + ON_TIME)),
            _count(and_(done, f.completed_s > f.due_s + ON_TIME)),
            _count(and_(f.status == FollowUpStatus.OPEN.value, f.due_s + ON_TIME < now_s)),
        )
        .where(_in_period(f.due_s, period), f.author.is_not(None))
        .group_by(f.author)
    )
    for author, name, on_time, late, missed in session.execute(query):
        mine = sums.authors[author]
        mine.name = mine.name or name
        mine.follow_ups = {"on_time": on_time, "late": late, "missed": missed}


def _cards(session: Session, period: Period, sums: TeamSums) -> None:
    card = ReportCardRow
    sent = card.state.in_([CardState.PRINTED.value, CardState.MAILED.value])
    query = (
        select(
            card.author, func.max(card.author_name), func.count(), func.sum(card.gift_value_cents)
        )
        .where(_in_period(card.created_s, period), card.author.is_not(None), sent)
        .group_by(card.author)
    )
    for author, name, count, gifts in session.execute(query):
        mine = sums.authors[author]
        mine.name = mine.name or name
        mine.cards_sent, mine.gift_value_cents = count, int(gifts or 0)


def _connected(period: Period):
    call = ReportCallRow
    return and_(
        _in_period(call.started_s, period),
        call.author.is_not(None),
        call.outcome == CallOutcome.CONNECTED.value,
    )


def _calls(session: Session, period: Period, sums: TeamSums) -> None:
    call = ReportCallRow
    query = (
        select(
            call.author,
            func.max(call.author_name),
            func.count(distinct(call.case_id)),
            func.count(),
        )
        .where(_connected(period))
        .group_by(call.author)
    )
    for author, name, conferences, people in session.execute(query):
        mine = sums.authors[author]
        mine.name = mine.name or name
        mine.conferences_held, mine.people_brought_in = conferences, people


def brought_in_by(session: Session, period: Period, author: str) -> list[tuple[UUID, str, int]]:
    """Whom ``author`` brought into calls in the period, most often first."""
    call, resource = ReportCallRow, ReportResourceRow
    times = func.count().label("times")
    query = (
        select(call.resource_id, func.coalesce(func.max(resource.name), ""), times)
        .outerjoin(resource, resource.resource_id == call.resource_id)
        .where(_connected(period), call.author == author)
        .group_by(call.resource_id)
        .order_by(times.desc(), func.max(resource.name))
    )
    return [tuple(row) for row in session.execute(query)]
