"""Taking back a logged follow-up call against the real server: before it was sent, while
it was being sent, and after."""

from __future__ import annotations

from datetime import timedelta

import pytest

from advocate_console.central.demo.accounts import DEMO_DISPLAY_NAME
from advocate_console.domain import Collection, FollowUpStatus
from advocate_console.domain.follow_up_calls import CallResult
from advocate_console.store import LocalChanges
from advocate_console.store.follow_ups import TAKEN_BACK, FollowUpList
from advocate_console.sync.push import push_outbox


@pytest.fixture
def listing(local) -> FollowUpList:
    return FollowUpList(local, advocate=DEMO_DISPLAY_NAME)


def _open_follow_up(listing: FollowUpList):
    return listing.due(horizon=timedelta(days=3650))[0].follow_up


def test_taken_back_after_it_was_sent_the_server_is_corrected(local, client, listing):
    follow_up = _open_follow_up(listing)
    logged = listing.log_call(follow_up.id, CallResult.REACHED)
    changes = LocalChanges(local)
    assert push_outbox(client, changes).pushed == 2
    assert client.get(Collection.FOLLOW_UPS, follow_up.id).status is FollowUpStatus.DONE

    assert listing.take_back(logged) is False  # it had been sent: corrected, not erased
    assert push_outbox(client, changes).pushed == 2

    on_server = client.get(Collection.FOLLOW_UPS, follow_up.id)
    assert on_server.status is FollowUpStatus.OPEN and on_server.completed_at is None
    call = client.get(Collection.INTERACTIONS, logged.interaction.id)
    assert call.summary == TAKEN_BACK + logged.interaction.summary
    assert changes.waiting() == 0


def test_taken_back_before_it_was_sent_the_server_never_hears_of_it(local, client, listing):
    follow_up = _open_follow_up(listing)
    version = client.get(Collection.FOLLOW_UPS, follow_up.id).version
    logged = listing.log_call(follow_up.id, CallResult.LEFT_MESSAGE)

    assert listing.take_back(logged) is True
    changes = LocalChanges(local)
    assert changes.waiting() == 0 and push_outbox(client, changes).pushed == 0
    on_server = client.get(Collection.FOLLOW_UPS, follow_up.id)
    assert on_server.status is FollowUpStatus.OPEN and on_server.version == version


def test_taken_back_while_it_was_on_its_way_the_follow_up_is_reopened(local, client, listing):
    follow_up = _open_follow_up(listing)
    logged = listing.log_call(follow_up.id, CallResult.REACHED)
    changes = LocalChanges(local)
    on_their_way = changes.pending()  # what a push read before the advocate pressed Undo

    assert listing.take_back(logged) is True
    for entry in on_their_way:  # ...and the push goes on, and the server accepts them
        if entry.op == "create":
            server = client.create(entry.collection, entry.body, entry.idempotency_key)
        else:
            server = client.patch(
                entry.collection,
                entry.record_id,
                entry.body,
                entry.base_version,
                entry.idempotency_key,
            )
        changes.confirmed(entry, server)

    assert push_outbox(client, changes).pushed == 1  # the correcting patch
    on_server = client.get(Collection.FOLLOW_UPS, follow_up.id)
    assert on_server.status is FollowUpStatus.OPEN and on_server.completed_at is None
    [local_copy] = [
        d.follow_up
        for d in listing.due(horizon=timedelta(days=3650))
        if d.follow_up.id == follow_up.id
    ]
    assert local_copy.status is FollowUpStatus.OPEN and local_copy.version == on_server.version
