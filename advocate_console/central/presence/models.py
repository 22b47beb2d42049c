"""Which advocate's console has which case open, and when it last said so."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from sqlalchemy import DateTime, ForeignKey, String, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from advocate_console.central.core.database import Base


class PresenceRow(Base):
    """One advocate with one case open (one row however many consoles they have)."""

    __tablename__ = "case_presence"

    case_id: Mapped[UUID] = mapped_column(Uuid, ForeignKey("cases.id"), primary_key=True)
    user_id: Mapped[UUID] = mapped_column(Uuid, ForeignKey("advocates.id"), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    seen_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
