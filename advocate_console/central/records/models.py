"""One table per collection: the record as JSON plus the columns the server looks up by.

The record's shape is owned by ``advocate_console.domain``; the server stores the
validated record whole and projects only the columns it joins, filters or indexes on,
so a new field in the domain needs no migration here.
"""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar
from uuid import UUID

from sqlalchemy import Boolean, DateTime, ForeignKey, Index, Integer, String, Text, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from advocate_console.central.core.database import Base
from advocate_console.domain import Collection


class RecordRow(Base):
    """Columns every record table has."""

    __abstract__ = True
    collection: ClassVar[Collection]
    # Projected columns that point at another record, and the collection they point into.
    references: ClassVar[dict[str, Collection]] = {}
    projected: ClassVar[tuple[str, ...]] = ()

    id: Mapped[UUID] = mapped_column(Uuid, primary_key=True)
    version: Mapped[int] = mapped_column(Integer)
    data: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class CustomerRow(RecordRow):
    """A customer; its phones, e-mails and name keys live in lookup tables beside it."""

    __tablename__ = "customers"
    collection = Collection.CUSTOMERS


class ProductRow(RecordRow):
    """A unit a customer owns, found by its serial number."""

    __tablename__ = "products"
    collection = Collection.PRODUCTS
    references = {"customer_id": Collection.CUSTOMERS, "replaced_by_id": Collection.PRODUCTS}
    projected = ("customer_id", "serial_number", "replaced_by_id")

    customer_id: Mapped[UUID] = mapped_column(ForeignKey("customers.id"), index=True)
    serial_number: Mapped[str] = mapped_column(String(60), index=True)
    replaced_by_id: Mapped[UUID | None] = mapped_column(ForeignKey("products.id"))


class CaseRow(RecordRow):
    """A case, found by the number the customer reads out."""

    __tablename__ = "cases"
    collection = Collection.CASES
    references = {"customer_id": Collection.CUSTOMERS, "product_id": Collection.PRODUCTS}
    projected = ("customer_id", "product_id", "number")

    customer_id: Mapped[UUID] = mapped_column(ForeignKey("customers.id"), index=True)
    product_id: Mapped[UUID | None] = mapped_column(ForeignKey("products.id"))
    number: Mapped[str] = mapped_column(String(20), index=True)


class InteractionRow(RecordRow):
    """One entry of a customer's timeline."""

    __tablename__ = "interactions"
    collection = Collection.INTERACTIONS
    references = {"customer_id": Collection.CUSTOMERS, "case_id": Collection.CASES}
    projected = ("customer_id", "case_id")

    customer_id: Mapped[UUID] = mapped_column(ForeignKey("customers.id"), index=True)
    case_id: Mapped[UUID | None] = mapped_column(ForeignKey("cases.id"))


class ResourceRow(RecordRow):
    """An internal person or desk to dial into a call."""

    __tablename__ = "resources"
    collection = Collection.RESOURCES


class ResolutionRow(RecordRow):
    """How a case was resolved."""

    __tablename__ = "resolutions"
    collection = Collection.RESOLUTIONS
    references = {"case_id": Collection.CASES}
    projected = ("case_id",)

    case_id: Mapped[UUID] = mapped_column(ForeignKey("cases.id"), index=True)


class FollowUpRow(RecordRow):
    """A promised callback or proactive call."""

    __tablename__ = "follow_ups"
    collection = Collection.FOLLOW_UPS
    references = {"customer_id": Collection.CUSTOMERS, "case_id": Collection.CASES}
    projected = ("customer_id", "case_id")

    customer_id: Mapped[UUID] = mapped_column(ForeignKey("customers.id"), index=True)
    case_id: Mapped[UUID | None] = mapped_column(ForeignKey("cases.id"))


class CardRow(RecordRow):
    """A thank-you card."""

    __tablename__ = "cards"
    collection = Collection.CARDS
    references = {"customer_id": Collection.CUSTOMERS, "case_id": Collection.CASES}
    projected = ("customer_id", "case_id")

    customer_id: Mapped[UUID] = mapped_column(ForeignKey("customers.id"), index=True)
    case_id: Mapped[UUID | None] = mapped_column(ForeignKey("cases.id"))


class CallAttemptRow(RecordRow):
    """One try at dialling a resource into a call, ranked by category and product model."""

    __tablename__ = "call_attempts"
    __table_args__ = (Index(None, "category", "product_model"),)
    collection = Collection.CALL_ATTEMPTS
    references = {
        "resource_id": Collection.RESOURCES,
        "case_id": Collection.CASES,
        "customer_id": Collection.CUSTOMERS,
    }
    projected = (
        "resource_id",
        "case_id",
        "customer_id",
        "category",
        "product_model",
        "helped",
        "advocate",
    )

    resource_id: Mapped[UUID] = mapped_column(ForeignKey("resources.id"), index=True)
    case_id: Mapped[UUID | None] = mapped_column(ForeignKey("cases.id"))
    customer_id: Mapped[UUID | None] = mapped_column(ForeignKey("customers.id"))
    category: Mapped[str] = mapped_column(String(200))
    product_model: Mapped[str] = mapped_column(String(200))
    helped: Mapped[bool | None] = mapped_column(Boolean)
    advocate: Mapped[str | None] = mapped_column(String(200))


ROW_TYPES: dict[Collection, type[RecordRow]] = {
    row.collection: row
    for row in (
        CustomerRow,
        ProductRow,
        CaseRow,
        InteractionRow,
        ResourceRow,
        ResolutionRow,
        FollowUpRow,
        CardRow,
        CallAttemptRow,
    )
}
