"""Suggested remedies read from a real local store: what worked before for one model
(else one kind of product), kept up to date as resolutions arrive, and what the advocate
did with the suggestions saved with the resolution and carried to the server."""

from __future__ import annotations

import threading
import uuid
from datetime import timedelta

from advocate_console.domain import Collection, Delight, RemedyKind, Resolution
from advocate_console.domain.records import Remedy, SuggestionOutcome
from advocate_console.domain.resolutions import RemedyEntry, ResolutionEntry
from advocate_console.domain.suggestion_rules import RuleBook
from advocate_console.domain.suggestions import case_facts
from advocate_console.store import CallerDirectory, LocalChanges, Replica
from advocate_console.store.resolutions import CaseWork
from advocate_console.store.suggestions import RemedyAdvisor, read_rule_file
from advocate_console.sync import push_outbox
from tests import factories as make
from tests.laptop import CUSTOMER_ID

WAIVED = Remedy(kind=RemedyKind.REPAIR_FEE_WAIVED, cost_cents=12000)
CREDIT = Remedy(kind=RemedyKind.ACCOUNT_CREDIT, cost_cents=5000)


def past_case(model: str, remedies: list[Remedy], delight: Delight, *, name: str = "microwave"):
    """A customer whose unit of ``model`` failed out of warranty, resolved with ``remedies``."""
    owner = make.customer()
    unit = make.product(owner, model_number=model, name=f"Over-the-range {name}")
    case = make.case(owner, product_id=unit.id, opened_at=make.NOW - timedelta(days=400))
    resolution = Resolution(
        id=uuid.uuid4(),
        case_id=case.id,
        remedies=remedies,
        delight=delight,
        resolved_at=case.opened_at + timedelta(days=2),
    )
    return [
        (Collection.CUSTOMERS, owner),
        (Collection.PRODUCTS, unit),
        (Collection.CASES, case),
        (Collection.RESOLUTIONS, resolution),
    ]


def the_caller(store, model: str = "HVM3160SF", name: str = "microwave"):
    """Today's caller: their unit of ``model`` failed 60 days out of warranty."""
    owner = make.customer()
    unit = make.product(
        owner, model_number=model, name=name, warranty_end=make.NOW.date() - timedelta(days=60)
    )
    case = make.case(owner, product_id=unit.id)
    Replica(store).apply(
        [(Collection.CUSTOMERS, owner), (Collection.PRODUCTS, unit), (Collection.CASES, case)]
    )
    return CallerDirectory(store).history(owner.id), case


def advisor(store) -> RemedyAdvisor:
    return RemedyAdvisor(store, RuleBook(), clock=lambda: make.NOW)


def test_what_worked_for_the_same_model_is_grouped_ranked_and_priced(store):
    records = []
    for n in range(7):
        records += past_case("HVM3160SF", [WAIVED], Delight.DELIGHTED if n < 6 else Delight.NEUTRAL)
    for n in range(4):
        records += past_case("HVM3160SF", [CREDIT], Delight.DELIGHTED if n < 1 else Delight.UNHAPPY)
    records += past_case("OTHER1", [CREDIT], Delight.DELIGHTED)  # another model: not counted
    Replica(store).apply(records)
    history, case = the_caller(store)

    found = advisor(store).suggestions(history, case)

    assert [s.rule for s in found] == ["history:repair_fee_waived", "history:account_credit"]
    first = found[0].past
    assert (first.uses, first.delighted, first.matched_on, first.by_model) == (
        7,
        6,
        "HVM3160SF",
        True,
    )
    assert found[0].remedies == (RemedyEntry(kind=RemedyKind.REPAIR_FEE_WAIVED, cost_cents=12000),)


def test_a_model_never_resolved_before_falls_back_to_its_kind_of_product(store):
    records = []
    for _ in range(3):
        records += past_case("HVM2070BB", [CREDIT], Delight.DELIGHTED)
    records += past_case("FRIDGE1", [WAIVED], Delight.DELIGHTED, name="refrigerator")
    records += past_case("FRIDGE1", [WAIVED], Delight.DELIGHTED, name="refrigerator")
    Replica(store).apply(records)
    history, case = the_caller(store, model="NEWMODEL", name="Countertop microwave")

    (only,) = advisor(store).suggestions(history, case)

    assert only.past.matched_on == "microwave" and not only.past.by_model
    assert only.past.uses == 3


def test_resolutions_arriving_later_and_cases_arriving_late_are_counted(store):
    history, case = the_caller(store)
    assert advisor(store).suggestions(history, case) == []
    early = past_case("HVM3160SF", [WAIVED], Delight.DELIGHTED)
    late = past_case("HVM3160SF", [WAIVED], Delight.DELIGHTED)
    Replica(store).apply(early)
    # A pull may bring a resolution before its case and product: counted once they come.
    Replica(store).apply([late[3]])
    assert advisor(store).suggestions(history, case) == []  # one use is not yet a pattern
    Replica(store).apply(late[:3])

    (found,) = advisor(store).suggestions(history, case)
    assert found.past.uses == 2


def test_the_rules_and_the_past_together_for_the_ge_story(store):
    records = []
    both = [WAIVED, Remedy(kind=RemedyKind.WARRANTY_EXTENDED, cost_cents=6000, months=12)]
    for _ in range(5):
        records += past_case("HVM3160SF", both, Delight.DELIGHTED)
    Replica(store).apply(records)
    owner = make.customer()
    first = make.product(owner, model_number="HVM3160SF")
    second = make.product(
        owner, model_number="HVM3160SF", warranty_end=make.NOW.date() - timedelta(days=60)
    )
    before = make.case(owner, product_id=first.id, opened_at=make.NOW - timedelta(days=500))
    now = make.case(owner, product_id=second.id)
    Replica(store).apply(
        [(Collection.CUSTOMERS, owner)]
        + [(Collection.PRODUCTS, p) for p in (first, second)]
        + [(Collection.CASES, c) for c in (before, now)]
    )
    history = CallerDirectory(store).history(owner.id)
    ge = RemedyAdvisor(store, read_rule_file(), clock=lambda: make.NOW)

    found = ge.suggestions(history, now, limit_cents=20000)

    assert case_facts(history, now, make.NOW.date()).repeat_failure
    assert found[0].rule == "rule:repeat-failure-just-out-of-warranty"
    assert found[0].past.uses == 5 and found[0].past.delighted == 5
    assert not found[0].needs_approval  # $189: within $200, so no raise either
    assert found[0].raised == ""


def test_what_became_of_the_suggestions_is_saved_and_reaches_the_server(client, local):
    case = CaseWork(local).open_case(CUSTOMER_ID, "product failure", summary="Stopped heating")
    shown = [
        SuggestionOutcome(
            rule="rule:repeat-failure-just-out-of-warranty", remedies=[WAIVED], outcome="accepted"
        ),
        SuggestionOutcome(rule="history:account_credit", remedies=[CREDIT], outcome="dismissed"),
    ]
    entry = ResolutionEntry(
        case_id=case.id,
        category="product failure",
        summary="Stopped heating",
        remedies=[RemedyEntry(kind=RemedyKind.REPAIR_FEE_WAIVED, cost_cents=12000)],
        delight=Delight.DELIGHTED,
        suggestions=shown,
    )
    saved = CaseWork(local, advocate="Maya").resolve(entry)
    assert saved.resolution.suggestions == shown

    push_outbox(client, LocalChanges(local))

    on_server = client.get(Collection.RESOLUTIONS, saved.resolution.id)
    assert on_server.suggestions == shown


def test_outcomes_are_brought_up_to_date_beside_a_sync_writing(store):
    # The form's start-up warm-up, a suggestion and a pull, all at once: none is refused
    # as "database is locked", and every resolution is counted once.
    first = []
    for _ in range(600):
        first += past_case("HVM3160SF", [WAIVED], Delight.DELIGHTED)
    Replica(store).apply(first)
    more = []
    for _ in range(300):
        more += past_case("HVM3160SF", [WAIVED], Delight.SATISFIED)
    history, case = the_caller(store)
    failures: list[BaseException] = []

    def run(work) -> None:
        try:
            work()
        except BaseException as error:  # reported below, on the test's thread
            failures.append(error)

    threads = [
        threading.Thread(target=run, args=(advisor(store).warm,)),
        threading.Thread(target=run, args=(lambda: advisor(store).suggestions(history, case),)),
        threading.Thread(target=run, args=(lambda: Replica(store).apply(more),)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)

    assert failures == []
    (found,) = advisor(store).suggestions(history, case)
    assert (found.past.uses, found.past.delighted) == (900, 600)
