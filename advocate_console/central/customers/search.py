"""Finding the caller: whatever the advocate typed, read every way it could be meant.

Each reading is one indexed lookup (phone, e-mail, serial, case number, or a name-key
prefix range) that brings the customers it finds with it, and the readings are merged.
The statements are written once (``core/reads.py``) and the page is written from the
stored records: each ``data`` is the ``model_dump_json`` of a customer validated when it
was saved, so validating and serialising it again on every search (a phone number
parsed per phone) only spent the server's time. The answer is Page[Customer]'s JSON,
byte for byte (a test holds it to that).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from uuid import UUID

from sqlalchemy import Connection

from advocate_console.central.core.errors import ApiError
from advocate_console.central.core.http import (
    BAD_CURSOR,
    cursor_uuid,
    decode_cursor,
    decode_id_cursor,
    encode_cursor,
    encode_id_cursor,
)
from advocate_console.central.core.reads import Sql, uuid_of
from advocate_console.domain import TermKind, interpret_query


def _by_id(lookup: str = "") -> tuple[Sql, Sql]:
    """The statements for the first page of customers found by ``lookup``, and for the
    pages after a cursor, in id order."""
    found = f"SELECT id, data FROM customers WHERE {lookup or 'TRUE'}"
    return (
        Sql(f"{found} ORDER BY id LIMIT :count"),
        Sql(f"{found} AND id > :after ORDER BY id LIMIT :count"),
    )


_EVERYONE = _by_id()
_EXACT = {
    kind: _by_id(f"id IN (SELECT customer_id FROM {table} WHERE {column} = :value)")
    for kind, table, column in (
        (TermKind.PHONE, "customer_phones", "e164"),
        (TermKind.EMAIL, "customer_emails", "email"),
        (TermKind.SERIAL, "products", "serial_number"),
        (TermKind.CASE_NUMBER, "cases", "number"),
    )
}


_UPPER = "AND name_key < :high"
_AFTER = (
    "HAVING min(name_key) > :after_key OR (min(name_key) = :after_key AND customer_id > :after_id)"
)


def _by_name(upper: str, after: str) -> Sql:
    # A customer matching under both keys ("anna adams", "adams anna") sorts by the
    # lower one, so each customer appears once and the cursor order is stable.
    return Sql(
        f"""
        SELECT m.customer_id, m.name_key, c.data
        FROM (SELECT customer_id, min(name_key) AS name_key FROM customer_name_keys
              WHERE name_key >= :low {upper} GROUP BY customer_id {after}
              ORDER BY min(name_key), customer_id LIMIT :count) AS m
        JOIN customers c ON c.id = m.customer_id
        ORDER BY m.name_key, m.customer_id
        """
    )


# By (an upper bound, a cursor).
_NAMES = {
    (bool(upper), bool(after)): _by_name(upper, after)
    for upper in (_UPPER, "")
    for after in (_AFTER, "")
}


def search_page(connection: Connection, q: str | None, limit: int, cursor: str | None) -> bytes:
    """Page[Customer]'s JSON of the customers matching ``q`` (every customer when it is
    empty), a page at a time."""
    everyone = q is None or not q.strip()
    terms = [] if everyone else interpret_query(q)  # type: ignore[arg-type]
    names = [term for term in terms if term.kind is TermKind.NAME]
    if names:
        return _name_page(connection, names[0].value, limit, cursor)
    after = decode_id_cursor(cursor)
    readings = [(_EXACT[term.kind], {"value": term.value}) for term in terms]
    if everyone:
        readings = [(_EVERYONE, {})]
    found: dict[UUID, str] = {}
    for (first, later), values in readings:
        if after is None:
            rows = first.rows(connection, count=limit + 1, **values)
        else:
            rows = later.rows(connection, count=limit + 1, after=after, **values)
        found.update((uuid_of(customer_id), data) for customer_id, data in rows)
    return _page(sorted(found.items())[: limit + 1], limit, encode_id_cursor)


def _name_page(connection: Connection, prefix: str, limit: int, cursor: str | None) -> bytes:
    values: dict = {"low": prefix, "count": limit + 1}
    if (upper := _prefix_end(prefix)) is not None:
        values["high"] = upper
    if cursor is not None:
        kind, after_key, after_id = decode_cursor(cursor, str, str, str)
        if kind != "name":
            raise ApiError(400, BAD_CURSOR)
        values["after_key"] = after_key
        values["after_id"] = cursor_uuid(after_id)
    statement = _NAMES[upper is not None, cursor is not None]
    keys: dict[UUID, str] = {}
    rows = []
    for customer_id, key, data in statement.rows(connection, **values):
        keys[uuid := uuid_of(customer_id)] = key
        rows.append((uuid, data))

    def next_cursor(last: UUID) -> str:
        return encode_cursor("name", keys[last], str(last))

    return _page(rows, limit, next_cursor)


def _prefix_end(prefix: str) -> str | None:
    # The first string after every string starting with ``prefix``, in code-point order
    # (SQLite's BINARY and PostgreSQL's "C" collation both order that way).
    last = ord(prefix[-1])
    return None if last >= 0x10FFFF else prefix[:-1] + chr(last + 1)


def _page(rows: list[tuple[UUID, str]], limit: int, next_cursor: Callable[[UUID], str]) -> bytes:
    more = len(rows) > limit
    rows = rows[:limit]
    after = json.dumps(next_cursor(rows[-1][0])) if more else "null"
    items = ",".join(data for _id, data in rows)
    return f'{{"items":[{items}],"next_cursor":{after}}}'.encode()
