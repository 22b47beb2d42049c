"""What the server stamps (author, last change) reaches the local copy as soon as a push is
confirmed, even while newer local edits of the record still wait."""

from __future__ import annotations

import uuid

from advocate_console.domain import Collection
from advocate_console.store import LocalChanges
from advocate_console.store.rows import table_of, to_record
from tests import factories as make


def test_a_confirmed_create_brings_the_stamps_and_keeps_newer_local_edits(store):
    changes = LocalChanges(store)
    owner = make.customer()
    note = make.interaction(owner, advocate="Typed by the console")
    created = changes.create(Collection.INTERACTIONS, note)
    changes.update(Collection.INTERACTIONS, note.id, {"body": "Added while offline."})
    author = uuid.uuid4()
    on_server = note.model_copy(
        update={"author_id": author, "author_name": "Maya Castellanos", "version": 1}
    )
    changes.confirmed(created, on_server)

    with store.session() as session:
        local = to_record(
            Collection.INTERACTIONS, session.get(table_of(Collection.INTERACTIONS), note.id).data
        )
    assert (local.author_id, local.author_name) == (author, "Maya Castellanos")
    assert local.body == "Added while offline."
    assert local.updated_at is None
    assert [e.op for e in changes.entries()] == ["patch"]
