"""A customer's whole history, and bulk import of customers."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from datetime import datetime
from uuid import UUID

from pydantic import BaseModel
from sqlalchemy import Connection
from sqlalchemy.orm import Session

from advocate_console.api.schemas import ImportResult
from advocate_console.central.core.errors import ApiError
from advocate_console.central.core.reads import Sql
from advocate_console.central.idempotency.service import Answer
from advocate_console.central.records import service as records
from advocate_console.domain import Collection, Customer
from advocate_console.domain.records import Advocate

# One statement, one round trip: the customer (part 0), then what belongs to them.
_HISTORY = Sql(
    """
    SELECT 0, data FROM customers WHERE id = :customer
    UNION ALL SELECT 1, data FROM products WHERE customer_id = :customer
    UNION ALL SELECT 2, data FROM cases WHERE customer_id = :customer
    UNION ALL SELECT 3, data FROM interactions WHERE customer_id = :customer
    UNION ALL SELECT 4, r.data FROM resolutions r JOIN cases k ON k.id = r.case_id
              WHERE k.customer_id = :customer
    UNION ALL SELECT 5, data FROM follow_ups WHERE customer_id = :customer
    UNION ALL SELECT 6, data FROM cards WHERE customer_id = :customer
    """
)


def _at(field: str) -> Callable[[tuple[dict, str]], datetime]:
    return lambda item: datetime.fromisoformat(item[0][field])


def _purchase(item: tuple[dict, str]) -> tuple[bool, str]:
    bought = item[0]["purchase_date"]  # (an ISO date sorts as its text)
    return bought is None, bought or ""


# History's lists in order, each with its sort key and whether it is newest first.
_PARTS = (
    ("products", _purchase, False),
    ("cases", _at("opened_at"), True),
    ("interactions", _at("occurred_at"), True),
    ("resolutions", _at("resolved_at"), True),
    ("follow_ups", _at("due_at"), False),
    ("cards", _at("created_at"), True),
)


def history_json(connection: Connection, customer_id: UUID) -> bytes:
    """History's JSON for one customer, each list in its order; 404 for an unknown id.

    Written from the stored records, as the change feed is (see ``search.py`` on why):
    each record's JSON is read only for the field it is sorted by.
    """
    parts: list[list[tuple[dict, str]]] = [[] for _ in range(7)]
    for part, data in _HISTORY.rows(connection, customer=customer_id):
        parts[part].append((json.loads(data), data))
    if not parts[0]:
        raise ApiError(404, f"There is no customer with id {customer_id}.")
    fields = [f'"customer":{parts[0][0][1]}']
    for (name, key, newest_first), found in zip(_PARTS, parts[1:], strict=True):
        ordered = sorted(found, key=key, reverse=newest_first)
        fields.append(f'"{name}":[{",".join(data for _record, data in ordered)}]')
    return ("{" + ",".join(fields) + "}").encode()


def import_customers(
    session: Session, bodies: Sequence[BaseModel], max_import: int, who: Advocate | None = None
) -> Answer:
    """Create every customer in ``bodies`` (written by ``who``) in one transaction, or none."""
    if not bodies:
        raise ApiError(422, "The import is empty; send a list of customers.")
    if len(bodies) > max_import:
        raise ApiError(
            413, f"An import takes at most {max_import} customers; split it into smaller ones."
        )
    customers: list[Customer] = [
        records.new_record(session, Collection.CUSTOMERS, b, who)  # type: ignore[misc]
        for b in bodies
    ]
    ids = [customer.id for customer in customers]
    if len(set(ids)) != len(ids):
        raise ApiError(422, "The import lists the same customer id more than once.")
    existing = records.existing_ids(session, Collection.CUSTOMERS, ids)
    if existing:
        raise ApiError(
            409, f"{len(existing)} of these customers already exist, e.g. {existing[0]}."
        )
    for customer in customers:
        records.save(session, Collection.CUSTOMERS, customer, new=True, by=who)
    result = ImportResult(created=len(customers), ids=ids)
    return Answer(201, result.model_dump_json())
