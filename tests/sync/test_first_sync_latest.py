"""A first sync reads each record once, at its latest version; one that goes on with
deltas while colleagues write between its pages ends with every record as the server has
it."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from advocate_console.domain import Collection, Interaction, InteractionKind
from advocate_console.store import Replica
from advocate_console.store.rows import table_of, to_record
from advocate_console.sync import pull_changes
from tests.laptop import CUSTOMER_ID, new_case


def _everything(client) -> dict:
    """The latest version of every record, as the change feed sends them."""
    newest, cursor = {}, 0
    while True:
        page = client.changes(cursor, 1000)
        for change in page.items:
            assert change.id not in newest, "a record twice in one read of the feed"
            newest[change.id] = (change.collection, change.record())
        cursor = page.next_cursor
        if not page.has_more:
            return newest


def _stored(store, collection, record_id):
    with store.session() as session:
        row = session.get(table_of(collection), record_id)
        return None if row is None else to_record(collection, row.data)


def _create(lead, collection, record):
    body = record.model_dump(mode="json", exclude={"version"})
    return lead.create(collection, body, str(uuid.uuid4()))


def test_a_record_edited_many_times_reaches_a_first_sync_once(client, lead, store):
    case = _create(lead, Collection.CASES, new_case("Oven door will not close"))
    for n in range(5):
        case = lead.patch(
            Collection.CASES, case.id, {"summary": f"Edit {n}"}, case.version, str(uuid.uuid4())
        )
    feed = _everything(client)

    result = pull_changes(client, Replica(store), page_size=40)

    assert result.changes == len(feed)  # one change per record, old versions left out
    assert _stored(store, Collection.CASES, case.id) == case
    assert [v.version for v in lead.audit(Collection.CASES, case.id).versions] == [1, 2, 3, 4, 5, 6]


def test_a_first_sync_with_writes_between_its_pages_ends_as_the_server_is(client, lead, store):
    cases = [_create(lead, Collection.CASES, new_case(f"Case {n}")) for n in range(3)]
    written: list = []

    def colleagues_write(_read: int) -> None:
        if len(written) >= 6:
            return
        index = len(written) % len(cases)
        case = cases[index]
        cases[index] = lead.patch(
            Collection.CASES,
            case.id,
            {"summary": f"{case.summary}, again"},
            case.version,
            str(uuid.uuid4()),
        )
        note = Interaction(
            id=uuid.uuid4(),
            customer_id=CUSTOMER_ID,
            kind=InteractionKind.NOTE,
            occurred_at=datetime.now(UTC),
            summary=f"Written during the sync ({len(written)})",
        )
        written.append(_create(lead, Collection.INTERACTIONS, note))

    replica = Replica(store)
    pull_changes(client, replica, page_size=30, batch_size=30, progress=colleagues_write)
    assert len(written) == 6, "the writes happened while the first sync paged"
    pull_changes(client, replica)  # the delta that follows

    for record_id, (collection, record) in _everything(client).items():
        assert _stored(store, collection, record_id) == record, (collection, record_id)
    assert [_stored(store, Collection.CASES, c.id) for c in cases] == cases
    assert all(_stored(store, Collection.INTERACTIONS, n.id) == n for n in written)
