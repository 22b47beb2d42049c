"""What is broken: models ranked by their failure cases in a period, and the cases behind
each row. Failure cases are those of the domain's failure categories (product failure,
repair, warranty); a repeat failure is one where the same customer's same model had
failed before (the pattern advocates are taught to spot on the call).
"""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, datetime
from typing import Literal
from urllib.parse import quote, urlencode

from sqlalchemy import and_, case, exists, func, select
from sqlalchemy.orm import Session, aliased

from advocate_console.api.reports import BrokenCase, BrokenProduct
from advocate_console.api.schemas import API_PREFIX
from advocate_console.domain import Delight

from .figures import share
from .models import ReportCaseRow, ReportCustomerRow, ReportProductRow, ReportResolutionRow
from .period import WEEK, Period

SortKey = Literal["cases", "repeat_failures", "remedy_cost", "unhappy_share"]
MAX_PRODUCTS = 200


def _repeat_failure(this=ReportCaseRow):
    """True when the same customer's same model had a failure case before this one."""
    earlier = aliased(ReportCaseRow)
    return exists().where(
        earlier.customer_id == this.customer_id,
        earlier.model_number == this.model_number,
        earlier.failure.is_(True),
        earlier.opened_s < this.opened_s,
    )


def _failures_in(period: Period, model_number: str | None = None):
    c = ReportCaseRow
    conditions = [
        c.failure.is_(True),
        c.model_number.is_not(None),
        c.opened_s >= period.start_s,
        c.opened_s < period.end_s,
    ]
    if model_number is not None:
        conditions.append(c.model_number == model_number)
    return and_(*conditions)


def broken_products(
    session: Session, period: Period, sort: SortKey, limit: int
) -> list[BrokenProduct]:
    """The models with failure cases in ``period``, worst first by ``sort``."""
    c = ReportCaseRow
    week = ((c.opened_s - Period(period.first_monday, period.first_monday).start_s) // WEEK).label(
        "week"
    )
    repeat = func.sum(case((_repeat_failure(), 1), else_=0))
    counted = session.execute(
        select(c.model_number, c.category, week, func.count(), repeat)
        .where(_failures_in(period))
        .group_by(c.model_number, c.category, week)
    )
    weeks = len(period.weeks())
    cases: dict[str, int] = defaultdict(int)
    repeats: dict[str, int] = defaultdict(int)
    categories: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    weekly: dict[str, list[int]] = defaultdict(lambda: [0] * weeks)
    for model, category, week_number, count, repeated in counted:
        cases[model] += count
        repeats[model] += int(repeated or 0)
        categories[model][category] += count
        weekly[model][week_number] += count
    outcomes = _outcomes(session, period)
    names = _names(session, list(cases))
    rows = []
    for model, count in cases.items():
        resolved, unhappy, cost = outcomes.get(model, (0, 0, 0))
        brand, name = names.get(model, ("", ""))
        rows.append(
            BrokenProduct(
                model_number=model,
                brand=brand,
                product_name=name,
                cases=count,
                repeat_failures=repeats[model],
                remedy_cost_cents=cost,
                resolutions=resolved,
                unhappy=unhappy,
                unhappy_share=share(unhappy, resolved),
                categories=dict(sorted(categories[model].items())),
                weekly_cases=weekly[model],
                cases_url=cases_url(model, period),
            )
        )
    rows.sort(key=lambda row: (-_sort_value(row, sort), -row.cases, row.model_number))
    return rows[:limit]


def _sort_value(row: BrokenProduct, sort: SortKey) -> float:
    if sort == "repeat_failures":
        return row.repeat_failures
    if sort == "remedy_cost":
        return row.remedy_cost_cents
    if sort == "unhappy_share":
        return row.unhappy_share or 0.0
    return row.cases


def cases_url(model_number: str, period: Period) -> str:
    """Where the cases behind a row of what is broken are listed."""
    query = urlencode({"from": period.first.isoformat(), "to": period.last.isoformat()})
    return f"{API_PREFIX}/reports/broken-products/{quote(model_number, safe='')}/cases?{query}"


def _outcomes(session: Session, period: Period) -> dict[str, tuple[int, int, int]]:
    """Per model: resolutions of its failure cases, how many unhappy, what they cost."""
    c, r = ReportCaseRow, ReportResolutionRow
    unhappy = func.sum(case((r.delight == Delight.UNHAPPY.value, 1), else_=0))
    query = (
        select(c.model_number, func.count(), unhappy, func.sum(r.remedy_cost_cents))
        .join(r, r.case_id == c.case_id)
        .where(_failures_in(period))
        .group_by(c.model_number)
    )
    return {
        model: (count, int(sad or 0), int(cost or 0))
        for model, count, sad, cost in session.execute(query)
    }


def _names(session: Session, models: list[str]) -> dict[str, tuple[str, str]]:
    """Each model's brand and product name, as its units carry them."""
    p = ReportProductRow
    found: dict[str, tuple[str, str]] = {}
    for start in range(0, len(models), 500):
        query = (
            select(p.model_number, func.max(p.brand), func.max(p.name))
            .where(p.model_number.in_(models[start : start + 500]))
            .group_by(p.model_number)
        )
        found.update({model: (brand, name) for model, brand, name in session.execute(query)})
    return found


def product_name(session: Session, model_number: str) -> tuple[str, str] | None:
    """The brand and product name of ``model_number``, or None when no unit has it."""
    return _names(session, [model_number]).get(model_number)


def failure_cases(
    session: Session, period: Period, model_number: str, limit: int
) -> list[BrokenCase]:
    """The failure cases of ``model_number`` opened in ``period``, newest first."""
    c, customer, r = ReportCaseRow, ReportCustomerRow, ReportResolutionRow
    # Per case, not a join: a case resolved twice (reopened) is still one row.
    delight = select(func.max(r.delight)).where(r.case_id == c.case_id).scalar_subquery()
    cost = select(func.sum(r.remedy_cost_cents)).where(r.case_id == c.case_id).scalar_subquery()
    query = (
        select(
            c.case_id,
            c.number,
            c.customer_id,
            func.coalesce(customer.name, ""),
            c.category,
            c.status,
            c.opened_s,
            _repeat_failure(),
            delight,
            cost,
        )
        .outerjoin(customer, customer.customer_id == c.customer_id)
        .where(_failures_in(period, model_number))
        .order_by(c.opened_s.desc(), c.case_id)
        .limit(limit)
    )
    found = []
    for row in session.execute(query):
        case_id, number, customer_id, name, category, status, opened_s, *rest = row
        repeated, delighted, spent = rest
        found.append(
            BrokenCase(
                case_id=case_id,
                number=number,
                customer_id=customer_id,
                customer_name=name,
                category=category,
                status=status,
                opened_at=datetime.fromtimestamp(opened_s, UTC),
                repeat_failure=bool(repeated),
                delight=delighted,
                remedy_cost_cents=None if spent is None else int(spent),
            )
        )
    return found
