"""Turning domain records into row values of the local store, and back."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.orm import Session

from advocate_console.domain import RECORD_TYPES, Collection, Record
from advocate_console.domain.records import TRUSTED
from advocate_console.domain.search import name_keys

from .models import RECORD_ROWS, CustomerEmailRow, CustomerNameKeyRow, CustomerPhoneRow

TRUSTED_CONTEXT = {TRUSTED: True}  # what the store holds was validated on the way in


def naive_utc(value: datetime) -> datetime:
    """SQLite keeps no time zone: the store holds UTC without one."""
    return value.astimezone(UTC).replace(tzinfo=None) if value.tzinfo else value


def record_values(collection: Collection, record: Record) -> dict[str, Any]:
    """The column values of ``record``'s row in its collection's table."""
    values: dict[str, Any] = {
        "id": record.id,
        "version": record.version,
        "data": record.model_dump_json(),
    }
    match collection:
        case Collection.CUSTOMERS:
            values["display_name"] = record.display_name
        case Collection.PRODUCTS:
            values |= {"customer_id": record.customer_id, "serial_number": record.serial_number}
        case Collection.CASES:
            values |= {
                "customer_id": record.customer_id,
                "number": record.number,
                "opened_at": naive_utc(record.opened_at),
            }
        case Collection.INTERACTIONS:
            values |= {
                "customer_id": record.customer_id,
                "case_id": record.case_id,
                "occurred_at": naive_utc(record.occurred_at),
            }
        case Collection.RESOURCES:
            values["name"] = record.name
        case Collection.RESOLUTIONS:
            values["case_id"] = record.case_id
        case Collection.FOLLOW_UPS:
            values |= {
                "customer_id": record.customer_id,
                "status": record.status.value,
                "due_at": naive_utc(record.due_at),
            }
        case Collection.CARDS:
            values |= {"customer_id": record.customer_id, "state": record.state.value}
        case Collection.CALL_ATTEMPTS:
            values |= {
                "resource_id": record.resource_id,
                "case_id": record.case_id,
                "category": record.category,
                "product_model": record.product_model,
                "outcome": None if record.outcome is None else record.outcome.value,
                "helped": record.helped,
                "advocate": record.advocate,
                "started_at": naive_utc(record.started_at),
            }
    return values


def customer_keys(record: Record) -> tuple[list[dict], list[dict], list[dict]]:
    """Rows of the phone, e-mail and name-key side tables for one customer."""
    phones = [
        {"customer_id": record.id, "e164": phone.split(";")[0]}
        for phone in dict.fromkeys(record.phones)
    ]
    emails = [{"customer_id": record.id, "email": e} for e in dict.fromkeys(record.emails)]
    names = [
        {"customer_id": record.id, "key": key}
        for key in dict.fromkeys(name_keys(record.display_name))
    ]
    return phones, emails, names


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
