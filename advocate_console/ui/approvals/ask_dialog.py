"""Asking a lead to approve remedies beyond the advocate's authority: what is over, and
why the customer should have it (required: the lead decides on it)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from pydantic import ValidationError
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from advocate_console.domain.authority import Approval, Overage
from advocate_console.domain.records import Remedy

from .words import words


class AskApprovalDialog(QDialog):
    """The remedies, the limits they pass, and the reason; **Send to a lead**.

    ``make(reason)`` builds the request (the domain checks the reason); the dialog closes
    only when it could, with :attr:`approval` set.
    """

    def __init__(
        self,
        remedies: Sequence[Remedy],
        overages: Sequence[Overage],
        make: Callable[[str], Approval],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._make = make
        self.approval: Approval | None = None
        self.setWindowTitle(self.tr("Ask a lead to approve"))
        self.setAccessibleName(self.tr("Ask a lead to approve"))
        self.setMinimumWidth(520)
        what = QLabel(words().remedies(remedies))
        what.setWordWrap(True)
        what.setAccessibleName(self.tr("Remedies to approve"))
        font = what.font()
        font.setBold(True)
        what.setFont(font)
        over = QLabel(words().overages(overages))
        over.setWordWrap(True)
        over.setAccessibleName(self.tr("Limits passed"))
        prompt = QLabel(self.tr("&Why should the customer have this? (the lead reads it)"))
        self.reason = QPlainTextEdit()
        self.reason.setAccessibleName(self.tr("Reason for the lead"))
        self.reason.setTabChangesFocus(True)
        self.reason.setPlaceholderText(
            self.tr("e.g. second unit of the same model failed; a loyal customer of 12 years")
        )
        prompt.setBuddy(self.reason)
        self.problem = QLabel()
        self.problem.setObjectName("fieldProblem")
        self.problem.setWordWrap(True)
        self.problem.setAccessibleName(self.tr("Problem with the reason"))
        self.problem.hide()
        self.box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.send_button = self.box.button(QDialogButtonBox.StandardButton.Ok)
        self.send_button.setText(self.tr("&Send to a lead"))
        layout = QVBoxLayout(self)
        for widget in (what, over, prompt, self.reason, self.problem, self.box):
            layout.addWidget(widget)
        self.box.accepted.connect(self.accept)
        self.box.rejected.connect(self.reject)
        self.reason.textChanged.connect(self.problem.hide)
        self.reason.setFocus(Qt.FocusReason.OtherFocusReason)

    def accept(self) -> None:
        """Close with the request, unless the reason is missing or too long (said in red)."""
        text = self.reason.toPlainText().strip()
        problem = None
        if not text:
            problem = self.tr("Say why: the lead decides on it.")
        else:
            try:
                self.approval = self._make(text)
            except ValidationError as error:
                kinds = {item["type"] for item in error.errors()}
                problem = (
                    self.tr("The reason is too long: shorten it.")
                    if "string_too_long" in kinds
                    else self.tr("The request cannot be made: %s") % error.errors()[0]["msg"]
                )
        if problem is not None:
            self.problem.setText(problem)
            self.problem.show()
            self.reason.setAccessibleDescription(problem)
            self.reason.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        super().accept()
