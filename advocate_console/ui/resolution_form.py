"""The resolution form of the current case: what went wrong, what was done and what it
cost, the five steps, the customer's delight, a follow-up and a thank-you card.

Rules live in :mod:`advocate_console.domain.resolutions`; this widget only shows them next
to the fields. Every store call runs on the form's own SerialQueue, so a draft write and
the save that follows it reach the store in the order they were made (the draft and the
save are :mod:`.resolution.draft` and :mod:`.resolution.saving`).
"""

from __future__ import annotations

import itertools
import uuid
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QVBoxLayout, QWidget

from advocate_console.cards import TemplateBook, default_book
from advocate_console.domain import CASE_CATEGORIES, Case, History
from advocate_console.domain.resolutions import RemedyEntry, ResolutionEntry, problems_with
from advocate_console.domain.validation import Problem
from advocate_console.store.crossed import CrossedResolutions
from advocate_console.store.resolutions import CaseWork
from advocate_console.store.suggestions import RemedyAdvisor
from advocate_console.tasks import SerialQueue

from .problem_labels import problem_text
from .reason_words import error_text
from .resolution.authority import FormAuthority
from .resolution.column import SectionColumn
from .resolution.draft import FormDraft
from .resolution.follow_up import FollowUpSection
from .resolution.header import CaseHeader
from .resolution.outcome import OutcomeSection
from .resolution.problem import ProblemSection
from .resolution.remedies import RemediesSection
from .resolution.resolved import FormResolved, case_to_show
from .resolution.save_bar import SaveBar
from .resolution.saving import FormSaving
from .resolution.section import Section, show_problems
from .resolution.steps import StepsSection
from .resolution.two_advocates import TwoAdvocates


class ResolutionForm(QWidget):
    """Records how the current case was resolved; keeps a draft as the advocate types.

    A thin composition of its sections (:mod:`advocate_console.ui.resolution`): it shows
    a case on them, reads the entry back, puts each problem next to its field, and saves.
    """

    sig_saved = Signal(object)
    """The resolution of this case (a case id) was saved locally and queued for the server."""
    sig_card_drafted = Signal(object)
    """A thank-you card (its id) was drafted with the resolution: open it in the editor."""
    sig_case_opened = Signal(object)
    """A new case (a Case) was opened for the caller."""
    sig_suggested = Signal(object)
    """Suggestions (a list) were read for the case on the form and are shown."""
    sig_draft_kept = Signal(object)
    """The form's draft of this case (a case id) was written to the local store."""
    sig_draft_restored = Signal(object)
    """A draft kept earlier for this case (a case id) is back on the form."""
    sig_message = Signal(str)
    """A line for the status bar."""
    sig_reopened = Signal(object)
    """The advocate reopened this case (a case id) on the server: time to sync."""
    sig_resolved_elsewhere = Signal(object)
    """The open case on the form (a case id) came resolved by someone else; it stays."""

    def __init__(
        self,
        work: CaseWork,
        book: TemplateBook | None = None,
        parent: QWidget | None = None,
        crossings: CrossedResolutions | None = None,
    ) -> None:
        super().__init__(parent)
        self.work = work
        self.crossings = crossings
        self.two_advocates = TwoAdvocates(self)
        self.resolved = FormResolved(self)
        self.book = book or default_book()
        self.history: History | None = None
        self.case: Case | None = None
        self._loading = False
        self.checking = False
        """A save was refused: the problems follow what the advocate types."""
        # In order: a draft write never lands after the save that made it obsolete.
        self._queue = SerialQueue()

        self.problem = ProblemSection()
        self.remedies = RemediesSection()
        self.steps = StepsSection()
        self.outcome = OutcomeSection()
        self.follow_up = FollowUpSection(work.now)
        self.sections: list[Section] = [
            self.problem,
            self.remedies,
            self.steps,
            self.outcome,
            self.follow_up,
        ]
        self._build()
        self.draft = FormDraft(self)
        self.saving = FormSaving(self)
        self.authority = FormAuthority(self)  # what is left; Save asks a lead when over
        self._shortcut("Ctrl+S", self.save, self.tr("Save the resolution"))
        self._shortcut("Ctrl+Shift+F", self.schedule_follow_up, self.tr("Schedule a follow-up"))
        chain = [self.header.open_button, *self._inputs(), self.save_button]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)
        for section in self.sections:
            section.sig_edited.connect(self._edited)
        self.set_enabled(False)
        suggested = self.remedies.suggested
        suggested.sig_suggested.connect(self.sig_suggested)
        suggested.sig_rules_refused.connect(
            lambda problem: self.sig_message.emit(
                self.tr("Suggestion rules not used: %s") % problem
            )
        )
        self.use_advisor(RemedyAdvisor(work.store, clock=work.now))

    # -- building --------------------------------------------------------------------------

    def _build(self) -> None:
        self.header = CaseHeader()
        self.header.open_button.clicked.connect(self.open_case)
        self.save_bar = SaveBar(self.two_advocates.reopen_button)
        self.status = self.save_bar.status
        self.save_button = self.save_bar.save_button
        self.save_button.clicked.connect(self.save)
        self.scroll = SectionColumn(self.sections)
        self.scroll.setAccessibleName(self.tr("Resolution form"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.header)
        layout.addWidget(self.two_advocates.also_here)
        layout.addWidget(self.two_advocates.panel)
        layout.addWidget(self.resolved.panel)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.save_bar)

    def _shortcut(self, keys: str, slot: Callable[[], Any], text: str) -> None:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slot)
        self.addAction(action)

    def _inputs(self) -> list[QWidget]:
        """Every input, in the order they are on screen (the tab order)."""
        return [widget for section in self.sections for widget in section.inputs()]

    # -- showing a case --------------------------------------------------------------------

    def show_history(self, history: History, case_id: uuid.UUID | None = None) -> None:
        """Work on ``case_id`` of this caller (when None: the open case on the form, else
        their newest open case)."""
        case = case_to_show(history, case_id, self.case)
        same = self.case is not None and case is not None and case.id == self.case.id
        self.history = history
        if same:  # the history was read again (after a sync): keep what is typed
            if case.status.is_open and not self.case.status.is_open:  # reopened meanwhile
                self.case = None
                self.show_history(history, case.id)
                return
            self.resolved.read_again(history, case)  # (resolved meanwhile: says by whom)
            return
        self.draft.keep_pending()
        self.case = case
        self.scroll.scroll_to_top()  # another case starts at its top
        self._loading = True
        self.problem.fill_products(history)
        self._loading = False
        self.show_entry(ResolutionEntry.of_case(case) if case else None)
        self.draft.dirty = False
        self.checking = False
        self.show_problems([])
        self.status.clear()
        self.header.show_case(self.history, self.case)
        self.suggest()
        self.set_enabled(case is not None and case.status.is_open)
        self.two_advocates.show_case(history, case)
        self.resolved.show_case(history, case)  # a resolved case: as it was resolved
        if case is not None and case.status.is_open:
            self.draft.load(case.id)

    def clear(self) -> None:
        """No caller: keep what was typed as a draft, then empty the form."""
        self.draft.keep_pending()
        self.history = self.case = None
        self.suggest()
        self.show_entry(None)
        self.show_problems([])
        self.status.clear()
        self.header.show_case(None, None)
        self.two_advocates.show_case(None, None)
        self.resolved.show_case(None, None)
        self.set_enabled(False)

    def show_entry(self, entry: ResolutionEntry | None) -> None:
        """Put ``entry`` on the sections (None: empty them), as shown, not as typed."""
        self._loading = True
        try:
            for section in self.sections:
                section.show_entry(entry)
        finally:
            self._loading = False

    def set_enabled(self, on: bool) -> None:
        """Let the advocate edit the form (an open case) or not."""
        for section in self.sections:
            section.set_enabled(on)
        # With no open case the problem can still be described, to open one.
        no_case = self.history is not None and self.case is None
        self.problem.set_enabled(on or no_case)
        self.save_button.setEnabled(on and not self.saving.busy)
        self.authority.show()

    # -- reading the form ------------------------------------------------------------------

    def entry(self) -> ResolutionEntry | None:
        """What is on the form now (None without a case)."""
        if self.case is None:
            return None
        values: dict[str, Any] = {"case_id": self.case.id}
        for section in self.sections:
            values |= section.read()
        return ResolutionEntry(**values)

    def _edited(self) -> None:
        if self._loading or self.case is None or not self.case.status.is_open:
            return
        self.draft.edited()
        if self.checking:
            self.show_problems(self.problems())

    # -- problems --------------------------------------------------------------------------

    def problems(self) -> list[Problem]:
        """What stops the form from being saved now."""
        entry = self.entry()
        if entry is None or self.case is None:
            return []
        return problems_with(entry, self.case, self.work.now())

    def show_problems(self, problems: list[Problem]) -> list[QWidget]:
        """Each problem beside its field, the rest beside Save; the fields with one."""
        fields, general = show_problems(self.sections, problems)
        if general:
            self.status.setText("\n".join(problem_text(problem) for problem in general))
        return fields

    # -- actions ---------------------------------------------------------------------------

    def schedule_follow_up(self) -> None:
        """Tick "schedule a follow-up" and put the cursor on its date (Ctrl+Shift+F)."""
        if self.case is None or not self.case.status.is_open:
            return
        self.follow_up.wanted.setChecked(True)
        self.follow_up.at.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def save(self) -> None:
        """Check the form; when it is complete, save it off the UI thread (Ctrl+S)."""
        self.saving.save()

    def open_case(self) -> None:
        """Open a new case for the caller with the problem as described."""
        history = self.history
        if history is None or self.case is not None or not (summary := self.problem.summary_said()):
            return
        category = self.problem.category.currentData() or CASE_CATEGORIES[0]
        product_id = self.problem.product_id()
        work = self.work
        self.header.open_button.setEnabled(False)
        self.run(
            lambda: work.open_case(
                history.customer.id, category, product_id=product_id, summary=summary
            ),
            self._case_opened,
            self._open_failed,
        )

    def _case_opened(self, case: Case) -> None:
        self.header.open_button.setEnabled(True)
        if self.history is None or case.customer_id != self.history.customer.id:
            return
        self.case = case
        self.header.show_case(self.history, self.case)
        self.set_enabled(True)
        self.suggest()
        self.sig_case_opened.emit(case)
        self.problem.category.setFocus()

    def _open_failed(self, error: Exception) -> None:
        self.header.open_button.setEnabled(True)
        self.status.setText(self.tr("Could not open a case: %s") % error_text(error))

    # -- suggested remedies -----------------------------------------------------------------

    def apply_remedies(self, remedies: list[RemedyEntry] | tuple[RemedyEntry, ...]) -> None:
        """Tick and fill exactly ``remedies`` on the form (as typed: the draft follows)."""
        if self.case is None or not self.case.status.is_open:
            return
        self.remedies.apply(remedies)

    def use_advisor(self, advisor: RemedyAdvisor) -> None:
        """Suggest with ``advisor``; its rules are read now (at start-up), so a mistake in
        the file is said at once, not at a call."""
        self.remedies.suggested.use(advisor)

    def set_authority_limit(self, cents: int | None) -> None:
        """The advocate's authority per case (None: not known): suggestions over it say
        that a lead must approve them."""
        self.remedies.suggested.set_limit(cents)

    def suggest(self) -> None:
        """Read the suggestions for the open case on the form, off the UI thread."""
        self.remedies.suggested.suggest_for(self.history, self.case)
        self.authority.refresh()

    # -- drafts ----------------------------------------------------------------------------

    def keep_draft(self, wait: bool = False) -> None:
        """Write the draft now; with ``wait``, until it is on disk (the window is closing,
        and the store closes right after)."""
        self.draft.keep(wait)

    def run(
        self,
        function: Callable[[], Any],
        done: Callable[[Any], None],
        failed: Callable[[Exception], None] | None = None,
    ) -> None:
        """Run ``function`` on the form's queue (in order with its drafts and saves); the
        answer is dropped when the form is gone (window closed) by then."""
        self._queue.run_task(function, done, failed, owner=self)

    def wait_for_store(self, seconds: float) -> bool:
        """Wait until the form's queue has written everything (False: not in ``seconds``)."""
        return self._queue.wait(seconds)
