"""Reading one record's versions from the change feed, for the audit."""

from __future__ import annotations

import json
from typing import Any
from uuid import UUID

from sqlalchemy import select

from advocate_console.api.schemas import AuditVersion, RecordAudit
from advocate_console.central.changes.models import ChangeRow
from advocate_console.central.core.clock import as_utc
from advocate_console.central.core.database import Database
from advocate_console.central.core.errors import ApiError
from advocate_console.domain import Collection

# Fields that change with every version and say nothing of what was changed.
_BOOKKEEPING = frozenset({"version", "updated_by_id", "updated_by_name", "updated_at"})


def record_audit(db: Database, collection: Collection, record_id: UUID, noun: str) -> RecordAudit:
    """Every version of the record, oldest first; 404 when the feed has none."""
    with db.read() as session:
        rows = session.execute(
            select(
                ChangeRow.cursor,
                ChangeRow.version,
                ChangeRow.committed_at,
                ChangeRow.changed_by_id,
                ChangeRow.changed_by_name,
                ChangeRow.data,
            )
            .where(ChangeRow.collection == collection.value, ChangeRow.record_id == record_id)
            .order_by(ChangeRow.cursor)
        ).all()
    if not rows:
        raise ApiError(404, f"There is no {noun} with id {record_id}.")
    versions, before = [], None
    for row in rows:
        record = json.loads(row.data)
        versions.append(
            AuditVersion(
                cursor=row.cursor,
                version=row.version,
                changed_at=as_utc(row.committed_at),
                changed_by_id=row.changed_by_id,
                changed_by_name=row.changed_by_name,
                changed_fields=_changed(before, record),
                record=record,
            )
        )
        before = record
    return RecordAudit(collection=collection, id=record_id, versions=versions)


def _changed(before: dict[str, Any] | None, after: dict[str, Any]) -> list[str]:
    if before is None:
        return []
    names = (set(before) | set(after)) - _BOOKKEEPING
    return sorted(name for name in names if before.get(name) != after.get(name))
