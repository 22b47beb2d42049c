"""The releases table: one row per channel, the release published last."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, String
from sqlalchemy.orm import Mapped, mapped_column

from advocate_console.central.core.database import Base
from advocate_console.domain.releases import MAX_NOTES_URL


class ReleaseRow(Base):
    """The current release of one channel (publishing again replaces it)."""

    __tablename__ = "releases"

    channel: Mapped[str] = mapped_column(String(64), primary_key=True)
    version: Mapped[str] = mapped_column(String(64))
    notes_url: Mapped[str] = mapped_column(String(MAX_NOTES_URL))
    published_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
