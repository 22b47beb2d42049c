"""What the call panel says about a bridge leg's state, and that a newly added leg is in
view."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QScrollArea

from advocate_console.api import CentralClient
from advocate_console.domain.conference import REASON_NO_FREE_LINE
from advocate_console.telephony.bridge_conference import BridgeConference
from advocate_console.telephony.legs import ConferenceLeg, Leg, LegRole, LegState
from advocate_console.ui.call_panel import CallPanel


def _bridge_conference() -> BridgeConference:
    return BridgeConference(
        lambda: CentralClient("http://127.0.0.1:9", retries=0),  # never asked here
        lambda: "sip:maya@127.0.0.1",
        open_url=lambda uri: True,
    )


def test_a_party_waiting_for_a_line_of_the_bridge_is_told_apart_from_one_waiting_for_you(qtbot):
    conference = _bridge_conference()
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


def test_the_party_just_brought_in_is_scrolled_into_view(qtbot):
    conference = _bridge_conference()
    panel = CallPanel(conference)
    qtbot.addWidget(panel)
    panel.resize(480, 320)  # a short panel: about three rows show
    panel.show()
    qtbot.waitExposed(panel)
    for number in range(1, 9):
        leg = Leg(
            number,
            LegRole.RESOURCE,
            f"sip:r{number}@127.0.0.1",
            label=f"Resource {number}",
            state=LegState.CONNECTED,  # with its Hold and Drop buttons, as in a call
        )
        panel.show_leg(ConferenceLeg(leg, via="bridge"))
    scroll = panel.findChild(QScrollArea)
    viewport = scroll.viewport()

    def in_view(leg_id: int) -> bool:
        row = panel.row(leg_id)
        top = row.mapTo(viewport, QPoint(0, 0)).y()
        return top >= 0 and top + row.height() <= viewport.height()

    # Once laid out (the list taller than the panel), the newest row is the one in view.
    qtbot.waitUntil(lambda: scroll.verticalScrollBar().maximum() > 0 and in_view(8))
    assert not in_view(1)  # the list did have to scroll
    conference.stop()


def test_a_conference_that_starts_clears_what_a_failed_start_said(qtbot):
    conference = _bridge_conference()
    panel = CallPanel(conference)
    qtbot.addWidget(panel)
    conference.sig_message.emit("The customer on screen has no number to call back.")
    assert panel.message.text()
    conference.sig_live_changed.emit(True)
    assert panel.message.text() == ""
    conference.stop()
