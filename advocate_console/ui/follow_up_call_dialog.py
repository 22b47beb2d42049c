"""Asking how a follow-up call went before it is marked done: reached, left a message, or no
answer (then when to try again)."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from advocate_console.domain.follow_up_calls import (
    CallResult,
    RescheduleProblem,
    check_call_again,
    next_working_morning,
)

from .labels import call_result_label


class FollowUpCallDialog(QDialog):
    """How did the call go? The choice, the time to call again, and a note."""

    def __init__(
        self,
        customer_name: str,
        reason: str,
        now: datetime,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.now = now
        self.setWindowTitle(self.tr("Call with %s") % customer_name)
        self.setAccessibleName(self.tr("How the follow-up call went"))
        self.setMinimumWidth(480)  # the customer's name and the reason read in full
        question = QLabel(self.tr("How did the call with %s go?") % customer_name)
        question.setWordWrap(True)
        about = QLabel(reason)
        about.setObjectName("followUpReason")
        about.setIndent(12)
        about.setWordWrap(True)
        self._make_choices(now)
        self.note = QLineEdit()
        self.note.setAccessibleName(self.tr("Note about the call"))
        self.note.setPlaceholderText(self.tr("Note (optional)"))
        self.problem = QLabel()
        self.problem.setObjectName("fieldProblem")
        self.problem.setAccessibleName(self.tr("Why the call cannot be logged"))
        self.problem.hide()
        self.box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.box.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Log the call"))

        again = QHBoxLayout()
        again.setContentsMargins(24, 0, 0, 0)
        again.addWidget(self.call_again)
        again.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(question)
        layout.addWidget(about)
        for button in self.buttons.values():
            layout.addWidget(button)
        layout.addLayout(again)
        layout.addWidget(self.note)
        layout.addWidget(self.problem)
        layout.addWidget(self.box)

        self.results.buttonToggled.connect(lambda *_: self._show_time())
        self.box.accepted.connect(self.accept)
        self.box.rejected.connect(self.reject)
        self._show_time()

    def _make_choices(self, now: datetime) -> None:
        """Reached, left a message, or no answer with the time to call again."""
        self.results = QButtonGroup(self)
        self.buttons: dict[CallResult, QRadioButton] = {}
        mnemonics = {
            CallResult.REACHED: self.tr("&Reached them"),
            CallResult.LEFT_MESSAGE: self.tr("&Left a message"),
            CallResult.NO_ANSWER: self.tr("&No answer: call again"),
        }
        for result, text in mnemonics.items():
            button = QRadioButton(text)
            button.setAccessibleName(call_result_label(result))
            self.results.addButton(button)
            self.buttons[result] = button
        self.buttons[CallResult.REACHED].setChecked(True)
        self.call_again = QDateTimeEdit()
        self.call_again.setAccessibleName(self.tr("When to call again"))
        self.call_again.setCalendarPopup(True)
        self.call_again.setDisplayFormat("d MMM yyyy HH:mm")
        self.call_again.setDateTime(QDateTime(next_working_morning(now)))
        self.call_again.setMinimumDateTime(QDateTime(_local(now)))

    def result_chosen(self) -> CallResult:
        """What the advocate chose."""
        return next(result for result, button in self.buttons.items() if button.isChecked())

    def choose(self, result: CallResult) -> None:
        """Pick ``result`` (as a click on it would)."""
        self.buttons[result].setChecked(True)

    def call_again_at(self) -> datetime | None:
        """When to try again (only after no answer)."""
        if self.result_chosen() is not CallResult.NO_ANSWER:
            return None
        return self.call_again.dateTime().toPython().astimezone(UTC)

    def accept(self) -> None:
        """Close with the choice, unless the time to call again cannot be used."""
        try:
            check_call_again(self.result_chosen(), self.call_again_at(), self.now)
        except RescheduleProblem as problem:
            self.problem.setText(
                self.tr("Choose when to call again.")
                if problem.code == RescheduleProblem.MISSING
                else self.tr("That time has passed: choose a later one.")
            )
            self.problem.show()
            self.call_again.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        super().accept()

    def _show_time(self) -> None:
        self.call_again.setEnabled(self.result_chosen() is CallResult.NO_ANSWER)
        self.problem.hide()


def _local(moment: datetime) -> datetime:
    # QDateTime from an aware datetime keeps its zone; show it in the computer's own.
    return moment.astimezone().replace(second=0, microsecond=0)
