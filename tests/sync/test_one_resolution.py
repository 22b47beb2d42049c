"""Two advocates resolve the same case at once: the second resolution to reach the server
is refused (409), and never lost: it waits in that laptop's outbox, refused, with the
first resolution beside it, while the laptop shows the case as the server has it."""

from __future__ import annotations

import uuid

import pytest

from advocate_console.central.demo.accounts import (
    DEMO_DISPLAY_NAME,
    LEAD_DISPLAY_NAME,
    LEAD_PASSWORD,
    LEAD_USERNAME,
)
from advocate_console.domain import (
    CaseStatus,
    Collection,
    Delight,
    RecoveryStep,
    RemedyKind,
)
from advocate_console.store import CallerDirectory, LocalChanges, Replica, open_store
from advocate_console.store.outbox import EntryState
from advocate_console.store.resolutions import CaseWork, RemedyEntry, ResolutionEntry
from advocate_console.store.rows import table_of, to_record
from advocate_console.sync import pull_changes, push_outbox
from tests.laptop import CUSTOMER_ID, open_case_offline, signed_in


def _entry(case, remedy: RemedyKind, cents: int, notes: str) -> ResolutionEntry:
    return ResolutionEntry(
        case_id=case.id,
        category=case.category,
        summary=case.summary,
        remedies=[RemedyEntry(kind=remedy, cost_cents=cents)],
        steps=[RecoveryStep.EMPATHIZED],
        delight=Delight.SATISFIED,
        notes=notes,
    )


def _local(store, collection, record_id):
    with store.session() as session:
        row = session.get(table_of(collection), record_id)
        return None if row is None else to_record(collection, row.data)


@pytest.fixture
def second_laptop(tmp_path, server):
    """The lead's laptop, synced once."""
    store = open_store(tmp_path / "lead-laptop.sqlite")
    client = signed_in(server.url, LEAD_USERNAME, LEAD_PASSWORD)
    pull_changes(client, Replica(store))
    yield store, client
    client.close()
    store.close()


def test_the_second_resolution_waits_refused_beside_the_first(client, local, second_laptop):
    other, other_client = second_laptop
    case = open_case_offline(local, "Range hood fan rattles")
    push_outbox(client, LocalChanges(local))
    pull_changes(other_client, Replica(other))

    first = CaseWork(local, DEMO_DISPLAY_NAME).resolve(
        _entry(case, RemedyKind.REPLACEMENT, 31000, "Replacement unit ships Monday.")
    )
    second = CaseWork(other, LEAD_DISPLAY_NAME).resolve(
        _entry(case, RemedyKind.ACCOUNT_CREDIT, 10000, "A $100 credit.")
    )
    assert push_outbox(client, LocalChanges(local)).refused == 0
    result = push_outbox(other_client, LocalChanges(other))

    assert result.refused == 1
    on_server = client.get(Collection.CASES, case.id)
    assert on_server.status is CaseStatus.RESOLVED
    history = client.history(CUSTOMER_ID)
    assert [r.id for r in history.resolutions if r.case_id == case.id] == [first.resolution.id]

    waiting = {e.collection: e for e in LocalChanges(other).entries()}
    refused = waiting[Collection.RESOLUTIONS]
    assert refused.state is EntryState.REFUSED
    assert refused.record_id == second.resolution.id
    assert refused.body["notes"] == "A $100 credit."  # the advocate's own, kept
    assert refused.server["id"] == str(first.resolution.id)  # what the other did
    assert refused.server["author_name"] == DEMO_DISPLAY_NAME
    assert "already resolved" in refused.last_error
    case_entry = waiting[Collection.CASES]
    assert case_entry.state is EntryState.REFUSED
    assert f"{DEMO_DISPLAY_NAME} resolved this case first" in case_entry.last_error
    assert case_entry.body["closed_at"]  # the advocate's change to the case, kept too

    # The laptop shows the server's truth, and goes on following it.
    assert _local(other, Collection.RESOLUTIONS, second.resolution.id) is None
    assert _local(other, Collection.CASES, case.id) == on_server
    pull_changes(other_client, Replica(other))
    shown = CallerDirectory(other).history(CUSTOMER_ID)
    assert [r.id for r in shown.resolutions if r.case_id == case.id] == [first.resolution.id]
    assert _local(other, Collection.CASES, case.id) == client.get(Collection.CASES, case.id)
    assert push_outbox(other_client, LocalChanges(other)).pushed == 0  # not resent

    # Once a lead reopens the case, the advocate may send theirs after all.
    reopened = other_client.reopen_case(
        case.id, "Two resolutions crossed; the credit fits better.", str(uuid.uuid4())
    )
    assert reopened.reopened_by_name == LEAD_DISPLAY_NAME
    LocalChanges(other).retry(refused)
    assert push_outbox(other_client, LocalChanges(other)).pushed == 1
    standing = [
        r for r in client.history(CUSTOMER_ID).resolutions if r.case_id == case.id and r.stands
    ]
    assert [r.id for r in standing] == [second.resolution.id]
