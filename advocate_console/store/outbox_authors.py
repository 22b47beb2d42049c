"""Who wrote each outbox entry: the advocate signed in when it was saved, or the one
signed in last on this laptop (work goes on while signed out).

The author is kept in the store (``sync_state``), so a console restarted while signed out
still knows whose work it is saving. Every outbox row gets it as it is inserted, however
it was made, so no way of saving can forget it.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass

from sqlalchemy import Connection, event, select
from sqlalchemy.dialects.sqlite import insert

from .database import Store
from .models import OutboxRow, SyncStateRow

AUTHOR_KEY = "outbox_author"  # sync_state key


@dataclass(frozen=True, slots=True)
class OutboxAuthor:
    """An advocate as the outbox knows them: their user id and the name people read."""

    id: uuid.UUID
    name: str


def set_outbox_author(store: Store, author: OutboxAuthor) -> None:
    """What is saved from now on is ``author``'s (they signed in)."""
    value = json.dumps({"id": str(author.id), "name": author.name})
    statement = insert(SyncStateRow).values(key=AUTHOR_KEY, value=value)
    with store.session() as session:
        session.execute(
            statement.on_conflict_do_update(index_elements=["key"], set_={"value": value})
        )


def outbox_author(store: Store) -> OutboxAuthor | None:
    """Whose work is saved now; None before anyone signed in on this laptop."""
    with store.session() as session:
        return read_outbox_author(session.connection())


def read_outbox_author(connection: Connection) -> OutboxAuthor | None:
    """:func:`outbox_author`, read on ``connection`` (inside a unit of work)."""
    value = connection.scalar(select(SyncStateRow.value).where(SyncStateRow.key == AUTHOR_KEY))
    if not value:
        return None
    data = json.loads(value)
    return OutboxAuthor(uuid.UUID(data["id"]), data["name"])


@event.listens_for(OutboxRow, "before_insert")
def _stamp_author(_mapper, connection, row: OutboxRow) -> None:
    if row.author_id is not None:
        return
    author = read_outbox_author(connection)
    if author is not None:
        row.author_id, row.author_name = author.id, author.name
