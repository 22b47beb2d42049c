"""The approvals table: the approval as JSON plus the columns it is listed by."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from sqlalchemy import DateTime, ForeignKey, Integer, String, Text, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from advocate_console.central.core.database import Base


class ApprovalRow(Base):
    """A request for a lead's approval, and its answer (``data``: the Approval's JSON)."""

    __tablename__ = "approvals"

    id: Mapped[UUID] = mapped_column(Uuid, primary_key=True)
    case_id: Mapped[UUID] = mapped_column(ForeignKey("cases.id"), index=True)
    requester_id: Mapped[UUID] = mapped_column(ForeignKey("advocates.id"), index=True)
    status: Mapped[str] = mapped_column(String(10), index=True)
    version: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    data: Mapped[str] = mapped_column(Text)
