"""The reports as the API answers them: current, counted, checked for who asks."""

from __future__ import annotations

from uuid import UUID

from anyio import CapacityLimiter, to_thread
from sqlalchemy.orm import Session

from advocate_console.api.reports import (
    AdvocateFigures,
    AdvocateRef,
    BrokenProductCases,
    BrokenProducts,
    BroughtIn,
    ReportPeriod,
    ResourcesReport,
    Scorecard,
    TeamReport,
)
from advocate_console.central.auth.models import AdvocateRow
from advocate_console.central.core.clock import utc_now
from advocate_console.central.core.database import Database
from advocate_console.central.core.errors import ApiError
from advocate_console.domain import Role
from advocate_console.domain.records import Advocate

from . import team_kept
from .authorship import author_key, current_names
from .figures import figures_of, medians, week_figures
from .keeper import wait_until_current
from .period import Period
from .products import SortKey, broken_products, failure_cases, product_name
from .resources import resource_figures
from .tallies import TeamSums, brought_in_by, empty, tally_author, tally_team

LEADS = (Role.LEAD, Role.ADMIN)
WAITING = CapacityLimiter(200)
"""Threads for scorecards waiting for the report tables to catch up: not the worker's
usual ones (as many as its pooled connections), which every other route needs. With 100
advocates writing without pause, each scorecard waited for a catch-up holding one, and
the writes queued behind them (bench_load: writes p50 430 ms as the workers timed them,
with their CPU two-thirds idle)."""


def _period_out(period: Period) -> ReportPeriod:
    return ReportPeriod(first=period.first, last=period.last)


def _team(session: Session, period: Period, weeks_of: str | None = None) -> TeamSums:
    return tally_team(session, period, utc_now().date(), weeks_of)


async def scorecard_soon(
    db: Database, who: Advocate, advocate_id: UUID | None, period: Period
) -> Scorecard:
    """``advocate_id``'s scorecard (the asker's own when None) beside the team medians; an
    advocate may only see their own, leads and admins anyone's. Its wait for the report
    tables runs on a thread of ``WAITING``, the rest on the worker's usual threads."""
    _may_see(who, advocate_id)
    # Read-your-writes for the one whose card it is and the one asking; the team's
    # medians as of the keeper's last catch-up (under steady writes, waiting for every
    # change committed before the ask was most of a scorecard's time: bench_load).
    by = (who.id, advocate_id or who.id)
    cursor = await to_thread.run_sync(wait_until_current, db, by, limiter=WAITING)
    return await to_thread.run_sync(scorecard_at, db, who, advocate_id, period, cursor)


def _may_see(who: Advocate, advocate_id: UUID | None) -> None:
    if advocate_id is not None and advocate_id != who.id and who.role not in LEADS:
        raise ApiError(
            403,
            "Advocates see only their own scorecard (with the team's medians on it); "
            f"you are signed in as {who.role}.",
        )


def scorecard_at(
    db: Database, who: Advocate, advocate_id: UUID | None, period: Period, cursor: int | None
) -> Scorecard:
    """The scorecard from the report tables, which are at ``cursor`` or later."""
    today = utc_now().date()
    with db.read() as session:
        target = who if advocate_id in (None, who.id) else _advocate(session, advocate_id)
        key = author_key(target)
        team = team_kept.kept(db, cursor, period, today)
        if team is None:
            sums = tally_team(session, period, today, weeks_of=key)
            team = team_kept.work_out(db, cursor, period, today, sums.authors)
            mine, weeks = sums.authors.get(key) or empty(), sums.weeks
        else:
            mine, weeks = tally_author(session, period, today, key)
        brought_in = [
            BroughtIn(resource_id=resource_id, name=name, times=times)
            for resource_id, name, times in brought_in_by(session, period, key)
        ]
    return Scorecard(
        period=_period_out(period),
        advocate=AdvocateRef(advocate_id=target.id, name=target.display_name),
        figures=figures_of(mine),
        team_median=team.medians,
        team_size=team.size,
        brought_in=brought_in,
        weeks=week_figures(period, weeks),
    )


def _advocate(session: Session, advocate_id: UUID) -> Advocate:
    row = session.get(AdvocateRow, advocate_id)
    if row is None:
        raise ApiError(404, f"There is no advocate with id {advocate_id}.")
    return Advocate(
        id=row.id, username=row.username, display_name=row.display_name, role=Role(row.role)
    )


def team_report(db: Database, period: Period) -> TeamReport:
    """Every advocate's scorecard side by side (by name), the medians, the team's weeks.

    Each row is one author (see ``authorship``), named as the user is called now."""
    wait_until_current(db)
    with db.read() as session:
        sums = _team(session, period)
        names = current_names(session, filter(None, sums.ids.values()))
    rows = []
    for key, author in sums.authors.items():
        user_id = sums.ids.get(key)
        user = str(UUID(str(user_id))) if user_id else None
        name = names.get(user) if user else None
        rows.append(
            AdvocateFigures(
                advocate=AdvocateRef(
                    advocate_id=UUID(user) if user in names else None,
                    name=name or sums.names.get(key, key),
                ),
                figures=figures_of(author),
            )
        )
    rows.sort(key=lambda row: row.advocate.name.casefold())
    return TeamReport(
        period=_period_out(period),
        advocates=rows,
        team_median=medians([row.figures for row in rows]),
        weeks=week_figures(period, sums.weeks),
    )


def broken_products_report(
    db: Database, period: Period, sort: SortKey, limit: int
) -> BrokenProducts:
    """What is broken in ``period``: models worst first."""
    wait_until_current(db)
    with db.read() as session:
        products = broken_products(session, period, sort, limit)
    return BrokenProducts(period=_period_out(period), weeks=period.weeks(), products=products)


def broken_product_cases(
    db: Database, period: Period, model_number: str, limit: int
) -> BrokenProductCases:
    """The failure cases of one model in ``period``; 404 when no unit has that model."""
    wait_until_current(db)
    with db.read() as session:
        names = product_name(session, model_number)
        if names is None:
            raise ApiError(404, f"No product on record has the model number {model_number}.")
        cases = failure_cases(session, period, model_number, limit)
    brand, name = names
    return BrokenProductCases(
        period=_period_out(period),
        model_number=model_number,
        brand=brand,
        product_name=name,
        cases=cases,
    )


def resources_report(db: Database, period: Period) -> ResourcesReport:
    """Who was brought into calls in ``period``, most often first."""
    wait_until_current(db)
    with db.read() as session:
        resources = resource_figures(session, period)
    return ResourcesReport(period=_period_out(period), resources=resources)
