"""The demo's call attempts: whom each internal note says was dialled in, and how it went.

A case's internal note ("Conferenced in service dispatch; technician booked.") names the
people or the desk brought into the customer's call. Each of them gets an attempt a few
minutes before the note that connected and helped, so the dial-out list of the demo ranks
by a real track record. Now and then (never in the stories) someone else was tried
first, a colleague at the same desk or someone who lists the problem among what they
know: busy, no answer, voicemail, or answered but could not help.

Each note's attempts come from a random stream keyed by the note's id, so they are the
same whatever the batch size and never shift the rest of the demo data.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import datetime, timedelta
from functools import lru_cache
from typing import NamedTuple
from uuid import UUID

from advocate_console.domain import CallAttempt, CallOutcome, Case, Interaction, Resource

# What the notes call a desk besides its name, department or role.
ALIASES = {"team lead": "Advocate Team Lead"}

# How often someone else was tried before the one who helped, and how that went.
TRIED_FIRST_RATE = 0.22
_MISSES = (
    (CallOutcome.NO_ANSWER, 30),
    (CallOutcome.BUSY, 25),
    (CallOutcome.VOICEMAIL, 10),
    (CallOutcome.DECLINED, 4),
    (CallOutcome.FAILED, 1),
    (CallOutcome.CONNECTED, 30),  # answered, but could not help
)
_SIP_REASONS = {
    CallOutcome.CONNECTED: "200 Normal call clearing",
    CallOutcome.VOICEMAIL: "200 Normal call clearing",
    CallOutcome.NO_ANSWER: "no answer",
    CallOutcome.BUSY: "486 Busy Here",
    CallOutcome.DECLINED: "603 Decline",
    CallOutcome.FAILED: "503 Service Unavailable",
}
SIP_SHARE = 0.7  # of those with a SIP address, how many were dialled on the built-in phone


class _Call(NamedTuple):
    resource: Resource
    outcome: CallOutcome
    helped: bool | None
    ring: timedelta
    talk: timedelta  # zero for a call that never connected


class DialIns:
    """The demo's internal resources, found by how the notes name them."""

    def __init__(self, resources: Sequence[Resource]) -> None:
        self.resources = list(resources)
        by_department: dict[str, list[Resource]] = {}
        for resource in self.resources:
            by_department.setdefault(resource.department, []).append(resource)
        self._colleagues = by_department
        by_name = {resource.name: resource for resource in self.resources}
        # Phrases a note may use for one resource, lower-case: a desk's name, a department
        # (its shared line, listed first, or its first person), a role, an alias.
        phrases: dict[str, Resource] = {}
        for resource in self.resources:
            phrases.setdefault(resource.role.casefold(), resource)
        for department, members in by_department.items():
            phrases[department.casefold()] = members[0]
        for resource in self.resources:
            phrases[resource.name.casefold()] = resource
        for alias, name in ALIASES.items():
            phrases[alias] = by_name[name]
        self._by_name = by_name
        self._phrases = phrases
        self.named_in = lru_cache(maxsize=512)(self._named_in)

    def _named_in(self, text: str) -> tuple[Resource, ...]:
        """The resources ``text`` names: every person named (as written), in order; else
        the one desk, department or role it names first (in any case)."""
        people = [
            (position, resource)
            for name, resource in self._by_name.items()
            if (position := text.find(name)) >= 0
        ]
        if people:
            return tuple(resource for _, resource in sorted(people, key=lambda p: p[0]))
        folded = text.casefold()
        found = [
            (position, -len(phrase), resource)
            for phrase, resource in self._phrases.items()
            if (position := folded.find(phrase)) >= 0
        ]
        # The first phrase in the note, the longest of those starting there.
        return (min(found, key=lambda f: f[:2])[2],) if found else ()

    def attempts(
        self, note: Interaction, case: Case, product_model: str, *, tried_first: bool = True
    ) -> list[CallAttempt]:
        """The attempts behind ``note`` on ``case``, oldest first ([] if it names nobody).

        With ``tried_first``, now and then someone else was tried before the helper.
        """
        named = self.named_in(note.summary)
        if not named:
            return []
        rng = random.Random(f"advocate-demo-calls:{note.id}")
        calls = [_Call(r, CallOutcome.CONNECTED, True, *_durations(rng, True)) for r in named]
        if tried_first and rng.random() < TRIED_FIRST_RATE:
            miss = self._tried_first(rng, named[0], case.category)
            if miss is not None:
                calls.insert(0, miss)
        pauses = [timedelta(seconds=rng.randint(10, 90)) for _ in calls]
        earliest = min(case.opened_at + timedelta(seconds=rng.randint(30, 120)), note.occurred_at)
        starts = _back_from(note.occurred_at, calls, pauses)
        if starts[0] < earliest and len(calls) > len(named):  # no time to try anyone first
            calls, pauses = calls[1:], pauses[1:]
            starts = _back_from(note.occurred_at, calls, pauses)
        if starts[0] < earliest:  # a short call: they were dialled as soon as it began
            starts = [start + (earliest - starts[0]) for start in starts]
        return [
            _attempt(rng, call, started, note, case, product_model)
            for call, started in zip(calls, starts, strict=True)
        ]

    def _tried_first(self, rng: random.Random, helper: Resource, category: str) -> _Call | None:
        # A colleague at the same desk, or someone who lists the problem among their skills.
        colleagues = [r for r in self._colleagues[helper.department] if r is not helper]
        if colleagues and rng.random() < 0.5:
            pool = colleagues
        else:
            pool = [r for r in self.resources if category in r.skills and r is not helper]
        if not pool:
            return None
        outcome = _weighted_choice(rng, _MISSES)
        connected = outcome in (CallOutcome.CONNECTED, CallOutcome.VOICEMAIL)
        helped = False if outcome is CallOutcome.CONNECTED else None
        ring, talk = _durations(rng, connected)
        if outcome is CallOutcome.BUSY:
            ring = timedelta(seconds=rng.randint(1, 4))
        elif outcome is CallOutcome.VOICEMAIL:
            talk = timedelta(seconds=rng.randint(15, 50))
        return _Call(rng.choice(pool), outcome, helped, ring, talk)


def _back_from(
    note_at: datetime, calls: Sequence[_Call], pauses: Sequence[timedelta]
) -> list[datetime]:
    """When each call started: one after another, the last a pause before the note."""
    starts, end = [], note_at
    for call, pause in zip(reversed(calls), reversed(pauses), strict=True):
        end -= pause + call.ring + call.talk
        starts.append(end)
    return starts[::-1]


def _durations(rng: random.Random, connected: bool) -> tuple[timedelta, timedelta]:
    if not connected:  # rang out (or was refused) and never connected
        return timedelta(seconds=rng.randint(20, 45)), timedelta(0)
    return timedelta(seconds=rng.randint(4, 25)), timedelta(seconds=rng.randint(90, 600))


def _weighted_choice(rng: random.Random, pairs: Sequence[tuple[CallOutcome, int]]) -> CallOutcome:
    roll = rng.random() * sum(weight for _, weight in pairs)
    for item, weight in pairs:
        roll -= weight
        if roll < 0:
            return item
    return pairs[-1][0]


def _attempt(
    rng: random.Random,
    call: _Call,
    started: datetime,
    note: Interaction,
    case: Case,
    product_model: str,
) -> CallAttempt:
    resource = call.resource
    on_sip = resource.sip_uri is not None and (resource.phone is None or rng.random() < SIP_SHARE)
    answered = call.talk > timedelta(0)
    # A handed-off call is marked by hand: the console never sees it answered or why it ended.
    return CallAttempt(
        id=UUID(int=rng.getrandbits(128), version=4),
        resource_id=resource.id,
        case_id=case.id,
        customer_id=case.customer_id,
        category=case.category,
        product_model=product_model,
        via="sip" if on_sip else "handoff",
        started_at=started,
        answered_at=started + call.ring if answered and on_sip else None,
        ended_at=started + call.ring + call.talk,
        outcome=call.outcome,
        reason=_SIP_REASONS[call.outcome] if on_sip else "",
        helped=call.helped,
        advocate=note.advocate,
    )
