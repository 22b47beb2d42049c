"""Merge fields for cards: the rules live in :mod:`advocate_console.domain.card_merge`."""

from advocate_console.domain.card_merge import (
    FIELDS,
    Addressee,
    MergeError,
    check_fields,
    fields_used,
    fill,
    format_money,
    merge_values,
    merged_message,
    missing_values,
)

__all__ = [
    "FIELDS",
    "Addressee",
    "MergeError",
    "check_fields",
    "fields_used",
    "fill",
    "format_money",
    "merge_values",
    "merged_message",
    "missing_values",
]
