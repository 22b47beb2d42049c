"""The reports' own tables: narrow rows projected from the records, kept by the change feed.

Records are stored as JSON; reading a year of it for every report would cost seconds.
These tables hold only what the reports count, typed and indexed, one row per record
(the newest version), and ``report_feed`` remembers how far into the change feed they
are. Times are whole seconds since 1970 (UTC): a period, a week or "within 30 days" is
then integer arithmetic that SQLite and PostgreSQL do alike.
"""

from __future__ import annotations

from sqlalchemy import BigInteger, Boolean, Index, Integer, String, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from advocate_console.central.core.database import Base

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


class ReportCaseRow(Base):
    """A case: whose, about which model (copied from its product), when, and if a failure."""

    __tablename__ = "report_cases"
    __table_args__ = (
        Index(None, "customer_id", "opened_s"),
        Index(None, "model_number", "opened_s"),
        Index(None, "opened_s"),
    )

    case_id: Mapped[str] = mapped_column(Id, primary_key=True)
    number: Mapped[str] = mapped_column(String(20))
    customer_id: Mapped[str] = mapped_column(Id)
    product_id: Mapped[str | None] = mapped_column(Id)
    model_number: Mapped[str | None] = mapped_column(String(200))
    category: Mapped[str] = mapped_column(String(200))
    failure: Mapped[bool] = mapped_column(Boolean)
    status: Mapped[str] = mapped_column(String(20))
    opened_s: Mapped[int] = mapped_column(Seconds)


class ReportResolutionRow(Base):
    """A resolution: who resolved it, when, the steps taken (a bit each), delight, cost."""

    __tablename__ = "report_resolutions"
    __table_args__ = (Index(None, "resolved_s"), Index(None, "case_id"))

    resolution_id: Mapped[str] = mapped_column(Id, primary_key=True)
    case_id: Mapped[str] = mapped_column(Id)
    author: Mapped[str | None] = mapped_column(String(200))
    author_name: Mapped[str | None] = mapped_column(String(200))
    resolved_s: Mapped[int] = mapped_column(Seconds)
    delight: Mapped[str] = mapped_column(String(20))
    steps: Mapped[int] = mapped_column(Integer)
    remedy_cost_cents: Mapped[int] = mapped_column(BigInteger)


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
    __table_args__ = (Index(None, "due_s"),)

    follow_up_id: Mapped[str] = mapped_column(Id, primary_key=True)
    author: Mapped[str | None] = mapped_column(String(200))
    author_name: Mapped[str | None] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(20))
    due_s: Mapped[int] = mapped_column(Seconds)
    completed_s: Mapped[int | None] = mapped_column(Seconds)


class ReportCardRow(Base):
    """A thank-you card: whose, when written, where it is, the gift with it."""

    __tablename__ = "report_cards"
    __table_args__ = (Index(None, "created_s"),)

    card_id: Mapped[str] = mapped_column(Id, primary_key=True)
    author: Mapped[str | None] = mapped_column(String(200))
    author_name: Mapped[str | None] = mapped_column(String(200))
    state: Mapped[str] = mapped_column(String(20))
    created_s: Mapped[int] = mapped_column(Seconds)
    gift_value_cents: Mapped[int] = mapped_column(BigInteger)


class ReportCallRow(Base):
    """A call attempt: who dialled whom into which case, when, and how it went."""

    __tablename__ = "report_calls"
    __table_args__ = (Index(None, "started_s"),)

    attempt_id: Mapped[str] = mapped_column(Id, primary_key=True)
    author: Mapped[str | None] = mapped_column(String(200))
    author_name: Mapped[str | None] = mapped_column(String(200))
    resource_id: Mapped[str] = mapped_column(Id)
    case_id: Mapped[str | None] = mapped_column(Id)
    outcome: Mapped[str | None] = mapped_column(String(20))
    helped: Mapped[bool | None] = mapped_column(Boolean)
    started_s: Mapped[int] = mapped_column(Seconds)


class ReportResourceRow(Base):
    """A resource's name, desk and role."""

    __tablename__ = "report_resources"

    resource_id: Mapped[str] = mapped_column(Id, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    department: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(200))


FACT_TABLES = (
    ReportCustomerRow,
    ReportProductRow,
    ReportCaseRow,
    ReportResolutionRow,
    ReportRemedyRow,
    ReportFollowUpRow,
    ReportCardRow,
    ReportCallRow,
    ReportResourceRow,
)
"""Every table the change feed fills (all but ``report_feed``)."""
