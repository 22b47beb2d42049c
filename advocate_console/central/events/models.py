"""The events table: the database is the queue every worker's streams read from."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from sqlalchemy import BigInteger, DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from advocate_console.central.core.database import Base

ID = BigInteger().with_variant(Integer, "sqlite")


class EventRow(Base):
    """One event for one advocate; ``xid`` is the writing transaction's id on PostgreSQL.

    Streams read in (xid, id) order and only rows whose transaction can no longer be in
    flight, so an event committed late is never passed over (see ``service.read_events``).
    """

    __tablename__ = "events"
    __table_args__ = (Index("ix_events_user_id_xid_id", "user_id", "xid", "id"),)

    id: Mapped[int] = mapped_column(ID, primary_key=True, autoincrement=True)
    user_id: Mapped[UUID] = mapped_column(ForeignKey("advocates.id"))
    xid: Mapped[int] = mapped_column(BigInteger)
    event: Mapped[str] = mapped_column(String(40))
    data: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
