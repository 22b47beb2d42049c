"""The bridges, their conferences and the legs of each: the API writes what is wanted, the
bridge that holds a conference writes what happened.

The database is the command queue between the API and the bridges: any API worker
writes a wish (a new leg, hold, drop) in the leg's row and bumps its bridge's ``wanted``
counter in the same transaction; the bridge, which polls only that counter, then loads
its live conferences with their legs and brings its calls in line with them.
"""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from sqlalchemy import Boolean, DateTime, ForeignKey, Integer, String, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from advocate_console.central.core.database import Base


class BridgeRow(Base):
    """A running (or once running) bridge process and its heartbeat."""

    __tablename__ = "bridges"

    id: Mapped[UUID] = mapped_column(Uuid, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    sip_domain: Mapped[str] = mapped_column(String(200))
    started_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    seen_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    stopped_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    wanted: Mapped[int] = mapped_column(Integer, default=0)  # bumped with every wish


class ConferenceRow(Base):
    """One conference, held by one bridge from start to end."""

    __tablename__ = "conferences"

    id: Mapped[UUID] = mapped_column(Uuid, primary_key=True)
    bridge_id: Mapped[UUID] = mapped_column(ForeignKey("bridges.id"), index=True)
    owner_id: Mapped[UUID] = mapped_column(Uuid, index=True)  # the advocate who started it
    owner_name: Mapped[str] = mapped_column(String(200))
    case_id: Mapped[UUID | None] = mapped_column(ForeignKey("cases.id"))
    customer_id: Mapped[UUID | None] = mapped_column(ForeignKey("customers.id"))
    category: Mapped[str] = mapped_column(String(200), default="")
    product_model: Mapped[str] = mapped_column(String(200), default="")
    address: Mapped[str] = mapped_column(String(200))  # its SIP address, for transfers
    customer_joins: Mapped[str] = mapped_column(String(20))
    end_wanted: Mapped[bool] = mapped_column(Boolean, default=False)
    live: Mapped[bool] = mapped_column(Boolean, default=True, index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    ended_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class LegRow(Base):
    """One leg: what the advocate wants of it, and what the bridge reports."""

    __tablename__ = "conference_legs"

    id: Mapped[UUID] = mapped_column(Uuid, primary_key=True)
    conference_id: Mapped[UUID] = mapped_column(ForeignKey("conferences.id"), index=True)
    number: Mapped[int] = mapped_column(Integer)  # 1, 2, … in the order they were added
    role: Mapped[str] = mapped_column(String(20))
    label: Mapped[str] = mapped_column(String(200), default="")
    target: Mapped[str] = mapped_column(String(200), default="")  # as the advocate gave it
    resource_id: Mapped[UUID | None] = mapped_column(ForeignKey("resources.id"))
    attempt_id: Mapped[UUID | None] = mapped_column(Uuid)  # its call attempt record
    helped: Mapped[bool | None] = mapped_column(Boolean)
    # Wishes, written by the API.
    want_hold: Mapped[bool] = mapped_column(Boolean, default=False)
    want_muted: Mapped[bool] = mapped_column(Boolean, default=False)
    want_consult: Mapped[bool] = mapped_column(Boolean, default=False)
    want_drop: Mapped[bool] = mapped_column(Boolean, default=False)
    # What happened, written by the bridge.
    state: Mapped[str] = mapped_column(String(20))
    joined: Mapped[bool] = mapped_column(Boolean, default=False)
    sip_code: Mapped[int] = mapped_column(Integer, default=0)
    reason: Mapped[str] = mapped_column(String(200), default="")
    outcome: Mapped[str | None] = mapped_column(String(20))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    ringing_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    answered_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    joined_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    ended_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
