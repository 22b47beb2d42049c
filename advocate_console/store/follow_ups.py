"""Follow-ups due and overdue across customers — callbacks promised on a case and proactive
calls after a purchase — each marked as the advocate's or a teammate's; and the call made
on one, logged on the timeline, which closes it or sets the time to try again, and can be
taken back for a few seconds."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
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
from advocate_console.domain.follow_up_calls import CallResult, check_call_again
from advocate_console.domain.ownership import is_mine, owner_name

from .database import Store
from .models import CaseRow, CustomerRow, FollowUpRow
from .outbox import LocalChanges, OutboxEntry
from .rows import naive_utc, to_record

TAKEN_BACK = "Taken back (marked by mistake): "
"""Starts a logged call the server had already received when the advocate took it back."""


class FollowUpError(ValueError):
    """A follow-up cannot be completed (not in the store, or no longer open)."""


@dataclass(frozen=True, slots=True)
class DueFollowUp:
    """An open follow-up with who to call and about which case."""

    follow_up: FollowUp
    customer: Customer | None = None  # None until the customer's record has synced
    case: Case | None = None
    mine: bool = False  # the signed-in advocate's own (domain.ownership decides)

    @property
    def owner(self) -> str:
        """Whose follow-up it is, by name (empty when nobody is named)."""
        return owner_name(self.follow_up)

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


@dataclass(frozen=True)
class LoggedCall:
    """A call made on a follow-up, as saved: enough to take it back."""

    follow_up: FollowUp  # as it is now: done, or open with its new time
    before: FollowUp  # as it was
    interaction: Interaction
    result: CallResult
    entries: list[OutboxEntry] = field(default_factory=list)


class FollowUpList:
    """Open follow-ups by due time, whose they are, and the calls made on them."""

    def __init__(
        self,
        store: Store,
        advocate: str | None = None,
        clock: Callable[[], datetime] | None = None,
        advocate_id: uuid.UUID | None = None,
    ) -> None:
        self._store = store
        self._changes = LocalChanges(store)
        self.advocate = advocate
        self.advocate_id = advocate_id
        self._clock = clock or (lambda: datetime.now(UTC))

    def now(self) -> datetime:
        """The time the list is due against and completions are stamped with."""
        return self._clock()

    def due(self, horizon: timedelta = timedelta(days=1), limit: int = 2000) -> list[DueFollowUp]:
        """The team's open follow-ups due before now + ``horizon``, earliest (most overdue)
        first, each marked ``mine`` or not."""
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
                is_mine(f, self.advocate, self.advocate_id),
            )
            for f in follow_ups
        ]

    def complete(self, follow_up_id: uuid.UUID, note: str = "") -> tuple[FollowUp, Interaction]:
        """Mark the follow-up done (the customer was reached) and log the call on their
        timeline, in one transaction with both outbox entries."""
        logged = self.log_call(follow_up_id, CallResult.REACHED, note=note)
        return logged.follow_up, logged.interaction

    def log_call(
        self,
        follow_up_id: uuid.UUID,
        result: CallResult,
        *,
        note: str = "",
        call_again_at: datetime | None = None,
    ) -> LoggedCall:
        """Log the call made on a follow-up and settle it: reached or left a message closes
        it; no answer keeps it open, due again at ``call_again_at``. One transaction with
        its outbox entries (returned, so :meth:`take_back` can undo it)."""
        now = self.now()
        check_call_again(result, call_again_at, now)
        follow_up = self._open(follow_up_id)
        callback = follow_up.kind is FollowUpKind.CALLBACK
        what = "Called back" if callback else "Proactive call"
        if result is not CallResult.REACHED:  # "Called back, no answer: …"
            what += ", " + result.log_text
        interaction = Interaction(
            id=uuid.uuid4(),
            customer_id=follow_up.customer_id,
            case_id=follow_up.case_id,
            kind=InteractionKind.CALLBACK if callback else InteractionKind.CALL,
            direction=Direction.OUTBOUND,
            occurred_at=now,
            summary=f"{what}: {follow_up.reason}",
            body=note.strip(),
            advocate=self.advocate,
        )
        changes: dict = {"status": FollowUpStatus.DONE, "completed_at": now}
        if not result.closes_follow_up:
            # Tried, not settled: it stays with its owner, due again later.
            changes = {"due_at": call_again_at}
        elif self.advocate:
            changes["advocate"] = self.advocate
        (_, updated), entries = self._changes.save_all_entries(
            creates=[(Collection.INTERACTIONS, interaction)],
            updates=[(Collection.FOLLOW_UPS, follow_up.id, changes)],
        )
        return LoggedCall(updated, follow_up, interaction, result, entries)  # type: ignore[arg-type]

    def take_back(self, logged: LoggedCall) -> bool:
        """Undo a logged call: the follow-up is as it was and the call is off the timeline.

        What the server has not heard of yet is simply removed from the outbox; what it
        has is corrected by the next sync (the follow-up reopened; the logged call, which
        the server keeps, marked as taken back). Returns True when nothing had been sent.
        """
        sent = self._changes.take_back(logged.entries)
        for entry in sent:
            if entry.op == "create":  # the logged call: the server keeps it, marked
                self._changes.update(
                    Collection.INTERACTIONS,
                    entry.record_id,
                    {"summary": TAKEN_BACK + logged.interaction.summary},
                )
        return not sent

    def _open(self, follow_up_id: uuid.UUID) -> FollowUp:
        with self._store.session() as session:
            row = session.get(FollowUpRow, follow_up_id)
            data = row.data if row else None
        if data is None:
            raise FollowUpError(f"No follow-up {follow_up_id} in the local store")
        follow_up: FollowUp = to_record(Collection.FOLLOW_UPS, data)  # type: ignore[assignment]
        if follow_up.status is not FollowUpStatus.OPEN:
            raise FollowUpError(f"This follow-up is already {follow_up.status.value}")
        return follow_up
