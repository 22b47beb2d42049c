"""Noting a new caller: checks that explain themselves, one create in the outbox."""

from __future__ import annotations

import pytest

from advocate_console.domain import Collection
from advocate_console.domain.us_address import state_code
from advocate_console.store import CallerDirectory, LocalChanges
from advocate_console.store.contacts import (
    ContactBook,
    ContactRefused,
    NewAddress,
    NewContact,
    looks_like_a_phone,
)


def refused(book: ContactBook, contact: NewContact) -> dict[str, str]:
    with pytest.raises(ContactRefused) as raised:
        book.add(contact)
    return {problem.field: problem.message for problem in raised.value.problems}


def test_a_new_caller_is_saved_with_their_outbox_entry_and_found_at_once(store):
    book = ContactBook(store)
    customer = book.add(NewContact("  Priya Raman ", "1-800-GE-CARES", "Priya@Example.com"))
    assert customer.display_name == "Priya Raman"
    assert customer.phones == ["+18004322737"]
    [entry] = LocalChanges(store).entries()
    assert (entry.collection, entry.op, entry.record_id) == (
        Collection.CUSTOMERS,
        "create",
        customer.id,
    )
    [match] = CallerDirectory(store).find("(800) 432-2737")
    assert match.customer.id == customer.id


def test_what_is_wrong_is_said_field_by_field(store):
    book = ContactBook(store)
    assert "Name" in refused(book, NewContact("", "+12125550199"))["display_name"]
    assert "phones" in refused(book, NewContact("Priya Raman", "555"))
    assert "emails" in refused(book, NewContact("Priya Raman", "", "not an address"))
    assert "phone number or an e-mail" in refused(book, NewContact("Priya Raman"))["phones"]
    assert LocalChanges(store).waiting() == 0


def test_a_phone_number_is_told_from_a_name():
    assert looks_like_a_phone("1-800-GE-CARES")
    assert not looks_like_a_phone("garcia")


def codes(book: ContactBook, contact: NewContact) -> list[str]:
    with pytest.raises(ContactRefused) as raised:
        book.add(contact)
    return [problem.code for problem in raised.value.problems]


def test_an_address_that_could_not_be_mailed_to_is_refused_with_the_fix(store):
    """Seen in a walk: "42 Elm Street, Portland, Oregon 9721" was saved, and would have gone
    on an envelope."""
    book = ContactBook(store)

    def at(region: str, postal_code: str) -> NewContact:
        address = NewAddress("42 Elm Street", "", "Portland", region, postal_code)
        return NewContact("Priya Raman", "+15035550100", address=address)

    assert codes(book, at("Oregon", "9721")) == ["not_a_zip"]
    assert codes(book, at("Oregano", "97201")) == ["not_a_state"]
    assert codes(book, at("", "")) == ["no_state", "no_zip"]
    assert (
        codes(
            book, NewContact("Priya Raman", "+15035550100", address=NewAddress(postal_code="97201"))
        )
        != []
    )  # a ZIP alone is not dropped silently
    assert LocalChanges(store).waiting() == 0
    # A state's name is written as its code, as envelopes have it; ZIP+4 is a ZIP.
    customer = book.add(at("oregon", "97201-1234"))
    assert (customer.address.region, customer.address.postal_code) == ("OR", "97201-1234")
    assert book.add(at("d.c.", "20001")).address.region == "DC"


@pytest.mark.parametrize(
    "typed, code",
    [("OR", "OR"), ("or", "OR"), ("Oregon", "OR"), ("new  york", "NY"), ("Puerto Rico", "PR"),
     ("Washington, D.C.", "DC"), ("AE", "AE"), ("Oregano", None), ("", None), ("XX", None)],
)  # fmt: skip
def test_a_state_is_read_by_its_code_or_its_name(typed, code):
    assert state_code(typed) == code
