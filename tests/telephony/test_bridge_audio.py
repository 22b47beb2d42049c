"""The conference bridge with every party a separate process on loopback: kamailio as the
company's SIP server, the bridge, the central API, the advocate's desk phone, the
customer and two resources, each playing its own tone and recording what it hears.

The processes are shared by the tests of this module (each test ends its conference, so
the phones are free for the next one).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from advocate_console.api import CentralClient
from advocate_console.api.conferences import NewConference, NewLeg
from advocate_console.central.server import EmbeddedServer
from advocate_console.domain import CallOutcome, Collection
from advocate_console.domain.conference import REASON_NO_FREE_LINE, LegState

from . import bridge_parts as parts
from .peers import PeerProcess
from .registrar import Registrar, require_kamailio
from .tones import heard

MAYA, CUSTOMER, ANIL, DANA, NOBODY = 530, 700, 1170, 1610, 2300
TONES = [MAYA, CUSTOMER, ANIL, DANA]
# Audio takes a few hundred milliseconds through the jitter buffers and the bridges: what
# a phone hears right after the mix changed is what it heard before.
IN_FLIGHT_S = 0.8
# These tones make no distortion product above -50 dBFS in each other's bins, so a party
# at -40 dBFS is heard (a starved machine thins the audio, never silences a joined party).
LEVEL = 0.01


@dataclass
class Switchboard:
    """Everything running for this module."""

    registrar: Registrar
    server: EmbeddedServer
    bridge: parts.BridgeProcess
    advocate: CentralClient
    lead: CentralClient
    phones: dict[str, PeerProcess]
    resources: dict[str, object]


@pytest.fixture(scope="module")
def board(tmp_path_factory) -> Iterator[Switchboard]:
    """kamailio, the API, one bridge, and four phones registered with kamailio."""
    from advocate_console.telephony import SIP_AVAILABLE
    from tests.plumbing import need_part

    need_part(None if SIP_AVAILABLE else "pjsua2 is not installed (pip install -e .[sip])")
    require_kamailio()
    started: list = []
    try:
        registrar = Registrar()
        started.append(registrar)
        server = parts.central(tmp_path_factory.mktemp("central"))
        started.append(server)
        bridge = parts.BridgeProcess(server.database_url, registrar=registrar.uri)
        started.append(bridge)
        phones = {
            name: PeerProcess(name, tone, registrar=registrar.uri)
            for name, tone in (
                ("maya", MAYA),
                ("margaret", CUSTOMER),
                ("anil", ANIL),
                ("dana", DANA),
            )
        }
        started.extend(phones.values())
        lead = parts.signed_in(server.url, lead=True)
        resources = {
            name: parts.add_resource(lead, label, phones[name].uri)
            for name, label in (("anil", "Dr. Anil Varghese"), ("dana", "Dana Whitlock"))
        }
        yield Switchboard(
            registrar, server, bridge, parts.signed_in(server.url), lead, phones, resources
        )
    finally:
        for part in reversed(started):
            part.stop()


@pytest.fixture(autouse=True)
def hung_up_after(board) -> Iterator[None]:
    """Whatever a test leaves on (failing half-way), its conferences end after it: the
    shared phones are free for the next test."""
    yield
    for conference in board.advocate.my_conferences():
        parts.hang_up(board.advocate, conference.id)


def _record(board: Switchboard, folder: Path, round_: str, seconds: float = 1.2) -> dict:
    """What each phone hears from now on (after the audio in flight), by tone."""
    paths = {name: folder / f"{name}-{round_}.wav" for name in board.phones}
    for name, phone in board.phones.items():
        phone.record(paths[name])
    time.sleep(IN_FLIGHT_S + seconds)  # audio time for the measurement, not an event
    for phone in board.phones.values():
        phone.finish_recording()
    return {
        name: heard(path, TONES, quiet=NOBODY, skip_s=IN_FLIGHT_S, level=LEVEL)
        for name, path in paths.items()
    }


def _everyone_but(own: int, *also_not: int) -> dict[int, bool]:
    return {tone: tone != own and tone not in also_not for tone in TONES}


def _conference_with_resources(board: Switchboard, ask_first: set[str] = frozenset()):
    client = board.advocate
    conference = parts.start(
        client,
        board.phones["maya"].uri,
        board.phones["margaret"].uri,
        customer_name="Margaret O'Donnell",
    )
    # The advocate's phone rings first; the customer is called once it is answered.
    conference = parts.wait_for(client, conference.id, lambda c: parts.all_joined(c, 2))
    advocate, customer = conference.legs
    assert advocate.answered_at < customer.ringing_at
    for name in ("anil", "dana"):
        body = NewLeg(resource_id=board.resources[name].id, ask_first=name in ask_first)
        client.add_leg(conference.id, body)
    return parts.wait_for(
        client,
        conference.id,
        lambda c: len(c.legs) == 4 and all(leg.state is LegState.CONNECTED for leg in c.legs),
    )


def test_every_joined_party_hears_every_other_and_a_held_one_nobody(board, tmp_path):
    client = board.advocate
    conference = _conference_with_resources(board)
    conference = parts.wait_for(client, conference.id, lambda c: parts.all_joined(c, 4))

    heard_by = _record(board, tmp_path, "all")
    assert heard_by["maya"] == _everyone_but(MAYA)
    assert heard_by["margaret"] == _everyone_but(CUSTOMER)
    assert heard_by["anil"] == _everyone_but(ANIL)
    assert heard_by["dana"] == _everyone_but(DANA)

    dana = parts.leg_of(conference, "Dana Whitlock")
    assert parts.change(client, conference.id, dana, on_hold=True).on_hold
    parts.wait_for(client, conference.id, lambda c: not parts.leg_of(c, "Dana Whitlock").joined)
    heard_by = _record(board, tmp_path, "held")
    assert heard_by["maya"] == _everyone_but(MAYA, DANA)
    assert heard_by["margaret"] == _everyone_but(CUSTOMER, DANA)
    assert heard_by["anil"] == _everyone_but(ANIL, DANA)
    assert heard_by["dana"] == {tone: False for tone in TONES}

    ended = parts.hang_up(client, conference.id)
    assert {leg.outcome for leg in ended.legs} == {CallOutcome.CONNECTED}
    # Both resources' legs are recorded as call attempts, as every dial-out is.
    for name in ("anil", "dana"):
        leg = next(leg for leg in ended.legs if leg.resource_id == board.resources[name].id)
        attempt = client.get(Collection.CALL_ATTEMPTS, leg.attempt_id)
        assert (attempt.outcome, attempt.via) == (CallOutcome.CONNECTED, "bridge")
        assert attempt.answered_at is not None and attempt.ended_at is not None


def test_ask_first_keeps_the_customer_out_of_the_consult(board, tmp_path):
    client = board.advocate
    conference = _conference_with_resources(board, ask_first={"dana"})
    dana = parts.leg_of(conference, "Dana Whitlock")
    assert dana.consult and not dana.joined

    heard_by = _record(board, tmp_path, "consult")
    assert heard_by["maya"] == {MAYA: False, CUSTOMER: False, ANIL: False, DANA: True}
    assert heard_by["dana"] == {MAYA: True, CUSTOMER: False, ANIL: False, DANA: False}
    assert heard_by["margaret"] == {MAYA: False, CUSTOMER: False, ANIL: True, DANA: False}
    assert heard_by["anil"] == {MAYA: False, CUSTOMER: True, ANIL: False, DANA: False}

    parts.change(client, conference.id, dana, joined=True)
    parts.wait_for(client, conference.id, lambda c: parts.all_joined(c, 4))
    heard_by = _record(board, tmp_path, "joined", seconds=0.8)
    assert heard_by["margaret"] == _everyone_but(CUSTOMER)
    assert heard_by["dana"] == _everyone_but(DANA)
    parts.hang_up(client, conference.id)


def test_a_customer_transferred_by_the_phone_system_joins_the_bridge(board, tmp_path):
    client = board.advocate
    maya, margaret = board.phones["maya"], board.phones["margaret"]
    # The customer rang the advocate's desk phone; the advocate took the call.
    margaret.send(f"call {maya.uri}")
    maya.wait_for("incoming")
    maya.send("answer")
    margaret.wait_for("state", state="confirmed")
    maya.wait_for("state", state="confirmed")

    conference = client.start_conference(
        NewConference(advocate_phone=maya.uri, customer_joins="transfer")
    )
    conference = parts.wait_for(
        client, conference.id, lambda c: c.legs[0].state is LegState.CONNECTED
    )
    assert conference.legs[1].state is LegState.WAITING  # nobody calls the customer
    # The desk phone transfers the customer's live call to the conference (SIP REFER).
    maya.send(f"transfer {conference.address}")
    margaret.wait_for("transferred", to=conference.address)
    conference = parts.wait_for(client, conference.id, lambda c: parts.all_joined(c, 2))
    maya.wait_for("transfer-status", code=200, final=True)
    heard_by = _record(board, tmp_path, "transfer", seconds=0.8)
    assert heard_by["margaret"][MAYA] and heard_by["maya"][CUSTOMER]
    parts.hang_up(client, conference.id)


@pytest.mark.parametrize(
    ("behaviour", "outcome"),
    [
        ("ring", CallOutcome.NO_ANSWER),
        ("busy", CallOutcome.BUSY),
        ("decline", CallOutcome.DECLINED),
    ],
)
def test_a_resource_who_does_not_answer_is_busy_or_rejects_never_drops_the_customer(
    board, behaviour, outcome
):
    client = board.advocate
    bee = PeerProcess(f"bee-{behaviour}", 1900, on_call=behaviour, registrar=board.registrar.uri)
    try:
        resource = parts.add_resource(board.lead, f"Bee {behaviour}", bee.uri)
        conference = parts.start(client, board.phones["maya"].uri, board.phones["margaret"].uri)
        parts.wait_for(client, conference.id, lambda c: parts.all_joined(c, 2))
        board.phones["margaret"].forget()
        client.add_leg(conference.id, NewLeg(resource_id=resource.id))
        conference = parts.wait_for(
            client,
            conference.id,
            lambda c: c.legs[2].state is LegState.FAILED,
            timeout=parts.RING_TIMEOUT_S + 15,
        )
        bee_leg = conference.legs[2]
        assert bee_leg.outcome is outcome
        assert [leg.state for leg in conference.legs[:2]] == [LegState.CONNECTED] * 2
        assert all(leg.joined for leg in conference.legs[:2])
        assert board.phones["margaret"].seen_no("state", state="disconnected")
        attempt = client.get(Collection.CALL_ATTEMPTS, bee_leg.attempt_id)
        assert attempt.outcome is outcome and attempt.answered_at is None
        parts.hang_up(client, conference.id)
    finally:
        bee.stop()


def test_a_fifth_party_waits_for_a_free_line_and_joins_when_one_is(board):
    # PyPI's PJSIP carries four calls at once: the advocate, the customer and two
    # resources take every line; a fifth party waits (saying why), never fails.
    client = board.advocate
    conference = _conference_with_resources(board)
    extra = PeerProcess("extra", 1900, registrar=board.registrar.uri)
    try:
        client.add_leg(conference.id, NewLeg(target=extra.uri, label="Extra"))
        conference = parts.wait_for(
            client,
            conference.id,
            lambda c: len(c.legs) == 5 and parts.leg_of(c, "Extra").reason == REASON_NO_FREE_LINE,
        )
        assert parts.leg_of(conference, "Extra").state is LegState.WAITING
        assert all(leg.state is LegState.CONNECTED for leg in conference.legs[:4])
        parts.change(client, conference.id, parts.leg_of(conference, "Dana Whitlock"), dropped=True)
        conference = parts.wait_for(
            client,
            conference.id,
            lambda c: parts.leg_of(c, "Extra").joined,
            timeout=parts.RING_TIMEOUT_S + 15,
        )
        assert parts.leg_of(conference, "Dana Whitlock").state is LegState.ENDED
        assert parts.leg_of(conference, "Extra").reason != REASON_NO_FREE_LINE
        parts.hang_up(client, conference.id)
    finally:
        extra.stop()
