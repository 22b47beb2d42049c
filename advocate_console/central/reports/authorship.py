"""Who the reports credit with a record: the one place that decides it.

Today every record carries its author as the ``advocate`` display name the console
sent. When the server stamps ``author_id``/``author_name`` on every record (the
authorship work), switch the three functions below to those fields (``author_of``:
``data["author_id"]``, ``data["author_name"]``; ``author_key``: ``str(advocate.id)``;
``advocate_ids``: match on ids) and let the report tables be filled afresh (a migration
that empties them and sets ``report_feed`` back to 0). Nothing else reads authors.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, NamedTuple
from uuid import UUID

from sqlalchemy import select
from sqlalchemy.orm import Session

from advocate_console.central.auth.models import AdvocateRow
from advocate_console.domain.records import Advocate


class Author(NamedTuple):
    """What the reports group by (``key``) and the name they show for it."""

    key: str | None
    name: str | None


def author_of(data: Mapping[str, Any]) -> Author:
    """The author of a record (its JSON as a dict), as the reports group and show it."""
    name = data.get("advocate")
    return Author(key=name, name=name)


def author_key(advocate: Advocate) -> str:
    """The key under which ``advocate``'s own records are grouped."""
    return advocate.display_name


def advocate_ids(session: Session, keys: Iterable[str]) -> dict[str, UUID]:
    """The sign-in id of each author key that belongs to a user of this server."""
    wanted = set(keys)
    if not wanted:
        return {}
    rows = session.execute(
        select(AdvocateRow.display_name, AdvocateRow.id).where(AdvocateRow.display_name.in_(wanted))
    )
    return {name: advocate_id for name, advocate_id in rows}
