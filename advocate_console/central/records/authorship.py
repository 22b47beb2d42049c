"""Who wrote a record and who changed it: stamped from the bearer token, never the client.

Whatever a client sends in the stamped fields (``domain.records.STAMPED_FIELDS``) is
ignored, and so is the ``advocate`` name it used to send: on a new record the server
writes the author's display name there. A write without a signed-in user (the demo
seed, a phone system) stamps no one.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

from sqlalchemy import select
from sqlalchemy.orm import Session

from advocate_console.central.auth.models import AdvocateRow
from advocate_console.domain import Case, Collection, FollowUp, FollowUpStatus, Record
from advocate_console.domain.records import AUTHOR_NAME_FIELD, STAMPED_FIELDS, Advocate


def client_fields(fields: dict[str, Any]) -> dict[str, Any]:
    """``fields`` without those only the server sets (the author's name included)."""
    return {k: v for k, v in fields.items() if k not in STAMPED_FIELDS and k != AUTHOR_NAME_FIELD}


def stamp_new(
    session: Session, fields: dict[str, Any], record_type: type[Record], who: Advocate | None
) -> dict[str, Any]:
    """The fields of a new record with its author stamped (and a case's owner id found)."""
    stamped = {k: v for k, v in fields.items() if k not in STAMPED_FIELDS}
    if who is not None:
        stamped |= {"author_id": who.id, "author_name": who.display_name}
        if AUTHOR_NAME_FIELD in record_type.model_fields:
            stamped[AUTHOR_NAME_FIELD] = who.display_name
    if record_type is Case:
        stamped["owner_id"] = owner_id(session, stamped.get("owner"), who)
    return stamped


def stamp_change(
    session: Session,
    current: Record,
    changes: dict[str, Any],
    who: Advocate | None,
    now: datetime,
) -> dict[str, Any]:
    """``current``'s fields with ``changes`` (client fields only) applied, the version
    raised and who changed it when stamped."""
    merged = current.model_dump() | changes | {"version": current.version + 1}
    if who is not None:
        merged |= {"updated_by_id": who.id, "updated_by_name": who.display_name, "updated_at": now}
    if isinstance(current, Case) and "owner" in changes:
        same = changes["owner"] == current.owner
        merged["owner_id"] = current.owner_id if same else owner_id(session, changes["owner"], who)
    if isinstance(current, FollowUp) and "status" in changes:
        done = FollowUpStatus(merged["status"]) is FollowUpStatus.DONE
        if not done:
            merged |= {"completed_by_id": None, "completed_by_name": None}
        elif current.status is not FollowUpStatus.DONE and who is not None:
            merged |= {"completed_by_id": who.id, "completed_by_name": who.display_name}
    return merged


def owner_id(session: Session, owner: str | None, who: Advocate | None) -> UUID | None:
    """The user a case's ``owner`` names: the writer when it is their name, else the one
    user with that display name; None when nobody (or more than one) has it."""
    if not owner:
        return None
    if who is not None and owner == who.display_name:
        return who.id
    found = session.scalars(
        select(AdvocateRow.id).where(AdvocateRow.display_name == owner).limit(2)
    ).all()
    return found[0] if len(found) == 1 else None


def stamp_demo_authors(
    collection: Collection, record: Record, users: dict[str, Advocate]
) -> Record:
    """A seeded record stamped as written by the demo user it names (``users``: by the
    name the demo data gives them), so the demo advocate may work on their own records.
    The records of the demo's other advocates (no users) keep their name only."""
    name = getattr(record, AUTHOR_NAME_FIELD, None) or getattr(record, "owner", None)
    user = users.get(name) if name else None
    if user is None:
        return record
    stamp: dict[str, Any] = {"author_id": user.id, "author_name": name}
    if collection is Collection.CASES:
        stamp["owner_id"] = user.id
    return record.model_copy(update=stamp)
