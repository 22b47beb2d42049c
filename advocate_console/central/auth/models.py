"""Users who may sign in, the digests of the tokens they were given, and failed sign-ins."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from sqlalchemy import Boolean, DateTime, ForeignKey, Integer, String, Uuid, false
from sqlalchemy.orm import Mapped, mapped_column

from advocate_console.central.core.database import Base


class AdvocateRow(Base):
    """A user of the central API with a role and a password hash (argon2id, or an older
    scrypt one until the next sign-in)."""

    __tablename__ = "advocates"

    id: Mapped[UUID] = mapped_column(Uuid, primary_key=True)
    username: Mapped[str] = mapped_column(String(200), unique=True)
    display_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20))
    password_hash: Mapped[str] = mapped_column(String(300))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    # Set when an admin disabled the account: its tokens answer 401 with the wipe order.
    disabled_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # After an admin set the password: nothing but choosing a new one until it is done.
    password_change_required: Mapped[bool] = mapped_column(Boolean, server_default=false())


class TokenRow(Base):
    """A bearer token, kept only as its sha256, with its expiry and revocation."""

    __tablename__ = "tokens"

    digest: Mapped[str] = mapped_column(String(64), primary_key=True)
    advocate_id: Mapped[UUID] = mapped_column(ForeignKey("advocates.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # Revoked by "sign out everywhere" with wipe: the console that shows it erases its data.
    wipe: Mapped[bool] = mapped_column(Boolean, server_default=false())


class SignInFailureRow(Base):
    """Failed sign-ins in a row for one user name or one client address, shared by every
    server process through the database."""

    __tablename__ = "sign_in_failures"

    key: Mapped[str] = mapped_column(String(300), primary_key=True)  # "user:…" or "address:…"
    failures: Mapped[int] = mapped_column(Integer)
    last_failure_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    locked_until: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
