"""What the call panel says about a bridge leg's state."""

from __future__ import annotations

from advocate_console.api import CentralClient
from advocate_console.domain.conference import REASON_NO_FREE_LINE
from advocate_console.telephony.bridge_conference import BridgeConference
from advocate_console.telephony.legs import ConferenceLeg, Leg, LegRole, LegState
from advocate_console.ui.call_panel import CallPanel


def test_a_party_waiting_for_a_line_of_the_bridge_is_told_apart_from_one_waiting_for_you(qtbot):
    conference = BridgeConference(
        lambda: CentralClient("http://127.0.0.1:9", retries=0),  # never asked here
        lambda: "sip:maya@127.0.0.1",
        open_url=lambda uri: True,
    )
    panel = CallPanel(conference)
    qtbot.addWidget(panel)
    waiting = Leg(5, LegRole.RESOURCE, "sip:extra@127.0.0.1", state=LegState.WAITING)
    assert panel.state_text(ConferenceLeg(waiting, via="bridge")) == "Waiting for your phone…"
    no_line = waiting.but(reason=REASON_NO_FREE_LINE)
    assert (
        panel.state_text(ConferenceLeg(no_line, via="bridge"))
        == "Waiting for a free line on the bridge…"
    )
    conference.stop()
