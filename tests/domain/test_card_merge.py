"""Merge fields as a customer reads them: the product said plainly, the history's cards merged."""

from __future__ import annotations

from advocate_console.domain import History, NoteCard
from advocate_console.domain.card_merge import Addressee, merge_values, merged_message
from tests import factories as make


def _card(owner, message: str, **fields) -> NoteCard:
    return NoteCard(
        id=make.case(owner).id, customer_id=owner.id, message=message, created_at=make.NOW, **fields
    )


def test_the_product_is_named_without_its_catalogue_size():
    owner = make.customer()
    microwave = make.product(owner, brand="Halvorsen", name="1.6 cu ft over-the-range microwave")
    values = merge_values(_card(owner, "Hi"), Addressee(owner, microwave))
    assert values["product"] == "Halvorsen over-the-range microwave"


def test_a_history_card_reads_merged_and_keeps_what_has_no_value():
    owner = make.customer()
    case = make.case(owner)
    card = _card(owner, "Dear {first_name}, about {case_number}: {gift_code}", case_id=case.id)
    text = merged_message(card, History(customer=owner, cases=[case]))
    assert text == f"Dear {owner.first_name}, about {case.number}: {{gift_code}}"


def test_a_message_that_cannot_be_merged_is_shown_as_written():
    owner = make.customer()
    card = _card(owner, "Dear {first_name, stray brace")
    assert merged_message(card, History(customer=owner)) == card.message
