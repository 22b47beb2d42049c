"""Who the reports credit with a record: the one place that decides it.

A record counts for the user whose id the server stamped on it from the token
(``author_id``), whatever name the record carries: an advocate renamed keeps every
record, and work saved offline under someone else's name counts for whoever sent it.
Records from before authorship have no ``author_id``: they fall back to the name they
carry (``advocate``), credited to the one user who has that display name when the report
tables read them, or kept under the name alone when no user (or more than one) has it.

A report row's ``author`` is the key the reports group by: the author's id as text, or,
for an old record nobody's name matches, that name. ``author_id`` is the id itself.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, NamedTuple
from uuid import UUID

from sqlalchemy import select
from sqlalchemy.orm import Session

from advocate_console.central.auth.models import AdvocateRow
from advocate_console.domain.records import AUTHOR_NAME_FIELD, Advocate

_CHUNK = 500  # names per IN (…)


class Author(NamedTuple):
    """What the reports group by (``key``), the user it is (``id``) and the name shown."""

    key: str | None
    id: str | None
    name: str | None


def author_of(data: Mapping[str, Any]) -> Author:
    """The author of a record (its JSON as a dict): the stamped one, else (a record from
    before authorship) the name it carries, to be matched by :func:`credit_by_name`."""
    author_id = data.get("author_id")
    name = data.get("author_name") or data.get(AUTHOR_NAME_FIELD)
    if author_id:
        return Author(key=str(UUID(str(author_id))), id=str(author_id), name=name)
    return Author(key=name, id=None, name=name)


def author_key(advocate: Advocate) -> str:
    """The key under which ``advocate``'s own records are grouped."""
    return str(advocate.id)


def credit_by_name(session: Session, rows: Iterable[dict[str, Any]]) -> None:
    """Give report rows without an author id (records from before authorship) the id of
    the one user whose display name is the row's name, and key them by it."""
    unknown = [row for row in rows if row["author_id"] is None and row["author_name"]]
    ids = _users_named(session, {row["author_name"] for row in unknown})
    for row in unknown:
        user_id = ids.get(row["author_name"])
        if user_id is not None:
            row["author_id"], row["author"] = str(user_id), str(user_id)


def _users_named(session: Session, names: set[str]) -> dict[str, UUID]:
    """The id of each of ``names`` that exactly one user has as display name."""
    holders: dict[str, list[UUID]] = {}
    wanted = sorted(names)
    for start in range(0, len(wanted), _CHUNK):
        query = select(AdvocateRow.display_name, AdvocateRow.id).where(
            AdvocateRow.display_name.in_(wanted[start : start + _CHUNK])
        )
        for name, user_id in session.execute(query):
            holders.setdefault(name, []).append(user_id)
    return {name: ids[0] for name, ids in holders.items() if len(ids) == 1}


def current_names(session: Session, ids: Iterable[str]) -> dict[str, str]:
    """Each user's display name now (a renamed advocate shows as they are called today)."""
    wanted = sorted({str(UUID(str(user_id))) for user_id in ids})
    names: dict[str, str] = {}
    for start in range(0, len(wanted), _CHUNK):
        chunk = [UUID(user_id) for user_id in wanted[start : start + _CHUNK]]
        rows = session.execute(
            select(AdvocateRow.id, AdvocateRow.display_name).where(AdvocateRow.id.in_(chunk))
        )
        names.update({str(user_id): name for user_id, name in rows})
    return names
