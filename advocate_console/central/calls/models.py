"""Calls as the phone system reported them, and which extension is which advocate's."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from sqlalchemy import DateTime, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from advocate_console.central.core.database import Base


class ExtensionRow(Base):
    """A phone extension and the advocate who answers it."""

    __tablename__ = "phone_extensions"

    extension: Mapped[str] = mapped_column(String(40), primary_key=True)
    user_id: Mapped[UUID] = mapped_column(ForeignKey("advocates.id"))


class CallRow(Base):
    """One call: offered to an advocate, then answered or not, then ended."""

    __tablename__ = "calls"

    integration_id: Mapped[UUID] = mapped_column(
        ForeignKey("integration_keys.id"), primary_key=True
    )
    call_id: Mapped[str] = mapped_column(String(200), primary_key=True)
    user_id: Mapped[UUID] = mapped_column(ForeignKey("advocates.id"), index=True)
    caller: Mapped[str] = mapped_column(String(100))
    callee: Mapped[str] = mapped_column(String(100))
    direction: Mapped[str] = mapped_column(String(3))
    state: Mapped[str] = mapped_column(String(10))
    offered_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    answered_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    ended_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
