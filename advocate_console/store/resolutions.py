"""Working a case: opening it, the resolution form's rules and draft, and saving the
resolution with everything it changes in one local transaction (plus the outbox)."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError
from sqlalchemy import delete
from sqlalchemy.dialects.sqlite import insert

from advocate_console.domain import (
    Case,
    CaseStatus,
    Channel,
    Collection,
    Delight,
    Direction,
    FollowUp,
    FollowUpKind,
    Interaction,
    InteractionKind,
    NoteCard,
    RecoveryStep,
    Remedy,
    RemedyKind,
    Resolution,
)
from advocate_console.domain.validation import Problem, explain

from .database import Store
from .models import CaseRow, DraftRow
from .outbox import LocalChanges
from .rows import naive_utc, to_record

COSTED = frozenset(RemedyKind) - {RemedyKind.INFORMATION_ONLY, RemedyKind.OTHER}
"""Remedies that always cost the company something: the form needs the amount."""

_INTERACTION_FOR_CHANNEL = {
    Channel.PHONE: InteractionKind.CALL,
    Channel.EMAIL: InteractionKind.EMAIL,
}


class RemedyEntry(BaseModel):
    """One ticked remedy as typed, amounts in cents (None: left empty)."""

    model_config = ConfigDict(frozen=True)

    kind: RemedyKind
    cost_cents: int | None = None
    months: int | None = None
    value_cents: int | None = None
    note: str = ""


class ResolutionEntry(BaseModel):
    """What the advocate entered on the resolution form, complete or not (a draft is one).

    Loose on purpose: a half-filled form must be kept as a draft; :func:`problems_with`
    says what stops it from being saved.
    """

    model_config = ConfigDict(frozen=True)

    case_id: uuid.UUID
    category: str = ""
    product_id: uuid.UUID | None = None
    summary: str = ""
    remedies: list[RemedyEntry] = Field(default_factory=list)
    steps: list[RecoveryStep] = Field(default_factory=list)
    delight: Delight | None = None
    notes: str = ""
    follow_up: bool = False
    follow_up_at: datetime | None = None
    follow_up_reason: str = ""
    send_card: bool = False


class ResolutionRefused(ValueError):
    """The entry cannot be saved; ``problems`` says why, field by field."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(str(problem) for problem in problems))
        self.problems = problems


@dataclass(frozen=True, slots=True)
class ResolutionSaved:
    """Everything one save stored (and queued for the server)."""

    resolution: Resolution
    case: Case
    interaction: Interaction
    follow_up: FollowUp | None = None
    card: NoteCard | None = None


def remedy_field(kind: RemedyKind) -> str:
    """The problem field of one remedy row (``remedies.gift_certificate``)."""
    return f"remedies.{kind.value}"


def problems_with(entry: ResolutionEntry, case: Case, now: datetime) -> list[Problem]:
    """Everything that stops ``entry`` from resolving ``case`` at ``now``, one per field."""
    problems: list[Problem] = []
    if not case.status.is_open:
        problems.append(Problem("", f"Case {case.number} is already {case.status.value}"))
    try:
        Case.model_validate(case.model_dump() | _case_edits(entry, case))
    except ValidationError as error:
        problems += [
            _named(p, {"category": "Category", "summary": "What went wrong"})
            for p in explain(error)
        ]
    if not entry.remedies:
        problems.append(
            Problem(
                "remedies",
                "Tick at least one remedy (“Information only” when nothing else was needed)",
            )
        )
    for item in entry.remedies:
        problems += _remedy_problems(item)
    if entry.delight is None:
        problems.append(Problem("delight", "Choose how the customer felt at the end"))
    if len(entry.notes) > 20000:
        problems.append(Problem("notes", "Notes are too long (at most 20000 characters)"))
    if entry.follow_up:
        if entry.follow_up_at is None or _utc(entry.follow_up_at) <= now:
            problems.append(Problem("follow_up_at", "Choose a time in the future"))
        if not entry.follow_up_reason.strip():
            problems.append(Problem("follow_up_reason", "Say what the follow-up is for"))
        elif len(entry.follow_up_reason) > 4000:
            problems.append(Problem("follow_up_reason", "The reason is too long"))
    return problems


def _remedy_problems(item: RemedyEntry) -> list[Problem]:
    where = remedy_field(item.kind)
    found = []
    if item.kind is RemedyKind.GIFT_CERTIFICATE and not item.value_cents:
        found.append(Problem(where, "Enter the gift certificate's value"))
    elif item.kind in COSTED and not _cost(item):
        found.append(Problem(where, "Enter what it cost"))
    if item.kind is RemedyKind.WARRANTY_EXTENDED and not item.months:
        found.append(Problem(where, "Enter by how many months"))
    if item.kind is RemedyKind.OTHER and not item.note.strip():
        found.append(Problem(where, "Say what was done"))
    if found:
        return found
    try:
        _remedy(item)
    except ValidationError as error:
        names = {"cost_cents": "Cost", "months": "Months", "value_cents": "Value", "note": "Note"}
        return [Problem(where, _named(p, names).message) for p in explain(error)]
    return []


def _named(problem: Problem, names: dict[str, str]) -> Problem:
    # explain() says "cannot be empty"; next to a field the sentence names the field.
    label = names.get(problem.field, problem.field.replace("_", " ").capitalize())
    return Problem(problem.field, f"{label} {problem.message}")


def _cost(item: RemedyEntry) -> int:
    # A gift certificate costs its face value unless the advocate says otherwise.
    if item.kind is RemedyKind.GIFT_CERTIFICATE and not item.cost_cents:
        return item.value_cents or 0
    return item.cost_cents or 0


def _remedy(item: RemedyEntry) -> Remedy:
    return Remedy(
        kind=item.kind,
        cost_cents=0 if item.kind is RemedyKind.INFORMATION_ONLY else _cost(item),
        months=item.months if item.kind is RemedyKind.WARRANTY_EXTENDED else None,
        value_cents=item.value_cents if item.kind is RemedyKind.GIFT_CERTIFICATE else None,
        note=item.note.strip(),
    )


def _case_edits(entry: ResolutionEntry, case: Case) -> dict[str, Any]:
    edits: dict[str, Any] = {}
    if entry.category.strip() != case.category:
        edits["category"] = entry.category.strip()
    if entry.product_id != case.product_id:
        edits["product_id"] = entry.product_id
    if entry.summary.strip() != case.summary:
        edits["summary"] = entry.summary.strip()
    return edits


def _utc(value: datetime) -> datetime:
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


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
        resolution = Resolution(
            id=uuid.uuid4(),
            case_id=case.id,
            remedies=[_remedy(item) for item in entry.remedies],
            steps=[step for step in RecoveryStep if step in entry.steps],
            delight=entry.delight,
            notes=entry.notes.strip(),
            resolved_at=now,
            advocate=self.advocate,
        )
        interaction = Interaction(
            id=uuid.uuid4(),
            customer_id=case.customer_id,
            case_id=case.id,
            kind=_INTERACTION_FOR_CHANNEL.get(case.channel, InteractionKind.NOTE),
            direction=Direction.INBOUND,
            occurred_at=now,
            summary=describe_resolution(resolution, case),
            body=resolution.notes,
            advocate=self.advocate,
        )
        creates: list[tuple[Collection, Any]] = [
            (Collection.RESOLUTIONS, resolution),
            (Collection.INTERACTIONS, interaction),
        ]
        follow_up = None
        if entry.follow_up and entry.follow_up_at is not None:
            follow_up = FollowUp(
                id=uuid.uuid4(),
                customer_id=case.customer_id,
                case_id=case.id,
                kind=FollowUpKind.CALLBACK,
                due_at=entry.follow_up_at,
                reason=entry.follow_up_reason.strip(),
                advocate=self.advocate,
            )
            creates.append((Collection.FOLLOW_UPS, follow_up))
        card = None
        if card_message is not None:
            gifts = [r for r in resolution.remedies if r.kind is RemedyKind.GIFT_CERTIFICATE]
            card = NoteCard(
                id=uuid.uuid4(),
                customer_id=case.customer_id,
                case_id=case.id,
                template=template or self.card_template,
                message=card_message,
                gift_value_cents=gifts[0].value_cents if gifts else None,
                created_at=now,
                advocate=self.advocate,
            )
            creates.append((Collection.CARDS, card))
        case_changes: dict[str, Any] = _case_edits(entry, case) | {
            "status": CaseStatus.RESOLVED,
            "closed_at": now,
        }
        if self.advocate:
            case_changes["owner"] = self.advocate  # whoever resolves it owns it
        saved = self._changes.save_all(
            creates=creates, updates=[(Collection.CASES, case.id, case_changes)]
        )
        # A draft left behind (if this fails) is harmless: a resolved case ignores it.
        self.discard_draft(case.id)
        return ResolutionSaved(resolution, saved[-1], interaction, follow_up, card)  # type: ignore[arg-type]

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

    def discard_draft(self, case_id: uuid.UUID) -> None:
        """Forget the draft of ``case_id``'s form."""
        with self._store.session() as session:
            session.execute(delete(DraftRow).where(DraftRow.key == _draft_key(case_id)))


def _draft_key(case_id: uuid.UUID) -> str:
    return f"resolution:{case_id}"
