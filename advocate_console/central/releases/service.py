"""Publishing a release on a channel, and reading a channel's current one."""

from __future__ import annotations

from datetime import datetime

from advocate_console.api.schemas import Release
from advocate_console.central.core.clock import as_utc, utc_now
from advocate_console.central.core.database import Database
from advocate_console.central.core.errors import ApiError

from .models import ReleaseRow
from .schemas import PublishRelease


def publish_release(db: Database, release: PublishRelease, now: datetime | None = None) -> Release:
    """Make ``release`` the channel's current one (replacing the one before)."""
    published_at = now or utc_now()
    with db.write() as session:
        row = session.get(ReleaseRow, release.channel)
        if row is None:
            row = ReleaseRow(channel=release.channel)
            session.add(row)
        row.version = release.version
        row.notes_url = release.notes_url
        row.published_at = published_at
    return Release(
        channel=release.channel,
        version=release.version,
        notes_url=release.notes_url,
        published_at=published_at,
    )


def current_release(db: Database, channel: str) -> Release:
    """The channel's current release; 404 when nothing was published on it."""
    with db.read() as session:
        row = session.get(ReleaseRow, channel)
    if row is None:
        raise ApiError(404, f"No release has been published on the channel “{channel}”.")
    return Release(
        channel=row.channel,
        version=row.version,
        notes_url=row.notes_url,
        published_at=as_utc(row.published_at),
    )
