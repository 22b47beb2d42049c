"""Finding the caller: whatever the advocate typed, read every way it could be meant.

Each reading is one indexed lookup (phone, e-mail, serial, case number, or a name-key
prefix range) and the customers they find are merged. The queries run as Core on the
session's connection: through the ORM each cost more than the lookup itself (py-spy).
"""

from __future__ import annotations

from uuid import UUID

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from advocate_console.api.schemas import Page
from advocate_console.central.core.database import Database
from advocate_console.central.core.errors import ApiError
from advocate_console.central.core.http import (
    BAD_CURSOR,
    cursor_uuid,
    decode_cursor,
    decode_id_cursor,
    encode_cursor,
    encode_id_cursor,
)
from advocate_console.central.records.models import CaseRow, CustomerRow, ProductRow
from advocate_console.domain import Customer, SearchTerm, TermKind, interpret_query

from .models import CustomerEmail, CustomerNameKey, CustomerPhone

_EXACT = {
    TermKind.PHONE: (CustomerPhone.customer_id, CustomerPhone.e164),
    TermKind.EMAIL: (CustomerEmail.customer_id, CustomerEmail.email),
    TermKind.SERIAL: (ProductRow.customer_id, ProductRow.serial_number),
    TermKind.CASE_NUMBER: (CaseRow.customer_id, CaseRow.number),
}


def search_customers(db: Database, q: str | None, limit: int, cursor: str | None) -> Page[Customer]:
    """Customers matching ``q`` (all customers when it is empty), a page at a time."""
    with db.read() as session:
        if q is None or not q.strip():
            after = decode_id_cursor(cursor)
            query = select(CustomerRow.id).order_by(CustomerRow.id).limit(limit + 1)
            if after is not None:
                query = query.where(CustomerRow.id > after)
            return _page(session, list(session.connection().scalars(query)), limit, _next_by_id)
        terms = interpret_query(q)
        names = [term for term in terms if term.kind is TermKind.NAME]
        if names:
            return _by_name(session, names[0].value, limit, cursor)
        return _by_exact(session, terms, limit, cursor)


def _by_exact(
    session: Session, terms: list[SearchTerm], limit: int, cursor: str | None
) -> Page[Customer]:
    after = decode_id_cursor(cursor)
    found: set[UUID] = set()
    for term in terms:
        customer_id, column = _EXACT[term.kind]
        found.update(session.connection().scalars(select(customer_id).where(column == term.value)))
    ids = sorted(i for i in found if after is None or i > after)[: limit + 1]
    return _page(session, ids, limit, _next_by_id)


def _by_name(session: Session, prefix: str, limit: int, cursor: str | None) -> Page[Customer]:
    # A customer matching under both keys ("anna adams", "adams anna") sorts by the
    # lower one, so each customer appears once and the cursor order is stable.
    key = func.min(CustomerNameKey.name_key).label("key")
    query = (
        select(CustomerNameKey.customer_id, key)
        .where(CustomerNameKey.name_key >= prefix)
        .group_by(CustomerNameKey.customer_id)
        .order_by(key, CustomerNameKey.customer_id)
        .limit(limit + 1)
    )
    if (upper := _prefix_end(prefix)) is not None:
        query = query.where(CustomerNameKey.name_key < upper)
    if cursor is not None:
        kind, after_key, after_id = decode_cursor(cursor, str, str, str)
        if kind != "name":
            raise ApiError(400, BAD_CURSOR)
        after = cursor_uuid(after_id)
        query = query.having(
            or_(key > after_key, and_(key == after_key, CustomerNameKey.customer_id > after))
        )
    rows = session.connection().execute(query).all()
    keys = {row.customer_id: row.key for row in rows}

    def next_cursor(last: UUID) -> str:
        return encode_cursor("name", keys[last], str(last))

    return _page(session, [row.customer_id for row in rows], limit, next_cursor)


def _prefix_end(prefix: str) -> str | None:
    # The first string after every string starting with ``prefix``, in code-point order
    # (SQLite's BINARY and PostgreSQL's "C" collation both order that way).
    last = ord(prefix[-1])
    return None if last >= 0x10FFFF else prefix[:-1] + chr(last + 1)


def _page(session: Session, ids: list[UUID], limit: int, next_cursor) -> Page[Customer]:
    more = len(ids) > limit
    ids = ids[:limit]
    query = select(CustomerRow.id, CustomerRow.data).where(CustomerRow.id.in_(ids))
    rows = {row.id: row.data for row in session.connection().execute(query)} if ids else {}
    items = [Customer.model_validate_json(rows[i]) for i in ids if i in rows]
    return Page[Customer](items=items, next_cursor=next_cursor(ids[-1]) if more else None)


def _next_by_id(last: UUID) -> str:
    return encode_id_cursor(last)
