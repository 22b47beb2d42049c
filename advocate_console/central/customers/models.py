"""Lookup tables beside ``customers``: one row per phone, e-mail and name key, each indexed."""

from __future__ import annotations

from uuid import UUID

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from advocate_console.central.core.database import Base

# Byte order on PostgreSQL too, so a name prefix is one contiguous index range on both.
NAME_KEY = String(200).with_variant(String(200, collation="C"), "postgresql")


class CustomerPhone(Base):
    """A customer's phone number in E.164."""

    __tablename__ = "customer_phones"

    e164: Mapped[str] = mapped_column(String(40), primary_key=True)
    customer_id: Mapped[UUID] = mapped_column(
        ForeignKey("customers.id"), primary_key=True, index=True
    )


class CustomerEmail(Base):
    """A customer's e-mail address, lower case."""

    __tablename__ = "customer_emails"

    email: Mapped[str] = mapped_column(String(254), primary_key=True)
    customer_id: Mapped[UUID] = mapped_column(
        ForeignKey("customers.id"), primary_key=True, index=True
    )


class CustomerNameKey(Base):
    """A key a customer's name is found under ("maria garcia", "garcia maria")."""

    __tablename__ = "customer_name_keys"

    name_key: Mapped[str] = mapped_column(NAME_KEY, primary_key=True)
    customer_id: Mapped[UUID] = mapped_column(
        ForeignKey("customers.id"), primary_key=True, index=True
    )
