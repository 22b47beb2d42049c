"""The resolution form's part in two advocates resolving one case: when the advocate's
resolution came second, what happened and the ways on (see crossed.py); for a lead, the
reopening of a resolved case from their own console.

Store work runs on the form's queue; the reopening asks the server, off the UI thread.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QInputDialog, QMessageBox, QPushButton

from advocate_console.domain import Case, History, Resolution
from advocate_console.domain.resolutions import RemedyEntry, ResolutionEntry
from advocate_console.store.crossed import CrossedResolution
from advocate_console.tasks import run_task

from .also_here import AlsoOnCase
from .crossed import CrossedPanel, in_words

if TYPE_CHECKING:
    from ..resolution_form import ResolutionForm

Reopen = Callable[[uuid.UUID, str], Any]
"""Reopens a case on the server, saying why (the signed-in advocate's client)."""


def draft_of(resolution: Resolution, case: Case) -> ResolutionEntry:
    """The form's entry for a resolution that was not saved: kept as the case's draft."""
    return ResolutionEntry(
        case_id=case.id,
        category=case.category,
        product_id=case.product_id,
        summary=case.summary,
        remedies=[
            RemedyEntry(
                kind=r.kind,
                cost_cents=r.cost_cents,
                months=r.months,
                value_cents=r.value_cents,
                note=r.note,
            )
            for r in resolution.remedies
        ],
        steps=list(resolution.steps),
        delight=resolution.delight,
        notes=resolution.notes,
    )


class TwoAdvocates(QObject):
    """Shows who else is on the form's case, and a crossed resolution of it, and carries
    out the choice."""

    sig_case_shown = Signal(object)
    """The form shows another case now (its id), or none (None): who else is on it?"""

    def __init__(self, form: ResolutionForm) -> None:
        super().__init__(form)
        self.form = form
        self.also_here = AlsoOnCase()
        self.panel = CrossedPanel()
        self.reopen_button = QPushButton(self.tr("Reopen case…"))
        self.reopen_button.setToolTip(
            self.tr("Open this resolved case again (its resolution is kept, superseded)")
        )
        self.reopen_button.setAccessibleName(self.tr("Reopen case"))
        self.reopen_button.hide()
        self.reopen: Reopen | None = None
        self.lead = False
        self.crossed: CrossedResolution | None = None
        self._history: History | None = None
        self._case: Case | None = None
        self.panel.sig_replace.connect(self._replace)
        self.panel.sig_keep_as_note.connect(self._keep_as_note)
        self.panel.sig_discard.connect(self._discard)
        self.reopen_button.clicked.connect(lambda: self._ask_to_reopen(then=None))

    def set_signed_in(self, reopen: Reopen | None, lead: bool) -> None:
        """Who is signed in: how to reopen a case as them, and whether they lead."""
        self.reopen, self.lead = reopen, lead
        self.show_case(self._history, self._case)

    def show_case(self, history: History | None, case: Case | None) -> None:
        """The form shows ``case``: look for a crossed resolution of it (off the UI thread)."""
        shown_before = self._case.id if self._case is not None else None
        self._history, self._case = history, case
        if (case.id if case is not None else None) != shown_before:
            self.also_here.show_others([])  # until the server says who is on this one
            self.sig_case_shown.emit(case.id if case is not None else None)
        resolved = case is not None and not case.status.is_open
        self.reopen_button.setVisible(resolved and self.lead and self.reopen is not None)
        crossings = self.form.crossings
        if crossings is None or case is None:
            self._found(None, None)
            return
        case_id = case.id
        self.form.run(lambda: crossings.of_case(case_id), lambda c: self._found(case_id, c))

    def show_others(self, case_id: uuid.UUID, others: list) -> None:
        """Who else is on ``case_id`` (shown when it is still the form's case)."""
        if self._case is not None and self._case.id == case_id:
            self.also_here.show_others(others)

    def _found(self, case_id: uuid.UUID | None, crossed: CrossedResolution | None) -> None:
        if case_id is not None and (self._case is None or self._case.id != case_id):
            return  # another case is on the form by now
        first_time = crossed is not None and (
            self.crossed is None or self.crossed.entry.seq != crossed.entry.seq
        )
        self.crossed = crossed
        self.panel.show_crossed(crossed, self._case, lead=self.lead)
        if first_time:
            self._notice(crossed)

    def _notice(self, crossed: CrossedResolution) -> None:
        # Once per crossing: a note on the case for everyone (the other advocate reads it
        # in the feed), and the advocate's own resolution kept as the case's draft.
        case, history = self._case, self._history
        if case is None or history is None:
            return
        theirs_by = crossed.theirs.written_by or self.tr("someone else")
        mine_by = crossed.entry.author_name or self.tr("Another advocate")
        text = (
            self.tr("Two resolutions of case %1 crossed: %2's (%3) was not saved; %4's stands.")
            .replace("%1", case.number)
            .replace("%2", mine_by)
            .replace("%3", in_words(crossed.mine))
            .replace("%4", theirs_by)
        )
        work, crossings, draft = self.form.work, self.form.crossings, draft_of(crossed.mine, case)
        customer_id = history.customer.id

        def notice() -> bool:
            made = crossings.note_the_crossing(crossed, customer_id, text)
            if work.draft(case.id) is None:
                work.keep_draft(draft)
            return made

        said = self.tr("Your resolution of %1 was not saved: %2 resolved it first.")
        self.form.run(
            notice,
            lambda made: (
                made
                and self.form.sig_message.emit(
                    said.replace("%1", case.number).replace("%2", theirs_by)
                )
            ),
        )

    # -- the advocate's choice --------------------------------------------------------------

    def _replace(self) -> None:
        crossed, case = self.crossed, self._case
        if crossed is None or case is None:
            return
        if case.status.is_open:  # reopened already (by a lead): send it
            self._send_mine(crossed, case)
        else:
            self._ask_to_reopen(then=lambda reopened: self._send_mine(crossed, reopened))

    def _send_mine(self, crossed: CrossedResolution, case: Case) -> None:
        crossings, work = self.form.crossings, self.form.work

        def send() -> None:
            crossings.replace_theirs(crossed, case)
            work.discard_draft(case.id)

        self.form.run(send, lambda _: self._done(self.tr("Sending your resolution of %s…")))

    def _keep_as_note(self) -> None:
        crossed, case, history = self.crossed, self._case, self._history
        if crossed is None or case is None or history is None:
            return
        text = self.tr("Resolution not saved (%1's stood): %2").replace(
            "%1", crossed.theirs.written_by or self.tr("another advocate")
        )
        text = text.replace("%2", in_words(crossed.mine))
        crossings, work, customer_id = self.form.crossings, self.form.work, history.customer.id

        def keep() -> None:
            crossings.keep_as_note(crossed, customer_id, text)
            work.discard_draft(case.id)

        self.form.run(keep, lambda _: self._done(self.tr("Yours is kept as a note on %s.")))

    def _discard(self) -> None:
        crossed, case = self.crossed, self._case
        if crossed is None or case is None:
            return
        answer = QMessageBox.question(
            self.form,
            self.tr("Discard your resolution?"),
            self.tr(
                "Your resolution of %s, its timeline entry, follow-up and card will not reach"
                " the server and cannot be brought back."
            )
            % case.number,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        crossings, work = self.form.crossings, self.form.work

        def discard() -> None:
            crossings.discard(crossed)
            work.discard_draft(case.id)

        self.form.run(discard, lambda _: self._done(self.tr("Your resolution of %s is discarded.")))

    def _ask_to_reopen(self, then: Callable[[Case], None] | None) -> None:
        case, reopen = self._case, self.reopen
        if case is None or reopen is None:
            self.form.sig_message.emit(self.tr("Sign in to reopen a case (on the server)."))
            return
        reason, ok = QInputDialog.getText(
            self.form,
            self.tr("Reopen case %s") % case.number,
            self.tr("Why is it reopened? (Everyone sees this on the case.)"),
            text=self.tr("Two resolutions crossed; the second replaces the first."),
        )
        if not ok or not reason.strip():
            return
        case_id = case.id

        def reopened(now: Case) -> None:
            self.form.sig_message.emit(self.tr("Case %s reopened.") % case.number)
            self.form.sig_reopened.emit(case_id)
            if then is not None:
                then(now)

        run_task(
            lambda: reopen(case_id, reason.strip()),
            reopened,
            lambda error: self.form.sig_message.emit(
                self.tr("Case %1 was not reopened: %2")
                .replace("%1", case.number)
                .replace("%2", str(error))
            ),
            owner=self.form,
        )

    def _done(self, said: str) -> None:
        if self._case is not None:
            self.form.sig_message.emit(said % self._case.number)
        self.panel.hide()
        self.crossed = None
        self.show_case(self._history, self._case)
