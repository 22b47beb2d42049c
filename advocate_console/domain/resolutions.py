"""What makes a resolution valid: the form's entry as typed, and the rules that decide
whether it may resolve its case (one problem per field, for the form to show)."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .enums import Delight, RecoveryStep, RemedyKind
from .records import Case, Remedy, SuggestionOutcome
from .validation import Problem, explain

COSTED = frozenset(RemedyKind) - {RemedyKind.INFORMATION_ONLY, RemedyKind.OTHER}
"""Remedies that always cost the company something: the form needs the amount."""

MAX_NOTES = 20000
MAX_FOLLOW_UP_REASON = 4000


class RemedyEntry(BaseModel):
    """One ticked remedy as typed, amounts in cents (None: left empty)."""

    model_config = ConfigDict(frozen=True)

    kind: RemedyKind
    cost_cents: int | None = None
    months: int | None = None
    value_cents: int | None = None
    note: str = ""

    @property
    def cost_to_type(self) -> bool:
        """Whether its cost is still to be typed (a gift certificate's is its value)."""
        if self.cost_cents is not None or self.kind is RemedyKind.INFORMATION_ONLY:
            return False
        return not (self.kind is RemedyKind.GIFT_CERTIFICATE and self.value_cents)


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
    suggestions: list[SuggestionOutcome] = Field(default_factory=list)
    """The suggested remedies shown, each accepted, dismissed or only shown."""
    approval_id: uuid.UUID | None = None
    """A lead's approval of remedies beyond the advocate's authority (set when saving)."""

    @classmethod
    def of_case(cls, case: Case) -> ResolutionEntry:
        """A blank entry for ``case``, with the problem as the case describes it."""
        return cls(
            case_id=case.id,
            category=case.category,
            product_id=case.product_id,
            summary=case.summary,
        )


class ResolutionRefused(ValueError):
    """The entry cannot be saved; ``problems`` says why, field by field."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(str(problem) for problem in problems))
        self.problems = problems


def remedy_field(kind: RemedyKind) -> str:
    """The problem field of one remedy row (``remedies.gift_certificate``)."""
    return f"remedies.{kind.value}"


def problems_with(entry: ResolutionEntry, case: Case, now: datetime) -> list[Problem]:
    """Everything that stops ``entry`` from resolving ``case`` at ``now``, one per field."""
    problems: list[Problem] = []
    if not case.status.is_open:
        problems.append(
            Problem(
                "",
                f"Case {case.number} is already {case.status.value}",
                "case_not_open",
                (case.number, case.status.value),
            )
        )
    try:
        Case.model_validate(case.model_dump() | case_edits(entry, case))
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
                "no_remedy",
            )
        )
    for item in entry.remedies:
        problems += remedy_problems(item)
    if entry.delight is None:
        problems.append(Problem("delight", "Choose how the customer felt at the end", "no_delight"))
    if len(entry.notes) > MAX_NOTES:
        problems.append(
            Problem(
                "notes",
                f"Notes are too long (at most {MAX_NOTES} characters)",
                "notes_too_long",
                (str(MAX_NOTES),),
            )
        )
    return problems + _follow_up_problems(entry, now)


def _follow_up_problems(entry: ResolutionEntry, now: datetime) -> list[Problem]:
    if not entry.follow_up:
        return []
    problems = []
    if entry.follow_up_at is None or _utc(entry.follow_up_at) <= now:
        problems.append(Problem("follow_up_at", "Choose a time in the future", "follow_up_past"))
    if not entry.follow_up_reason.strip():
        problems.append(
            Problem("follow_up_reason", "Say what the follow-up is for", "no_follow_up_reason")
        )
    elif len(entry.follow_up_reason) > MAX_FOLLOW_UP_REASON:
        problems.append(
            Problem("follow_up_reason", "The reason is too long", "follow_up_reason_too_long")
        )
    return problems


def remedy_problems(item: RemedyEntry) -> list[Problem]:
    """What is missing or wrong in one ticked remedy (all under its own field)."""
    where = remedy_field(item.kind)
    found = []
    if item.kind is RemedyKind.GIFT_CERTIFICATE and not item.value_cents:
        found.append(Problem(where, "Enter the gift certificate's value", "no_gift_value"))
    elif item.kind in COSTED and not remedy_cost(item):
        found.append(Problem(where, "Enter what it cost", "no_cost"))
    if item.kind is RemedyKind.WARRANTY_EXTENDED and not item.months:
        found.append(Problem(where, "Enter by how many months", "no_months"))
    if item.kind is RemedyKind.OTHER and not item.note.strip():
        found.append(Problem(where, "Say what was done", "no_note"))
    if found:
        return found
    try:
        remedy_of(item)
    except ValidationError as error:
        names = {"cost_cents": "Cost", "months": "Months", "value_cents": "Value", "note": "Note"}
        return [replace(_named(p, names), field=where) for p in explain(error)]
    return []


def remedy_cost(item: RemedyEntry) -> int:
    """What a remedy costs the company, in cents: a gift certificate costs its face value
    unless the advocate says otherwise; information costs nothing."""
    if item.kind is RemedyKind.INFORMATION_ONLY:
        return 0
    if item.kind is RemedyKind.GIFT_CERTIFICATE and not item.cost_cents:
        return item.value_cents or 0
    return item.cost_cents or 0


def total_cost(items: list[RemedyEntry]) -> int:
    """What the remedies cost together, in cents."""
    return sum(remedy_cost(item) for item in items)


def remedy_of(item: RemedyEntry) -> Remedy:
    """The remedy record an entry makes (ValidationError when it breaks the record's rules)."""
    return Remedy(
        kind=item.kind,
        cost_cents=remedy_cost(item),
        months=item.months if item.kind is RemedyKind.WARRANTY_EXTENDED else None,
        value_cents=item.value_cents if item.kind is RemedyKind.GIFT_CERTIFICATE else None,
        note=item.note.strip(),
    )


def case_edits(entry: ResolutionEntry, case: Case) -> dict[str, Any]:
    """The case's fields the form changed (category, product, what went wrong)."""
    edits: dict[str, Any] = {}
    if entry.category.strip() != case.category:
        edits["category"] = entry.category.strip()
    if entry.product_id != case.product_id:
        edits["product_id"] = entry.product_id
    if entry.summary.strip() != case.summary:
        edits["summary"] = entry.summary.strip()
    return edits


def _named(problem: Problem, names: dict[str, str]) -> Problem:
    # explain() says "cannot be empty"; next to a field the sentence names the field.
    label = names.get(problem.field, problem.field.replace("_", " ").capitalize())
    return replace(problem, message=f"{label} {problem.message}")


def _utc(value: datetime) -> datetime:
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
