"""A record and its outbox entry written together, inside the caller's session (so one
transaction keeps both or neither)."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.orm import Session

from advocate_console.domain import Collection, Record
from advocate_console.domain.records import STAMPED_FIELDS

from .models import OutboxRow
from .outbox_entries import OutboxEntry, fields_before, new_entry_row
from .rows import record_values, replace_customer_keys, table_of, to_record


def save_row(session: Session, collection: Collection, record: Record) -> None:
    """Store ``record`` as the local copy, new or replacing the one there."""
    table = table_of(collection).__table__
    values = record_values(collection, record)
    statement = insert(table).values(values)
    session.execute(
        statement.on_conflict_do_update(
            index_elements=["id"], set_={k: v for k, v in values.items() if k != "id"}
        )
    )
    _write_keys(session, collection, record)


def with_stamps(mine: Record, server: Record) -> Record:
    """``mine`` at the server's version, with what the server stamped on it."""
    stamped = {
        name: getattr(server, name) for name in STAMPED_FIELDS & set(type(server).model_fields)
    }
    return mine.model_copy(update=stamped | {"version": server.version})


def _write_keys(session: Session, collection: Collection, record: Record) -> None:
    if collection is Collection.CUSTOMERS:
        replace_customer_keys(session, [record])


def create_with_entry(session: Session, collection: Collection, record: Record) -> OutboxRow:
    """The record's row, its lookup keys and its "create" entry, in ``session``."""
    session.execute(insert(table_of(collection).__table__), [record_values(collection, record)])
    _write_keys(session, collection, record)
    body = record.model_dump(mode="json", exclude={"version"})
    row = new_entry_row(collection, record.id, "create", None, body, None)
    session.add(row)
    return row


def update_with_entry(
    session: Session, collection: Collection, record_id: uuid.UUID, changes: dict[str, Any]
) -> tuple[Record, OutboxRow]:
    """The record changed in place and its "patch" entry (on the version the server last
    confirmed), in ``session``; KeyError when the record is not in the store."""
    row = session.get(table_of(collection), record_id)
    if row is None:
        raise KeyError(f"No {collection.value} record {record_id} in the local store")
    current = to_record(collection, row.data)
    updated = type(current).model_validate(current.model_dump() | changes)
    body = {
        name: value for name, value in updated.model_dump(mode="json").items() if name in changes
    }
    save_row(session, collection, updated)
    row = new_entry_row(
        collection, record_id, "patch", current.version, body, current.model_dump(mode="json")
    )
    session.add(row)
    return updated, row


def put_back(session: Session, entry: OutboxEntry) -> None:
    """The local record without an unsent patch: its fields as they were before it."""
    row = session.get(table_of(entry.collection), entry.record_id)
    if row is None or entry.base is None:
        return
    current = to_record(entry.collection, row.data)
    save_row(
        session,
        entry.collection,
        type(current).model_validate(current.model_dump() | fields_before(entry)),
    )


def correct_on_server(session: Session, entry: OutboxEntry, server: Record) -> None:
    """A patch reached the server after it was taken back: patch the server back to the
    local values of the same fields (the local record stays as the advocate left it)."""
    row = session.get(table_of(entry.collection), entry.record_id)
    if row is None:
        return
    local = to_record(entry.collection, row.data)
    values = local.model_dump(mode="json")
    body = {name: values.get(name) for name in entry.body}
    save_row(session, entry.collection, local.model_copy(update={"version": server.version}))
    session.add(
        new_entry_row(
            entry.collection,
            entry.record_id,
            "patch",
            server.version,
            body,
            server.model_dump(mode="json"),
        )
    )
