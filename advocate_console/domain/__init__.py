"""Plain types and rules of the advocate's world: no Qt, no I/O."""

import importlib
from typing import TYPE_CHECKING, Any

from .enums import (
    CASE_CATEGORIES,
    CallOutcome,
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
    Role,
    Tier,
)
from .phone import InvalidPhoneNumber, PhoneNumber, normalize_phone
from .search import SearchTerm, TermKind, interpret_query
from .warranty import WarrantyState, WarrantyStatus, warranty_status

if TYPE_CHECKING:
    from .records import (
        RECORD_TYPES,
        Address,
        Advocate,
        CallAttempt,
        Case,
        Customer,
        FollowUp,
        History,
        Interaction,
        NoteCard,
        Product,
        Record,
        Remedy,
        Resolution,
        Resource,
        WorkingHours,
        case_number_for,
    )
    from .rules import RepeatFailure, repeat_failures

# The records are pydantic models, whose classes take a while to build: they load on
# first use, so the window can come up before them (the store loads them on a worker).
_LAZY = {
    **dict.fromkeys(
        [
            "RECORD_TYPES",
            "Address",
            "Advocate",
            "CallAttempt",
            "Case",
            "Customer",
            "FollowUp",
            "History",
            "Interaction",
            "NoteCard",
            "Product",
            "Record",
            "Remedy",
            "Resolution",
            "Resource",
            "WorkingHours",
            "case_number_for",
        ],
        ".records",
    ),
    "RepeatFailure": ".rules",
    "repeat_failures": ".rules",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


__all__ = [
    "CASE_CATEGORIES",
    "RECORD_TYPES",
    "Address",
    "Advocate",
    "CallAttempt",
    "CallOutcome",
    "CardState",
    "Case",
    "CaseStatus",
    "Channel",
    "Collection",
    "Customer",
    "Delight",
    "Direction",
    "FollowUp",
    "FollowUpKind",
    "FollowUpStatus",
    "History",
    "Interaction",
    "InteractionKind",
    "InvalidPhoneNumber",
    "NoteCard",
    "PhoneNumber",
    "Product",
    "Record",
    "RecoveryStep",
    "Remedy",
    "RemedyKind",
    "RepeatFailure",
    "Resolution",
    "Resource",
    "Role",
    "SearchTerm",
    "TermKind",
    "Tier",
    "WarrantyState",
    "WarrantyStatus",
    "WorkingHours",
    "case_number_for",
    "interpret_query",
    "normalize_phone",
    "repeat_failures",
    "warranty_status",
]
