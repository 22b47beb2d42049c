"""Two laptops editing the same case: nothing is dropped silently."""

from __future__ import annotations

import pytest

from advocate_console.domain import CaseStatus, Collection
from advocate_console.store import CallerDirectory, LocalChanges, Replica, open_store
from advocate_console.sync import pull_changes, push_outbox
from tests.laptop import CUSTOMER_ID, assert_exactly_once, open_case_offline, signed_in


@pytest.fixture
def shared_case(client, local, server, tmp_path):
    """A case both laptops hold at version 1: ``local`` (A) and a second laptop (B)."""
    case = open_case_offline(local, "Dryer squeals")
    push_outbox(client, LocalChanges(local))
    other = open_store(tmp_path / "laptop-b.sqlite")
    other_client = signed_in(server.url)
    pull_changes(other_client, Replica(other))
    yield case, other, other_client
    other_client.close()
    other.close()


def test_different_fields_merge_without_asking(client, local, shared_case):
    case, other, other_client = shared_case
    LocalChanges(local).update(Collection.CASES, case.id, {"summary": "Dryer squeals at start"})
    LocalChanges(other).update(Collection.CASES, case.id, {"status": CaseStatus.PENDING})
    assert push_outbox(client, LocalChanges(local)).pushed == 1

    result = push_outbox(other_client, LocalChanges(other))

    assert (result.pushed, result.conflicts) == (1, 0)
    merged = client.get(Collection.CASES, case.id)
    assert (merged.summary, merged.status, merged.version) == (
        "Dryer squeals at start",
        CaseStatus.PENDING,
        3,
    )
    assert_exactly_once(other_client, other, Collection.CASES, case.id, 3)


def test_the_same_field_is_kept_for_the_advocate_to_choose(client, local, shared_case):
    case, other, other_client = shared_case
    LocalChanges(local).update(Collection.CASES, case.id, {"summary": "A: belt replaced"})
    LocalChanges(other).update(Collection.CASES, case.id, {"summary": "B: drum bearing"})
    push_outbox(client, LocalChanges(local))

    result = push_outbox(other_client, LocalChanges(other))

    assert (result.pushed, result.conflicts) == (0, 1)
    [entry] = LocalChanges(other).entries()
    assert entry.state == "conflict" and "summary" in entry.last_error
    assert (entry.body["summary"], entry.server["summary"]) == (
        "B: drum bearing",
        "A: belt replaced",
    )
    # B still sees its own words until it chooses, even after a pull.
    pull_changes(other_client, Replica(other))
    cases = {c.id: c for c in CallerDirectory(other).history(CUSTOMER_ID).cases}
    assert cases[case.id].summary == "B: drum bearing"
    assert push_outbox(other_client, LocalChanges(other)).pushed == 0  # held for the advocate


def test_choosing_mine_sends_it_on_their_version(client, local, shared_case):
    case, other, other_client = shared_case
    LocalChanges(local).update(Collection.CASES, case.id, {"summary": "A: belt replaced"})
    LocalChanges(other).update(Collection.CASES, case.id, {"summary": "B: drum bearing"})
    push_outbox(client, LocalChanges(local))
    push_outbox(other_client, LocalChanges(other))
    [entry] = LocalChanges(other).entries()

    LocalChanges(other).rebase(entry, entry.server, keep={"summary"})
    assert push_outbox(other_client, LocalChanges(other)).pushed == 1

    assert client.get(Collection.CASES, case.id).summary == "B: drum bearing"
    assert_exactly_once(other_client, other, Collection.CASES, case.id, 3)


def test_choosing_theirs_drops_mine_and_shows_theirs(client, local, shared_case):
    case, other, other_client = shared_case
    LocalChanges(local).update(Collection.CASES, case.id, {"summary": "A: belt replaced"})
    LocalChanges(other).update(Collection.CASES, case.id, {"summary": "B: drum bearing"})
    push_outbox(client, LocalChanges(local))
    push_outbox(other_client, LocalChanges(other))
    [entry] = LocalChanges(other).entries()

    assert LocalChanges(other).rebase(entry, entry.server, keep=set()) is None

    assert LocalChanges(other).waiting() == 0
    assert_exactly_once(other_client, other, Collection.CASES, case.id, 2)
    assert client.get(Collection.CASES, case.id).summary == "A: belt replaced"
