"""Saving a resolution: one transaction for the resolution, the case, the timeline, the
follow-up and the card, each with its outbox entry; drafts kept until the save."""

from __future__ import annotations

from datetime import timedelta

import pytest

from advocate_console.domain import (
    CardState,
    CaseStatus,
    Collection,
    Delight,
    FollowUpStatus,
    InteractionKind,
    RecoveryStep,
    RemedyKind,
)
from advocate_console.store import CallerDirectory, LocalChanges, Replica, outbox_writes
from advocate_console.store.resolutions import (
    CaseWork,
    RemedyEntry,
    ResolutionEntry,
    ResolutionRefused,
    problems_with,
)
from tests import factories as make


@pytest.fixture
def caller(store):
    """Maria, her microwave and an open case about it, as synced from the server."""
    maria = make.customer()
    microwave = make.product(maria)
    case = make.case(maria, product_id=microwave.id)
    Replica(store).apply(
        [
            (Collection.CUSTOMERS, maria),
            (Collection.PRODUCTS, microwave),
            (Collection.CASES, case),
        ]
    )
    return maria, microwave, case


@pytest.fixture
def work(store):
    return CaseWork(store, advocate="Dana Whitfield", clock=lambda: make.NOW)


def entry_for(case, **fields) -> ResolutionEntry:
    values = dict(
        case_id=case.id,
        category="product failure",
        product_id=case.product_id,
        summary="Second microwave of this model stopped heating.",
        remedies=[
            RemedyEntry(kind=RemedyKind.REPLACEMENT, cost_cents=32900),
            RemedyEntry(kind=RemedyKind.GIFT_CERTIFICATE, value_cents=2500),
        ],
        steps=[RecoveryStep.EMPATHIZED, RecoveryStep.TOOK_OWNERSHIP],
        delight=Delight.DELIGHTED,
        notes="Replacement ships Monday.",
        follow_up=True,
        follow_up_at=make.NOW + timedelta(days=7),
        follow_up_reason="Check the replacement was installed.",
    )
    return ResolutionEntry(**(values | fields))


def test_a_resolution_is_saved_with_everything_it_changes(store, caller, work):
    maria, _, case = caller
    saved = work.resolve(entry_for(case), card_message="Dear {first_name},")

    history = CallerDirectory(store).history(maria.id)
    [resolution] = history.resolutions
    assert resolution == saved.resolution
    assert [r.kind for r in resolution.remedies] == [
        RemedyKind.REPLACEMENT,
        RemedyKind.GIFT_CERTIFICATE,
    ]
    assert resolution.total_cost_cents == 32900 + 2500  # a gift costs its value
    assert resolution.delight is Delight.DELIGHTED
    [stored_case] = history.cases
    assert stored_case.status is CaseStatus.RESOLVED
    assert stored_case.closed_at == make.NOW and stored_case.owner == "Dana Whitfield"
    assert stored_case.summary == "Second microwave of this model stopped heating."
    [interaction] = history.interactions
    assert interaction.kind is InteractionKind.CALL and interaction.case_id == case.id
    assert "replacement" in interaction.summary and "delighted" in interaction.summary
    [follow_up] = history.follow_ups
    assert follow_up.status is FollowUpStatus.OPEN
    assert follow_up.due_at == make.NOW + timedelta(days=7)
    [card] = history.cards
    assert card.state is CardState.DRAFT and card.gift_value_cents == 2500

    entries = LocalChanges(store).entries()
    assert [(e.collection, e.op) for e in entries] == [
        (Collection.RESOLUTIONS, "create"),
        (Collection.INTERACTIONS, "create"),
        (Collection.FOLLOW_UPS, "create"),
        (Collection.CARDS, "create"),
        (Collection.CASES, "patch"),
    ]
    patch = entries[-1]
    assert patch.base_version == case.version
    assert set(patch.body) == {"status", "closed_at", "owner", "summary"}
    assert len({e.idempotency_key for e in entries}) == 5


def test_a_failure_mid_save_leaves_nothing(store, caller, work, monkeypatch):
    maria, _, case = caller
    made = []
    original = outbox_writes.new_entry_row

    def fail_on_the_third(*args, **kwargs):
        made.append(args)
        if len(made) == 3:
            raise OSError("disk full")
        return original(*args, **kwargs)

    monkeypatch.setattr(outbox_writes, "new_entry_row", fail_on_the_third)
    with pytest.raises(OSError, match="disk full"):
        work.resolve(entry_for(case))

    history = CallerDirectory(store).history(maria.id)
    assert history.resolutions == [] and history.interactions == []
    assert history.follow_ups == [] and history.cases == [case]
    assert LocalChanges(store).waiting() == 0


def test_a_case_missing_from_the_store_saves_nothing(store, caller):
    maria, _, _ = caller
    changes = LocalChanges(store)
    with pytest.raises(KeyError):
        changes.save_all(
            creates=[(Collection.INTERACTIONS, make.interaction(maria))],
            updates=[(Collection.CASES, make.case(maria).id, {"summary": "x"})],
        )
    assert changes.waiting() == 0
    assert CallerDirectory(store).history(maria.id).interactions == []


def test_the_rules_say_what_is_missing_field_by_field(caller):
    _, _, case = caller
    entry = entry_for(
        case,
        category="",
        remedies=[
            RemedyEntry(kind=RemedyKind.REPAIR_FEE_WAIVED),
            RemedyEntry(kind=RemedyKind.GIFT_CERTIFICATE, cost_cents=500),
            RemedyEntry(kind=RemedyKind.WARRANTY_EXTENDED, cost_cents=4000),
            RemedyEntry(kind=RemedyKind.OTHER),
        ],
        delight=None,
        follow_up_at=make.NOW - timedelta(minutes=1),
        follow_up_reason="  ",
    )
    found = {p.field: p.message for p in problems_with(entry, case, make.NOW)}
    assert found == {
        "category": "Category cannot be empty",
        "remedies.repair_fee_waived": "Enter what it cost",
        "remedies.gift_certificate": "Enter the gift certificate's value",
        "remedies.warranty_extended": "Enter by how many months",
        "remedies.other": "Say what was done",
        "delight": "Choose how the customer felt at the end",
        "follow_up_at": "Choose a time in the future",
        "follow_up_reason": "Say what the follow-up is for",
    }


def test_no_remedy_at_all_is_refused_and_nothing_is_saved(store, caller, work):
    _, _, case = caller
    with pytest.raises(ResolutionRefused) as refused:
        work.resolve(entry_for(case, remedies=[]))
    assert [p.field for p in refused.value.problems] == ["remedies"]
    assert LocalChanges(store).waiting() == 0


def test_a_resolved_case_cannot_be_resolved_twice(store, caller, work):
    _, _, case = caller
    work.resolve(entry_for(case))
    with pytest.raises(ResolutionRefused, match="already resolved"):
        work.resolve(entry_for(case, follow_up=False))


def test_a_draft_is_kept_restored_and_dropped_on_save(store, caller, work):
    _, _, case = caller
    draft = entry_for(case, delight=None, notes="half way")
    work.keep_draft(draft)
    work.keep_draft(draft.model_copy(update={"notes": "further"}))

    assert CaseWork(store).draft(case.id) == draft.model_copy(update={"notes": "further"})
    work.resolve(entry_for(case))
    assert work.draft(case.id) is None


def test_a_new_case_is_owned_by_the_advocate_and_queued(store, caller, work):
    maria, microwave, _ = caller
    opened = work.open_case(maria.id, "repair", product_id=microwave.id)
    assert opened.owner == "Dana Whitfield" and opened.status is CaseStatus.OPEN
    assert opened in CallerDirectory(store).history(maria.id).cases
    [entry] = LocalChanges(store).entries()
    assert (entry.collection, entry.op, entry.record_id) == (Collection.CASES, "create", opened.id)


def test_the_thank_you_card_is_drafted_on_the_card_stock_in_the_printer(store, caller):
    _, _, case = caller
    work = CaseWork(store, advocate="Dana Whitfield", clock=lambda: make.NOW)
    work.card_template = "a7-flat"  # the settings' card_stock
    saved = work.resolve(entry_for(case), card_message="Dear {first_name},")
    assert saved.card is not None and saved.card.template == "a7-flat"
