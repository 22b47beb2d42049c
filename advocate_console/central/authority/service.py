"""Each advocate's limits and spending, and the refusal of a resolution beyond them.

``refuse_beyond_authority`` is what the records' write path calls for every record it
creates or changes (the console's sync pushes through the same routes): for a
resolution, it refuses remedies beyond the writer's authority with 403, unless the
resolution carries the id of an approval that covers them, and keeps what the
resolution cost counted against its author's month.
"""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from sqlalchemy import bindparam, delete, func, insert, select, update
from sqlalchemy.orm import Session

from advocate_console.api.schemas import ProblemOut
from advocate_console.central.approvals.models import ApprovalRow
from advocate_console.central.auth.models import AdvocateRow
from advocate_console.central.core.clock import utc_now
from advocate_console.central.core.database import Database
from advocate_console.central.core.errors import ApiError
from advocate_console.central.core.writes import Statement
from advocate_console.central.records.models import ResolutionRow
from advocate_console.domain import Collection, Record, Resolution
from advocate_console.domain.authority import (
    Approval,
    Authority,
    AuthorityLimits,
    Overage,
    covers,
    month_of,
    overages,
    total_of,
)
from advocate_console.domain.records import Advocate

from .models import LimitsRow, SpendingRow
from .words import approval_trouble, beyond_authority, overage_words

DEFAULTS = "authority_defaults"
"""Where a database's sessions find the server's default limits (``Session.info``)."""
_LIMIT_FIELDS = tuple(AuthorityLimits.model_fields)


def use_defaults(db: Database, limits: AuthorityLimits) -> None:
    """Make ``limits`` the default authority on ``db`` (the server's settings)."""
    db.info[DEFAULTS] = limits


def defaults_of(session: Session) -> AuthorityLimits:
    """The server's default limits (the company's usual ones when none were set)."""
    found = session.info.get(DEFAULTS)
    return found if isinstance(found, AuthorityLimits) else AuthorityLimits()


def user_exists(session: Session, user_id: UUID) -> bool:
    """Whether there is a user with ``user_id``."""
    return session.scalar(select(AdvocateRow.id).where(AdvocateRow.id == user_id)) is not None


def limits_of(session: Session, user_id: UUID) -> AuthorityLimits:
    """``user_id``'s own limits, or the server's defaults when no lead set any."""
    row = _LIMITS.first(session.connection(), {"the_user": user_id})
    if row is None:
        return defaults_of(session)
    return AuthorityLimits(**dict(zip(_LIMIT_FIELDS, row, strict=True)))


def month_start(now: datetime) -> tuple[datetime, datetime]:
    """The first moment of ``now``'s calendar month (UTC) and of the next one."""
    start = now.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    following = start.replace(year=start.year + start.month // 12, month=start.month % 12 + 1)
    return start, following


def spent_in_month(
    session: Session, user_id: UUID, now: datetime, leaving_out: UUID | None = None
) -> int:
    """What ``user_id``'s resolutions resolved in ``now``'s month cost together (cents),
    without the resolution ``leaving_out`` (the one being written)."""
    start, end = month_start(now)
    values = {"the_user": user_id, "start": start, "end": end}
    if leaving_out is None:
        return int(_SPENT.scalar(session.connection(), values) or 0)
    values["leaving_out"] = leaving_out
    return int(_SPENT_BUT_ONE.scalar(session.connection(), values) or 0)


def authority_of(
    session: Session, user_id: UUID, now: datetime | None = None, leaving_out: UUID | None = None
) -> Authority:
    """``user_id``'s limits and what they spent in ``now``'s month (UTC)."""
    now = now or utc_now()
    return Authority(
        limits=limits_of(session, user_id),
        month=month_of(now),
        spent_this_month_cents=spent_in_month(session, user_id, now, leaving_out),
    )


def set_limits(
    session: Session, user_id: UUID, limits: AuthorityLimits, by: Advocate | None = None
) -> None:
    """Make ``limits`` ``user_id``'s own, as set by ``by``; they apply to the next write."""
    values = limits.model_dump() | {"updated_at": utc_now(), "updated_by_id": by.id if by else None}
    done = session.execute(update(LimitsRow).where(LimitsRow.user_id == user_id).values(**values))
    if not done.rowcount:
        session.execute(insert(LimitsRow).values(user_id=user_id, **values))


def count_spending(
    session: Session, resolution: Resolution, author_id: UUID, *, new: bool = False
) -> None:
    """Keep what ``resolution`` cost counted against its author's month (the author a
    first write named stays, whoever edits it later); ``new``: it has never been counted."""
    values = {"resolved_at": resolution.resolved_at, "cost_cents": total_of(resolution.remedies)}
    connection = session.connection()
    done = 0
    if not new:
        done = _SPENDING_CHANGED.count(connection, {"the_resolution": resolution.id, **values})
    if not done:
        row = {"resolution_id": resolution.id, "author_id": author_id, **values}
        _SPENDING_COUNTED.rows(connection, row)


def forget_replaced(session: Session, resolution: Resolution) -> None:
    """A case's remedies count once, as the resolution that stands gives them: the
    resolutions ``resolution`` replaces (its case was reopened) no longer count."""
    values = {"the_case": resolution.case_id, "the_resolution": resolution.id}
    _REPLACED_FORGOTTEN.rows(session.connection(), values)


# Every resolution written runs these: built once, with bound parameters (building them
# cost more than running them), on PostgreSQL run on the driver's cursor (core/writes.py).
_LIMITS = Statement(
    select(*(LimitsRow.__table__.c[name] for name in _LIMIT_FIELDS)).where(
        LimitsRow.user_id == bindparam("the_user")
    )
)
_SPENDING_IN_MONTH = select(func.coalesce(func.sum(SpendingRow.cost_cents), 0)).where(
    SpendingRow.author_id == bindparam("the_user"),
    SpendingRow.resolved_at >= bindparam("start"),
    SpendingRow.resolved_at < bindparam("end"),
)
_SPENT = Statement(_SPENDING_IN_MONTH)
_SPENT_BUT_ONE = Statement(
    _SPENDING_IN_MONTH.where(SpendingRow.resolution_id != bindparam("leaving_out"))
)
_SPENDING = SpendingRow.__table__
_SPENDING_CHANGED = Statement(
    update(_SPENDING).where(_SPENDING.c.resolution_id == bindparam("the_resolution"))
)
_SPENDING_COUNTED = Statement(insert(_SPENDING))
_REPLACED_FORGOTTEN = Statement(
    delete(_SPENDING).where(
        _SPENDING.c.resolution_id.in_(
            select(ResolutionRow.id).where(
                ResolutionRow.case_id == bindparam("the_case"),
                ResolutionRow.id != bindparam("the_resolution"),
            )
        )
    )
)
_TURN = Statement(
    select(AdvocateRow.id)
    .where(AdvocateRow.id == bindparam("the_user"))
    .with_for_update(key_share=True)
)


def _judged(record: Resolution, before: Record | None) -> bool:
    return not isinstance(before, Resolution) or before.remedies != record.remedies


def take_turn_to_spend(
    session: Session,
    collection: Collection,
    record: Record,
    who: Advocate | None,
    before: Record | None = None,
) -> None:
    """Before a resolution is written: wait for ``who``'s other resolution writes to end,
    so two saves at once cannot both take the month's last dollars (PostgreSQL; SQLite's
    writers take turns anyway).

    FOR NO KEY UPDATE, before the record is written: FOR UPDATE waited on the share of
    the user's row that a write's Idempotency-Key row holds, so two saves deadlocked
    (503); and taken after the write, a waiting save held a change-feed cursor, which
    made feed readers wait too.
    """
    if collection is not Collection.RESOLUTIONS or who is None:
        return
    assert isinstance(record, Resolution)
    if session.get_bind().dialect.name != "sqlite" and _judged(record, before):
        _TURN.rows(session.connection(), {"the_user": who.id})


def refuse_beyond_authority(
    session: Session,
    collection: Collection,
    record: Record,
    who: Advocate | None,
    before: Record | None = None,
) -> None:
    """403 when ``record``, a resolution ``who`` is writing, gives remedies beyond their
    authority without an approval that covers them; else its cost is counted.

    ``before``: the resolution as it was (an update); remedies it already had are not
    judged again. Writes without a user (the demo's loading) are not judged. The write
    took its turn first (``take_turn_to_spend``).
    """
    if collection is not Collection.RESOLUTIONS or who is None:
        return
    assert isinstance(record, Resolution)
    if before is None:
        forget_replaced(session, record)
    if _judged(record, before):
        found = overages(record.remedies, authority_of(session, who.id, leaving_out=record.id))
        if found:
            _refuse_unless_approved(session, record, found)
    author = getattr(record, "author_id", None) or who.id
    count_spending(session, record, author, new=before is None)


def _refuse_unless_approved(session: Session, record: Resolution, found: list[Overage]) -> None:
    approval: Approval | None = None
    if record.approval_id is not None:
        data = session.scalar(select(ApprovalRow.data).where(ApprovalRow.id == record.approval_id))
        approval = None if data is None else Approval.model_validate_json(data)
        if approval is not None and covers(approval, record.case_id, record.remedies):
            return
    problems = [
        ProblemOut(
            field="remedies",
            message=overage_words(overage),
            code="over_authority",
            limit=overage.limit,
            amount=overage.amount,
            kind=overage.code,
        )
        for overage in found
    ]
    trouble = approval_trouble(record, approval)
    if trouble is not None:
        code, words = trouble
        problems.append(ProblemOut(field="approval_id", message=words, code=code))
    raise ApiError(403, beyond_authority(found, trouble[1] if trouble else None), problems=problems)
