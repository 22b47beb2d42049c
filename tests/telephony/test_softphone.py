"""The console's phone against real SIP peers: screen pop, conference mix, failures."""

from __future__ import annotations

from advocate_console.domain import CallOutcome
from advocate_console.telephony import Leg, LegRole, LegState

from .peers import PeerProcess
from .tones import heard

CUSTOMER_TONE, CURTIS_TONE, DANA_TONE, NOBODY = 700, 1100, 1500, 2300


class LegLog:
    """Every leg snapshot the phone sent, newest last."""

    def __init__(self, phone) -> None:
        self.legs: dict[int, Leg] = {}
        phone.sig_leg_changed.connect(self._seen)

    def _seen(self, leg: Leg) -> None:
        self.legs[leg.leg_id] = leg

    def state(self, leg_id: int) -> LegState | None:
        leg = self.legs.get(leg_id)
        return None if leg is None else leg.state

    def joined(self, leg_id: int) -> bool:
        leg = self.legs.get(leg_id)
        return leg is not None and leg.joined


def test_customer_and_two_resources_all_hear_each_other(qtbot, softphone, peers, tmp_path):
    log = LegLog(softphone)
    customer = peers["customer"] = PeerProcess("margaret", CUSTOMER_TONE, on_call="answer")
    curtis = peers["curtis"] = PeerProcess("curtis", CURTIS_TONE)
    dana = peers["dana"] = PeerProcess("dana", DANA_TONE)

    with qtbot.waitSignal(softphone.sig_incoming_call, timeout=20_000) as ringing:
        customer.send(f"call {softphone.address}")
    incoming: Leg = ringing.args[0]
    assert incoming.role is LegRole.CUSTOMER
    assert incoming.caller is not None and incoming.caller.number == "margaret"
    softphone.answer(incoming.leg_id)
    qtbot.waitUntil(lambda: log.joined(incoming.leg_id), timeout=20_000)

    first = softphone.dial(curtis.uri, "Curtis Bramwell")
    second = softphone.dial(dana.uri, "Dana Whitlock")
    qtbot.waitUntil(lambda: log.joined(first) and log.joined(second), timeout=20_000)

    recordings = {name: tmp_path / f"{name}.wav" for name in peers}
    for name, peer in peers.items():
        peer.record(recordings[name])
    qtbot.wait(1500)  # the tones need audio time to be measured, not a wait for an event
    for peer in peers.values():
        peer.finish_recording()

    tones = [CUSTOMER_TONE, CURTIS_TONE, DANA_TONE]
    assert heard(recordings["customer"], tones, quiet=NOBODY) == {
        CUSTOMER_TONE: False,
        CURTIS_TONE: True,
        DANA_TONE: True,
    }
    assert heard(recordings["curtis"], tones, quiet=NOBODY) == {
        CUSTOMER_TONE: True,
        CURTIS_TONE: False,
        DANA_TONE: True,
    }
    assert heard(recordings["dana"], tones, quiet=NOBODY) == {
        CUSTOMER_TONE: True,
        CURTIS_TONE: True,
        DANA_TONE: False,
    }
    assert log.state(incoming.leg_id) is LegState.CONNECTED
    softphone.hang_up_all()
    qtbot.waitUntil(
        lambda: all(log.state(i) is LegState.ENDED for i in (incoming.leg_id, first, second)),
        timeout=20_000,
    )
    assert log.legs[first].outcome is CallOutcome.CONNECTED
