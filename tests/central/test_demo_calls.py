"""The demo's call attempts and the internal resources they reach."""

from __future__ import annotations

import itertools
from collections import Counter
from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest

from advocate_console.central.demo import generator
from advocate_console.central.demo.calls import DialIns
from advocate_console.central.demo.generator import DemoBatch, demo_batches, demo_resources
from advocate_console.central.demo.stories import repeat_failure
from advocate_console.domain import (
    CASE_CATEGORIES,
    CallOutcome,
    Direction,
    InteractionKind,
)
from tests.central.demo_sample import (
    TODAY,
    merged,
    sample_batch,
)


@pytest.fixture(scope="module")
def sample() -> DemoBatch:
    """Five thousand customers, stories first."""
    return sample_batch()


# --- call attempts: who the internal notes say was dialled in ---


def _dial_notes(batch: DemoBatch) -> dict:
    """The internal note on each case that has one: who was brought into the call."""
    notes = {}
    for interaction in batch.interactions:
        if (
            interaction.kind is InteractionKind.NOTE
            and interaction.direction is Direction.INTERNAL
            and interaction.case_id is not None
        ):
            assert interaction.case_id not in notes, "one such note per case"
            notes[interaction.case_id] = interaction
    return notes


def _attempts_by_case(batch: DemoBatch) -> dict:
    by_case: dict = {}
    for attempt in batch.call_attempts:
        by_case.setdefault(attempt.case_id, []).append(attempt)
    return by_case


def test_call_attempts_are_deterministic():
    first = merged(demo_batches(400, seed=4, today=TODAY)).call_attempts
    again = merged(demo_batches(400, seed=4, today=TODAY, batch_size=33)).call_attempts
    assert len(first) > 300
    assert [a.model_dump_json() for a in first] == [a.model_dump_json() for a in again]
    other = merged(demo_batches(400, seed=5, today=TODAY)).call_attempts
    stories = set(generator.STORY_CUSTOMER_IDS)  # theirs are the same for every seed
    assert {a.id for a in first if a.customer_id not in stories}.isdisjoint(a.id for a in other)


@pytest.mark.parametrize(
    ("note", "names"),
    [
        ("Out of warranty by 7 months; went through the options with the warranty desk.",
         ["Warranty Desk"]),
        ("Warranty desk approved a replacement instead of a repair.", ["Warranty Desk"]),
        ("Conferenced in service dispatch; technician booked.", ["Service Dispatch"]),
        ("Conferenced in billing support; they traced the charge.", ["Billing Support"]),
        ("Conferenced in returns & logistics; they matched the serial to the order.",
         ["Returns & Logistics"]),
        ("Returns & logistics rebooked the delivery for the first slot.", ["Returns & Logistics"]),
        ("Dealer relations booked a service visit and a loaner car.", ["Dealer Relations"]),
        ("Parts line found it in stock.", ["Parts Line"]),
        ("Booked the installation lead for a second visit.", ["Tomasz Wrobel"]),
        ("Listened it through; passed it to the team lead.", ["Advocate Team Lead"]),
        ("Conferenced in Dana Whitlock at the warranty desk: she approved a replacement.",
         ["Dana Whitlock"]),
        ("Conferenced Beatriz Salcedo (returns): she will ship it once Billing reverses the "
         "fee; Gloria Achterberg (billing) is reversing it.",
         ["Beatriz Salcedo", "Gloria Achterberg"]),
        ("Took delivery of her Kestrel Solace at the dealer.", []),
    ],
)  # fmt: skip
def test_a_note_names_its_people_first_else_one_desk(note, names):
    calls = DialIns(demo_resources())
    assert [resource.name for resource in calls.named_in(note)] == names


def test_every_note_of_who_was_dialled_in_has_its_attempts(sample):
    notes, by_case = _dial_notes(sample), _attempts_by_case(sample)
    cases = {case.id: case for case in sample.cases}
    assert set(by_case) == set(notes), "attempts exactly where a note says who was called"
    names = {resource.id: resource.name for resource in demo_resources(seed=7)}
    for case_id, note in notes.items():
        attempts = by_case[case_id]
        helped = [a for a in attempts if a.helped]
        assert helped and attempts[-len(helped) :] == helped, "whoever helped came last"
        calls = DialIns(demo_resources(seed=7))
        assert [names[a.resource_id] for a in helped] == [
            r.name for r in calls.named_in(note.summary)
        ]
        for attempt in attempts:
            assert attempt.advocate == note.advocate
            assert cases[case_id].opened_at <= attempt.started_at <= note.occurred_at
            assert attempt.started_at < attempt.ended_at
        for attempt in helped:
            assert attempt.outcome is CallOutcome.CONNECTED
            assert note.occurred_at - attempt.started_at < timedelta(minutes=20)
        for earlier, later in itertools.pairwise(attempts):
            assert earlier.ended_at <= later.started_at


def test_now_and_then_someone_else_was_tried_first(sample):
    resources = {resource.id: resource for resource in demo_resources(seed=7)}
    cases = {case.id: case for case in sample.cases}
    outcomes = Counter((a.outcome, a.helped) for a in sample.call_attempts)
    total = len(sample.call_attempts)
    assert 0.75 < outcomes[CallOutcome.CONNECTED, True] / total < 0.95
    assert outcomes[CallOutcome.CONNECTED, False] > 0, "answered, but could not help"
    for outcome in (CallOutcome.BUSY, CallOutcome.NO_ANSWER, CallOutcome.VOICEMAIL):
        assert outcomes[outcome, None] > 0, outcome
    for attempts in _attempts_by_case(sample).values():
        helper = resources[attempts[-1].resource_id]
        for miss in attempts[:-1]:
            if miss.helped:
                continue  # a story's second person
            tried = resources[miss.resource_id]
            assert tried.department == helper.department or (
                cases[miss.case_id].category in tried.skills
            )
            assert (miss.helped is False) == (miss.outcome is CallOutcome.CONNECTED)
    for attempt in sample.call_attempts:
        resource = resources[attempt.resource_id]
        if attempt.via == "handoff":  # marked by hand: no answer time, no SIP reason
            assert resource.phone and attempt.answered_at is None and attempt.reason == ""
        else:
            assert resource.sip_uri and attempt.reason
            assert (attempt.answered_at is not None) == (
                attempt.outcome in (CallOutcome.CONNECTED, CallOutcome.VOICEMAIL)
            )
    assert {a.via for a in sample.call_attempts} == {"sip", "handoff"}


# --- internal resources ---


def test_resources_are_about_forty_and_deterministic():
    resources = demo_resources(seed=1)
    assert 35 <= len(resources) <= 45
    assert [r.model_dump() for r in resources] == [r.model_dump() for r in demo_resources(1)]
    assert {r.id for r in resources}.isdisjoint(r.id for r in demo_resources(2))
    assert len({r.name for r in resources}) == len(resources)
    for resource in resources:
        assert type(resource).model_validate(resource.model_dump()) == resource


def test_resources_can_be_reached_and_know_what_they_fix():
    resources = demo_resources()
    departments = {r.department for r in resources}
    for wanted in (
        "Warranty desk",
        "Service dispatch",
        "Parts",
        "Billing",
        "Returns & logistics",
        "Product engineering",
        "Dealer relations",
        "Executive customer relations",
        "Legal & consumer affairs",
    ):
        assert wanted in departments
    zones = set()
    for resource in resources:
        assert resource.name and resource.role and resource.notes
        assert resource.skills and set(resource.skills) <= set(CASE_CATEGORIES)
        assert resource.phone or resource.sip_uri
        if resource.sip_uri:
            assert resource.sip_uri.startswith("sip:") and resource.sip_uri.endswith(
                "@pbx.example.com"
            )
        hours = resource.working_hours
        ZoneInfo(hours.timezone)  # a real IANA name
        zones.add(hours.timezone)
        assert hours.start < hours.end
    assert len(zones) >= 4
    assert any(r.phone and ";ext=" in r.phone for r in resources)
    assert any(r.phone and r.sip_uri for r in resources)
    assert any(r.sip_uri and not r.phone for r in resources)
    assert any(r.phone and not r.sip_uri for r in resources)
    engineers = [r for r in resources if repeat_failure.STORY_MICROWAVE_MODEL in r.products]
    assert engineers and all("product failure" in r.skills for r in engineers)


def test_resource_numbers_are_never_a_customers(sample):
    customer_phones = {phone for customer in sample.customers for phone in customer.phones}
    for resource in demo_resources():
        if resource.phone:
            assert resource.phone.split(";")[0] not in customer_phones
