"""What a record's report row holds about other records, kept as those records change.

Repeat contacts and repeat failures depend on a customer's other cases; a case's
delight and cost, and whether the cases a resource was brought into ended well, on its
resolutions; a resolution's lifetime value on its customer. All of it is counted again
for every customer whose records changed (in the same transaction as the change), not
each time a report is asked for: a year of the demo has tens of thousands of cases.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from sqlalchemy import and_, bindparam, exists, func, or_, select, update
from sqlalchemy.orm import Session, aliased

from advocate_console.domain import Delight

from .models import ReportCallRow, ReportCaseRow, ReportCustomerRow, ReportResolutionRow
from .period import DAY

REPEAT_WINDOW = 30 * DAY
"""A customer back about the same product within this long after a resolution is a
repeat contact: the case was not resolved at the first contact."""
_CHUNK = 500


def came_back(resolution=ReportResolutionRow):
    """True when the customer came back about the same product (the same model; for a case
    about no product, the same category) within ``REPEAT_WINDOW`` of the resolution."""
    resolved, later = aliased(ReportCaseRow), aliased(ReportCaseRow)
    same_thing = or_(
        later.model_number == resolved.model_number,
        and_(
            resolved.model_number.is_(None),
            later.model_number.is_(None),
            later.category == resolved.category,
        ),
    )
    return exists().where(
        resolved.case_id == resolution.case_id,
        later.customer_id == resolved.customer_id,
        later.opened_s > resolution.resolved_s,
        later.opened_s <= resolution.resolved_s + REPEAT_WINDOW,
        later.case_id != resolved.case_id,
        same_thing,
    )


def failed_before(case=ReportCaseRow):
    """True when the same customer's same model had a failure case opened before this one."""
    earlier = aliased(ReportCaseRow)
    return exists().where(
        earlier.customer_id == case.customer_id,
        earlier.model_number == case.model_number,
        earlier.failure.is_(True),
        earlier.opened_s < case.opened_s,
    )


def _latest_delight(case_id):
    """How the customer felt at the case's latest resolution (None: not resolved)."""
    r = ReportResolutionRow.__table__
    latest = select(r.c.delight).where(r.c.case_id == case_id)
    return latest.order_by(r.c.resolved_s.desc()).limit(1).scalar_subquery()


def _cost(case_id):
    """What the case's resolutions cost (None: not resolved)."""
    r = ReportResolutionRow.__table__
    return select(func.sum(r.c.remedy_cost_cents)).where(r.c.case_id == case_id).scalar_subquery()


def recount(session: Session, customers: Iterable[str]) -> set[tuple[str | None, int]]:
    """Count again the repeat failures and repeat contacts of ``customers``, and copy their
    lifetime value onto their resolutions; the advocates' days (author, day) of the
    resolutions that changed."""
    wanted = sorted(set(customers))
    connection = session.connection()
    cases, calls, counted, resolutions = _recounting()
    days: set[tuple[str | None, int]] = set()
    for start in range(0, len(wanted), _CHUNK):
        chunk = {"chunk": wanted[start : start + _CHUNK]}
        connection.execute(cases, chunk)
        connection.execute(calls, chunk)
        before = {row[0]: tuple(row[3:]) for row in connection.execute(counted, chunk)}
        connection.execute(resolutions, chunk)
        # Only the days of resolutions whose counts changed need summing again.
        for resolution_id, author, resolved_s, *now in connection.execute(counted, chunk):
            if before.get(resolution_id) != tuple(now):
                days.add((author, resolved_s // DAY))
    return days


@cache
def _recounting() -> tuple:
    """``recount``'s statements for a ``chunk`` of customers: the cases' and calls'
    UPDATEs, the resolutions' counts, their UPDATE (built once: with their correlated
    subqueries they took longer to build than to run)."""
    cases = ReportCaseRow.__table__
    resolutions = ReportResolutionRow.__table__
    customer = ReportCustomerRow.__table__
    calls = ReportCallRow.__table__
    chunk = bindparam("chunk", expanding=True)
    value = (
        select(customer.c.lifetime_value_cents)
        .where(customer.c.customer_id == resolutions.c.customer_id)
        .scalar_subquery()
    )
    update_cases = (
        update(cases)
        .where(cases.c.customer_id.in_(chunk))
        .values(
            repeat_failure=and_(cases.c.failure.is_(True), failed_before(cases.c)),
            delight=_latest_delight(cases.c.case_id),
            remedy_cost_cents=_cost(cases.c.case_id),
        )
    )
    update_calls = (
        update(calls)
        .where(calls.c.customer_id.in_(chunk))
        .values(
            case_resolved=exists().where(resolutions.c.case_id == calls.c.case_id),
            case_delighted=exists().where(
                resolutions.c.case_id == calls.c.case_id,
                resolutions.c.delight == Delight.DELIGHTED.value,
            ),
        )
    )
    theirs = resolutions.c.customer_id.in_(chunk)
    counted = select(
        resolutions.c.resolution_id,
        resolutions.c.author,
        resolutions.c.resolved_s,
        resolutions.c.came_back,
        resolutions.c.lifetime_value_cents,
    ).where(theirs)
    update_resolutions = (
        update(resolutions)
        .where(theirs)
        .values(came_back=came_back(resolutions.c), lifetime_value_cents=value)
    )
    return update_cases, update_calls, counted, update_resolutions
