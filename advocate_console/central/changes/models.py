"""The change-feed table: one row per committed create or update."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from sqlalchemy import BigInteger, Boolean, DateTime, Integer, String, Text, Uuid, true
from sqlalchemy.orm import Mapped, mapped_column

from advocate_console.central.core.database import Base

# SQLite only auto-increments an INTEGER PRIMARY KEY; PostgreSQL gets a 64-bit identity.
CURSOR = BigInteger().with_variant(Integer, "sqlite")


class ChangeRow(Base):
    """A record as it was committed, by whom and when; ``cursor`` rises in commit order.

    ``changed_by_*`` is the signed-in user who made the change (None for the demo seed
    and writes without a user). Every version stays here for the audit; ``latest`` marks
    each record's newest, the only one the feed sends.
    """

    __tablename__ = "changes"

    cursor: Mapped[int] = mapped_column(CURSOR, primary_key=True, autoincrement=True)
    collection: Mapped[str] = mapped_column(String(20))
    record_id: Mapped[UUID] = mapped_column(Uuid, index=True)
    version: Mapped[int] = mapped_column(Integer)
    data: Mapped[str] = mapped_column(Text)
    committed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    changed_by_id: Mapped[UUID | None] = mapped_column(Uuid)
    changed_by_name: Mapped[str | None] = mapped_column(String(200))
    latest: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())
