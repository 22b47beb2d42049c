"""Who was brought into calls, how often, and how often those cases ended in delight."""

from __future__ import annotations

from sqlalchemy import and_, case, distinct, func, select
from sqlalchemy.orm import Session

from advocate_console.api.reports import ResourceFigures
from advocate_console.domain import CallOutcome

from .figures import share
from .models import ReportCallRow, ReportResourceRow
from .period import Period


def resource_figures(session: Session, period: Period) -> list[ResourceFigures]:
    """Every resource tried in ``period``, most often brought in first."""
    call, resource = ReportCallRow, ReportResourceRow
    connected = call.outcome == CallOutcome.CONNECTED.value

    def count(condition):
        return func.sum(case((condition, 1), else_=0))

    def cases(condition):
        return func.count(distinct(case((condition, call.case_id), else_=None)))

    tried = (
        select(
            call.resource_id,
            func.count().label("attempts"),
            count(connected).label("brought_in"),
            count(and_(connected, call.helped.is_(True))).label("helped"),
            cases(connected).label("cases"),
            cases(and_(connected, call.case_resolved.is_(True))).label("resolved"),
            cases(and_(connected, call.case_delighted.is_(True))).label("delighted"),
        )
        .where(call.started_s >= period.start_s, call.started_s < period.end_s)
        .group_by(call.resource_id)
        .subquery()
    )
    query = select(tried, resource.name, resource.department, resource.role).outerjoin(
        resource, resource.resource_id == tried.c.resource_id
    )
    found = []
    for row in session.execute(query):
        resource_id, attempts, brought_in, helped, cases_in, resolved, delighted, *about = row
        name, department, role = about
        found.append(
            ResourceFigures(
                resource_id=resource_id,
                name=name or "",
                department=department or "",
                role=role or "",
                attempts=attempts,
                brought_in=int(brought_in or 0),
                helped=int(helped or 0),
                cases=cases_in,
                resolved=resolved,
                delighted=delighted,
                delighted_share=share(delighted, resolved),
            )
        )
    found.sort(key=lambda row: (-row.brought_in, -row.attempts, row.name))
    return found
