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

from sqlalchemy import and_, case, func, select
from sqlalchemy.orm import Session

from advocate_console.api.reports import BrokenCase, BrokenProduct
from advocate_console.api.schemas import API_PREFIX
from advocate_console.domain import Delight

from .figures import share
from .models import ReportCaseRow, ReportCustomerRow, ReportModelRow
from .period import WEEK, Period

SortKey = Literal["cases", "repeat_failures", "remedy_cost", "unhappy_share"]
MAX_PRODUCTS = 200


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
    first_monday = Period(period.first_monday, period.first_monday).start_s
    week = ((c.opened_s - first_monday) // WEEK).label("week")

    def count(condition):
        return func.sum(case((condition, 1), else_=0))

    counted = session.execute(
        select(
            c.model_number,
            c.category,
            week,
            func.count(),
            count(c.repeat_failure.is_(True)),
            count(c.delight.is_not(None)),
            count(c.delight == Delight.UNHAPPY.value),
            func.sum(func.coalesce(c.remedy_cost_cents, 0)),
        )
        .where(_failures_in(period))
        .group_by(c.model_number, c.category, week)
    )
    weeks = len(period.weeks())
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0])
    categories: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    weekly: dict[str, list[int]] = defaultdict(lambda: [0] * weeks)
    for model, category, week_number, *sums in counted:
        totals[model] = [a + int(b or 0) for a, b in zip(totals[model], sums, strict=True)]
        categories[model][category] += sums[0]
        weekly[model][week_number] += sums[0]
    names = _names(session, list(totals))
    rows = []
    for model, (cases, repeats, resolved, unhappy, cost) in totals.items():
        brand, name = names.get(model, ("", ""))
        rows.append(
            BrokenProduct(
                model_number=model,
                brand=brand,
                product_name=name,
                cases=cases,
                repeat_failures=repeats,
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


def _names(session: Session, models: list[str]) -> dict[str, tuple[str, str]]:
    """Each model's brand and product name."""
    m = ReportModelRow
    found: dict[str, tuple[str, str]] = {}
    for start in range(0, len(models), 500):
        query = select(m.model_number, m.brand, m.name).where(
            m.model_number.in_(models[start : start + 500])
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
    c, customer = ReportCaseRow, ReportCustomerRow
    query = (
        select(
            c.case_id,
            c.number,
            c.customer_id,
            func.coalesce(customer.name, ""),
            c.category,
            c.status,
            c.opened_s,
            c.repeat_failure,
            c.delight,
            c.remedy_cost_cents,
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
