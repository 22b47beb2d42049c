"""The reports as CSV (``format=csv``): one row per item, with a header row.

A text cell that a spreadsheet would take for a formula (=, +, -, @ first) is written
with a leading apostrophe, so a customer's name can never run as one.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from typing import Any

from fastapi import Response

from advocate_console.api.reports import (
    FIGURES,
    BrokenCase,
    BrokenProductCases,
    BrokenProducts,
    ResourceFigures,
    ResourcesReport,
    Scorecard,
    TeamReport,
)

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return "" if value is None else value


def csv_response(name: str, header: Sequence[str], rows: Iterable[Sequence[Any]]) -> Response:
    """A ``text/csv`` download called ``name``.csv."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows([_cell(value) for value in row] for row in rows)
    return Response(
        out.getvalue(),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{name}.csv"'},
    )


def _span(report: Any) -> str:
    return f"{report.period.first}-to-{report.period.last}"


def scorecard_csv(card: Scorecard) -> Response:
    """One row per figure: its value and the team median."""
    rows = [(name, card.figures[name], card.team_median[name]) for name in FIGURES]
    return csv_response(f"scorecard-{_span(card)}", ("figure", "value", "team_median"), rows)


def team_csv(team: TeamReport) -> Response:
    """One row per advocate, every figure a column."""
    rows = [
        (row.advocate.advocate_id, row.advocate.name, *(row.figures[name] for name in FIGURES))
        for row in team.advocates
    ]
    return csv_response(f"team-{_span(team)}", ("advocate_id", "advocate", *FIGURES), rows)


def broken_products_csv(report: BrokenProducts) -> Response:
    """One row per model."""
    header = (
        "model_number",
        "brand",
        "product_name",
        "cases",
        "repeat_failures",
        "remedy_cost_cents",
        "resolutions",
        "unhappy",
        "unhappy_share",
        "categories",
        "weekly_cases",
    )
    rows = [
        (
            p.model_number,
            p.brand,
            p.product_name,
            p.cases,
            p.repeat_failures,
            p.remedy_cost_cents,
            p.resolutions,
            p.unhappy,
            p.unhappy_share,
            "; ".join(f"{category}: {count}" for category, count in p.categories.items()),
            " ".join(str(count) for count in p.weekly_cases),
        )
        for p in report.products
    ]
    return csv_response(f"broken-products-{_span(report)}", header, rows)


def broken_product_cases_csv(report: BrokenProductCases) -> Response:
    """One row per case."""
    header = tuple(BrokenCase.model_fields)
    rows = [[getattr(case, name) for name in header] for case in report.cases]
    model = re.sub(r"[^A-Za-z0-9_.-]", "_", report.model_number)
    return csv_response(f"cases-{model}-{_span(report)}", header, rows)


def resources_csv(report: ResourcesReport) -> Response:
    """One row per resource."""
    header = tuple(ResourceFigures.model_fields)
    rows = [[getattr(resource, name) for name in header] for resource in report.resources]
    return csv_response(f"resources-{_span(report)}", header, rows)
