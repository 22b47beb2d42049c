"""The card queue: states move only the allowed ways, and every move syncs."""

from __future__ import annotations

import pytest

from advocate_console.domain import CardState, Collection
from advocate_console.store import LocalChanges
from advocate_console.store.cards import CardQueue, CardStateError


def test_cards_come_with_their_customer_and_product(card_queue, story_customer):
    [story] = [
        q for q in card_queue.cards([CardState.QUEUED]) if q.customer.id == story_customer.id
    ][:1]
    assert story.customer == story_customer
    assert story.product is not None and "microwave" in story.product.name.lower()
    assert story.case_number.startswith("C-")


def test_a_card_goes_from_draft_to_mailed_and_each_step_is_an_outbox_patch(
    card_queue, story_customer
):
    card = card_queue.draft(story_customer.id, "Dear {first_name},\nThank you!", advocate="Maya")
    card_queue.queue([card.id])
    card_queue.start_printing([card.id])
    card_queue.printed([card.id])
    [mailed] = card_queue.mailed([card.id])

    assert mailed.state is CardState.MAILED and mailed.printed_at and mailed.mailed_at
    entries = [e for e in LocalChanges(card_queue._store).pending(1000) if e.record_id == card.id]
    assert [e.op for e in entries] == ["create", "patch", "patch", "patch", "patch"]
    assert [e.body.get("state") for e in entries[1:]] == ["queued", "printing", "printed", "mailed"]
    assert all(e.collection is Collection.CARDS for e in entries)


def test_a_draft_cannot_be_marked_mailed(card_queue, story_customer):
    card = card_queue.draft(story_customer.id, "Thanks")
    with pytest.raises(CardStateError, match="draft card cannot become mailed"):
        card_queue.mailed([card.id])


def test_a_printed_card_cannot_be_edited_but_can_be_reprinted_unchanged(card_queue):
    card_id = card_queue.cards([CardState.QUEUED])[0].card.id
    card_queue.start_printing([card_id])
    card_queue.printed([card_id])
    with pytest.raises(CardStateError):
        card_queue.edit(card_id, message="changed")
    [again] = card_queue.reprint([card_id])
    assert again.state is CardState.QUEUED and again.message != "changed"


def test_cancel_and_fail_keep_the_reason(card_queue):
    first, second = (q.card.id for q in card_queue.cards([CardState.QUEUED])[:2])
    card_queue.cancel([first])
    [failed] = card_queue.fail([second], "Jammed in the printer")
    assert card_queue.card(first).card.state is CardState.CANCELLED
    assert failed.state is CardState.FAILED and failed.failure_reason == "Jammed in the printer"


def test_cards_left_printing_by_a_crash_go_back_to_the_queue(card_queue):
    card_id = card_queue.cards([CardState.QUEUED])[0].card.id
    card_queue.start_printing([card_id])
    [recovered] = card_queue.recover_interrupted()
    assert recovered.state is CardState.QUEUED and "closed while" in recovered.failure_reason


def test_new_drafts_are_on_the_card_stock_in_the_printer(card_store, story_customer):
    queue = CardQueue(card_store, default_template="a7-flat")
    assert queue.draft(story_customer.id, "Thanks").template == "a7-flat"
    assert queue.draft(story_customer.id, "Thanks", template="a6-folded").template == "a6-folded"
