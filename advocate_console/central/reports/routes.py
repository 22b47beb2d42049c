"""``GET /reports/…``: scorecards, the team, what is broken, who helps; JSON or CSV."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal
from uuid import UUID

from fastapi import APIRouter, Path, Query

from advocate_console.api.reports import (
    BrokenProductCases,
    BrokenProducts,
    ResourcesReport,
    Scorecard,
    TeamReport,
)
from advocate_console.api.schemas import ErrorBody
from advocate_console.central.auth.dependencies import CurrentAdvocate, LeadOrAdmin
from advocate_console.central.core.deps import DatabaseDep

from . import csv_files, service
from .period import period_of
from .products import MAX_PRODUCTS, SortKey

router = APIRouter(prefix="/reports", tags=["reports"])

From = Annotated[
    date | None,
    Query(alias="from", description="First day (UTC, included); default: 29 days before to."),
]
To = Annotated[
    date | None, Query(alias="to", description="Last day (UTC, included); default: today.")
]
Format = Annotated[
    Literal["json", "csv"], Query(description="json, or csv for a table with one row per item")
]
_CSV = {"content": {"text/csv": {}}, "description": "The report (CSV with format=csv)."}


def _errors(*codes: int) -> dict:
    return {200: _CSV, **{code: {"model": ErrorBody} for code in (401, 422, *codes)}}


@router.get("/scorecard", name="scorecard", response_model=Scorecard, responses=_errors(403, 404))
async def get_scorecard(
    db: DatabaseDep,
    who: CurrentAdvocate,
    first: From = None,
    last: To = None,
    advocate_id: Annotated[
        UUID | None, Query(description="Whose (leads and admins); default: your own.")
    ] = None,
    format: Format = "json",
):
    """One advocate's figures for the period, each beside the team median."""
    card = await service.scorecard_soon(db, who, advocate_id, period_of(first, last))
    return csv_files.scorecard_csv(card) if format == "csv" else card


@router.get("/team", name="team_report", response_model=TeamReport, responses=_errors(403))
def get_team(
    db: DatabaseDep,
    _lead: LeadOrAdmin,
    first: From = None,
    last: To = None,
    format: Format = "json",
):
    """Every advocate's scorecard side by side, the medians, and the team's weeks (leads)."""
    team = service.team_report(db, period_of(first, last))
    return csv_files.team_csv(team) if format == "csv" else team


@router.get(
    "/broken-products",
    name="broken_products",
    response_model=BrokenProducts,
    responses=_errors(),
)
def get_broken_products(
    db: DatabaseDep,
    _who: CurrentAdvocate,
    first: From = None,
    last: To = None,
    sort: Annotated[SortKey, Query(description="What ranks the models.")] = "cases",
    limit: Annotated[int, Query(ge=1, le=MAX_PRODUCTS)] = 50,
    format: Format = "json",
):
    """Models ranked by failure cases (or repeat failures, remedy cost, unhappy share)."""
    report = service.broken_products_report(db, period_of(first, last), sort, limit)
    return csv_files.broken_products_csv(report) if format == "csv" else report


@router.get(
    "/broken-products/{model_number:path}/cases",
    name="broken_product_cases",
    response_model=BrokenProductCases,
    responses=_errors(404),
)
def get_broken_product_cases(
    db: DatabaseDep,
    _who: CurrentAdvocate,
    model_number: Annotated[str, Path(min_length=1, max_length=200)],
    first: From = None,
    last: To = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 200,
    format: Format = "json",
):
    """The failure cases of one model in the period, newest first."""
    report = service.broken_product_cases(db, period_of(first, last), model_number, limit)
    return csv_files.broken_product_cases_csv(report) if format == "csv" else report


@router.get(
    "/resources", name="resources_report", response_model=ResourcesReport, responses=_errors()
)
def get_resources(
    db: DatabaseDep,
    _who: CurrentAdvocate,
    first: From = None,
    last: To = None,
    format: Format = "json",
):
    """Who was brought into calls, how often, and how often the case ended in delight."""
    report = service.resources_report(db, period_of(first, last))
    return csv_files.resources_csv(report) if format == "csv" else report
