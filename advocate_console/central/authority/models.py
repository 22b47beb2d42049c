"""Each advocate's own limits, and what each resolution counts against its author's month."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from sqlalchemy import BigInteger, DateTime, ForeignKey, Index, Integer, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from advocate_console.central.core.database import Base


class LimitsRow(Base):
    """One advocate's limits, set by a lead or admin; without a row the server's defaults
    (its settings) apply."""

    __tablename__ = "authority_limits"

    user_id: Mapped[UUID] = mapped_column(ForeignKey("advocates.id"), primary_key=True)
    per_case_cents: Mapped[int] = mapped_column(BigInteger)
    refund_without_return_cents: Mapped[int] = mapped_column(BigInteger)
    warranty_extension_months: Mapped[int] = mapped_column(Integer)
    gift_certificate_cents: Mapped[int] = mapped_column(BigInteger)
    monthly_cents: Mapped[int] = mapped_column(BigInteger)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_by_id: Mapped[UUID | None] = mapped_column(Uuid)


class SpendingRow(Base):
    """What one resolution cost, counted against its author's calendar month: kept with
    every write of a resolution, so a month's spending is one indexed sum."""

    __tablename__ = "authority_spending"
    # Covering: a month's sum is read from the index alone (it runs with every write).
    __table_args__ = (Index(None, "author_id", "resolved_at", "cost_cents"),)

    resolution_id: Mapped[UUID] = mapped_column(ForeignKey("resolutions.id"), primary_key=True)
    author_id: Mapped[UUID] = mapped_column(ForeignKey("advocates.id"))
    resolved_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    cost_cents: Mapped[int] = mapped_column(BigInteger)
