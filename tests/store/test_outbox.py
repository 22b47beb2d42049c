"""Local writes keep the record and its outbox entry together."""

from __future__ import annotations

import pytest
import sqlalchemy.exc

from advocate_console.domain import Collection
from advocate_console.store import CallerDirectory, LocalChanges, Replica
from tests import factories as make


def test_a_new_case_is_stored_with_one_outbox_entry(store):
    customer = make.customer()
    Replica(store).apply([(Collection.CUSTOMERS, customer)])
    case = make.case(customer)
    entry = LocalChanges(store).create(Collection.CASES, case)

    assert CallerDirectory(store).history(customer.id).cases == [case]
    [pending] = LocalChanges(store).pending()
    assert pending == entry
    assert pending.op == "create" and pending.collection is Collection.CASES
    assert pending.body["id"] == str(case.id) and "version" not in pending.body
    assert len(pending.idempotency_key) == 36


def test_a_failed_write_leaves_no_outbox_entry(store):
    customer = make.customer()
    case = make.case(customer)
    changes = LocalChanges(store)
    changes.create(Collection.CASES, case)
    with pytest.raises(sqlalchemy.exc.IntegrityError):
        changes.create(Collection.CASES, case)  # same id again
    assert changes.waiting() == 1


def test_an_update_shows_at_once_and_queues_only_the_changed_fields(store):
    customer = make.customer()
    case = make.case(customer)
    Replica(store).apply([(Collection.CUSTOMERS, customer), (Collection.CASES, case)])
    changes = LocalChanges(store)

    updated = changes.update(Collection.CASES, case.id, {"summary": "Replacement promised"})

    assert updated.summary == "Replacement promised" and updated.version == case.version
    assert CallerDirectory(store).history(customer.id).cases == [updated]
    [entry] = changes.pending()
    assert (entry.op, entry.base_version, entry.body) == (
        "patch",
        1,
        {"summary": "Replacement promised"},
    )


def test_an_invalid_update_is_refused_and_queues_nothing(store):
    customer = make.customer()
    case = make.case(customer)
    Replica(store).apply([(Collection.CUSTOMERS, customer), (Collection.CASES, case)])
    changes = LocalChanges(store)
    with pytest.raises(ValueError, match="category"):
        changes.update(Collection.CASES, case.id, {"category": ""})
    assert changes.waiting() == 0


def test_discarding_a_change_puts_back_what_the_server_has(store):
    customer = make.customer()
    case = make.case(customer)
    Replica(store).apply([(Collection.CUSTOMERS, customer), (Collection.CASES, case)])
    changes = LocalChanges(store)
    changes.update(Collection.CASES, case.id, {"summary": "Mine"})
    [entry] = changes.pending()

    changes.discard(entry)

    assert changes.waiting() == 0
    assert CallerDirectory(store).history(customer.id).cases == [case]


def test_discarding_a_new_record_removes_it(store):
    customer = make.customer()
    Replica(store).apply([(Collection.CUSTOMERS, customer)])
    changes = LocalChanges(store)
    changes.create(Collection.CASES, make.case(customer))
    [entry] = changes.pending()

    changes.discard(entry)

    assert CallerDirectory(store).history(customer.id).cases == []


def test_the_outbox_counts_its_entries_by_state(store):
    customer = make.customer()
    changes = LocalChanges(store)
    assert changes.counts() == {"pending": 0, "conflict": 0, "refused": 0}
    changes.create(Collection.CUSTOMERS, customer)
    changes.create(Collection.CASES, make.case(customer))
    first, _second = changes.pending()
    changes.refused(first, "No.")

    assert changes.counts() == {"pending": 1, "conflict": 0, "refused": 1}
