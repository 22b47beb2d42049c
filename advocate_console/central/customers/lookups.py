"""Keeping the lookup tables beside ``customers`` in step with each customer."""

from __future__ import annotations

from sqlalchemy import delete, insert
from sqlalchemy.orm import Session

from advocate_console.domain import Customer
from advocate_console.domain.search import name_keys

from .models import CustomerEmail, CustomerNameKey, CustomerPhone


def lookup_rows(customer: Customer) -> tuple[list[dict], list[dict], list[dict]]:
    """The phone, e-mail and name-key rows ``customer`` is found under."""
    # A phone with an extension (";ext=12") is found by its number alone.
    phones = {phone.split(";", 1)[0] for phone in customer.phones}
    return (
        [{"e164": phone, "customer_id": customer.id} for phone in sorted(phones)],
        [{"email": email, "customer_id": customer.id} for email in sorted(set(customer.emails))],
        [
            {"name_key": key, "customer_id": customer.id}
            for key in sorted({key[:200] for key in name_keys(customer.display_name)})
        ],
    )


def index_customer(session: Session, customer: Customer, *, new: bool) -> None:
    """Write ``customer``'s lookup rows, replacing the old ones on an update."""
    tables = (CustomerPhone, CustomerEmail, CustomerNameKey)
    if not new:
        for table in tables:
            session.execute(delete(table).where(table.customer_id == customer.id))
    for table, rows in zip(tables, lookup_rows(customer), strict=True):
        if rows:
            session.execute(insert(table), rows)
