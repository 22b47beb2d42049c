"""Tables of the local store: a replica of the advocate's records, the outbox, sync state.

Each record table keeps the whole record as JSON (``data``, the domain value's own
serialisation, so the shape is defined once, in ``domain``) beside typed columns for
what the console looks things up or sorts by. Lookup keys that a record has several of
(phones, e-mails, name keys) live in side tables with their own indexes.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import Boolean, DateTime, ForeignKey, Index, Integer, String, Text, Uuid
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    """Declarative base of the local store."""


class _RecordRow:
    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    version: Mapped[int] = mapped_column(Integer)
    data: Mapped[str] = mapped_column(Text)


class CustomerRow(_RecordRow, Base):
    """A customer; phones, e-mails and name keys are in side tables."""

    __tablename__ = "customers"
    display_name: Mapped[str] = mapped_column(String(200))


class CustomerPhoneRow(Base):
    """One E.164 phone number of a customer."""

    __tablename__ = "customer_phones"
    customer_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("customers.id", ondelete="CASCADE"), primary_key=True
    )
    e164: Mapped[str] = mapped_column(String(20), primary_key=True, index=True)


class CustomerEmailRow(Base):
    """One e-mail address of a customer, lower case."""

    __tablename__ = "customer_emails"
    customer_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("customers.id", ondelete="CASCADE"), primary_key=True
    )
    email: Mapped[str] = mapped_column(String(254), primary_key=True, index=True)


class CustomerNameKeyRow(Base):
    """A name a customer is found under by prefix ("maria garcia", "garcia maria")."""

    __tablename__ = "customer_name_keys"
    customer_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("customers.id", ondelete="CASCADE"), primary_key=True
    )
    key: Mapped[str] = mapped_column(String(200), primary_key=True, index=True)


class ProductRow(_RecordRow, Base):
    """An owned product."""

    __tablename__ = "products"
    customer_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    serial_number: Mapped[str] = mapped_column(String(60), index=True)


class CaseRow(_RecordRow, Base):
    """A case."""

    __tablename__ = "cases"
    customer_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    number: Mapped[str] = mapped_column(String(20), index=True)
    opened_at: Mapped[datetime] = mapped_column(DateTime)


class InteractionRow(_RecordRow, Base):
    """One entry on a customer's timeline."""

    __tablename__ = "interactions"
    __table_args__ = (Index("ix_interactions_customer_time", "customer_id", "occurred_at"),)
    customer_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    case_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, nullable=True)
    occurred_at: Mapped[datetime] = mapped_column(DateTime)


class ResourceRow(_RecordRow, Base):
    """An internal resource of the dial-out directory."""

    __tablename__ = "resources"
    name: Mapped[str] = mapped_column(String(200))


class ResolutionRow(_RecordRow, Base):
    """How a case was resolved; by whom and when, for the advocate's own score."""

    __tablename__ = "resolutions"
    __table_args__ = (
        Index("ix_resolutions_advocate_resolved", "advocate", "resolved_at"),
        Index("ix_resolutions_author_resolved", "author_id", "resolved_at"),
    )
    case_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    advocate: Mapped[str | None] = mapped_column(String(200), nullable=True)
    # Stamped by the server from the token; None until it has the record (or before
    # authorship): then the outbox, or the name, says whose it is (``scores``).
    author_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, nullable=True)
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)


class FollowUpRow(_RecordRow, Base):
    """A follow-up call."""

    __tablename__ = "follow_ups"
    __table_args__ = (Index("ix_follow_ups_status_due", "status", "due_at"),)
    customer_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    status: Mapped[str] = mapped_column(String(20))
    due_at: Mapped[datetime] = mapped_column(DateTime)


class CardRow(_RecordRow, Base):
    """A thank-you card."""

    __tablename__ = "cards"
    customer_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    state: Mapped[str] = mapped_column(String(20), index=True)


class CallAttemptRow(_RecordRow, Base):
    """One try at dialling a resource into a call (this advocate's and, synced, the team's)."""

    __tablename__ = "call_attempts"
    __table_args__ = (Index("ix_call_attempts_category_model", "category", "product_model"),)
    resource_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    case_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, nullable=True, index=True)
    category: Mapped[str] = mapped_column(String(200))
    product_model: Mapped[str] = mapped_column(String(200))
    outcome: Mapped[str | None] = mapped_column(String(20), nullable=True)
    helped: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    advocate: Mapped[str | None] = mapped_column(String(200), nullable=True)
    started_at: Mapped[datetime] = mapped_column(DateTime)


class RemedyOutcomeRow(Base):
    """What one resolution did and how the customer felt, by product model and kind and the
    kind of problem: derived from the resolutions, cases and products for the suggested
    remedies (never synced; rebuilt from them when in doubt)."""

    __tablename__ = "remedy_outcomes"
    __table_args__ = (
        Index("ix_remedy_outcomes_model", "product_model", "problem", "remedy_key", "delight"),
        Index("ix_remedy_outcomes_kind", "product_kind", "problem", "remedy_key", "delight"),
        Index("ix_remedy_outcomes_incomplete", "complete"),
    )
    resolution_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    product_model: Mapped[str] = mapped_column(String(200))
    product_kind: Mapped[str] = mapped_column(String(200))
    problem: Mapped[str] = mapped_column(String(200))
    remedy_key: Mapped[str] = mapped_column(String(400))
    remedies: Mapped[str] = mapped_column(Text)
    delight: Mapped[str] = mapped_column(String(20))
    cost_cents: Mapped[int] = mapped_column(Integer)
    complete: Mapped[bool] = mapped_column(Boolean)  # False: its case or product was missing


class FavouriteResourceRow(Base):
    """A resource this advocate starred; kept on the laptop only, never synced."""

    __tablename__ = "favourite_resources"
    resource_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    added_at: Mapped[datetime] = mapped_column(DateTime)


class OutboxRow(Base):
    """A local change waiting to reach the server, in the order it was made."""

    __tablename__ = "outbox"
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    idempotency_key: Mapped[str] = mapped_column(String(64), unique=True)
    collection: Mapped[str] = mapped_column(String(30))
    record_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    op: Mapped[str] = mapped_column(String(10))  # "create" or "patch"
    base_version: Mapped[int | None] = mapped_column(Integer, nullable=True)
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text, nullable=True)
    # "pending" until pushed; "conflict" waits for the advocate; "refused" by the server.
    state: Mapped[str] = mapped_column(String(10), default="pending", server_default="pending")
    base_data: Mapped[str | None] = mapped_column(Text, nullable=True)  # what a patch is on
    server_data: Mapped[str | None] = mapped_column(Text, nullable=True)  # on conflict
    # Who saved it (the advocate signed in then, or last): sent only with their token.
    author_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, nullable=True)
    author_name: Mapped[str | None] = mapped_column(String(200), nullable=True)
    # Entries saved in one transaction share it (a resolution and what came with it).
    saved_with: Mapped[uuid.UUID | None] = mapped_column(Uuid, nullable=True)


class SyncStateRow(Base):
    """Small named values the sync engine keeps: the change-feed cursor, the last sync."""

    __tablename__ = "sync_state"
    key: Mapped[str] = mapped_column(String(50), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class ReportCopyRow(Base):
    """The last answer of a report the console fetched, for showing it offline: one per
    signed-in user (``owner``) and report with its parameters (``name``)."""

    __tablename__ = "report_copies"
    owner: Mapped[str] = mapped_column(String(100), primary_key=True)
    name: Mapped[str] = mapped_column(String(300), primary_key=True)
    body: Mapped[str] = mapped_column(Text)
    as_of: Mapped[datetime] = mapped_column(DateTime)


class DraftRow(Base):
    """Unsaved form content kept across a closed window (a call's resolution draft)."""

    __tablename__ = "drafts"
    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    data: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(DateTime)


RECORD_ROWS = {
    "customers": CustomerRow,
    "products": ProductRow,
    "cases": CaseRow,
    "interactions": InteractionRow,
    "resources": ResourceRow,
    "resolutions": ResolutionRow,
    "follow_ups": FollowUpRow,
    "cards": CardRow,
    "call_attempts": CallAttemptRow,
}
