"""The call panel: every leg of the conference, what it is doing, and one-click controls.

A row per leg (the customer first, then each resource dialled in) shows dialing, ringing,
connected with a timer, on hold, or failed with the SIP reason. Below: join all, mute,
hang up all. When a resource's leg ends, its row asks "Helped?" with two buttons; a
hand-off leg asks how it went, since the console cannot see the system phone's call.

On the company's bridge (``dial_mode = "bridge"``) the advocate's own phone is a leg too
(rung first); *Start conference* calls the customer on screen in, and when the bridge
stops mid-call the panel offers to call the customer back from the advocate's phone.
"""

from __future__ import annotations

import time

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from advocate_console.domain import CallOutcome
from advocate_console.domain.conference import REASON_NO_FREE_LINE
from advocate_console.telephony.bridge_conference import BridgeConference
from advocate_console.telephony.conference import Conference
from advocate_console.telephony.legs import ConferenceLeg, LegId, LegRole, LegState, Registration

from .theme import colours

STATE_COLOURS = {
    LegState.WAITING: ("#555555", "#f4f4f4"),
    LegState.DIALING: ("#7a4b00", "#fff0d1"),
    LegState.RINGING: ("#7a4b00", "#fff0d1"),
    LegState.CONNECTED: ("#1e6b34", "#dff3e4"),
    LegState.ENDED: ("#555555", "#eeeeee"),
    LegState.FAILED: ("#8a1c1c", "#fde2e1"),
    LegState.LOST: ("#8a1c1c", "#fde2e1"),
}
HOLD_COLOURS = ("#3d3d8a", "#e4e4fb")


def _duration(seconds: float) -> str:
    minutes, seconds = divmod(int(seconds), 60)
    return f"{minutes:02d}:{seconds:02d}"


class LegRow(QFrame):
    """One leg: who, its state, and the buttons that make sense for it now."""

    def __init__(self, panel: CallPanel, entry: ConferenceLeg) -> None:
        super().__init__()
        self.panel = panel
        self.entry = entry
        self.setObjectName(f"leg-{entry.leg_id}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.name = QLabel()
        self.name.setTextFormat(Qt.TextFormat.PlainText)
        self.state = QLabel()
        self.state.setObjectName("legState")
        self.state.setWordWrap(True)
        self.buttons = QHBoxLayout()
        self.buttons.setContentsMargins(0, 0, 0, 0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        top = QHBoxLayout()
        top.addWidget(self.name, 1)
        top.addWidget(self.state)
        layout.addLayout(top)
        layout.addLayout(self.buttons)
        self.show_entry(entry)

    def show_entry(self, entry: ConferenceLeg) -> None:
        """Show ``entry`` (a newer snapshot of this leg)."""
        self.entry = entry
        leg = entry.leg
        who = {
            LegRole.ADVOCATE: self.tr("Your phone"),
            LegRole.CUSTOMER: self.tr("Customer"),
        }.get(leg.role, self.tr("Resource"))
        self.name.setText(f"{entry.name}  ·  {who}")
        self.tick()
        while self.buttons.count():
            widget = self.buttons.takeAt(0).widget()
            if widget is not None:
                widget.hide()  # gone from the screen now, deleted when Qt is ready
                widget.deleteLater()
        for name, text, action in self._actions(entry):
            button = QPushButton(text)
            button.setObjectName(f"{name}-{entry.leg_id}")
            button.clicked.connect(action)
            self.buttons.addWidget(button)
        self.buttons.addStretch(1)

    def tick(self) -> None:
        """Refresh the state text (the connected timer moves every second)."""
        leg = self.entry.leg
        text = self.panel.state_text(self.entry)
        held = (leg.on_hold or leg.consult) and leg.state.is_live
        foreground, background = HOLD_COLOURS if held else STATE_COLOURS[leg.state]
        self.state.setText(text)
        self.state.setStyleSheet(
            f"color: {foreground}; background: {background}; padding: 2px 6px; border-radius: 4px;"
        )

    def _actions(self, entry: ConferenceLeg) -> list[tuple[str, str, object]]:
        conference, leg, leg_id = self.panel.conference, entry.leg, entry.leg_id
        actions: list[tuple[str, str, object]] = []
        if entry.via == "handoff" and leg.state.is_live:
            for outcome, text in self.panel.handoff_outcomes():
                actions.append(
                    (f"outcome-{outcome.value}", text, lambda _=False, o=outcome: self._mark(o))
                )
            return actions
        if leg.role is LegRole.CUSTOMER and leg.state is LegState.RINGING:
            actions.append(("answer", self.tr("Answer"), lambda: conference.answer(leg_id)))
        if leg.state is LegState.CONNECTED and leg.role is not LegRole.ADVOCATE:
            if leg.consult:
                actions.append(
                    ("join", self.tr("Join"), lambda: conference.set_on_hold(leg_id, False))
                )
            elif leg.on_hold:
                actions.append(
                    ("resume", self.tr("Resume"), lambda: conference.set_on_hold(leg_id, False))
                )
            else:
                actions.append(
                    ("hold", self.tr("Hold"), lambda: conference.set_on_hold(leg_id, True))
                )
        if leg.state.is_live:
            actions.append(("drop", self.tr("Drop"), lambda: conference.drop(leg_id)))
        if entry.asks_helped:
            actions.append(
                ("helped-yes", self.tr("Helped"), lambda: conference.mark_helped(leg_id, True))
            )
            actions.append(
                ("helped-no", self.tr("Didn't help"), lambda: conference.mark_helped(leg_id, False))
            )
            if leg.outcome is not CallOutcome.CONNECTED and entry.via != "bridge":
                actions.append(
                    (
                        "voicemail",
                        self.tr("It was voicemail"),
                        lambda: conference.mark_outcome(leg_id, CallOutcome.VOICEMAIL),
                    )
                )
        return actions

    def _mark(self, outcome: CallOutcome) -> None:
        self.panel.conference.mark_outcome(self.entry.leg_id, outcome)


class CallPanel(QWidget):
    """The legs of the current call with their controls, and the whole call's controls."""

    def __init__(
        self, conference: Conference | BridgeConference, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("callPanel")
        self.conference = conference
        self._rows: dict[LegId, LegRow] = {}

        self._make_controls()
        self._lay_out(self._make_leg_list(conference))
        # Handed-off calls are in the phone app: nothing to join, mute or hang up here.
        for control in (self.join_all, self.mute, self.hang_up_all):
            control.setVisible(conference.mode != "handoff")
        self._follow(conference)
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self._tick)
        self._timer.start()
        for entry in conference.legs():
            self.show_leg(entry)

    def _make_controls(self) -> None:
        self.title = QLabel(self.tr("<b>On the call</b>"))
        self.registration = QLabel()
        self.registration.setObjectName("registration")
        self.message = QLabel()
        self.message.setObjectName("callMessage")
        self.message.setWordWrap(True)
        self.join_all = QPushButton(self.tr("Join all"))
        self.join_all.setObjectName("joinAll")
        self.join_all.setToolTip(self.tr("Take everyone off hold: everyone hears everyone."))
        self.mute = QPushButton(self.tr("Mute"))
        self.mute.setObjectName("mute")
        self.mute.setCheckable(True)
        self.hang_up_all = QPushButton(self.tr("Hang up all"))
        self.hang_up_all.setObjectName("hangUpAll")
        self.start_conference, self.call_back = self._bridge_buttons()

    def _make_leg_list(self, conference: Conference | BridgeConference) -> QScrollArea:
        """The legs' rows, one under the other; what the panel says when there are none."""
        self._list = QWidget()
        self._list_layout = QVBoxLayout(self._list)
        self._list_layout.setContentsMargins(0, 0, 0, 0)
        self.idle = QLabel(self._idle_text(conference))
        self.idle.setObjectName("callIdle")
        self.idle.setWordWrap(True)
        self._list_layout.addWidget(self.idle)
        self._list_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self._list)
        self._scroll = scroll
        return scroll

    def _lay_out(self, legs: QScrollArea) -> None:
        controls = QHBoxLayout()
        controls.addWidget(self.start_conference)
        controls.addWidget(self.call_back)
        controls.addWidget(self.join_all)
        controls.addWidget(self.mute)
        controls.addStretch(1)
        controls.addWidget(self.hang_up_all)
        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.registration)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(legs, 1)
        layout.addWidget(self.message)
        layout.addLayout(controls)

    def _follow(self, conference: Conference | BridgeConference) -> None:
        """Wire the controls to the conference, and the conference's news to the panel."""
        self.join_all.clicked.connect(conference.join_all)
        self.mute.toggled.connect(self._muted)
        self.hang_up_all.clicked.connect(conference.hang_up_all)
        self._follow_the_bridge(conference)
        conference.sig_leg_changed.connect(self.show_leg)
        conference.sig_message.connect(self.show_message)
        if conference.phone is not None:
            conference.phone.sig_registration_changed.connect(self.show_registration)
            if conference.phone.registration is not None:
                self.show_registration(conference.phone.registration)

    def row(self, leg_id: LegId) -> LegRow | None:
        """The row of one leg (tests and screenshots find buttons through it)."""
        return self._rows.get(leg_id)

    def show_leg(self, entry: ConferenceLeg) -> None:
        """Add or update the row of ``entry``'s leg."""
        row = self._rows.get(entry.leg_id)
        if row is None:
            row = LegRow(self, entry)
            self._rows[entry.leg_id] = row
            self._list_layout.insertWidget(self._list_layout.count() - 1, row)
            row.show()
            self.idle.hide()
            # Someone just brought in is who the advocate looks for: scroll to them once
            # the list has made room (a sixth row is below the fold at 1366x768).
            QTimer.singleShot(0, self, lambda: self._bring_into_view(entry.leg_id))
        else:
            row.show_entry(entry)

    def _bring_into_view(self, leg_id: LegId) -> None:
        row = self._rows.get(leg_id)
        if row is not None:
            self._scroll.ensureWidgetVisible(row)

    def _idle_text(self, conference: Conference | BridgeConference) -> str:
        if conference.mode == "bridge":
            return self.tr(
                "No conference yet. Start one for the customer on screen, or click Call on"
                " the right: your phone rings first, then the bridge brings them in."
            )
        if conference.mode == "handoff":
            return self.tr(
                "No call in the console: your phone app does the calling. Click Call on the "
                "right and mark how it went here."
            )
        return self.tr(
            "No call yet. A customer's call rings in here; then click Call on the right to "
            "bring someone in."
        )

    def show_message(self, text: str) -> None:
        """The latest thing the advocate should know about the call."""
        self.message.setText(text)

    def show_registration(self, registration: Registration) -> None:
        """Whether the company's SIP server can reach the console."""
        if registration.registered:
            self.registration.setText(self.tr("● Phone registered"))
            self.registration.setStyleSheet(f"color: {colours().good};")
            return
        reason = registration.reason or self.tr("no answer from the SIP server")
        self.registration.setText(self.tr("● Phone not registered"))
        self.registration.setStyleSheet(f"color: {colours().bad};")
        self.registration.setToolTip(reason)
        self.show_message(
            self.tr(
                "The phone lost its registration (%s): new calls cannot reach you until it"
                " is back. Calls in progress go on."
            )
            % reason
        )

    def clear_finished(self) -> None:
        """Remove the rows of legs that are over (after "Helped?" was answered)."""
        self.conference.clear_finished()
        for leg_id in [i for i, row in self._rows.items() if not row.entry.leg.state.is_live]:
            row = self._rows.pop(leg_id)
            row.hide()
            row.deleteLater()
        self.idle.setVisible(not self._rows)

    def state_text(self, entry: ConferenceLeg) -> str:
        """The state of a leg in words."""
        leg = entry.leg
        if entry.via == "handoff" and leg.state.is_live:
            return self.tr("Handed to your phone app")
        if leg.state is LegState.CONNECTED:
            elapsed = _duration(time.monotonic() - (leg.answered_at or time.monotonic()))
            if leg.consult:
                return self.tr("Asking first %s") % elapsed
            return (self.tr("On hold %s") if leg.on_hold else self.tr("Connected %s")) % elapsed
        if leg.state is LegState.WAITING:
            if leg.reason == REASON_NO_FREE_LINE:
                return self.tr("Waiting for a free line on the bridge…")
            joins = getattr(self.conference, "customer_joins", "callback")
            if leg.role is LegRole.CUSTOMER and joins == "transfer":
                return self.tr("Waiting for the transfer…")
            return self.tr("Waiting for your phone…")
        if leg.state is LegState.LOST:
            return self.tr("Lost: the bridge stopped")
        if leg.state is LegState.DIALING:
            return self.tr("Dialing…")
        if leg.state is LegState.RINGING:
            return self.tr("Ringing…")
        if leg.state is LegState.ENDED:
            helped = {True: self.tr(" · helped"), False: self.tr(" · didn't help")}
            return self.tr("Ended") + helped.get(entry.helped, "")
        outcome = {
            CallOutcome.BUSY: self.tr("Busy"),
            CallOutcome.NO_ANSWER: self.tr("No answer"),
            CallOutcome.DECLINED: self.tr("Declined"),
            CallOutcome.VOICEMAIL: self.tr("Voicemail"),
            CallOutcome.CANCELLED: self.tr("Cancelled"),
        }.get(leg.outcome, self.tr("Failed"))
        detail = f"{leg.sip_code} {leg.reason}" if leg.sip_code else leg.reason
        return f"{outcome}: {detail}" if detail else outcome

    def handoff_outcomes(self) -> list[tuple[CallOutcome, str]]:
        """The one-click answers to "how did the handed-off call go?"."""
        return [
            (CallOutcome.CONNECTED, self.tr("Talked")),
            (CallOutcome.NO_ANSWER, self.tr("No answer")),
            (CallOutcome.BUSY, self.tr("Busy")),
            (CallOutcome.VOICEMAIL, self.tr("Voicemail")),
        ]

    def _bridge_buttons(self) -> tuple[QPushButton, QPushButton]:
        start = QPushButton(self.tr("Start conference"))
        start.setObjectName("startConference")
        start.setToolTip(
            self.tr("Your phone rings first; then the bridge brings the customer on screen in.")
        )
        call_back = QPushButton()
        call_back.setObjectName("callBack")
        call_back.hide()
        return start, call_back

    def _follow_the_bridge(self, conference: Conference | BridgeConference) -> None:
        self.start_conference.setVisible(isinstance(conference, BridgeConference))
        if isinstance(conference, BridgeConference):
            self.start_conference.clicked.connect(conference.start)
            self.call_back.clicked.connect(conference.call_customer_back)
            conference.sig_live_changed.connect(self._live_changed)
            conference.sig_bridge_lost.connect(self._bridge_lost)

    def _live_changed(self, live: bool) -> None:
        self.start_conference.setVisible(not live)
        if live:  # (and what a failed start said is over)
            self.call_back.hide()
            self.message.clear()

    def _bridge_lost(self, number: str) -> None:
        if number:
            self.call_back.setText(self.tr("Call %s back") % number)
            self.call_back.show()

    def _muted(self, muted: bool) -> None:
        self.mute.setText(self.tr("Unmute") if muted else self.tr("Mute"))
        self.conference.set_muted(muted)

    def _tick(self) -> None:
        for row in self._rows.values():
            if row.entry.leg.state is LegState.CONNECTED:
                row.tick()
