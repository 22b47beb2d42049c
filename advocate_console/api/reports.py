"""Shapes on the wire of the reports (``/api/v1/reports/…``), shared by server and console.

A scorecard's figures are a flat mapping of figure name to value (see ``FIGURES`` for
the names, in the order people read them), so the same names serve the advocate's own
column, the team median beside it, the team table and the CSV files.
"""

from __future__ import annotations

from datetime import date, datetime
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

from advocate_console.domain import Delight, RecoveryStep, RemedyKind

Figure = int | float | None
"""A count or cents (int), a share between 0 and 1 or a median (float), or None where
there is nothing to count (a share of no resolutions)."""

FIGURES: tuple[str, ...] = (
    "resolutions",
    *(delight.value for delight in Delight),
    "delighted_share",
    "all_five_steps_share",
    *(f"step_{step.value}_share" for step in RecoveryStep),
    "remedy_cost_cents",
    "remedy_cost_per_case_cents",
    "remedy_cost_lifetime_value_share",
    *(f"remedy_cost_cents_{kind.value}" for kind in RemedyKind),
    "repeat_contacts",
    "repeat_contact_share",
    "follow_ups_on_time",
    "follow_ups_late",
    "follow_ups_missed",
    "cards_sent",
    "gift_value_cents",
    "conferences_held",
    "people_brought_in",
)
"""Every figure of a scorecard, by name."""


class ReportPeriod(BaseModel):
    """The days a report covers, both included (UTC)."""

    model_config = ConfigDict(populate_by_name=True)

    first: date = Field(alias="from")
    last: date = Field(alias="to")


class AdvocateRef(BaseModel):
    """Whom a scorecard is about: their sign-in id (when they have one here) and name."""

    advocate_id: UUID | None = None
    name: str


class WeekFigures(BaseModel):
    """One week's resolutions and how they went."""

    week_start: date  # a Monday
    resolutions: int
    delighted_share: float | None
    all_five_steps_share: float | None
    remedy_cost_cents: int
    repeat_contact_share: float | None


class BroughtIn(BaseModel):
    """A resource brought into calls, and how often."""

    resource_id: UUID
    name: str
    times: int


class Scorecard(BaseModel):
    """One advocate's figures for a period, each beside the team median."""

    period: ReportPeriod
    advocate: AdvocateRef
    figures: dict[str, Figure]
    team_median: dict[str, Figure]
    team_size: int  # advocates the median is taken over
    brought_in: list[BroughtIn]
    weeks: list[WeekFigures]


class AdvocateFigures(BaseModel):
    """One row of the team table."""

    advocate: AdvocateRef
    figures: dict[str, Figure]


class TeamReport(BaseModel):
    """Every advocate's scorecard side by side, the medians, and the team's weeks."""

    period: ReportPeriod
    advocates: list[AdvocateFigures]
    team_median: dict[str, Figure]
    weeks: list[WeekFigures]


class BrokenProduct(BaseModel):
    """A model and how it failed customers in the period."""

    model_number: str
    brand: str
    product_name: str
    cases: int  # failure cases (product failure, repair, warranty) opened in the period
    repeat_failures: int  # of those, the customer's same model had failed before
    remedy_cost_cents: int  # what putting those cases right cost
    resolutions: int
    unhappy: int
    unhappy_share: float | None
    categories: dict[str, int]
    weekly_cases: list[int]  # one per week of the report's ``weeks``
    cases_url: str


class BrokenProducts(BaseModel):
    """What is broken: models ranked by failure cases (or another ``sort``)."""

    period: ReportPeriod
    weeks: list[date]
    products: list[BrokenProduct]


class BrokenCase(BaseModel):
    """One failure case of a model."""

    case_id: UUID
    number: str
    customer_id: UUID
    customer_name: str
    category: str
    status: str
    opened_at: datetime
    repeat_failure: bool
    delight: str | None
    remedy_cost_cents: int | None


class BrokenProductCases(BaseModel):
    """The failure cases behind one row of what is broken, newest first."""

    period: ReportPeriod
    model_number: str
    brand: str
    product_name: str
    cases: list[BrokenCase]


class ResourceFigures(BaseModel):
    """A resource: how often brought into calls, and how those cases ended."""

    resource_id: UUID
    name: str
    department: str
    role: str
    attempts: int  # every try at dialling them in
    brought_in: int  # tries that connected
    helped: int  # connected and marked as having helped
    cases: int  # cases they were brought into
    resolved: int  # of those, resolved
    delighted: int  # of those, with a delighted customer
    delighted_share: float | None


class ResourcesReport(BaseModel):
    """Who was brought into calls, most often first."""

    period: ReportPeriod
    resources: list[ResourceFigures]
