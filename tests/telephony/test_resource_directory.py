"""The resource directory without SIP: ranking from recorded attempts, search, working
hours, favourites, and the hand-off to the system's phone app (attempt still recorded)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, time

from advocate_console.central.demo.accounts import DEMO_DISPLAY_NAME
from advocate_console.central.demo.generator import demo_batches, demo_resources
from advocate_console.central.demo.stories.repeat_failure import STORY_REPEAT_FAILURE_CUSTOMER_ID
from advocate_console.domain import CallAttempt, CallOutcome, Collection, WorkingHours
from advocate_console.store import Replica
from advocate_console.store.resources import (
    CallLog,
    DialContext,
    ResourceDirectory,
    available_now,
)
from advocate_console.telephony.bridge import MICROPHONE, SPEAKER, mix_plan
from advocate_console.telephony.conference import Conference, handoff_uri

from .console import resource

CONTEXT = DialContext(category="product failure", product_model="HVM3160SF")
TUESDAY_3PM_UTC = datetime(2026, 11, 24, 15, 0, tzinfo=UTC)


def _attempt(who, model="HVM3160SF", helped=True, advocate="Maya Castellanos"):
    return CallAttempt(
        id=uuid.uuid4(),
        resource_id=who.id,
        category="product failure",
        product_model=model,
        started_at=TUESDAY_3PM_UTC,
        outcome=CallOutcome.CONNECTED,
        helped=helped,
        advocate=advocate,
    )


def test_resources_who_helped_on_this_problem_rank_first(store):
    anil = resource("Anil Varghese", "sip:anil@pbx", skills=[], products=[])
    dana = resource("Dana Whitlock", "sip:dana@pbx", skills=[], products=[])
    zoe = resource("Zoe Abbott", "sip:zoe@pbx", skills=["product failure"], products=[])
    attempts = [
        _attempt(dana, helped=True, advocate="Someone Else"),
        _attempt(dana, helped=False),
        _attempt(anil, helped=True),
        _attempt(anil, helped=True, advocate="Someone Else"),
        _attempt(zoe, model="OTHER1", helped=True, advocate="Someone Else"),
    ]
    Replica(store).apply(
        [(Collection.RESOURCES, r) for r in (anil, dana, zoe)]
        + [(Collection.CALL_ATTEMPTS, a) for a in attempts]
    )
    ranked = ResourceDirectory(store, "Maya Castellanos").ranked(CONTEXT, now=TUESDAY_3PM_UTC)
    assert [line.resource.name for line in ranked] == [
        "Anil Varghese",
        "Dana Whitlock",
        "Zoe Abbott",
    ]
    assert (ranked[0].track_record.helped_here, ranked[0].track_record.helped_me) == (2, 1)
    assert ranked[1].track_record.did_not_help_here == 1
    assert ranked[2].track_record.helped_category == 1 and ranked[2].knows_problem


def test_the_demo_ranks_who_helped_on_the_story_problem_first(store):
    # The first demo batch as a sync brings it: resources, then every record and call.
    batch = next(demo_batches(1000, seed=1))
    changes = [(Collection.RESOURCES, r) for r in demo_resources(seed=1)]
    for collection, name in _DEMO_COLLECTIONS:
        changes += [(collection, record) for record in getattr(batch, name)]
    Replica(store).apply(changes)
    (case,) = [
        c
        for c in batch.cases
        if c.customer_id == STORY_REPEAT_FAILURE_CUSTOMER_ID and c.status.is_open
    ]
    (product,) = [p for p in batch.products if p.id == case.product_id]
    context = DialContext.for_case(case, product)
    ranked = ResourceDirectory(store, DEMO_DISPLAY_NAME).ranked(context)
    lines = {line.resource.name: line for line in ranked}

    assert ranked[0].track_record.helped_here > 0, "who helped on this very model comes first"
    dana = lines["Dana Whitlock"].track_record  # she approved the first microwave's replacement
    assert dana.helped_here >= 1 and dana.helped_me >= 1
    # A track record beats only listing the model (as everyone did before any calls).
    assert lines["Dana Whitlock"].rank < lines["Dr. Anil Varghese"].rank


_DEMO_COLLECTIONS = (
    (Collection.CUSTOMERS, "customers"),
    (Collection.PRODUCTS, "products"),
    (Collection.CASES, "cases"),
    (Collection.INTERACTIONS, "interactions"),
    (Collection.RESOLUTIONS, "resolutions"),
    (Collection.FOLLOW_UPS, "follow_ups"),
    (Collection.CARDS, "cards"),
    (Collection.CALL_ATTEMPTS, "call_attempts"),
)


def test_search_favourites_and_working_hours_filter_the_list(store):
    night_owl = resource(
        "Night Owl",
        "sip:owl@pbx",
        working_hours=WorkingHours(timezone="America/New_York", start=time(20), end=time(23)),
    )
    parts = resource("Parts Line", "sip:parts@pbx", department="Parts", skills=["parts"])
    Replica(store).apply([(Collection.RESOURCES, r) for r in (night_owl, parts)])
    directory = ResourceDirectory(store)
    assert [r.resource.name for r in directory.ranked(text="parts")] == ["Parts Line"]
    assert [
        r.resource.name for r in directory.ranked(now=TUESDAY_3PM_UTC, available_only=True)
    ] == ["Parts Line"]
    directory.set_favourite(night_owl.id, True)
    assert [r.resource.name for r in directory.ranked(favourites_only=True)] == ["Night Owl"]
    directory.set_favourite(night_owl.id, False)
    assert directory.favourites() == set()
    assert available_now(night_owl.working_hours, TUESDAY_3PM_UTC) is False  # 10:00 in NY
    assert available_now(WorkingHours(timezone="Mars/Olympus"), TUESDAY_3PM_UTC) is None


def test_held_legs_hear_nobody_and_a_muted_advocate_is_not_sent():
    links = mix_plan([(1, False), (2, False), (3, True)], muted=True)
    assert links == {(1, 2), (2, 1), (1, SPEAKER), (2, SPEAKER)}
    assert (MICROPHONE, 1) in mix_plan([(1, False)], muted=False)


def test_a_handed_off_call_is_recorded_and_its_outcome_marked_with_one_click(qtbot, store):
    desk = resource("Warranty Desk", None, phone="+18004322737;ext=2100")
    Replica(store).apply([(Collection.RESOURCES, desk)])
    opened: list[str] = []
    call_log = CallLog(store, "Maya Castellanos")
    conference = Conference(None, call_log, open_url=lambda uri: opened.append(uri) or True)
    conference.set_context(CONTEXT)
    leg_id = conference.dial(desk)
    assert opened == ["tel:+18004322737;ext=2100"] == [handoff_uri(desk)]
    conference.mark_outcome(leg_id, CallOutcome.VOICEMAIL)
    assert conference.wait_for_writes()
    qtbot.waitUntil(lambda: _attempts(store, desk)[0].outcome is CallOutcome.VOICEMAIL)
    (attempt,) = _attempts(store, desk)
    assert (attempt.via, attempt.category, attempt.helped) == ("handoff", "product failure", None)


def _attempts(store, who):
    with store.session() as session:
        from advocate_console.store.models import CallAttemptRow
        from advocate_console.store.rows import to_record

        rows = session.query(CallAttemptRow).filter(CallAttemptRow.resource_id == who.id)
        return [to_record(Collection.CALL_ATTEMPTS, row.data) for row in rows]


def test_without_history_the_very_model_beats_the_product_kind_beats_the_brand(store):
    model = resource("Model Expert", "sip:a@pbx", skills=[], products=["HVM3160SF"])
    kind = resource("Microwave Engineer", "sip:b@pbx", skills=[], products=["Halvorsen microwaves"])
    brand = resource("Brand Rep", "sip:c@pbx", skills=[], products=["Halvorsen"])
    other = resource("Billing", "sip:d@pbx", skills=["billing"], products=["invoices"])
    Replica(store).apply([(Collection.RESOURCES, r) for r in (other, brand, kind, model)])
    context = DialContext(
        category="product failure",
        product_model="HVM3160SF",
        product_words=("Halvorsen", "Halvorsen 1.6 cu ft over-the-range microwave"),
    )

    ranked = ResourceDirectory(store).ranked(context, now=TUESDAY_3PM_UTC)

    assert [line.resource.name for line in ranked] == [
        "Model Expert",
        "Microwave Engineer",
        "Brand Rep",
        "Billing",
    ]
    assert [line.knows_problem for line in ranked] == [True, True, True, False]


def test_one_help_with_another_model_does_not_beat_knowing_this_very_model(store):
    # Seen in the demo's call history: the soundbar engineer, who once helped on a
    # "product failure", ranked above the engineer who lists the very microwave.
    microwaves = resource("Anil Varghese", "sip:anil@pbx", skills=[], products=["HVM3160SF"])
    soundbars = resource("Jae-min Yoon", "sip:jae@pbx", skills=[], products=["SB-700"])
    Replica(store).apply(
        [(Collection.RESOURCES, r) for r in (microwaves, soundbars)]
        + [(Collection.CALL_ATTEMPTS, _attempt(soundbars, model="SB-700", advocate="Other"))]
    )
    ranked = ResourceDirectory(store, "Maya Castellanos").ranked(CONTEXT, now=TUESDAY_3PM_UTC)
    assert [line.resource.name for line in ranked] == ["Anil Varghese", "Jae-min Yoon"]
    # Several helps with other models still add up past a listed model.
    Replica(store).apply(
        [
            (Collection.CALL_ATTEMPTS, _attempt(soundbars, model="SB-700", advocate="Other"))
            for _ in range(2)
        ]
    )
    ranked = ResourceDirectory(store, "Maya Castellanos").ranked(CONTEXT, now=TUESDAY_3PM_UTC)
    assert ranked[0].resource.name == "Jae-min Yoon"
