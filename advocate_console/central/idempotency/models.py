"""The answers given to writes that carried an Idempotency-Key."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from sqlalchemy import DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from advocate_console.central.core.database import Base


class IdempotencyKeyRow(Base):
    """One advocate's key, a fingerprint of the request, and the answer it got."""

    __tablename__ = "idempotency_keys"

    advocate_id: Mapped[UUID] = mapped_column(ForeignKey("advocates.id"), primary_key=True)
    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    fingerprint: Mapped[str] = mapped_column(String(64))
    status: Mapped[int] = mapped_column(Integer)
    body: Mapped[str] = mapped_column(Text)
    etag: Mapped[str | None] = mapped_column(String(30))
    location: Mapped[str | None] = mapped_column(String(300))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
