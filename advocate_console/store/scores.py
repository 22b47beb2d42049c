"""The signed-in advocate's own score, read from the local store (offline too)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, time

from sqlalchemy import select

from advocate_console.domain import Collection
from advocate_console.domain.scores import MyScore, first_day_needed, my_score

from .database import Store
from .models import ResolutionRow
from .rows import to_record


class OwnScore:
    """Counts the advocate's own resolutions in the store: the figure moves as soon as a
    resolution is saved, before any sync."""

    def __init__(self, store: Store, clock: Callable[[], datetime] | None = None) -> None:
        self._store = store
        self._clock = clock or (lambda: datetime.now(UTC))

    def today(self) -> date:
        """The UTC day the score is counted up to (the server's reports count UTC days)."""
        return self._clock().astimezone(UTC).date()

    def score(self, advocate: str) -> MyScore:
        """The score of the advocate named ``advocate``: who the records say resolved
        them (``advocate``, the author's name the server writes), as ownership decides
        in ``domain/ownership.py``."""
        today = self.today()
        since = datetime.combine(first_day_needed(today), time.min)
        with self._store.session() as session:
            rows = session.scalars(
                select(ResolutionRow.data).where(
                    ResolutionRow.advocate == advocate, ResolutionRow.resolved_at >= since
                )
            ).all()
        return my_score((to_record(Collection.RESOLUTIONS, data) for data in rows), today)
