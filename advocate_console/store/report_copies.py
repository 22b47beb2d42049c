"""The last copy of each report the console fetched, kept with its time for offline use."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import delete
from sqlalchemy.dialects.sqlite import insert

from .database import Store
from .models import ReportCopyRow
from .rows import naive_utc


@dataclass(frozen=True, slots=True)
class ReportCopy:
    """A report's body as the server sent it, and when."""

    body: str
    as_of: datetime  # UTC


class ReportCopies:
    """Copies of reports, one per user and report: a lead's team report is never shown
    to the next advocate who signs in on the same laptop."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def keep(self, owner: str, name: str, body: str, as_of: datetime) -> None:
        """Keep ``body`` as the copy of report ``name`` for ``owner``, replacing the last."""
        values = {"owner": owner, "name": name, "body": body, "as_of": naive_utc(as_of)}
        statement = insert(ReportCopyRow.__table__).values(values)
        statement = statement.on_conflict_do_update(
            index_elements=["owner", "name"],
            set_={"body": statement.excluded.body, "as_of": statement.excluded.as_of},
        )
        with self._store.session() as session:
            session.execute(statement)

    def last(self, owner: str, name: str) -> ReportCopy | None:
        """The copy kept last of report ``name`` for ``owner``, or None."""
        with self._store.session() as session:
            row = session.get(ReportCopyRow, (owner, name))
            if row is None:
                return None
            return ReportCopy(row.body, row.as_of.replace(tzinfo=UTC))

    def forget(self, owner: str) -> None:
        """Drop every copy of ``owner``'s."""
        with self._store.session() as session:
            session.execute(delete(ReportCopyRow).where(ReportCopyRow.owner == owner))
