"""Finding the caller and their whole history in the local store, online or not."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

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
    SearchTerm,
    TermKind,
    interpret_query,
)
from advocate_console.domain.phone import DEFAULT_REGION

from .database import Store
from .models import (
    CardRow,
    CaseRow,
    CustomerEmailRow,
    CustomerNameKeyRow,
    CustomerPhoneRow,
    CustomerRow,
    FollowUpRow,
    InteractionRow,
    ProductRow,
    ResolutionRow,
)
from .rows import TRUSTED_CONTEXT, table_of

_PREFIX_END = "\U0010ffff"  # sorts after every other character in SQLite's BINARY order


@dataclass(frozen=True, slots=True)
class CallerMatch:
    """A customer found for a query, and what matched (phone, e-mail, serial …)."""

    customer: Customer
    matched: TermKind


class CallerDirectory:
    """Looks callers up by phone, e-mail, serial, case number or name prefix."""

    def __init__(self, store: Store, default_region: str = DEFAULT_REGION) -> None:
        self._store = store
        self.default_region = default_region

    def find(self, text: str, limit: int = 25) -> list[CallerMatch]:
        """Customers matching any reading of ``text``, best kinds of match first."""
        terms = interpret_query(text, self.default_region)
        found: dict[uuid.UUID, TermKind] = {}
        with self._store.session() as session:
            for term in terms:
                for customer_id in session.scalars(_ids_for(term).limit(limit)):
                    found.setdefault(customer_id, term.kind)
                if len(found) >= limit:
                    break
            if not found:
                return []
            rows = session.execute(
                select(CustomerRow.id, CustomerRow.data).where(CustomerRow.id.in_(list(found)))
            ).all()
        customers = {
            row.id: Customer.model_validate_json(row.data, context=TRUSTED_CONTEXT) for row in rows
        }
        matches = [
            CallerMatch(customers[customer_id], kind)
            for customer_id, kind in found.items()
            if customer_id in customers
        ]
        if all(match.matched is TermKind.NAME for match in matches):
            matches.sort(key=lambda match: match.customer.display_name.casefold())
        return matches[:limit]

    def lookup(self, text: str, limit: int = 25) -> tuple[list[CallerMatch], History | None]:
        """:meth:`find`, and when exactly one customer matches, their history too: a screen
        pop needs both, and one trip to the worker is faster than two."""
        matches = self.find(text, limit)
        history = self.history(matches[0].customer.id) if len(matches) == 1 else None
        return matches, history

    def history(self, customer_id: uuid.UUID) -> History | None:
        """Everything about one customer, newest first; None if they are not in the store."""
        with self._store.session() as session:
            row = session.get(CustomerRow, customer_id)
            if row is None:
                return None
            cases = _records(
                session,
                Case,
                select(CaseRow.data)
                .where(CaseRow.customer_id == customer_id)
                .order_by(CaseRow.opened_at.desc()),
            )
            case_ids = [case.id for case in cases]
            return History(
                customer=Customer.model_validate_json(row.data, context=TRUSTED_CONTEXT),
                products=_newest_first(
                    _records(
                        session,
                        Product,
                        select(ProductRow.data).where(ProductRow.customer_id == customer_id),
                    )
                ),
                cases=cases,
                interactions=_records(
                    session,
                    Interaction,
                    select(InteractionRow.data)
                    .where(InteractionRow.customer_id == customer_id)
                    .order_by(InteractionRow.occurred_at.desc()),
                ),
                resolutions=_records(
                    session,
                    Resolution,
                    select(ResolutionRow.data).where(ResolutionRow.case_id.in_(case_ids)),
                )
                if case_ids
                else [],
                follow_ups=_records(
                    session,
                    FollowUp,
                    select(FollowUpRow.data)
                    .where(FollowUpRow.customer_id == customer_id)
                    .order_by(FollowUpRow.due_at),
                ),
                cards=_records(
                    session,
                    NoteCard,
                    select(CardRow.data).where(CardRow.customer_id == customer_id),
                ),
            )

    def count(self, collection: Collection = Collection.CUSTOMERS) -> int:
        """How many records of ``collection`` the store holds."""
        with self._store.session() as session:
            return session.scalar(select(func.count()).select_from(table_of(collection))) or 0


def _ids_for(term: SearchTerm) -> Select:
    match term.kind:
        case TermKind.PHONE:
            return select(CustomerPhoneRow.customer_id).where(CustomerPhoneRow.e164 == term.value)
        case TermKind.EMAIL:
            return select(CustomerEmailRow.customer_id).where(
                CustomerEmailRow.email >= term.value,
                CustomerEmailRow.email < term.value + _PREFIX_END,
            )
        case TermKind.SERIAL:
            return select(ProductRow.customer_id).where(ProductRow.serial_number == term.value)
        case TermKind.CASE_NUMBER:
            return select(CaseRow.customer_id).where(CaseRow.number == term.value)
        case TermKind.NAME:
            return (
                select(CustomerNameKeyRow.customer_id)
                .where(
                    CustomerNameKeyRow.key >= term.value,
                    CustomerNameKeyRow.key < term.value + _PREFIX_END,
                )
                .order_by(CustomerNameKeyRow.key)
            )
    raise ValueError(term.kind)


def _newest_first(products: list[Product]) -> list[Product]:
    return sorted(products, key=lambda p: p.purchase_date or date.min, reverse=True)


def _records(session: Session, record_type: type, query: Select) -> list:
    return [
        record_type.model_validate_json(data, context=TRUSTED_CONTEXT)
        for data in session.scalars(query)
    ]
