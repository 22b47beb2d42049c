"""The reports' own tables: narrow rows projected from the records, kept by the change feed.

Records are stored as JSON; reading a year of it for every report would cost seconds.
These tables hold only what the reports count, typed and indexed, one row per record
(the newest version), and ``report_feed`` remembers how far into the change feed they
are. Times are whole seconds since 1970 (UTC): a period, a week or "within 30 days" is
then integer arithmetic that SQLite and PostgreSQL do alike.

``report_days`` sums each advocate's day (a few thousand rows a year for a team, where
the records are tens of thousands): the scorecards and the team read only it. The
advocates' days whose records changed (author and day) are listed in
``report_dirty_days`` in the same transaction, and summed again before the next report.
"""

from __future__ import annotations

from sqlalchemy import BigInteger, Boolean, Column, Index, Integer, String, Table, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from advocate_console.central.core.database import Base
from advocate_console.domain import Delight, RecoveryStep, RemedyKind

Seconds = BigInteger
"""A time as seconds since 1970-01-01 UTC."""
Id = Uuid(as_uuid=False)
"""A record's id, handled as text: a catch-up makes hundreds of thousands of them, and
UUID objects would cost more than the rest of reading the record."""


class ReportFeedRow(Base):
    """How far into the change feed the report tables are (one row)."""

    __tablename__ = "report_feed"

    name: Mapped[str] = mapped_column(String(20), primary_key=True)
    cursor: Mapped[int] = mapped_column(BigInteger)


class ReportCustomerRow(Base):
    """A customer's name and lifetime value."""

    __tablename__ = "report_customers"

    customer_id: Mapped[str] = mapped_column(Id, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    lifetime_value_cents: Mapped[int] = mapped_column(BigInteger)


class ReportProductRow(Base):
    """A unit: whose it is and which model."""

    __tablename__ = "report_products"

    product_id: Mapped[str] = mapped_column(Id, primary_key=True)
    customer_id: Mapped[str] = mapped_column(Id)
    brand: Mapped[str] = mapped_column(String(200))
    name: Mapped[str] = mapped_column(String(200))
    model_number: Mapped[str] = mapped_column(String(200), index=True)


class ReportModelRow(Base):
    """A model number with the brand and product name its first unit carried."""

    __tablename__ = "report_models"

    model_number: Mapped[str] = mapped_column(String(200), primary_key=True)
    brand: Mapped[str] = mapped_column(String(200))
    name: Mapped[str] = mapped_column(String(200))


class ReportCaseRow(Base):
    """A case: whose, about which model (copied from its product), when, whether a failure,
    and what the feed reader keeps whenever the customer's cases or resolutions change:
    whether a repeat failure (the customer's same model failed before), how the customer
    felt at its latest resolution and what its resolutions cost."""

    __tablename__ = "report_cases"
    __table_args__ = (
        Index(None, "customer_id", "opened_s"),
        Index(None, "model_number", "opened_s"),
        # What is broken reads only this index (SQLite: a covering index).
        Index(
            "ix_report_cases_failures",
            "opened_s",
            "failure",
            "model_number",
            "category",
            "repeat_failure",
            "delight",
            "remedy_cost_cents",
        ),
    )

    case_id: Mapped[str] = mapped_column(Id, primary_key=True)
    number: Mapped[str] = mapped_column(String(20))
    customer_id: Mapped[str] = mapped_column(Id)
    product_id: Mapped[str | None] = mapped_column(Id)
    model_number: Mapped[str | None] = mapped_column(String(200))
    category: Mapped[str] = mapped_column(String(200))
    failure: Mapped[bool] = mapped_column(Boolean)
    repeat_failure: Mapped[bool] = mapped_column(Boolean)
    status: Mapped[str] = mapped_column(String(20))
    opened_s: Mapped[int] = mapped_column(Seconds)
    delight: Mapped[str | None] = mapped_column(String(20))  # None: not resolved
    remedy_cost_cents: Mapped[int | None] = mapped_column(BigInteger)


class ReportResolutionRow(Base):
    """A resolution: who resolved it, when, the steps taken (a bit each), delight, cost,
    how many suggested remedies the advocate accepted and dismissed, and whether the
    customer came back about the same thing within 30 days (kept by the feed reader
    whenever the customer's cases or resolutions change)."""

    __tablename__ = "report_resolutions"
    __table_args__ = (
        Index(None, "resolved_s"),
        Index(None, "case_id"),
        Index(None, "customer_id"),
        Index(None, "author", "resolved_s"),  # an advocate's day, summed again
    )

    resolution_id: Mapped[str] = mapped_column(Id, primary_key=True)
    case_id: Mapped[str] = mapped_column(Id)
    customer_id: Mapped[str | None] = mapped_column(Id)  # the case's, copied
    author: Mapped[str | None] = mapped_column(String(200))  # see ``authorship``
    author_id: Mapped[str | None] = mapped_column(Id)
    author_name: Mapped[str | None] = mapped_column(String(200))
    resolved_s: Mapped[int] = mapped_column(Seconds)
    delight: Mapped[str] = mapped_column(String(20))
    steps: Mapped[int] = mapped_column(Integer)
    remedy_cost_cents: Mapped[int] = mapped_column(BigInteger)
    came_back: Mapped[bool] = mapped_column(Boolean)
    suggestions_accepted: Mapped[int] = mapped_column(Integer)
    suggestions_dismissed: Mapped[int] = mapped_column(Integer)
    lifetime_value_cents: Mapped[int | None] = mapped_column(BigInteger)  # the customer's


class ReportRemedyRow(Base):
    """One remedy of a resolution, with its cost."""

    __tablename__ = "report_remedies"

    resolution_id: Mapped[str] = mapped_column(Id, primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(30))
    cost_cents: Mapped[int] = mapped_column(BigInteger)


class ReportFollowUpRow(Base):
    """A follow-up: whose, when due, when done, where it stands."""

    __tablename__ = "report_follow_ups"
    __table_args__ = (Index(None, "due_s"), Index(None, "author", "due_s"))

    follow_up_id: Mapped[str] = mapped_column(Id, primary_key=True)
    author: Mapped[str | None] = mapped_column(String(200))  # see ``authorship``
    author_id: Mapped[str | None] = mapped_column(Id)
    author_name: Mapped[str | None] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(20))
    due_s: Mapped[int] = mapped_column(Seconds)
    completed_s: Mapped[int | None] = mapped_column(Seconds)


class ReportCardRow(Base):
    """A thank-you card: whose, when written, where it is, the gift with it."""

    __tablename__ = "report_cards"
    __table_args__ = (Index(None, "created_s"), Index(None, "author", "created_s"))

    card_id: Mapped[str] = mapped_column(Id, primary_key=True)
    author: Mapped[str | None] = mapped_column(String(200))  # see ``authorship``
    author_id: Mapped[str | None] = mapped_column(Id)
    author_name: Mapped[str | None] = mapped_column(String(200))
    state: Mapped[str] = mapped_column(String(20))
    created_s: Mapped[int] = mapped_column(Seconds)
    gift_value_cents: Mapped[int] = mapped_column(BigInteger)


class ReportCallRow(Base):
    """A call attempt: who dialled whom into which case, when, and how it went; and, kept
    by the feed reader, whether that case was resolved, and with a delighted customer."""

    __tablename__ = "report_calls"
    __table_args__ = (
        Index(None, "author", "started_s"),
        Index(None, "customer_id"),
        # The resources report reads only this index (SQLite: a covering index).
        Index(
            "ix_report_calls_resources",
            "started_s",
            "resource_id",
            "outcome",
            "helped",
            "case_id",
            "case_resolved",
            "case_delighted",
        ),
    )

    attempt_id: Mapped[str] = mapped_column(Id, primary_key=True)
    author: Mapped[str | None] = mapped_column(String(200))  # see ``authorship``
    author_id: Mapped[str | None] = mapped_column(Id)
    author_name: Mapped[str | None] = mapped_column(String(200))
    resource_id: Mapped[str] = mapped_column(Id)
    case_id: Mapped[str | None] = mapped_column(Id)
    customer_id: Mapped[str | None] = mapped_column(Id)
    outcome: Mapped[str | None] = mapped_column(String(20))
    helped: Mapped[bool | None] = mapped_column(Boolean)
    started_s: Mapped[int] = mapped_column(Seconds)
    case_resolved: Mapped[bool] = mapped_column(Boolean)
    case_delighted: Mapped[bool] = mapped_column(Boolean)


class ReportResourceRow(Base):
    """A resource's name, desk and role."""

    __tablename__ = "report_resources"

    resource_id: Mapped[str] = mapped_column(Id, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    department: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(200))


DAY_SUMS: tuple[str, ...] = (
    "resolutions",
    *(delight.value for delight in Delight),
    "all_five_steps",
    *(f"step_{step.value}" for step in RecoveryStep),
    "remedy_cost_cents",
    *(f"remedy_cost_cents_{kind.value}" for kind in RemedyKind),
    "lifetime_value_cents",
    "suggestions_accepted",
    "suggestions_dismissed",
    "suggestion_accepted",  # resolutions with at least one suggestion accepted
    "came_back",
    "follow_ups_on_time",
    "follow_ups_late",
    "follow_ups_open",
    "cards_sent",
    "gift_value_cents",
    "conferences_held",
    "people_brought_in",
)
"""What ``report_days`` sums for each advocate and day."""


class ReportDayRow(Base):
    """One advocate's day: every sum a scorecard adds up (``DAY_SUMS``)."""

    __table__ = Table(
        "report_days",
        Base.metadata,
        Column("day", Integer, primary_key=True),  # days since 1970-01-01: periods by it
        Column("author", String(200), primary_key=True),  # see ``authorship``
        Column("author_id", Id),  # None: an old record's name that no user has
        Column("author_name", String(200)),
        *(Column(name, BigInteger, nullable=False) for name in DAY_SUMS),
    )


class ReportDirtyDayRow(Base):
    """An advocate's day (``report_days``' key) whose records changed since it was summed."""

    __tablename__ = "report_dirty_days"

    day: Mapped[int] = mapped_column(Integer, primary_key=True)
    author: Mapped[str] = mapped_column(String(200), primary_key=True)  # see ``authorship``


FACT_TABLES = (
    ReportCustomerRow,
    ReportProductRow,
    ReportModelRow,
    ReportCaseRow,
    ReportResolutionRow,
    ReportRemedyRow,
    ReportFollowUpRow,
    ReportCardRow,
    ReportCallRow,
    ReportResourceRow,
    ReportDayRow,
    ReportDirtyDayRow,
)
"""Every table the change feed fills (all but ``report_feed``)."""
