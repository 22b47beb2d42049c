"""One resolution per case: a second one is refused until the case is reopened, a
deliberate act recorded with who, when and why.

Reopening supersedes the resolution that stood (it stays, stamped ``superseded_*``) and
opens the case again (stamped ``reopened_*``), both as new versions in the change feed,
so every console and the audit see it.
"""

from __future__ import annotations

from uuid import UUID

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from advocate_console.central.core.clock import utc_now
from advocate_console.central.core.errors import ApiError
from advocate_console.central.core.http import etag
from advocate_console.central.core.writes import Statement
from advocate_console.central.idempotency.service import Answer
from advocate_console.domain import Case, CaseStatus, Collection, Resolution
from advocate_console.domain.permissions import refusal_to_reopen
from advocate_console.domain.reasons import Reason
from advocate_console.domain.records import Advocate

from . import service as records  # (which imports this module: read at call time)
from .authorship import stamp_change
from .models import CaseRow, ResolutionRow
from .refusals import Refused


def standing_resolutions(session: Session, case_id: UUID) -> list[Resolution]:
    """The resolutions of a case that stand (none superseded by a reopening), oldest first.

    The case's row is locked first, so two resolutions of one case saved at the same
    moment are checked one after the other (SQLite's writers are one at a time already).
    """
    connection = session.connection()
    _CASE_LOCKED.rows(connection, {"the_case": case_id})
    found = [
        Resolution.model_validate_json(data)
        for (data,) in _RESOLUTIONS_OF.rows(connection, {"the_case": case_id})
    ]
    return sorted((r for r in found if r.stands), key=lambda r: r.resolved_at)


# Built once (run for every resolution saved): building cost more than running.
_CASE_LOCKED = Statement(
    select(CaseRow.id).where(CaseRow.id == bindparam("the_case")).with_for_update()
)
_RESOLUTIONS_OF = Statement(
    select(ResolutionRow.data).where(ResolutionRow.case_id == bindparam("the_case"))
)


def refuse_a_second_resolution(session: Session, resolution: Resolution) -> None:
    """409 with the resolution that stands, when ``resolution``'s case already has one."""
    standing = standing_resolutions(session, resolution.case_id)
    if not standing:
        return
    first = standing[-1]
    case = records.load(session, Collection.CASES, resolution.case_id)
    number = case.number if isinstance(case, Case) else str(resolution.case_id)
    by = first.written_by or "someone else"
    when = f"{first.resolved_at:%Y-%m-%d %H:%M}"
    raise Refused(
        409,
        Reason(
            f"Case {number} is already resolved: {by} saved its resolution"
            f" ({when} UTC). Reopen the case first to replace it.",
            "already_resolved",
            (number, first.written_by, first.resolved_at.isoformat()),
        ),
        problems=[("case_id", "this case already has a resolution")],
        current=first.model_dump(mode="json"),
    )


def reopen_case(
    session: Session, case_id: UUID, reason: str, who: Advocate, expected: int | None
) -> Answer:
    """Open a resolved case again for ``reason``, superseding the resolution that stood."""
    current = records.load(session, Collection.CASES, case_id, lock=True)
    if not isinstance(current, Case):
        raise ApiError(404, f"There is no case with id {case_id}.")
    if refusal := refusal_to_reopen(who, current):
        raise Refused(403, refusal)
    if expected is not None and current.version != expected:
        raise ApiError(
            412,
            f"This case changed since you read it: it is at version {current.version},"
            f" not {expected}. Read it again before reopening it.",
            current=current.model_dump(mode="json"),
            headers={"ETag": etag(current.version)},
        )
    standing = standing_resolutions(session, case_id)
    if not standing and current.status.is_open:
        raise ApiError(409, f"Case {current.number} is open; there is nothing to reopen.")
    now = utc_now()
    by = {"id": who.id, "name": who.display_name}
    for resolution in standing:
        fields = stamp_change(session, resolution, {}, who, now) | {
            "superseded_at": now,
            "superseded_by_id": by["id"],
            "superseded_by_name": by["name"],
        }
        records.save(
            session,
            Collection.RESOLUTIONS,
            Resolution.model_validate(fields),
            new=False,
            by=who,
            now=now,
        )
    changes = {"status": CaseStatus.OPEN, "closed_at": None}
    fields = stamp_change(session, current, changes, who, now) | {
        "reopened_at": now,
        "reopened_by_id": by["id"],
        "reopened_by_name": by["name"],
        "reopen_reason": reason,
    }
    case = Case.model_validate(fields)
    data_json = records.save(session, Collection.CASES, case, new=False, by=who, now=now)
    return Answer(200, data_json, etag(case.version))
