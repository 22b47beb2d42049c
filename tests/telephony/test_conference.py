"""The whole feature against real SIP peers: a customer rings in, the advocate clicks two
resources in the dial-out panel, and all three hear each other."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from advocate_console.domain import CallOutcome
from advocate_console.telephony import LegRole, LegState

from .console import build_console, resource
from .peers import PeerProcess
from .tones import heard

CUSTOMER_TONE, ANIL_TONE, DANA_TONE, NOBODY = 700, 1100, 1500, 2300


def test_two_clicks_bring_two_resources_into_the_customers_call(
    qtbot, store, softphone, peers, tmp_path
):
    customer = peers["customer"] = PeerProcess("margaret", CUSTOMER_TONE)
    anil = peers["anil"] = PeerProcess("anil", ANIL_TONE)
    dana = peers["dana"] = PeerProcess("dana", DANA_TONE)
    console = build_console(
        qtbot,
        store,
        softphone,
        [resource("Dr. Anil Varghese", anil.uri), resource("Dana Whitlock", dana.uri)],
    )
    conference = console.conference

    with qtbot.waitSignal(conference.sig_caller_ringing, timeout=20_000) as ringing:
        customer.send(f"call {softphone.address}")
    caller = ringing.args[0].caller
    assert caller.number == "margaret"  # the screen pop looks the caller up by this
    customer_leg = ringing.args[0].leg_id
    qtbot.waitUntil(lambda: console.calls.row(customer_leg) is not None)
    qtbot.mouseClick(_button(console, customer_leg, "answer"), _left())
    qtbot.waitUntil(lambda: _leg(conference, customer_leg).joined, timeout=20_000)

    console.click_call(qtbot, "Dr. Anil Varghese")
    console.click_call(qtbot, "Dana Whitlock")
    qtbot.waitUntil(
        lambda: (
            len(_resource_legs(conference)) == 2
            and all(entry.leg.joined for entry in _resource_legs(conference))
        ),
        timeout=20_000,
    )

    recordings = {name: tmp_path / f"{name}.wav" for name in peers}
    for name, peer in peers.items():
        peer.record(recordings[name])
    qtbot.wait(1500)  # audio time for the tone measurement
    for peer in peers.values():
        peer.finish_recording()
    tones = [CUSTOMER_TONE, ANIL_TONE, DANA_TONE]
    for name, own in (("customer", CUSTOMER_TONE), ("anil", ANIL_TONE), ("dana", DANA_TONE)):
        expected = {tone: tone != own for tone in tones}
        assert heard(recordings[name], tones, quiet=NOBODY) == expected, name

    # Anil leaves; the advocate says he helped, with one click.
    anil_leg = next(e for e in _resource_legs(conference) if e.name == "Dr. Anil Varghese")
    qtbot.mouseClick(_button(console, anil_leg.leg_id, "drop"), _left())
    qtbot.waitUntil(
        lambda: _leg(conference, anil_leg.leg_id).state is LegState.ENDED, timeout=20_000
    )
    assert _leg(conference, customer_leg).state is LegState.CONNECTED
    qtbot.waitUntil(lambda: _button(console, anil_leg.leg_id, "helped-yes") is not None)
    qtbot.mouseClick(_button(console, anil_leg.leg_id, "helped-yes"), _left())

    qtbot.mouseClick(console.calls.hang_up_all, _left())
    qtbot.waitUntil(lambda: not any(e.leg.state.is_live for e in conference.legs()), timeout=20_000)
    assert conference.wait_for_writes()

    attempts = {a.resource_id: a for a in console.call_log.attempts(console.case.id)}
    assert len(attempts) == 2
    for attempt in attempts.values():
        assert attempt.outcome is CallOutcome.CONNECTED
        assert attempt.via == "sip"
        assert attempt.answered_at is not None and attempt.ended_at is not None
        assert (attempt.category, attempt.product_model) == ("product failure", "HVM3160SF")
        assert attempt.advocate == "Maya Castellanos"
    assert [a.helped for a in attempts.values() if a.resource_id == anil_leg.resource.id] == [True]
    # Anil helped on this very problem: he now tops the list.
    console.dial_out.refresh()
    qtbot.waitUntil(lambda: console.dial_out.model.ranked(0).track_record.helped_here == 1)
    assert console.dial_out.model.ranked(0).resource.name == "Dr. Anil Varghese"


def _left() -> Qt.MouseButton:
    return Qt.MouseButton.LeftButton


def _leg(conference, leg_id):
    return conference.leg(leg_id).leg


def _resource_legs(conference):
    return [e for e in conference.legs() if e.leg.role is LegRole.RESOURCE]


def _button(console, leg_id, name):
    row = console.calls.row(leg_id)
    return None if row is None else row.findChild(QPushButton, f"{name}-{leg_id}")
