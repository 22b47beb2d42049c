"""The form of a resolved case: its real resolution, read-only (remedies, costs, the five
steps, how the customer felt, the follow-up), and who resolved it and when.

When the case on the form is resolved by someone else while the advocate types (their
resolution arrives by sync), what she typed is kept as the case's draft, and she chooses
to add it to the case as a note or to discard it. Store work runs on the form's queue.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from advocate_console.domain import Case, History, Resolution
from advocate_console.domain.resolutions import ResolutionEntry

from .resolved_panel import ResolvedPanel, entry_in_words, summary_changed
from .two_advocates import draft_of

if TYPE_CHECKING:
    from ..resolution_form import ResolutionForm


def case_to_show(history: History, case_id: uuid.UUID | None, shown: Case | None) -> Case | None:
    """The case of ``history`` the form works on: ``case_id``; without one, the open case
    it shows (``shown``, even when resolved meanwhile by someone else), else the newest open."""
    if case_id is not None:
        return next((c for c in history.cases if c.id == case_id), None)
    if shown is not None and shown.status.is_open:
        kept = next((c for c in history.cases if c.id == shown.id), None)
        if kept is not None:
            return kept
    open_cases = [c for c in history.cases if c.status.is_open]
    return max(open_cases, key=lambda c: c.opened_at) if open_cases else None


def standing_resolution(history: History, case: Case) -> Resolution | None:
    """How ``case`` stands resolved: the server's resolution of it before one only this
    laptop holds (a second one, refused), the newest first."""
    mine = [r for r in history.resolutions if r.case_id == case.id and r.stands]
    mine.sort(key=lambda r: (r.author_id is not None, r.resolved_at), reverse=True)
    return mine[0] if mine else None


def resolved_entry(history: History, case: Case, resolution: Resolution | None) -> ResolutionEntry:
    """The form's entry for a resolved case, as it was resolved (its follow-up and card
    too); the case's problem alone when its resolution is not here yet."""
    if resolution is None:
        return ResolutionEntry.of_case(case)
    follow_ups = sorted(
        (f for f in history.follow_ups if f.case_id == case.id), key=lambda f: f.due_at
    )
    entry = draft_of(resolution, case)
    return entry.model_copy(
        update={
            "follow_up": bool(follow_ups),
            "follow_up_at": follow_ups[-1].due_at if follow_ups else None,
            "follow_up_reason": follow_ups[-1].reason if follow_ups else "",
            "send_card": any(c.case_id == case.id for c in history.cards),
        }
    )


class FormResolved(QObject):
    """Shows a resolved case on the form, and carries out the advocate's choice about
    what she typed of it unsaved."""

    def __init__(self, form: ResolutionForm) -> None:
        super().__init__(form)
        self.form = form
        self.panel = ResolvedPanel()
        self.case: Case | None = None
        """The resolved case the panel speaks of."""
        self.resolution: Resolution | None = None
        self.mine: ResolutionEntry | None = None
        """What the advocate typed of it, never saved, kept as its draft."""
        self.panel.sig_keep_as_note.connect(self._keep_as_note)
        self.panel.sig_discard.connect(self._discard)

    def show_case(self, history: History | None, case: Case | None, *, focus=False) -> None:
        """The form shows ``case`` now: when resolved, its resolution (read-only) and who
        resolved it; a draft of it kept unsaved is read off the UI thread and offered
        (``focus``: the advocate was typing on the form, the choice takes the cursor)."""
        if history is None or case is None or case.status.is_open:
            self.case = self.resolution = self.mine = None
            self.panel.hide()
            return
        self.case, self.mine = case, None
        self.resolution = standing_resolution(history, case)
        self._show_entry(history, case)
        self.panel.show_resolved(case, self.resolution, None)
        work, crossings, case_id = self.form.work, self.form.crossings, case.id

        def kept() -> ResolutionEntry | None:
            # A crossed resolution's draft is offered by its own panel (crossed.py).
            if crossings is not None and crossings.of_case(case_id) is not None:
                return None
            return work.draft(case_id)

        self.form.run(kept, lambda entry: self._kept(case, entry, focus))

    def arrived(self, history: History, case: Case) -> None:
        """The open case on the form arrived resolved (someone else's resolution came by
        sync): what is typed is kept as its draft, and the form says who resolved it."""
        form = self.form
        typing = form.isAncestorOf(QApplication.focusWidget())
        form.draft.keep()  # (written before show_case reads it back: one queue)
        form.draft.dirty = form.checking = False
        form.case = case
        form.show_problems([])
        form.status.clear()
        form.header.show_case(history, case)
        form.set_enabled(False)
        form.suggest()
        form.two_advocates.show_case(history, case)
        self.show_case(history, case, focus=typing)
        form.sig_resolved_elsewhere.emit(case.id)

    def read_again(self, history: History, case: Case) -> None:
        """The form's case was read again (after a sync): resolved meanwhile by someone
        else, see :meth:`arrived`; resolved before, its resolution is shown when it had not
        arrived with the case."""
        form = self.form
        was_open = form.case is not None and form.case.status.is_open
        if was_open and not case.status.is_open and not form.saving.busy:
            self.arrived(history, case)  # (a save on its way says so when refused)
            return
        form.case = case
        form.two_advocates.show_case(history, case)
        if self.case is None or self.case.id != case.id or self.resolution is not None:
            return
        self.resolution = standing_resolution(history, case)
        if self.resolution is not None:
            self._show_entry(history, case)
            self.panel.show_resolved(case, self.resolution, self.mine)

    def _show_entry(self, history: History, case: Case) -> None:
        self.form.show_entry(resolved_entry(history, case, self.resolution))
        self.form.set_enabled(False)  # (ticking a remedy or a follow-up enables its fields)

    def _kept(self, case: Case, entry: ResolutionEntry | None, focus: bool) -> None:
        if entry is None or self.case is None or self.case.id != case.id:
            return
        self.mine = entry
        self.panel.show_resolved(case, self.resolution, entry)
        if focus:
            self.panel.keep_as_note.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- the advocate's choice --------------------------------------------------------------

    def _keep_as_note(self) -> None:
        case, mine = self.case, self.mine
        if case is None or mine is None:
            return
        who = self.resolution.written_by if self.resolution is not None else ""
        summary = (
            self.tr("Not saved (%1 resolved case %2 first): %3")
            .replace("%1", who or self.tr("someone else"))
            .replace("%2", case.number)
            .replace("%3", entry_in_words(mine) or self.tr("(nothing)"))
        )
        body = [mine.notes.strip()]
        if summary_changed(mine, case):
            body.append(self.tr("What went wrong, as typed: %s") % mine.summary.strip())
        text, work = "\n\n".join(part for part in body if part), self.form.work
        self.form.run(
            lambda: work.keep_draft_as_note(case, summary, text),
            lambda _note: self._done(case, self.tr("What you typed is on case %s as a note.")),
            self._failed,
        )

    def _discard(self) -> None:
        case = self.case
        if case is None or self.mine is None:
            return
        answer = QMessageBox.question(
            self.form,
            self.tr("Discard what you typed?"),
            self.tr("What you typed on case %s was never saved and cannot be brought back.")
            % case.number,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        work = self.form.work
        self.form.run(
            lambda: work.discard_draft(case.id),
            lambda _none: self._done(case, self.tr("What you typed on case %s is discarded.")),
            self._failed,
        )

    def _done(self, case: Case, said: str) -> None:
        self.form.sig_message.emit(said % case.number)
        if self.case is not None and self.case.id == case.id:
            had_focus = self.panel.isAncestorOf(QApplication.focusWidget())
            self.mine = None
            self.panel.show_resolved(case, self.resolution, None)
            if had_focus:
                self.form.scroll.setFocus(Qt.FocusReason.OtherFocusReason)

    def _failed(self, error: Exception) -> None:
        self.form.sig_message.emit(self.tr("Not done: %s") % error)
