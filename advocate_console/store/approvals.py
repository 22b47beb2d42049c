"""The advocate's authority and the approvals this console knows, kept for offline work.

An approval request is written here first (``unsent``) and sent by the sync: this table
is the request's outbox. Its id is the console's, so sending it again after a dropped
line is safe (the server answers a second POST with the first). The server's copies
(the advocate's own requests with their decisions, a lead's pending ones) replace the
local ones when they are newer.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import func, select
from sqlalchemy.dialects.sqlite import insert

from advocate_console.domain.authority import Approval, Authority

from .database import Store
from .models import ApprovalRow, AuthorityRow
from .rows import naive_utc


@dataclass(frozen=True, slots=True)
class ApprovalRequest:
    """An approval as this console knows it, and whether the server has it yet."""

    approval: Approval
    unsent: bool = False
    problem: str | None = None
    """Why the last try to send it failed (offline, the server's reason)."""
    refused: bool = False
    """The server refused the request for good (``problem`` says why): it is not sent again."""

    @property
    def id(self) -> uuid.UUID:
        """The approval's id (made by the console that asked)."""
        return self.approval.id


class ApprovalBook:
    """Reads and writes the authority and the approvals of the local store."""

    def __init__(self, store: Store) -> None:
        self._store = store

    # -- authority ------------------------------------------------------------------------

    def keep_authority(self, advocate_id: uuid.UUID, authority: Authority) -> None:
        """The server's latest word on ``advocate_id``'s authority, for offline use."""
        values = {
            "data": authority.model_dump_json(),
            "fetched_at": naive_utc(datetime.now(UTC)),
        }
        statement = insert(AuthorityRow).values(advocate_id=advocate_id, **values)
        with self._store.session() as session:
            session.execute(
                statement.on_conflict_do_update(index_elements=["advocate_id"], set_=values)
            )

    def authority(self, advocate_id: uuid.UUID) -> Authority | None:
        """The last copy of ``advocate_id``'s authority; None when it was never synced."""
        with self._store.session() as session:
            row = session.get(AuthorityRow, advocate_id)
            data = row.data if row is not None else None
        return Authority.model_validate_json(data) if data is not None else None

    # -- asking ---------------------------------------------------------------------------

    def ask(self, approval: Approval) -> ApprovalRequest:
        """Keep a new request, to be sent (now if online, else when the line is back)."""
        with self._store.session() as session:
            session.add(_row(approval, unsent=True))
        return ApprovalRequest(approval, unsent=True)

    def unsent(self) -> list[ApprovalRequest]:
        """The requests the server has not confirmed yet (not those it refused), oldest first."""
        with self._store.session() as session:
            rows = session.scalars(
                select(ApprovalRow)
                .where(ApprovalRow.unsent.is_(True), ApprovalRow.refused.is_(False))
                .order_by(ApprovalRow.created_at)
            ).all()
            return [_request(row) for row in rows]

    def sent(self, approval: Approval) -> None:
        """The server has the request: keep its copy (its version, its context)."""
        self.keep([approval])

    def not_sent(self, approval_id: uuid.UUID, problem: str, *, refused: bool = False) -> None:
        """Sending failed: say why; ``refused`` (for good) stops sending it again."""
        with self._store.session() as session:
            row = session.get(ApprovalRow, approval_id)
            if row is not None and row.unsent:
                row.last_error = problem
                row.refused = refused

    # -- the server's copies ---------------------------------------------------------------

    def keep(self, approvals: Iterable[Approval]) -> list[Approval]:
        """Keep the server's copies; returns those that are new here or changed (a decision
        arrived), in the order given. An older copy never replaces a newer one."""
        changed = []
        with self._store.session() as session:
            for approval in approvals:
                row = session.get(ApprovalRow, approval.id)
                if row is None:
                    session.add(_row(approval, unsent=False))
                    changed.append(approval)
                elif approval.version > row.version or row.unsent:
                    before = row.status, row.version
                    _fill(row, approval)
                    row.unsent, row.refused, row.last_error = False, False, None
                    if (approval.status, approval.version) != before:
                        changed.append(approval)
        return changed

    def get(self, approval_id: uuid.UUID) -> ApprovalRequest | None:
        """One approval, or None when this console does not know it."""
        with self._store.session() as session:
            row = session.get(ApprovalRow, approval_id)
            return _request(row) if row is not None else None

    def latest_for_case(
        self, case_id: uuid.UUID, requester_id: uuid.UUID | None = None
    ) -> ApprovalRequest | None:
        """The newest request for ``case_id`` (by ``requester_id`` when given), or None."""
        query = select(ApprovalRow).where(ApprovalRow.case_id == case_id)
        if requester_id is not None:
            query = query.where(ApprovalRow.requester_id == requester_id)
        with self._store.session() as session:
            row = session.scalars(query.order_by(ApprovalRow.created_at.desc()).limit(1)).first()
            return _request(row) if row is not None else None

    def pending(self, except_requester: uuid.UUID | None = None) -> list[Approval]:
        """The requests waiting for a decision, oldest first (a lead's dock): not those
        of ``except_requester`` (nobody decides their own)."""
        query = select(ApprovalRow).where(ApprovalRow.status == "pending")
        if except_requester is not None:
            query = query.where(
                (ApprovalRow.requester_id != except_requester) | ApprovalRow.requester_id.is_(None)
            )
        with self._store.session() as session:
            rows = session.scalars(query.order_by(ApprovalRow.created_at)).all()
            return [Approval.model_validate_json(row.data) for row in rows]

    def waiting_for(self, requester_id: uuid.UUID) -> int:
        """How many of ``requester_id``'s requests wait for a decision."""
        query = select(func.count()).where(
            ApprovalRow.status == "pending", ApprovalRow.requester_id == requester_id
        )
        with self._store.session() as session:
            return session.scalar(query) or 0

    def pending_ids(self) -> set[uuid.UUID]:
        """The ids of every approval kept as pending (to notice those decided elsewhere)."""
        with self._store.session() as session:
            return set(
                session.scalars(select(ApprovalRow.id).where(ApprovalRow.status == "pending"))
            )


def _row(approval: Approval, *, unsent: bool) -> ApprovalRow:
    row = ApprovalRow(id=approval.id, unsent=unsent, refused=False)
    _fill(row, approval)
    return row


def _fill(row: ApprovalRow, approval: Approval) -> None:
    row.version = approval.version
    row.data = approval.model_dump_json()
    row.case_id = approval.case_id
    row.requester_id = approval.requester_id
    row.status = approval.status
    row.created_at = naive_utc(approval.created_at or datetime.now(UTC))


def _request(row: ApprovalRow) -> ApprovalRequest:
    return ApprovalRequest(
        Approval.model_validate_json(row.data),
        unsent=row.unsent,
        problem=row.last_error,
        refused=row.refused,
    )
