"""Noting a new caller: checks that explain themselves, one create in the outbox."""

from __future__ import annotations

import pytest

from advocate_console.domain import Collection
from advocate_console.store import CallerDirectory, LocalChanges
from advocate_console.store.contacts import (
    ContactBook,
    ContactRefused,
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
