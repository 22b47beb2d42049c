"""Create, read and patch a record of any collection, with its change-feed row.

Creation and patching check the writer may (``domain.permissions``), stamp who wrote
it (``authorship.py``), validate the whole record with its domain type, check the
records it points at, write the row, keep the customer lookup tables current, and
append the change with who made it, all in the caller's transaction.
"""

from __future__ import annotations

import functools
from datetime import datetime
from typing import Any
from uuid import UUID, uuid4

from pydantic import BaseModel
from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.orm import Session

from advocate_console.api.schemas import API_PREFIX, Page
from advocate_console.central.authority.service import (
    refuse_beyond_authority,
    take_turn_to_spend,
)
from advocate_console.central.changes.service import record_change
from advocate_console.central.core.clock import utc_now
from advocate_console.central.core.database import Database
from advocate_console.central.core.errors import ApiError
from advocate_console.central.core.http import decode_id_cursor, encode_id_cursor, etag
from advocate_console.central.core.writes import Statement
from advocate_console.central.customers.lookups import index_customer
from advocate_console.central.idempotency.service import Answer
from advocate_console.domain import RECORD_TYPES, Collection, Customer, Record, Resolution
from advocate_console.domain.permissions import (
    RECORD_NOUNS,
    refusal_to_change,
    refusal_to_create,
)
from advocate_console.domain.reasons import Reason
from advocate_console.domain.records import Advocate

from .authorship import client_fields, stamp_change, stamp_new
from .models import ROW_TYPES
from .refusals import Refused
from .reopening import refuse_a_second_resolution

NOUNS = RECORD_NOUNS  # what a record is called in a sentence
PATHS = {collection: collection.value.replace("_", "-") for collection in Collection}


def location(collection: Collection, record_id: UUID) -> str:
    """The address of one record."""
    return f"{API_PREFIX}/{PATHS[collection]}/{record_id}"


def row_values(collection: Collection, record: Record, data_json: str, now: Any) -> dict:
    """The column values of ``record``'s row."""
    row_type = ROW_TYPES[collection]
    values = {"id": record.id, "version": record.version, "data": data_json, "updated_at": now}
    for column in row_type.projected:
        values[column] = getattr(record, column)
    return values


def load(session: Session, collection: Collection, record_id: UUID, *, lock: bool = False):
    """The record with ``record_id``, or None."""
    data = _loading(collection, lock).scalar(session.connection(), {"the_id": record_id})
    return None if data is None else RECORD_TYPES[collection].model_validate_json(data)


# The write path's statements, built once per collection with bound parameters: building
# a statement (and SQLAlchemy's look-up of its compiled form) cost several times what
# running it did, for each of a write's dozen statements; on PostgreSQL they run on the
# driver's cursor (core/writes.py).
@functools.cache
def _loading(collection: Collection, lock: bool) -> Statement:
    table = ROW_TYPES[collection].__table__
    query = select(table.c.data).where(table.c.id == bindparam("the_id"))
    return Statement(query.with_for_update() if lock else query)


@functools.cache
def _finding(collection: Collection) -> Statement:
    """The id, and the owning customer's when the record has one, of one record."""
    table = ROW_TYPES[collection].__table__
    columns = [table.c.id] + ([table.c.customer_id] if "customer_id" in table.c else [])
    return Statement(select(*columns).where(table.c.id == bindparam("the_id")))


@functools.cache
def _writing(collection: Collection) -> tuple[Statement, Statement]:
    """A record's row written anew, or over (values bound when run)."""
    table = ROW_TYPES[collection].__table__
    over = update(table).where(table.c.id == bindparam("the_id"))
    return Statement(insert(table)), Statement(over)


def get_record(db: Database, collection: Collection, record_id: UUID) -> Record:
    """The record with ``record_id``; 404 when there is none."""
    with db.read() as session:
        record = load(session, collection, record_id)
    if record is None:
        raise ApiError(404, f"There is no {NOUNS[collection]} with id {record_id}.")
    return record


def check_references(
    session: Session, collection: Collection, record: Record, changed: set[str] | None = None
) -> None:
    """422 when a record ``record`` points at does not exist or is another customer's."""
    for column, target in ROW_TYPES[collection].references.items():
        value = getattr(record, column)
        if value is None or (changed is not None and column not in changed):
            continue
        owner_column = getattr(ROW_TYPES[target], "customer_id", None)
        found = _finding(target).first(session.connection(), {"the_id": value})
        if found is None:
            raise Refused(
                422,
                Reason(
                    f"There is no {NOUNS[target]} with id {value}.",
                    "no_such_record",
                    (target.value, str(value)),
                ),
                problems=[(column, f"there is no {NOUNS[target]} with this id")],
            )
        owner = getattr(record, "customer_id", None)
        if owner_column is not None and owner is not None and found[1] != owner:
            raise Refused(
                422,
                Reason(
                    f"The {NOUNS[target]} {value} belongs to another customer.",
                    "another_customers",
                    (target.value, str(value)),
                ),
                problems=[(column, f"this {NOUNS[target]} belongs to another customer")],
            )


def save(
    session: Session,
    collection: Collection,
    record: Record,
    *,
    new: bool,
    by: Advocate | None = None,
    now: datetime | None = None,
) -> str:
    """Write ``record``'s row, lookups and change (made ``by`` whom); its JSON is returned."""
    data_json = record.model_dump_json()
    now = now or utc_now()
    values = row_values(collection, record, data_json, now)
    writing_anew, writing_over = _writing(collection)
    if new:
        writing_anew.rows(session.connection(), values)
    else:
        values["the_id"] = values.pop("id")
        writing_over.rows(session.connection(), values)
    if isinstance(record, Customer):
        index_customer(session, record, new=new)
    record_change(session, collection, record.id, record.version, data_json, now, by=by, new=new)
    return data_json


def new_record(
    session: Session, collection: Collection, body: BaseModel, who: Advocate | None = None
) -> Record:
    """The record a create body describes, at version 1 with an id chosen if none given,
    written by ``who`` (stamped; what the body says about its author is ignored)."""
    record_type = RECORD_TYPES[collection]
    fields = stamp_new(session, body.model_dump(), record_type, who)
    if fields.get("id") is None:
        fields["id"] = uuid4()
    if fields.get("number") is None:
        fields.pop("number", None)  # a case derives its number from its id
    fields["version"] = 1
    return record_type.model_validate(fields)


def create(
    session: Session, collection: Collection, body: BaseModel, who: Advocate | None = None
) -> Answer:
    """Create the record ``body`` describes, written by ``who``; 403 when they may not,
    409 when its id is taken."""
    if who is not None and (refusal := refusal_to_create(who, collection)):
        raise Refused(403, refusal)
    record = new_record(session, collection, body, who)
    taken = _finding(collection).first(session.connection(), {"the_id": record.id})
    if taken is not None:
        raise Refused(
            409,
            Reason(
                f"A {NOUNS[collection]} with id {record.id} already exists.",
                "already_exists",
                (collection.value, str(record.id)),
            ),
        )
    check_references(session, collection, record)
    if isinstance(record, Resolution):
        refuse_a_second_resolution(session, record)
    take_turn_to_spend(session, collection, record, who)
    data_json = save(session, collection, record, new=True, by=who)
    refuse_beyond_authority(session, collection, record, who)  # rolls the write back
    return Answer(201, data_json, etag(record.version), location(collection, record.id))


def patch(
    session: Session,
    collection: Collection,
    record_id: UUID,
    body: BaseModel,
    expected: int,
    who: Advocate | None = None,
) -> Answer:
    """Apply the fields ``body`` carries when the record is still at version ``expected``
    and ``who`` may change it (403 with the reason when not)."""
    current = load(session, collection, record_id, lock=True)
    if current is None:
        raise ApiError(404, f"There is no {NOUNS[collection]} with id {record_id}.")
    changes = client_fields(body.model_dump(exclude_unset=True))
    if who is not None and (refusal := refusal_to_change(who, collection, current, changes)):
        raise Refused(403, refusal)
    if current.version != expected:
        raise ApiError(
            412,
            f"This {NOUNS[collection]} changed since you read it: it is at version"
            f" {current.version}, not {expected}. Merge with the current record and retry.",
            current=current.model_dump(mode="json"),
            headers={"ETag": etag(current.version)},
        )
    if not changes:
        return Answer(200, current.model_dump_json(), etag(current.version))
    now = utc_now()
    merged = stamp_change(session, current, changes, who, now)
    record = RECORD_TYPES[collection].model_validate(merged)
    check_references(session, collection, record, changed=set(changes))
    take_turn_to_spend(session, collection, record, who, before=current)
    data_json = save(session, collection, record, new=False, by=who, now=now)
    refuse_beyond_authority(session, collection, record, who, before=current)
    return Answer(200, data_json, etag(record.version))


def existing_ids(session: Session, collection: Collection, ids: list[UUID]) -> list[UUID]:
    """Those of ``ids`` that already have a record in ``collection``."""
    row_type = ROW_TYPES[collection]
    found: list[UUID] = []
    for start in range(0, len(ids), 500):  # stay under every driver's parameter limit
        chunk = ids[start : start + 500]
        found.extend(session.scalars(select(row_type.id).where(row_type.id.in_(chunk))))
    return found


def list_records(db: Database, collection: Collection, limit: int, cursor: str | None) -> Page:
    """Every record of ``collection`` in id order, a page at a time."""
    row_type = ROW_TYPES[collection]
    after = decode_id_cursor(cursor)
    query = select(row_type.id, row_type.data).order_by(row_type.id).limit(limit + 1)
    if after is not None:
        query = query.where(row_type.id > after)
    with db.read() as session:
        rows = session.execute(query).all()
    record_type = RECORD_TYPES[collection]
    items = [record_type.model_validate_json(row.data) for row in rows[:limit]]
    more = len(rows) > limit
    return Page(items=items, next_cursor=encode_id_cursor(rows[limit - 1].id) if more else None)
