"""A record's field value as the rest of the console shows it: a status as its word, a
moment in local time, money with its sign, remedies by name and cost; never raw JSON.

The values come as the outbox keeps them (JSON: ISO dates, codes, cents), so the field's
type in the domain record says how to read each one.
"""

from __future__ import annotations

import enum
import types
import typing
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication

from advocate_console.domain import RECORD_TYPES, Collection, RecoveryStep, RemedyKind

from .formatting import day, moment, money
from .labels import label

TEXT_FIELDS = frozenset({"summary", "notes", "reason", "message", "body", "failure_reason"})
"""Fields of free text: both sides of a conflict may be kept, one after the other."""


def _tr(text: str) -> str:
    return QCoreApplication.translate("FieldValues", text)


def field_text(collection: Collection, name: str, value: Any) -> str:
    """``value`` of the field ``name`` of a ``collection`` record, in words."""
    if value is None or value == "" or value == []:
        return _tr("(nothing)")
    if name.endswith("_cents") and isinstance(value, int):
        return money(value)
    if name == "remedies" and isinstance(value, list):
        return "\n".join(_remedy(item) for item in value if isinstance(item, dict))
    if name == "steps" and isinstance(value, list):
        return ", ".join(_coded(RecoveryStep, step) for step in value)
    if name == "address" and isinstance(value, dict):
        lines = [*value.get("lines", []), value.get("city", ""), value.get("postal_code", "")]
        return ", ".join(str(line) for line in lines if line)
    if isinstance(value, bool):
        return _tr("Yes") if value else _tr("No")
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    kind = _field_type(collection, name)
    if isinstance(value, str):
        if kind is not None and issubclass(kind, enum.Enum):
            return _coded(kind, value)
        if kind is datetime or name.endswith("_at"):
            return _moment(value)
        if kind is date:
            return _day(value)
        if name == "category":
            return label(value)
    return str(value)


def _remedy(item: dict[str, Any]) -> str:
    text = _coded(RemedyKind, item.get("kind", ""))
    if item.get("months"):
        text += " " + _tr("(%s months)") % item["months"]
    if item.get("note"):
        text += f": {item['note']}"
    if item.get("cost_cents"):
        text += f" · {money(item['cost_cents'])}"
    return text


def _coded(kind: type[enum.Enum], value: Any) -> str:
    try:
        return label(kind(value))
    except ValueError:
        return label(str(value))


def _moment(value: str) -> str:
    try:
        return moment(datetime.fromisoformat(value))
    except ValueError:
        return value


def _day(value: str) -> str:
    try:
        return day(date.fromisoformat(value))
    except ValueError:
        return value


def _field_type(collection: Collection, name: str) -> type | None:
    """The plain type of a record's field (``CaseStatus``, ``datetime``), None if unknown."""
    field = RECORD_TYPES[collection].model_fields.get(name)
    if field is None:
        return None
    annotation = field.annotation
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        annotation = next((a for a in typing.get_args(annotation) if a is not type(None)), None)
    if typing.get_origin(annotation) is typing.Annotated:
        annotation = typing.get_args(annotation)[0]
    return annotation if isinstance(annotation, type) else None
