"""Creating, listing, revoking and checking integration keys."""

from __future__ import annotations

import secrets
import uuid
from datetime import datetime
from uuid import UUID

from pydantic import BaseModel
from sqlalchemy import select, update

from advocate_console.central.auth.models import TokenRow
from advocate_console.central.core.clock import utc_now
from advocate_console.central.core.database import Database
from advocate_console.central.core.errors import ApiError
from advocate_console.central.core.security import token_digest

from .models import IntegrationKeyRow

KEY_PREFIX = "aci_"  # so a key in a config file says what it is
CHALLENGE = {"WWW-Authenticate": "Bearer"}


class Integration(BaseModel):
    """A phone system that may post call events (never its key)."""

    id: UUID
    name: str
    created_at: datetime
    revoked_at: datetime | None = None


class IntegrationExists(ValueError):
    """An integration with that name is already there."""


def _integration(row: IntegrationKeyRow) -> Integration:
    return Integration(
        id=row.id, name=row.name, created_at=row.created_at, revoked_at=row.revoked_at
    )


def create_integration(db: Database, name: str) -> tuple[Integration, str]:
    """A new integration and its key (shown once: only its digest is kept)."""
    name = name.strip()
    if not name or len(name) > 200 or "\x00" in name:
        raise ValueError("An integration's name needs 1 to 200 characters.")
    key = KEY_PREFIX + secrets.token_urlsafe(32)
    row = IntegrationKeyRow(
        id=uuid.uuid4(), name=name, digest=token_digest(key), created_at=utc_now()
    )
    with db.write() as session:
        if session.scalar(select(IntegrationKeyRow.id).where(IntegrationKeyRow.name == name)):
            raise IntegrationExists(f"There is already an integration called “{name}”.")
        session.add(row)
    return _integration(row), key


def list_integrations(db: Database) -> list[Integration]:
    """Every integration, revoked ones too, by name."""
    with db.read() as session:
        rows = session.scalars(select(IntegrationKeyRow).order_by(IntegrationKeyRow.name))
        return [_integration(row) for row in rows]


def revoke_integration(db: Database, name_or_id: str) -> Integration:
    """Revoke a key by the integration's name or id; ValueError when there is none."""
    with db.write() as session:
        row = session.scalar(select(IntegrationKeyRow).where(IntegrationKeyRow.name == name_or_id))
        if row is None and _is_uuid(name_or_id):
            row = session.get(IntegrationKeyRow, UUID(name_or_id))
        if row is None:
            raise ValueError(f"There is no integration called “{name_or_id}”.")
        if row.revoked_at is None:
            session.execute(
                update(IntegrationKeyRow)
                .where(IntegrationKeyRow.id == row.id)
                .values(revoked_at=utc_now())
            )
            session.refresh(row)
        return _integration(row)


def integration_for_key(db: Database, key: str | None) -> Integration:
    """The integration presenting ``key``; 401 without a good key, 403 for a user's token."""
    if not key:
        raise ApiError(
            401, "Send the phone system's integration key as a bearer token.", headers=CHALLENGE
        )
    digest = token_digest(key)
    with db.read() as session:
        row = session.scalar(select(IntegrationKeyRow).where(IntegrationKeyRow.digest == digest))
        if row is None:
            if session.scalar(select(TokenRow.digest).where(TokenRow.digest == digest)):
                raise ApiError(
                    403,
                    "This is a user's token; call events are posted with an integration key"
                    " (advocate-central create-integration).",
                )
            raise ApiError(401, "This integration key is not recognised.", headers=CHALLENGE)
    if row.revoked_at is not None:
        raise ApiError(401, "This integration key was revoked.", headers=CHALLENGE)
    return _integration(row)


def _is_uuid(text: str) -> bool:
    try:
        UUID(text)
    except ValueError:
        return False
    return True
