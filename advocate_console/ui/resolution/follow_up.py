"""A follow-up call to schedule, and whether to send a thank-you card."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import (
    QCheckBox,
    QDateTimeEdit,
    QFormLayout,
    QGroupBox,
    QLineEdit,
    QVBoxLayout,
)

from advocate_console.domain.follow_up_calls import next_working_morning
from advocate_console.domain.resolutions import ResolutionEntry

from ..fields import problem_label
from .section import Section, add_row


class FollowUpSection(Section):
    """Schedule a follow-up (when, what for) and draft a thank-you card with the save."""

    def __init__(self, now: Callable[[], datetime], parent=None) -> None:
        super().__init__(parent)
        self._now = now
        self.wanted = QGroupBox(self.tr("Schedule a &follow-up call"))
        self.wanted.setAccessibleName(self.tr("Schedule a follow-up call"))
        self.wanted.setCheckable(True)
        self.wanted.setChecked(False)
        self.at = QDateTimeEdit()
        self.at.setCalendarPopup(True)
        self.at.setDisplayFormat("ddd d MMM yyyy HH:mm")
        self.at.setAccessibleName(self.tr("Follow-up date and time"))
        self.reason = QLineEdit()
        self.reason.setAccessibleName(self.tr("Follow-up reason"))
        self.reason.setPlaceholderText(self.tr("e.g. check the replacement arrived"))
        self.at_problem = problem_label(self.tr("Problem with the follow-up time"))
        self.reason_problem = problem_label(self.tr("Problem with the follow-up reason"))
        form = QFormLayout(self.wanted)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        add_row(form, self.tr("&At"), self.at, self.at_problem)
        add_row(form, self.tr("&Reason"), self.reason, self.reason_problem)
        self.send_card = QCheckBox(self.tr("Send a &thank-you card (drafted when you save)"))
        self.send_card.setAccessibleName(self.tr("Send a thank-you card"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.wanted)
        layout.addWidget(self.send_card)
        self.watch(*self.inputs())
        self.wanted.toggled.connect(lambda _on: self._enable_when())

    def inputs(self):
        return [self.wanted, self.at, self.reason, self.send_card]

    def set_enabled(self, on: bool) -> None:
        super().set_enabled(on)
        self._enable_when()

    def _enable_when(self) -> None:
        # The time and reason only mean something once a follow-up is wanted.
        on = self.wanted.isEnabled() and self.wanted.isChecked()
        self.at.setEnabled(on)
        self.reason.setEnabled(on)

    def show_entry(self, entry: ResolutionEntry | None) -> None:
        self.wanted.setChecked(bool(entry) and entry.follow_up)
        due = entry.follow_up_at if entry and entry.follow_up_at else None
        if due is None:
            due = next_working_morning(self._now())
        self.at.setDateTime(QDateTime.fromSecsSinceEpoch(int(due.timestamp())))
        self.reason.setText(entry.follow_up_reason if entry else "")
        self.send_card.setChecked(bool(entry) and entry.send_card)

    def read(self) -> dict[str, Any]:
        return {
            "follow_up": self.wanted.isChecked(),
            "follow_up_at": datetime.fromtimestamp(self.at.dateTime().toSecsSinceEpoch(), UTC),
            "follow_up_reason": self.reason.text(),
            "send_card": self.send_card.isChecked(),
        }

    def problem_places(self):
        return {
            "follow_up_at": (self.at_problem, self.at),
            "follow_up_reason": (self.reason_problem, self.reason),
        }
