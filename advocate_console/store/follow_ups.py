"""Follow-ups due and overdue across customers — callbacks promised on a case and proactive
calls after a purchase — and completing one, which logs the call on the timeline."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from advocate_console.domain import (
    Case,
    Collection,
    Customer,
    Direction,
    FollowUp,
    FollowUpKind,
    FollowUpStatus,
    Interaction,
    InteractionKind,
)

from .database import Store
from .models import CaseRow, CustomerRow, FollowUpRow
from .outbox import LocalChanges
from .rows import naive_utc, to_record


class FollowUpError(ValueError):
    """A follow-up cannot be completed (not in the store, or no longer open)."""


@dataclass(frozen=True, slots=True)
class DueFollowUp:
    """An open follow-up with who to call and about which case."""

    follow_up: FollowUp
    customer: Customer | None = None  # None until the customer's record has synced
    case: Case | None = None

    @property
    def customer_name(self) -> str:
        """Who to call, as their record names them."""
        return self.customer.display_name if self.customer else ""

    @property
    def case_number(self) -> str:
        """The case the callback was promised on, or empty."""
        return self.case.number if self.case else ""

    def is_overdue(self, now: datetime) -> bool:
        """True once the promised time has passed."""
        return self.follow_up.due_at < now


class FollowUpList:
    """Open follow-ups by due time, and their completion."""

    def __init__(
        self,
        store: Store,
        advocate: str | None = None,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        self._store = store
        self._changes = LocalChanges(store)
        self.advocate = advocate
        self._clock = clock or (lambda: datetime.now(UTC))

    def now(self) -> datetime:
        """The time the list is due against and completions are stamped with."""
        return self._clock()

    def due(self, horizon: timedelta = timedelta(days=1), limit: int = 500) -> list[DueFollowUp]:
        """Open follow-ups due before now + ``horizon``, earliest (most overdue) first."""
        until = naive_utc(self.now() + horizon)
        with self._store.session() as session:
            rows = session.scalars(
                select(FollowUpRow.data)
                .where(FollowUpRow.status == FollowUpStatus.OPEN.value)
                .where(FollowUpRow.due_at <= until)
                .order_by(FollowUpRow.due_at, FollowUpRow.id)
                .limit(limit)
            ).all()
            follow_ups: list[FollowUp] = [to_record(Collection.FOLLOW_UPS, d) for d in rows]  # type: ignore[misc]
            customer_ids = {f.customer_id for f in follow_ups}
            case_ids = {f.case_id for f in follow_ups if f.case_id}
            customers = {
                c.id: c
                for c in (
                    to_record(Collection.CUSTOMERS, data)
                    for data in session.scalars(
                        select(CustomerRow.data).where(CustomerRow.id.in_(customer_ids))
                    )
                )
            }
            cases = {
                c.id: c
                for c in (
                    to_record(Collection.CASES, data)
                    for data in session.scalars(
                        select(CaseRow.data).where(CaseRow.id.in_(case_ids))
                    )
                )
            }
        return [
            DueFollowUp(
                f,
                customers.get(f.customer_id),  # type: ignore[arg-type]
                cases.get(f.case_id) if f.case_id else None,  # type: ignore[arg-type]
            )
            for f in follow_ups
        ]

    def complete(self, follow_up_id: uuid.UUID, note: str = "") -> tuple[FollowUp, Interaction]:
        """Mark the follow-up done and log the call on the customer's timeline, in one
        transaction with both outbox entries."""
        with self._store.session() as session:
            row = session.get(FollowUpRow, follow_up_id)
            data = row.data if row else None
        if data is None:
            raise FollowUpError(f"No follow-up {follow_up_id} in the local store")
        follow_up: FollowUp = to_record(Collection.FOLLOW_UPS, data)  # type: ignore[assignment]
        if follow_up.status is not FollowUpStatus.OPEN:
            raise FollowUpError(f"This follow-up is already {follow_up.status.value}")
        now = self.now()
        callback = follow_up.kind is FollowUpKind.CALLBACK
        interaction = Interaction(
            id=uuid.uuid4(),
            customer_id=follow_up.customer_id,
            case_id=follow_up.case_id,
            kind=InteractionKind.CALLBACK if callback else InteractionKind.CALL,
            direction=Direction.OUTBOUND,
            occurred_at=now,
            summary=("Called back: " if callback else "Proactive call: ") + follow_up.reason,
            body=note.strip(),
            advocate=self.advocate,
        )
        changes: dict = {"status": FollowUpStatus.DONE, "completed_at": now}
        if self.advocate:
            changes["advocate"] = self.advocate
        _, done = self._changes.save_all(
            creates=[(Collection.INTERACTIONS, interaction)],
            updates=[(Collection.FOLLOW_UPS, follow_up.id, changes)],
        )
        return done, interaction  # type: ignore[return-value]
