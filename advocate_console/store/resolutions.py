"""Working a case: opening it, keeping the resolution form's draft, and saving the
resolution with everything it changes in one local transaction (plus the outbox).

The rules of a valid resolution are the domain's (:mod:`advocate_console.domain.resolutions`);
its names are here too for the store's callers."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from pydantic import ValidationError
from sqlalchemy import delete
from sqlalchemy.dialects.sqlite import insert

from advocate_console.domain import (
    Case,
    CaseStatus,
    Channel,
    Collection,
    Direction,
    FollowUp,
    FollowUpKind,
    Interaction,
    InteractionKind,
    NoteCard,
    RecoveryStep,
    RemedyKind,
    Resolution,
)
from advocate_console.domain.resolutions import (
    RemedyEntry,
    ResolutionEntry,
    ResolutionRefused,
    case_edits,
    problems_with,
    remedy_field,
    remedy_of,
)

from .crossed import case_note
from .database import Store
from .models import CaseRow, DraftRow
from .outbox import LocalChanges
from .rows import naive_utc, to_record

_INTERACTION_FOR_CHANNEL = {
    Channel.PHONE: InteractionKind.CALL,
    Channel.EMAIL: InteractionKind.EMAIL,
}


@dataclass(frozen=True, slots=True)
class ResolutionSaved:
    """Everything one save stored (and queued for the server)."""

    resolution: Resolution
    case: Case
    interaction: Interaction
    follow_up: FollowUp | None = None
    card: NoteCard | None = None


def describe_resolution(resolution: Resolution, case: Case) -> str:
    """The one line the timeline shows for a resolution."""
    remedies = ", ".join(r.kind.value.replace("_", " ") for r in resolution.remedies)
    return f"Resolved {case.number}: {remedies}; customer {resolution.delight.value}"


class CaseWork:
    """Opens cases and saves their resolutions, offline, each save one transaction."""

    def __init__(
        self,
        store: Store,
        advocate: str | None = None,
        clock: Callable[[], datetime] | None = None,
        card_template: str = "a6-flat",
    ) -> None:
        self._store = store
        self._changes = LocalChanges(store)
        self.advocate = advocate
        self.card_template = card_template  # the card stock in the printer
        self._clock = clock or (lambda: datetime.now(UTC))

    @property
    def store(self) -> Store:
        """The local store the cases are worked in (suggestions read it too)."""
        return self._store

    def now(self) -> datetime:
        """The time saves are stamped with."""
        return self._clock()

    # -- cases ----------------------------------------------------------------------------

    def open_case(
        self,
        customer_id: uuid.UUID,
        category: str,
        *,
        product_id: uuid.UUID | None = None,
        summary: str = "",
        channel: Channel = Channel.PHONE,
    ) -> Case:
        """A new case for the caller, owned by this advocate, saved and queued."""
        case = Case(
            id=uuid.uuid4(),
            customer_id=customer_id,
            product_id=product_id,
            category=category,
            channel=channel,
            summary=summary,
            opened_at=self.now(),
            owner=self.advocate,
        )
        self._changes.create(Collection.CASES, case)
        return case

    def case(self, case_id: uuid.UUID) -> Case:
        """The case as the local store has it now; KeyError when it is not there."""
        with self._store.session() as session:
            row = session.get(CaseRow, case_id)
            if row is None:
                raise KeyError(f"No case {case_id} in the local store")
            return to_record(Collection.CASES, row.data)  # type: ignore[return-value]

    # -- the resolution ------------------------------------------------------------------

    def resolve(
        self,
        entry: ResolutionEntry,
        *,
        card_message: str | None = None,
        template: str | None = None,
    ) -> ResolutionSaved:
        """Save the resolution, the resolved case, a timeline entry, the follow-up and the
        thank-you card (when ``card_message`` is given) in one transaction with their outbox
        entries, then drop the form's draft. Raises :class:`ResolutionRefused` when the entry
        breaks a rule; then nothing is saved."""
        now = self.now()
        case = self.case(entry.case_id)
        problems = problems_with(entry, case, now)
        if problems:
            raise ResolutionRefused(problems)
        resolution = self._resolution(entry, case, now)
        interaction = self._timeline_entry(resolution, case)
        creates: list[tuple[Collection, Any]] = [
            (Collection.RESOLUTIONS, resolution),
            (Collection.INTERACTIONS, interaction),
        ]
        follow_up = self._follow_up(entry, case)
        if follow_up is not None:
            creates.append((Collection.FOLLOW_UPS, follow_up))
        card = None
        if card_message is not None:
            card = self._card(resolution, case, card_message, template or self.card_template)
            creates.append((Collection.CARDS, card))
        saved = self._changes.save_all(
            creates=creates, updates=[(Collection.CASES, case.id, self._closing(entry, case, now))]
        )
        # A draft left behind (if this fails) is harmless: a resolved case ignores it.
        self.discard_draft(case.id)
        return ResolutionSaved(resolution, saved[-1], interaction, follow_up, card)  # type: ignore[arg-type]

    def _resolution(self, entry: ResolutionEntry, case: Case, now: datetime) -> Resolution:
        return Resolution(
            id=uuid.uuid4(),
            case_id=case.id,
            remedies=[remedy_of(item) for item in entry.remedies],
            steps=[step for step in RecoveryStep if step in entry.steps],
            delight=entry.delight,
            notes=entry.notes.strip(),
            resolved_at=now,
            advocate=self.advocate,
            suggestions=entry.suggestions,
            approval_id=entry.approval_id,
        )

    def _timeline_entry(self, resolution: Resolution, case: Case) -> Interaction:
        """What the customer's timeline shows of the resolution."""
        return Interaction(
            id=uuid.uuid4(),
            customer_id=case.customer_id,
            case_id=case.id,
            kind=_INTERACTION_FOR_CHANNEL.get(case.channel, InteractionKind.NOTE),
            direction=Direction.INBOUND,
            occurred_at=resolution.resolved_at,
            summary=describe_resolution(resolution, case),
            body=resolution.notes,
            advocate=self.advocate,
        )

    def _closing(self, entry: ResolutionEntry, case: Case, now: datetime) -> dict[str, Any]:
        """The case's changes: the form's edits, resolved and closed now."""
        changes: dict[str, Any] = case_edits(entry, case) | {
            "status": CaseStatus.RESOLVED,
            "closed_at": now,
        }
        if self.advocate:
            changes["owner"] = self.advocate  # whoever resolves it owns it
        return changes

    def _follow_up(self, entry: ResolutionEntry, case: Case) -> FollowUp | None:
        if not entry.follow_up or entry.follow_up_at is None:
            return None
        return FollowUp(
            id=uuid.uuid4(),
            customer_id=case.customer_id,
            case_id=case.id,
            kind=FollowUpKind.CALLBACK,
            due_at=entry.follow_up_at,
            reason=entry.follow_up_reason.strip(),
            advocate=self.advocate,
        )

    def _card(self, resolution: Resolution, case: Case, message: str, template: str) -> NoteCard:
        gifts = [r for r in resolution.remedies if r.kind is RemedyKind.GIFT_CERTIFICATE]
        return NoteCard(
            id=uuid.uuid4(),
            customer_id=case.customer_id,
            case_id=case.id,
            template=template,
            message=message,
            gift_value_cents=gifts[0].value_cents if gifts else None,
            created_at=resolution.resolved_at,
            advocate=self.advocate,
        )

    # -- the form's draft ---------------------------------------------------------------

    def keep_draft(self, entry: ResolutionEntry) -> None:
        """Keep what is on the form, so a closed window does not lose it mid-call."""
        values = {"data": entry.model_dump_json(), "updated_at": naive_utc(self.now())}
        statement = insert(DraftRow).values(key=_draft_key(entry.case_id), **values)
        with self._store.session() as session:
            session.execute(statement.on_conflict_do_update(index_elements=["key"], set_=values))

    def draft(self, case_id: uuid.UUID) -> ResolutionEntry | None:
        """The kept draft of ``case_id``'s form, or None."""
        with self._store.session() as session:
            row = session.get(DraftRow, _draft_key(case_id))
            data = row.data if row else None
        if data is None:
            return None
        try:
            return ResolutionEntry.model_validate_json(data)
        except (ValidationError, json.JSONDecodeError):  # from an older app: start afresh
            return None

    def keep_draft_as_note(self, case: Case, summary: str, body: str) -> Interaction | None:
        """The case was resolved by someone else while its draft was being typed: the
        draft goes on the case as a note (``summary`` and ``body`` say what it held),
        saved and queued, and is forgotten. None when no draft is kept (gone already)."""
        if self.draft(case.id) is None:
            return None
        note = case_note(
            case.customer_id, case.id, summary[:4000], body[:20000], self.advocate, self.now()
        )
        self._changes.create(Collection.INTERACTIONS, note)
        self.discard_draft(case.id)
        return note

    def discard_draft(self, case_id: uuid.UUID) -> None:
        """Forget the draft of ``case_id``'s form."""
        with self._store.session() as session:
            session.execute(delete(DraftRow).where(DraftRow.key == _draft_key(case_id)))


def _draft_key(case_id: uuid.UUID) -> str:
    return f"resolution:{case_id}"


__all__ = [
    "CaseWork",
    "RemedyEntry",
    "ResolutionEntry",
    "ResolutionRefused",
    "ResolutionSaved",
    "describe_resolution",
    "problems_with",
    "remedy_field",
]
