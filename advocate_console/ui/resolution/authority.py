"""The advocate's authority on the resolution form: what is left under the total, and
remedies beyond it turning **Save** into **Ask a lead to approve…**.

The request is kept in the local store (sent by the approvals sync, offline too); the
form stays a draft "Waiting for a lead's approval" until the decision arrives. Approved,
Save works again and the resolution carries the approval's id; denied, the lead's note
says why and the advocate changes the remedies (or asks again).
"""

from __future__ import annotations

import logging
import uuid
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from pydantic import ValidationError
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel

from advocate_console.domain.authority import Approval, Authority, Overage, covers, overages
from advocate_console.domain.records import Advocate, Remedy
from advocate_console.domain.resolutions import ResolutionEntry, remedy_of, total_cost
from advocate_console.store.approvals import ApprovalBook, ApprovalRequest
from advocate_console.tasks import run_task

from ..approvals.ask_dialog import AskApprovalDialog
from ..approvals.words import words

if TYPE_CHECKING:
    from ..resolution_form import ResolutionForm

log = logging.getLogger(__name__)


class FormAuthority(QObject):
    """Watches the form's remedies against the advocate's authority and their request."""

    sig_asked = Signal(object)
    """A request (an Approval) was kept in the store: send it now."""

    def __init__(self, form: ResolutionForm) -> None:
        super().__init__(form)
        self.form = form
        self.book: ApprovalBook | None = None
        self.me: Advocate | None = None
        self.authority: Authority | None = None
        self.request: ApprovalRequest | None = None
        """The advocate's newest request for the case on the form."""
        self.dialog: AskApprovalDialog | None = None
        self._read = 0  # the read asked for last (older answers are dropped)
        self.left = QLabel()
        self.left.setObjectName("authorityLeft")
        self.left.setAccessibleName(self.tr("Authority left"))
        self.state = QLabel()
        self.state.setObjectName("approvalState")
        self.state.setWordWrap(True)
        self.state.setTextFormat(Qt.TextFormat.PlainText)
        self.state.setAccessibleName(self.tr("Lead's approval"))
        grid = form.remedies.findChild(QGroupBox).layout()
        assert isinstance(grid, QGridLayout)
        line = grid.rowCount()
        grid.addWidget(self.left, line, 0, 1, 3, Qt.AlignmentFlag.AlignRight)
        grid.addWidget(self.state, line + 1, 0, 1, 3)
        form.remedies.sig_edited.connect(self.show)
        self.show()

    # -- what it knows ----------------------------------------------------------------------

    def use(self, book: ApprovalBook | None, me: Advocate | None) -> None:
        """Read ``me``'s authority and requests from ``book`` (None: nobody signed in)."""
        self.book, self.me = book, me
        self.refresh()

    def refresh(self) -> None:
        """Read the authority and the request for the case on the form again, off the UI
        thread (another case, or the sync brought news)."""
        self._read += 1
        read, book, me, case = self._read, self.book, self.me, self.form.case
        if book is None or me is None:
            self._show_read(read, (None, None))
            return
        case_id = case.id if case is not None else None
        run_task(
            lambda: (
                book.authority(me.id),
                book.latest_for_case(case_id, me.id) if case_id else None,
            ),
            lambda found: self._show_read(read, found),
            lambda error: log.warning("Authority not read: %s", error),
            owner=self,
        )

    def _show_read(self, read: int, found: tuple[Authority | None, ApprovalRequest | None]) -> None:
        if read != self._read:
            return
        self.authority, self.request = found
        if self.authority is not None:  # suggestions beyond it say a lead must approve
            self.form.remedies.suggested.set_authority(self.authority)
        self.show()

    # -- the remedies against it ----------------------------------------------------------------

    def remedies(self) -> list[Remedy]:
        """The ticked remedies as records (a half-typed one is left out: its own problem
        is shown when saving)."""
        found = []
        for entry in self.form.remedies.entries():
            try:
                found.append(remedy_of(entry))
            except ValidationError:
                continue
        return found

    def overages(self) -> list[Overage]:
        """The limits the remedies pass (none while the authority is not known)."""
        if self.authority is None or self.form.case is None:
            return []
        return overages(self.remedies(), self.authority)

    def covering(self) -> Approval | None:
        """The advocate's approved request covering the remedies on the form, if any."""
        request, case = self.request, self.form.case
        if request is None or case is None:
            return None
        approval = request.approval
        return approval if covers(approval, case.id, self.remedies()) else None

    def waiting(self) -> bool:
        """A request for exactly these remedies (or more) is waiting for a lead."""
        request, case = self.request, self.form.case
        if request is None or case is None or request.approval.status != "pending":
            return False
        if request.refused:
            return False
        asked = request.approval.model_copy(update={"status": "approved"})
        return covers(asked, case.id, self.remedies())

    def needs_approval(self) -> bool:
        """Saving needs a lead's approval first."""
        return bool(self.overages()) and self.covering() is None

    # -- showing it ---------------------------------------------------------------------------

    def show(self) -> None:
        """What is left, the request's state, and the Save button's words."""
        form = self.form
        open_case = form.case is not None and form.case.status.is_open
        authority = self.authority
        beyond = False  # the case's or the month's money, not a remedy's own limit
        if authority is None or not open_case:
            self.left.clear()
        else:
            total = total_cost(form.remedies.entries())
            self.left.setText(words().remaining(authority, total))
            beyond = total > min(authority.limits.per_case_cents, authority.left_this_month_cents)
        over = self.overages() if open_case else []
        self.left.setProperty("over", beyond)
        self.left.style().polish(self.left)
        self.state.setText(self._state_text(over) if open_case else "")
        self.state.setVisible(bool(self.state.text()))
        self.state.setProperty("tone", self._tone(over))
        self.state.style().polish(self.state)
        if not self.waiting() and form.status.text() == self.tr("Waiting for a lead's approval."):
            form.status.clear()  # decided: the state above says how, with the lead's note
        asking = bool(over) and self.covering() is None
        button = form.save_button
        button.setText(self.tr("Ask a lead to approve…") if asking else self.tr("Save resolution"))
        button.setAccessibleName(button.text())
        if asking and self.waiting() and button.isEnabled():
            button.setEnabled(False)
        elif open_case and not button.isEnabled() and not form.saving.busy:
            button.setEnabled(True)

    def _tone(self, over: list[Overage]) -> str:
        # The colour of the state line (resources/styles/45_approvals.qss).
        request = self.request
        if request is not None and request.approval.status != "pending":
            return request.approval.status
        return "waiting" if over and self.waiting() else "over"

    def _state_text(self, over: list[Overage]) -> str:
        request = self.request
        if request is not None and request.approval.status != "pending":
            text = words().decision(request.approval)
            if request.approval.status == "denied":
                text += " " + self.tr("Change the remedies, or ask again.")
            elif over and self.covering() is None:
                text += " " + self.tr("The remedies now go beyond what was approved.")
            return text
        if over and self.waiting():
            assert request is not None
            if request.unsent and request.problem:
                return self.tr(
                    "Waiting for a lead's approval; the request is sent when the "
                    "connection is back."
                )
            if request.unsent:
                return self.tr("Waiting for a lead's approval; sending the request…")
            return words().decision(request.approval)
        if request is not None and request.refused:
            return self.tr("The request was refused: %s") % request.problem
        if over:
            return words().overages(over)
        return ""

    # -- asking ---------------------------------------------------------------------------------

    def ask(self) -> None:
        """**Ask a lead to approve…**: the reason, then the request kept and sent."""
        over, case, me, book = self.overages(), self.form.case, self.me, self.book
        if not over or case is None or me is None or book is None:
            return
        history = self.form.history
        remedies = self.remedies()

        def make(reason: str) -> Approval:
            return Approval(
                id=uuid.uuid4(),
                case_id=case.id,
                customer_id=case.customer_id,
                remedies=remedies,
                reason=reason,
                status="pending",
                requester_id=me.id,
                requester_name=me.display_name,
                created_at=datetime.now(UTC),
                version=1,
                customer_name=history.customer.display_name if history else "",
                case_title=f"{case.number} · {case.summary or case.category}"[:200],
                lifetime_value_cents=history.customer.lifetime_value_cents if history else 0,
            )

        dialog = self.dialog = AskApprovalDialog(remedies, over, make, self.form)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._asked(dialog.approval))
        dialog.open()

    def _asked(self, approval: Approval | None) -> None:
        book = self.book
        if approval is None or book is None:
            return
        self.form.keep_draft()  # the resolution stays a draft meanwhile
        run_task(
            lambda: book.ask(approval),
            self._kept,
            lambda error: self.form.status.setText(
                self.tr("The request could not be kept: %s") % error
            ),
            owner=self,
        )

    def _kept(self, request: ApprovalRequest) -> None:
        self._read += 1  # a read asked for before this may not have the request: dropped
        self.request = request
        self.form.status.setText(self.tr("Waiting for a lead's approval."))
        self.show()
        self.sig_asked.emit(request.approval)

    def stamp(self, entry: ResolutionEntry) -> ResolutionEntry:
        """``entry`` with the approval that covers its remedies (if one is needed)."""
        approval = self.covering() if self.overages() else None
        return entry.model_copy(update={"approval_id": approval.id if approval else None})
