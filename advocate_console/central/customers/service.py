"""A customer's whole history, and bulk import of customers."""

from __future__ import annotations

from collections.abc import Sequence
from uuid import UUID

from pydantic import BaseModel
from sqlalchemy import select
from sqlalchemy.orm import Session

from advocate_console.api.schemas import ImportResult
from advocate_console.central.core.database import Database
from advocate_console.central.core.errors import ApiError
from advocate_console.central.idempotency.service import Answer
from advocate_console.central.records import service as records
from advocate_console.central.records.models import (
    CardRow,
    CaseRow,
    FollowUpRow,
    InteractionRow,
    ProductRow,
    ResolutionRow,
)
from advocate_console.domain import (
    Case,
    Collection,
    Customer,
    FollowUp,
    History,
    Interaction,
    NoteCard,
    Product,
    Resolution,
)
from advocate_console.domain.records import Advocate


def customer_history(db: Database, customer_id: UUID) -> History:
    """Everything that happened with one customer, newest first; 404 for an unknown id."""
    with db.read() as session:
        customer = records.load(session, Collection.CUSTOMERS, customer_id)
        if customer is None:
            raise ApiError(404, f"There is no customer with id {customer_id}.")

        def owned(row_type, record_type):
            query = select(row_type.data).where(row_type.customer_id == customer_id)
            return [
                record_type.model_validate_json(data)
                for data in session.connection().scalars(query)
            ]

        resolutions = [
            Resolution.model_validate_json(data)
            for data in session.connection().scalars(
                select(ResolutionRow.data)
                .join(CaseRow, CaseRow.id == ResolutionRow.case_id)
                .where(CaseRow.customer_id == customer_id)
            )
        ]
        return History(
            customer=customer,
            products=sorted(
                owned(ProductRow, Product), key=lambda p: (p.purchase_date is None, p.purchase_date)
            ),
            cases=sorted(owned(CaseRow, Case), key=lambda c: c.opened_at, reverse=True),
            interactions=sorted(
                owned(InteractionRow, Interaction), key=lambda i: i.occurred_at, reverse=True
            ),
            resolutions=sorted(resolutions, key=lambda r: r.resolved_at, reverse=True),
            follow_ups=sorted(owned(FollowUpRow, FollowUp), key=lambda f: f.due_at),
            cards=sorted(owned(CardRow, NoteCard), key=lambda c: c.created_at, reverse=True),
        )


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
