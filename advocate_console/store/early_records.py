"""The records a restart's first search reads, decoded without pydantic.

Importing pydantic and building the records' classes (domain/records.py) costs about a
quarter of a second of CPU, as much as a bare Qt window's whole start. What the store
holds was checked on its way in, so the caller bar's first answer reads its JSON with
the standard library into these: the same fields, values and types as the records (the
properties the screen reads too; tests/store/test_early_records.py holds them to it).
Once the store is open in full the history shown is read again as records, before the
resolution form or the dial-out list gets it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any, ClassVar
from uuid import UUID

from advocate_console.domain.enums import (
    CardState,
    CaseStatus,
    Channel,
    Collection,
    Delight,
    Direction,
    FollowUpKind,
    FollowUpStatus,
    InteractionKind,
    RecoveryStep,
    RemedyKind,
    Tier,
)
from advocate_console.domain.readings import (
    Addressed,
    Authored,
    Branded,
    Posted,
    Standing,
    case_number_for,
)

_REQUIRED = object()  # no default: the record cannot be read without it


def _utc(text: str) -> datetime:
    # As domain.fields._utc: stored times are UTC; one without a zone is taken as UTC.
    value = datetime.fromisoformat(text)
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _maybe(convert: Callable[[Any], Any]) -> Callable[[Any], Any]:
    return lambda value: None if value is None else convert(value)


def _same(value: Any) -> Any:
    return value


def _strings(values: list[str]) -> list[str]:
    return list(values)


def _each(convert: Callable[[Any], Any]) -> Callable[[list[Any]], list[Any]]:
    return lambda values: [convert(value) for value in values]


class EarlyValue:
    """A value read from the store's JSON: each field converted as its record's is."""

    FIELDS: ClassVar[dict[str, tuple[Callable[[Any], Any], Any]]] = {}
    """Each field's conversion from JSON and its default (``_REQUIRED``: none)."""

    def __init__(self, data: dict[str, Any]) -> None:
        for name, (convert, default) in self.FIELDS.items():
            if name in data:
                value = convert(data[name])
            elif default is _REQUIRED:
                raise KeyError(name)
            else:
                value = list(default) if isinstance(default, list) else default
            self.__dict__[name] = value

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.__dict__!r})"


_ID = (UUID, _REQUIRED)
_MAYBE_ID = (_maybe(UUID), None)
_MAYBE_TEXT = (_same, None)
_MAYBE_TIME = (_maybe(_utc), None)
_TEXT = (_same, _REQUIRED)
_TIME = (_utc, _REQUIRED)


class EarlyRecord(Authored, EarlyValue):
    """As domain.records.Record: an identity, a row version, who wrote and changed it."""

    FIELDS = {
        "id": _ID,
        "version": (_same, 1),
        "author_id": _MAYBE_ID,
        "author_name": _MAYBE_TEXT,
        "updated_by_id": _MAYBE_ID,
        "updated_by_name": _MAYBE_TEXT,
        "updated_at": _MAYBE_TIME,
    }


class EarlyAddress(Posted, EarlyValue):
    """As domain.records.Address."""

    FIELDS = {
        "lines": (_strings, _REQUIRED),
        "city": _TEXT,
        "region": (_same, ""),
        "postal_code": (_same, ""),
        "country": (_same, "US"),
    }


class EarlyCustomer(Addressed, EarlyRecord):
    """As domain.records.Customer."""

    FIELDS = EarlyRecord.FIELDS | {
        "display_name": _TEXT,
        "phones": (_strings, []),
        "emails": (_strings, []),
        "address": (_maybe(EarlyAddress), None),
        "tier": (Tier, Tier.STANDARD),
        "customer_since": (date.fromisoformat, _REQUIRED),
        "lifetime_value_cents": (_same, 0),
    }


class EarlyProduct(Branded, EarlyRecord):
    """As domain.records.Product."""

    FIELDS = EarlyRecord.FIELDS | {
        "customer_id": _ID,
        "brand": _TEXT,
        "name": _TEXT,
        "model_number": _TEXT,
        "serial_number": _TEXT,
        "purchase_date": (_maybe(date.fromisoformat), None),
        "warranty_end": (_maybe(date.fromisoformat), None),
        "replaced_by_id": _MAYBE_ID,
    }


class EarlyCase(EarlyRecord):
    """As domain.records.Case (its number derived from its id when none is stored)."""

    FIELDS = EarlyRecord.FIELDS | {
        "number": (_same, ""),
        "customer_id": _ID,
        "product_id": _MAYBE_ID,
        "category": _TEXT,
        "channel": (Channel, Channel.PHONE),
        "status": (CaseStatus, CaseStatus.OPEN),
        "summary": (_same, ""),
        "opened_at": _TIME,
        "closed_at": _MAYBE_TIME,
        "owner": _MAYBE_TEXT,
        "owner_id": _MAYBE_ID,
        "reopened_at": _MAYBE_TIME,
        "reopened_by_id": _MAYBE_ID,
        "reopened_by_name": _MAYBE_TEXT,
        "reopen_reason": _MAYBE_TEXT,
    }

    def __init__(self, data: dict[str, Any]) -> None:
        super().__init__(data)
        if not self.number:  # as Case.model_post_init
            self.__dict__["number"] = case_number_for(self.id)


class EarlyInteraction(EarlyRecord):
    """As domain.records.Interaction."""

    FIELDS = EarlyRecord.FIELDS | {
        "customer_id": _ID,
        "case_id": _MAYBE_ID,
        "kind": (InteractionKind, _REQUIRED),
        "direction": (Direction, Direction.INBOUND),
        "occurred_at": _TIME,
        "summary": _TEXT,
        "body": (_same, ""),
        "advocate": _MAYBE_TEXT,
    }


class EarlyRemedy(EarlyValue):
    """As domain.records.Remedy."""

    FIELDS = {
        "kind": (RemedyKind, _REQUIRED),
        "cost_cents": (_same, 0),
        "months": (_same, None),
        "value_cents": (_same, None),
        "note": (_same, ""),
    }


class EarlySuggestionOutcome(EarlyValue):
    """As domain.records.SuggestionOutcome."""

    FIELDS = {
        "rule": _TEXT,
        "remedies": (_each(EarlyRemedy), []),
        "outcome": (_same, "shown"),
    }


class EarlyResolution(Standing, EarlyRecord):
    """As domain.records.Resolution."""

    FIELDS = EarlyRecord.FIELDS | {
        "case_id": _ID,
        "remedies": (_each(EarlyRemedy), []),
        "suggestions": (_each(EarlySuggestionOutcome), []),
        "steps": (_each(RecoveryStep), []),
        "delight": (Delight, _REQUIRED),
        "notes": (_same, ""),
        "resolved_at": _TIME,
        "advocate": _MAYBE_TEXT,
        "approval_id": _MAYBE_ID,
        "superseded_at": _MAYBE_TIME,
        "superseded_by_id": _MAYBE_ID,
        "superseded_by_name": _MAYBE_TEXT,
    }


class EarlyFollowUp(EarlyRecord):
    """As domain.records.FollowUp."""

    FIELDS = EarlyRecord.FIELDS | {
        "customer_id": _ID,
        "case_id": _MAYBE_ID,
        "kind": (FollowUpKind, FollowUpKind.CALLBACK),
        "due_at": _TIME,
        "reason": _TEXT,
        "status": (FollowUpStatus, FollowUpStatus.OPEN),
        "completed_at": _MAYBE_TIME,
        "advocate": _MAYBE_TEXT,
        "completed_by_id": _MAYBE_ID,
        "completed_by_name": _MAYBE_TEXT,
    }


class EarlyNoteCard(EarlyRecord):
    """As domain.records.NoteCard."""

    FIELDS = EarlyRecord.FIELDS | {
        "customer_id": _ID,
        "case_id": _MAYBE_ID,
        "template": (_same, "a6-flat"),
        "message": _TEXT,
        "gift_value_cents": (_same, None),
        "gift_code": _MAYBE_TEXT,
        "state": (CardState, CardState.DRAFT),
        "failure_reason": _MAYBE_TEXT,
        "created_at": _TIME,
        "printed_at": _MAYBE_TIME,
        "mailed_at": _MAYBE_TIME,
        "advocate": _MAYBE_TEXT,
    }


class EarlyHistory:
    """As domain.records.History, of early records: shown until read again in full."""

    def __init__(self, customer: EarlyCustomer, **lists: list[Any]) -> None:
        self.customer = customer
        self.products: list[Any] = lists.get("products", [])
        self.cases: list[Any] = lists.get("cases", [])
        self.interactions: list[Any] = lists.get("interactions", [])
        self.resolutions: list[Any] = lists.get("resolutions", [])
        self.follow_ups: list[Any] = lists.get("follow_ups", [])
        self.cards: list[Any] = lists.get("cards", [])


EARLY_TYPES: dict[Collection, type[EarlyRecord]] = {
    Collection.CUSTOMERS: EarlyCustomer,
    Collection.PRODUCTS: EarlyProduct,
    Collection.CASES: EarlyCase,
    Collection.INTERACTIONS: EarlyInteraction,
    Collection.RESOLUTIONS: EarlyResolution,
    Collection.FOLLOW_UPS: EarlyFollowUp,
    Collection.CARDS: EarlyNoteCard,
}
"""The early record type of each collection a history reads."""
