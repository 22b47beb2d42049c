"""An advocate's resolution refused because the lead's came first: what was saved with
it waits with it, and the advocate keeps theirs as a note, or discards it; an advocate
may not replace a first resolution that gave remedies (only a lead reopens it)."""

from __future__ import annotations

import pytest

from advocate_console.central.demo.accounts import LEAD_DISPLAY_NAME, LEAD_PASSWORD, LEAD_USERNAME
from advocate_console.domain import Collection, Delight, RecoveryStep, RemedyKind
from advocate_console.store import LocalChanges, Replica, open_store
from advocate_console.store.crossed import CrossedResolutions
from advocate_console.store.outbox import EntryState
from advocate_console.store.resolutions import CaseWork, RemedyEntry, ResolutionEntry
from advocate_console.sync import pull_changes, push_outbox
from advocate_console.ui.resolution.crossed import CrossedPanel
from tests.laptop import CUSTOMER_ID, open_case_offline, signed_in


def entry(case, remedy: RemedyKind, cents: int, notes: str) -> ResolutionEntry:
    return ResolutionEntry(
        case_id=case.id,
        category=case.category,
        summary=case.summary,
        remedies=[RemedyEntry(kind=remedy, cost_cents=cents)],
        steps=[RecoveryStep.EMPATHIZED],
        delight=Delight.SATISFIED,
        notes=notes,
        follow_up=False,
    )


@pytest.fixture
def crossed(tmp_path, server, client, local):
    """Maya's resolution of a case, refused: the lead resolved it first, with a remedy."""
    case = open_case_offline(local, "Dishwasher leaves grit")
    push_outbox(client, LocalChanges(local))
    other = open_store(tmp_path / "lead.sqlite")
    lead_client = signed_in(server.url, LEAD_USERNAME, LEAD_PASSWORD)
    pull_changes(lead_client, Replica(other))
    CaseWork(other, LEAD_DISPLAY_NAME).resolve(entry(case, RemedyKind.REPLACEMENT, 45000, "New"))
    push_outbox(lead_client, LocalChanges(other))
    CaseWork(local, "Maya Castellanos").resolve(
        entry(case, RemedyKind.ACCOUNT_CREDIT, 5000, "Credit and a filter clean."),
        card_message="Thank you for your patience, {first_name}.",
    )
    assert push_outbox(client, LocalChanges(local)).refused >= 1
    yield case, lead_client
    lead_client.close()
    other.close()


def test_what_was_saved_with_it_waits_with_it(crossed, client, local):
    case, _ = crossed
    found = CrossedResolutions(local).of_case(case.id)
    assert found is not None and found.theirs_has_remedies
    assert found.theirs.written_by == LEAD_DISPLAY_NAME
    assert {e.collection for e in found.together} >= {Collection.INTERACTIONS, Collection.CARDS}
    assert all(e.state is EntryState.REFUSED for e in found.together)
    timeline = client.history(CUSTOMER_ID).interactions
    assert not any(i.case_id == case.id and "Credit" in i.body for i in timeline)


def test_an_advocate_may_not_replace_a_first_resolution_with_remedies(qtbot, crossed, local):
    case, _ = crossed
    found = CrossedResolutions(local).of_case(case.id)
    panel = CrossedPanel()
    qtbot.addWidget(panel)
    resolved = local_case(local, case.id)
    panel.show_crossed(found, resolved, lead=False)
    assert not panel.replace.isEnabled()
    assert "only a lead may reopen the case" in panel.lead_note.text()
    assert LEAD_DISPLAY_NAME in panel.lead_note.text()
    panel.show_crossed(found, resolved, lead=True)
    assert panel.replace.isEnabled()


def local_case(store, case_id):
    return CaseWork(store).case(case_id)


def test_kept_as_a_note_it_reaches_everyone_and_its_card_goes_on(crossed, client, local):
    case, _ = crossed
    crossings = CrossedResolutions(local)
    crossings.keep_as_note(
        crossings.of_case(case.id), CUSTOMER_ID, "Resolution not saved: account credit"
    )
    push_outbox(client, LocalChanges(local))

    assert LocalChanges(local).waiting() == 0
    history = client.history(CUSTOMER_ID)
    notes = [i for i in history.interactions if i.case_id == case.id and "not saved" in i.summary]
    assert [n.body for n in notes] == ["Credit and a filter clean."]
    assert any(card.case_id == case.id for card in history.cards)  # the card goes on
    standing = [r for r in history.resolutions if r.case_id == case.id and r.stands]
    assert [r.written_by for r in standing] == [LEAD_DISPLAY_NAME]


def test_discarded_nothing_of_it_reaches_the_server(crossed, client, local):
    case, _ = crossed
    crossings = CrossedResolutions(local)
    crossings.discard(crossings.of_case(case.id))
    push_outbox(client, LocalChanges(local))

    assert LocalChanges(local).waiting() == 0
    history = client.history(CUSTOMER_ID)
    assert not any(card.case_id == case.id for card in history.cards)
    assert len([r for r in history.resolutions if r.case_id == case.id]) == 1
