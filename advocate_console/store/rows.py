"""Turning domain records into row values of the local store, and back."""

from __future__ import annotations

import enum
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.orm import Session

from advocate_console.domain import RECORD_TYPES, Collection, Record
from advocate_console.domain.fields import TRUSTED
from advocate_console.domain.search import name_keys

from .models import RECORD_ROWS, CustomerEmailRow, CustomerNameKeyRow, CustomerPhoneRow

TRUSTED_CONTEXT = {TRUSTED: True}  # what the store holds was validated on the way in


def naive_utc(value: datetime) -> datetime:
    """SQLite keeps no time zone: the store holds UTC without one."""
    return value.astimezone(UTC).replace(tzinfo=None) if value.tzinfo else value


# The typed columns of each collection's table beside id, version and data: each holds
# the record's attribute of the same name (times as naive UTC, choices as their value).
INDEXED_FIELDS: dict[Collection, tuple[str, ...]] = {
    Collection.CUSTOMERS: ("display_name",),
    Collection.PRODUCTS: ("customer_id", "serial_number"),
    Collection.CASES: ("customer_id", "number", "opened_at"),
    Collection.INTERACTIONS: ("customer_id", "case_id", "occurred_at"),
    Collection.RESOURCES: ("name",),
    Collection.RESOLUTIONS: ("case_id", "advocate", "author_id", "resolved_at"),
    Collection.FOLLOW_UPS: ("customer_id", "status", "due_at"),
    Collection.CARDS: ("customer_id", "state"),
    Collection.CALL_ATTEMPTS: (
        "resource_id",
        "case_id",
        "category",
        "product_model",
        "outcome",
        "helped",
        "advocate",
        "started_at",
    ),
}


def _column_value(value: Any) -> Any:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, datetime):
        return naive_utc(value)
    return value


def record_values(collection: Collection, record: Record) -> dict[str, Any]:
    """The column values of ``record``'s row in its collection's table."""
    values: dict[str, Any] = {
        "id": record.id,
        "version": record.version,
        "data": record.model_dump_json(),
    }
    for name in INDEXED_FIELDS[collection]:
        values[name] = _column_value(getattr(record, name))
    return values


def customer_key_values(record: Record) -> tuple[list[str], list[str], list[str]]:
    """What a customer is looked up by: E.164 numbers, e-mails and name keys, each once."""
    phones = [phone.split(";")[0] for phone in dict.fromkeys(record.phones)]
    return (
        phones,
        list(dict.fromkeys(record.emails)),
        list(dict.fromkeys(name_keys(record.display_name))),
    )


def customer_keys(record: Record) -> tuple[list[dict], list[dict], list[dict]]:
    """Rows of the phone, e-mail and name-key side tables for one customer."""
    phones, emails, names = customer_key_values(record)
    return (
        [{"customer_id": record.id, "e164": phone} for phone in phones],
        [{"customer_id": record.id, "email": email} for email in emails],
        [{"customer_id": record.id, "key": key} for key in names],
    )


def replace_customer_keys(session: Session, customers: list[Record]) -> None:
    """Make the phone, e-mail and name-key tables say what ``customers`` say now."""
    if not customers:
        return
    ids = [customer.id for customer in customers]
    tables = (CustomerPhoneRow, CustomerEmailRow, CustomerNameKeyRow)
    rows: tuple[list[dict], ...] = ([], [], [])
    for customer in customers:
        for collected, new in zip(rows, customer_keys(customer), strict=True):
            collected.extend(new)
    connection = session.connection()
    for table, values in zip(tables, rows, strict=True):
        connection.execute(delete(table.__table__).where(table.customer_id.in_(ids)))
        if values:
            connection.execute(insert(table.__table__).on_conflict_do_nothing(), values)


def to_record(collection: Collection, data: str) -> Record:
    """The domain value stored in a row's ``data``."""
    return RECORD_TYPES[collection].model_validate_json(data, context=TRUSTED_CONTEXT)


def table_of(collection: Collection):
    """The ORM class holding ``collection``."""
    return RECORD_ROWS[collection.value]
