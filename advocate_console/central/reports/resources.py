"""Who was brought into calls, how often, and how often those cases ended in delight."""

from __future__ import annotations

from sqlalchemy import and_, case, distinct, exists, func, select
from sqlalchemy.orm import Session

from advocate_console.api.reports import ResourceFigures
from advocate_console.domain import CallOutcome, Delight

from .figures import share
from .models import ReportCallRow, ReportResolutionRow, ReportResourceRow
from .period import Period


def resource_figures(session: Session, period: Period) -> list[ResourceFigures]:
    """Every resource tried in ``period``, most often brought in first."""
    call, resource = ReportCallRow, ReportResourceRow
    in_period = and_(call.started_s >= period.start_s, call.started_s < period.end_s)
    connected = call.outcome == CallOutcome.CONNECTED.value

    def count(condition):
        return func.sum(case((condition, 1), else_=0))

    tried = (
        select(
            call.resource_id,
            func.count().label("attempts"),
            count(connected).label("brought_in"),
            count(and_(connected, call.helped.is_(True))).label("helped"),
        )
        .where(in_period)
        .group_by(call.resource_id)
        .subquery()
    )
    outcomes = _case_outcomes(session, period)
    query = select(tried, resource.name, resource.department, resource.role).outerjoin(
        resource, resource.resource_id == tried.c.resource_id
    )
    found = []
    for resource_id, attempts, brought_in, helped, name, department, role in session.execute(query):
        cases, resolved, delighted = outcomes.get(resource_id, (0, 0, 0))
        found.append(
            ResourceFigures(
                resource_id=resource_id,
                name=name or "",
                department=department or "",
                role=role or "",
                attempts=attempts,
                brought_in=int(brought_in or 0),
                helped=int(helped or 0),
                cases=cases,
                resolved=resolved,
                delighted=delighted,
                delighted_share=share(delighted, resolved),
            )
        )
    found.sort(key=lambda row: (-row.brought_in, -row.attempts, row.name))
    return found


def _case_outcomes(session: Session, period: Period) -> dict:
    """Per resource: the cases they were brought into, how many resolved, how many delighted."""
    call, r = ReportCallRow, ReportResolutionRow
    brought = (
        select(call.resource_id, call.case_id)
        .where(
            call.started_s >= period.start_s,
            call.started_s < period.end_s,
            call.outcome == CallOutcome.CONNECTED.value,
            call.case_id.is_not(None),
        )
        .distinct()
        .subquery()
    )
    resolved = exists().where(r.case_id == brought.c.case_id)
    delighted = exists().where(r.case_id == brought.c.case_id, r.delight == Delight.DELIGHTED.value)
    query = select(
        brought.c.resource_id,
        func.count(distinct(brought.c.case_id)),
        func.sum(case((resolved, 1), else_=0)),
        func.sum(case((delighted, 1), else_=0)),
    ).group_by(brought.c.resource_id)
    return {
        resource_id: (cases, int(done or 0), int(happy or 0))
        for resource_id, cases, done, happy in session.execute(query)
    }
