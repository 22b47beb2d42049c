"""A change the server refuses (403: not the advocate's to make) is never lost: it stays in
the outbox with the server's reason, the laptop keeps showing it, and a pull does not
write over it. The shared follow-up queue goes through: anyone may mark one done."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from advocate_console.central.demo.accounts import DEMO_DISPLAY_NAME
from advocate_console.domain import Collection, FollowUp, Interaction, InteractionKind
from advocate_console.store import LocalChanges, Replica
from advocate_console.store.follow_ups import FollowUpList
from advocate_console.store.outbox import EntryState
from advocate_console.store.rows import table_of, to_record
from advocate_console.sync import pull_changes, push_outbox
from tests.laptop import CUSTOMER_ID


def _by_lead(lead, collection, record):
    body = record.model_dump(mode="json", exclude={"version"})
    return lead.create(collection, body, str(uuid.uuid4()))


def _local(store, collection, record_id):
    with store.session() as session:
        return to_record(collection, session.get(table_of(collection), record_id).data)


def test_an_edit_of_a_colleague_s_note_is_refused_and_kept_with_the_reason(client, lead, local):
    note = _by_lead(
        lead,
        Collection.INTERACTIONS,
        Interaction(
            id=uuid.uuid4(),
            customer_id=CUSTOMER_ID,
            kind=InteractionKind.NOTE,
            occurred_at=datetime.now(UTC),
            summary="Lead's note on the ice maker",
        ),
    )
    pull_changes(client, Replica(local))
    changes = LocalChanges(local)
    changes.update(Collection.INTERACTIONS, note.id, {"body": "My version of events."})

    result = push_outbox(client, changes)

    assert (result.pushed, result.refused) == (0, 1)
    [entry] = changes.entries()
    assert entry.state is EntryState.REFUSED
    assert entry.body == {"body": "My version of events."}
    assert "You may change only the interactions you wrote" in entry.last_error
    assert "Dennis Whitford" in entry.last_error  # whose it is
    assert client.get(Collection.INTERACTIONS, note.id).body == ""

    lead.patch(Collection.INTERACTIONS, note.id, {"body": "Lead's addition."}, 1, "lead-1")
    pull_changes(client, Replica(local))
    assert _local(local, Collection.INTERACTIONS, note.id).body == "My version of events."
    assert push_outbox(client, changes).refused == 0  # (held, not re-sent every sync)
    assert changes.entries() == [entry]


def test_anyone_marks_a_colleague_s_follow_up_done_and_is_stamped_as_who_did(client, lead, local):
    follow_up = _by_lead(
        lead,
        Collection.FOLLOW_UPS,
        FollowUp(
            id=uuid.uuid4(),
            customer_id=CUSTOMER_ID,
            due_at=datetime.now(UTC),
            reason="Check the replacement arrived",
        ),
    )
    pull_changes(client, Replica(local))
    FollowUpList(local, advocate=DEMO_DISPLAY_NAME).complete(follow_up.id, "All good.")

    result = push_outbox(client, LocalChanges(local))

    assert (result.pushed, result.refused) == (2, 0)  # the follow-up and the call logged
    done = client.get(Collection.FOLLOW_UPS, follow_up.id)
    assert done.status == "done"
    assert done.completed_by_name == DEMO_DISPLAY_NAME
    assert done.author_name == done.advocate == "Dennis Whitford"
