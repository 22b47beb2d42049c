"""Due and overdue follow-ups across customers; completing one logs the call."""

from __future__ import annotations

from datetime import timedelta

import pytest

from advocate_console.domain import (
    Collection,
    Direction,
    FollowUpKind,
    FollowUpStatus,
    InteractionKind,
)
from advocate_console.store import CallerDirectory, LocalChanges, Replica
from advocate_console.store.follow_ups import FollowUpError, FollowUpList
from tests import factories as make


@pytest.fixture
def follow_ups(store):
    """Three customers' follow-ups: overdue, due soon, next week and one already done."""
    maria = make.customer()
    ann = make.customer(display_name="Ann Lee", phones=["+14155550101"], emails=[])
    bo = make.customer(display_name="Bo Lee", phones=["+14155550102"], emails=[])
    case = make.case(maria)
    records = [
        (Collection.CUSTOMERS, maria),
        (Collection.CUSTOMERS, ann),
        (Collection.CUSTOMERS, bo),
        (Collection.CASES, case),
        (
            Collection.FOLLOW_UPS,
            make.follow_up(ann, due_at=make.NOW + timedelta(hours=3), reason="Soon"),
        ),
        (
            Collection.FOLLOW_UPS,
            make.follow_up(
                maria, case_id=case.id, due_at=make.NOW - timedelta(days=2), reason="Late"
            ),
        ),
        (
            Collection.FOLLOW_UPS,
            make.follow_up(
                bo,
                kind=FollowUpKind.PROACTIVE,
                due_at=make.NOW - timedelta(hours=1),
                reason="Settled in?",
            ),
        ),
        (Collection.FOLLOW_UPS, make.follow_up(bo, due_at=make.NOW + timedelta(days=7))),
        (
            Collection.FOLLOW_UPS,
            make.follow_up(
                ann,
                due_at=make.NOW - timedelta(days=9),
                status=FollowUpStatus.DONE,
                completed_at=make.NOW - timedelta(days=9),
            ),
        ),
    ]
    Replica(store).apply(records)
    return FollowUpList(store, advocate="Dana Whitfield", clock=lambda: make.NOW), case


def test_open_follow_ups_due_are_listed_most_overdue_first(follow_ups):
    listing, case = follow_ups
    due = listing.due()
    assert [d.follow_up.reason for d in due] == ["Late", "Settled in?", "Soon"]
    assert [d.customer_name for d in due] == ["Maria Garcia", "Bo Lee", "Ann Lee"]
    assert [d.is_overdue(make.NOW) for d in due] == [True, True, False]
    assert due[0].case_number == case.number and due[1].case_number == ""


def test_a_longer_horizon_shows_next_week_too(follow_ups):
    listing, _ = follow_ups
    assert len(listing.due(horizon=timedelta(days=8))) == 4


def test_completing_a_callback_logs_it_in_one_transaction(store, follow_ups):
    listing, case = follow_ups
    late = listing.due()[0]

    done, logged = listing.complete(late.follow_up.id, note="All good now.")

    assert done.status is FollowUpStatus.DONE and done.completed_at == make.NOW
    assert (logged.kind, logged.direction) == (InteractionKind.CALLBACK, Direction.OUTBOUND)
    assert logged.case_id == case.id and logged.body == "All good now."
    history = CallerDirectory(store).history(late.follow_up.customer_id)
    assert history.interactions == [logged]
    assert [f.status for f in history.follow_ups] == [FollowUpStatus.DONE]
    entries = LocalChanges(store).entries()
    assert [(e.collection, e.op) for e in entries] == [
        (Collection.INTERACTIONS, "create"),
        (Collection.FOLLOW_UPS, "patch"),
    ]
    assert entries[1].body["status"] == "done"
    assert [d.follow_up.reason for d in listing.due()] == ["Settled in?", "Soon"]


def test_a_proactive_call_is_logged_as_a_call(follow_ups):
    listing, _ = follow_ups
    proactive = listing.due()[1]
    _, logged = listing.complete(proactive.follow_up.id)
    assert logged.kind is InteractionKind.CALL
    assert logged.summary == "Proactive call: Settled in?"


def test_a_follow_up_is_completed_only_once(store, follow_ups):
    listing, _ = follow_ups
    first = listing.due()[0].follow_up.id
    listing.complete(first)
    with pytest.raises(FollowUpError, match="already done"):
        listing.complete(first)
    assert LocalChanges(store).waiting() == 2
