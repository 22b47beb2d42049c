"""Dial-outs that fail, and a registration the network drops: each leg ends in the right
state with a clear message, and the customer's leg is never dropped by any of it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from advocate_console.domain import CallOutcome
from advocate_console.telephony import LegRole, LegState, Softphone

from .conftest import console_config
from .console import build_console, resource
from .peers import PeerProcess
from .registrar import Registrar, require_kamailio

CUSTOMER_TONE, RESOURCE_TONE = 700, 1100


def _customer_on_the_line(
    qtbot, console, softphone, customer: PeerProcess, address: str | None = None
) -> int:
    with qtbot.waitSignal(console.conference.sig_caller_ringing, timeout=20_000) as ringing:
        customer.send(f"call {address or softphone.address}")
    leg_id = ringing.args[0].leg_id
    console.conference.answer(leg_id)
    qtbot.waitUntil(lambda: console.conference.leg(leg_id).leg.joined, timeout=20_000)
    return leg_id


@pytest.mark.parametrize(
    ("behaviour", "address", "outcome", "sip_code", "message"),
    [
        ("ring", None, CallOutcome.NO_ANSWER, 487, "Busy Bee did not answer"),
        ("busy", None, CallOutcome.BUSY, 486, "Busy Bee is busy. (SIP 486 Busy Here)"),
        (None, "sip:busy.bee@", CallOutcome.FAILED, 0, "“sip:busy.bee@” is not a valid SIP"),
    ],
    ids=["no-answer", "busy-486", "invalid-uri"],
)
def test_a_failed_dial_out_leaves_the_customer_on_the_line(
    qtbot, store, softphone, peers, behaviour, address, outcome, sip_code, message
):
    customer = peers["customer"] = PeerProcess("margaret", CUSTOMER_TONE)
    if behaviour is not None:
        peers["bee"] = PeerProcess("bee", RESOURCE_TONE, on_call=behaviour)
        address = peers["bee"].uri
    console = build_console(qtbot, store, softphone, [resource("Busy Bee", address)])
    customer_leg = _customer_on_the_line(qtbot, console, softphone, customer)

    console.click_call(qtbot, "Busy Bee")
    qtbot.waitUntil(lambda: _failed_resource_leg(console) is not None, timeout=30_000)

    failed = _failed_resource_leg(console)
    assert failed.leg.outcome is outcome
    assert failed.leg.sip_code == sip_code
    assert message in console.calls.message.text()
    assert "still on the line" in console.calls.message.text() or behaviour is None
    assert console.conference.leg(customer_leg).leg.state is LegState.CONNECTED
    assert customer.seen_no("state", state="disconnected")
    # The attempt is recorded with how it failed, and the advocate can still say "voicemail".
    assert console.conference.wait_for_writes()
    (attempt,) = console.call_log.attempts(console.case.id)
    assert attempt.outcome is outcome
    assert attempt.answered_at is None and attempt.ended_at is not None


def test_losing_the_registration_is_shown_and_the_call_goes_on(qtbot, store, peers, sip):
    require_kamailio()
    registrar = Registrar()
    phone = Softphone(
        console_config(
            registrar=registrar.uri, transport="tcp", register_every_s=30, retry_registration_s=2
        )
    )
    try:
        with qtbot.waitSignal(
            phone.sig_registration_changed,
            timeout=20_000,
            check_params_cb=lambda registration: registration.registered,
        ):
            phone.start()
        console = build_console(qtbot, store, phone, [])
        assert "registered" in console.calls.registration.text()
        customer = peers["customer"] = PeerProcess("margaret", CUSTOMER_TONE)
        # The customer's call reaches the console through the registrar, as in production.
        through_registrar = f"sip:advocate@127.0.0.1:{registrar.port}"
        customer_leg = _customer_on_the_line(qtbot, console, phone, customer, through_registrar)

        with qtbot.waitSignal(
            phone.sig_registration_changed,
            timeout=60_000,
            check_params_cb=lambda registration: not registration.registered,
        ) as lost:
            registrar.stop()
        assert lost.args[0].reason
        assert "not registered" in console.calls.registration.text()
        assert "lost its registration" in console.calls.message.text()
        assert console.conference.leg(customer_leg).leg.state is LegState.CONNECTED
        qtbot.mouseClick(console.calls.hang_up_all, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(
            lambda: console.conference.leg(customer_leg).leg.state is LegState.ENDED,
            timeout=20_000,
        )
    finally:
        phone.stop()
        registrar.stop()


def _failed_resource_leg(console):
    for entry in console.conference.legs():
        if entry.leg.role is LegRole.RESOURCE and entry.leg.state is LegState.FAILED:
            return entry
    return None
