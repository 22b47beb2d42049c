"""Every outbox entry knows who saved it; another advocate's work is never pushed, and
holds back later changes to the same record."""

from __future__ import annotations

import uuid

from advocate_console.domain import Collection
from advocate_console.store import LocalChanges, Replica
from advocate_console.store.outbox_authors import OutboxAuthor, outbox_author, set_outbox_author
from advocate_console.store.outbox_counts import waiting_counts
from tests import factories as make

MAYA = OutboxAuthor(uuid.uuid4(), "Maya Castellanos")
DENNIS = OutboxAuthor(uuid.uuid4(), "Dennis Whitford")


def test_entries_are_stamped_with_whoever_saved_them(store):
    customer = make.customer()
    Replica(store).apply([(Collection.CUSTOMERS, customer)])
    changes = LocalChanges(store)
    before_anyone = changes.create(Collection.CASES, make.case(customer))
    set_outbox_author(store, MAYA)
    hers = changes.create(Collection.CASES, make.case(customer))
    set_outbox_author(store, DENNIS)
    his = changes.create(Collection.CASES, make.case(customer))

    assert outbox_author(store) == DENNIS
    assert (before_anyone.author_id, before_anyone.author_name) == (None, None)
    assert (hers.author_id, hers.author_name) == (MAYA.id, MAYA.name)
    assert (his.author_id, his.author_name) == (DENNIS.id, DENNIS.name)
    assert [e.seq for e in changes.pending(author_id=DENNIS.id)] == [before_anyone.seq, his.seq]
    assert [e.seq for e in changes.pending(author_id=MAYA.id)] == [before_anyone.seq, hers.seq]
    counts = waiting_counts(store, DENNIS.id)
    assert (counts.waiting, counts.kept_for) == (3, {MAYA.name: 1})
    # Signed out, the laptop counts as the last advocate signed in.
    assert waiting_counts(store, None).kept_for == {MAYA.name: 1}


def test_anothers_work_holds_back_later_changes_to_the_same_record(store):
    customer = make.customer()
    Replica(store).apply([(Collection.CUSTOMERS, customer)])
    changes = LocalChanges(store)
    set_outbox_author(store, MAYA)
    case = make.case(customer)
    changes.create(Collection.CASES, case)  # not on the server until Maya signs in
    set_outbox_author(store, DENNIS)
    changes.update(Collection.CASES, case.id, {"summary": "Dennis adds a line"})

    assert changes.pending(author_id=DENNIS.id) == []
    assert [e.op for e in changes.pending(author_id=MAYA.id)] == ["create"]
