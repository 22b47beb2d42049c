"""Suggested remedies at the top of the remedies section: up to three, each with its
reason, one click (or Enter on it) to tick and fill the remedies, one to dismiss it.

The suggestions are read from the local store off the UI thread (RemedyAdvisor); what
the advocate did with each one goes back into the resolution (``suggestions``).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from advocate_console.domain import Case, History
from advocate_console.domain.authority import Authority
from advocate_console.domain.records import Remedy, SuggestionOutcome
from advocate_console.domain.resolutions import RemedyEntry, remedy_cost
from advocate_console.domain.suggestion_rules import RuleProblem
from advocate_console.domain.suggestions import MOST, Suggestion
from advocate_console.store.suggestions import RemedyAdvisor
from advocate_console.tasks import run_task

from .suggestion_words import SuggestionWords

log = logging.getLogger(__name__)


class SuggestionsRow(QWidget):
    """The suggestions for the case on the form, and what became of each."""

    sig_apply = Signal(object)
    """Fill the remedies with these (a tuple of RemedyEntry): a suggestion was taken."""
    sig_changed = Signal()
    """A suggestion was taken or dismissed: the resolution records it."""
    sig_suggested = Signal(object)
    """Suggestions (a list) were read for the case and are shown."""
    sig_rules_refused = Signal(str)
    """The rules file has a mistake (the first, in words): none of its rules is used."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Suggested remedies"))
        self.title = QLabel(self.tr("Sugg&ested"))  # Alt+E: the first suggestion's Apply
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        title_font = self.title.font()
        title_font.setBold(True)
        self.title.setFont(title_font)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setAccessibleName(self.tr("About the suggestions"))
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setVerticalSpacing(1)
        grid.setColumnStretch(0, 1)
        # MOST slots made once: they are in the form's tab order from the start.
        self.buttons: list[QPushButton] = []
        self.dismiss_buttons: list[QToolButton] = []
        self.reasons: list[QLabel] = []
        self.whats: list[QLabel] = []
        for number in range(MOST):
            self._add_slot(grid, number)
        self.title.setBuddy(self.buttons[0])
        self.words = SuggestionWords(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 6)
        layout.addWidget(self.title)
        layout.addLayout(grid)
        layout.addWidget(self.note)
        self.suggestions: list[Suggestion] = []
        self.outcomes: dict[str, SuggestionOutcome] = {}
        self._rule_problems: Sequence[RuleProblem] = ()
        self.advisor: RemedyAdvisor | None = None
        self.limit_cents: int | None = None  # the advocate's authority per case, once known
        self.authority: Authority | None = None  # all of it, once synced
        self._asked = 0  # the suggestions asked for last (older answers are dropped)
        self._for: tuple[History, Case] | None = None
        self._kept: list[SuggestionOutcome] = []  # what a draft says was done with them
        self.show_waiting(False)

    def _add_slot(self, grid: QGridLayout, number: int) -> None:
        """The line of suggestion ``number``: what it is and why, Apply and ✕ beside it."""
        what = QLabel()
        what.setWordWrap(True)
        what.setObjectName("suggestionRemedies")
        bold = what.font()
        bold.setBold(True)
        what.setFont(bold)
        reason = QLabel()
        reason.setWordWrap(True)
        reason.setObjectName("suggestionReason")
        reason.setIndent(14)
        reason.setContentsMargins(0, 0, 0, 6)  # a gap before the next suggestion
        reason.setAccessibleName(self.tr("Why suggestion %d") % (number + 1))
        button = QPushButton(self.tr("Apply"))
        button.setAccessibleName(self.tr("Apply suggestion %d") % (number + 1))
        button.setToolTip(self.tr("Tick and fill these remedies"))
        button.clicked.connect(lambda _=False, n=number: self.accept(self.suggestions[n]))
        what.setBuddy(button)
        dismiss = QToolButton()
        dismiss.setText("✕")
        dismiss.setToolTip(self.tr("Not for this case"))
        dismiss.setAccessibleName(self.tr("Dismiss suggestion %d") % (number + 1))
        dismiss.clicked.connect(lambda _=False, n=number: self.dismiss(self.suggestions[n]))
        grid.addWidget(what, number * 2, 0)
        grid.addWidget(button, number * 2, 1, 2, 1, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(dismiss, number * 2, 2, 2, 1, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(reason, number * 2 + 1, 0)
        self.whats.append(what)
        self.buttons.append(button)
        self.dismiss_buttons.append(dismiss)
        self.reasons.append(reason)

    # -- reading them ----------------------------------------------------------------------

    def use(self, advisor: RemedyAdvisor) -> None:
        """Suggest with ``advisor``; its rules are read (and checked) at once, off the UI
        thread."""
        self.advisor = advisor

        def read(problems: Sequence[RuleProblem]) -> None:
            if advisor is not self.advisor:
                return  # another advisor took over meanwhile
            self.show_rule_problems(problems)
            if problems:
                self.sig_rules_refused.emit(str(problems[0]))

        run_task(lambda: advisor.book.problems, read, owner=self)
        run_task(
            advisor.warm,
            None,
            lambda error: log.warning("Remedy outcomes not brought up to date: %s", error),
            owner=self,
        )

    def set_authority(self, authority: Authority | None) -> None:
        """The advocate's whole authority (every limit, the month's spending): a
        suggestion beyond any of it says a lead must approve it; read again."""
        if authority != self.authority:
            self.authority = authority
            if authority is not None:
                self.limit_cents = authority.limits.per_case_cents
            if self._for is not None:
                self.suggest_for(*self._for)

    def set_limit(self, cents: int | None) -> None:
        """The advocate's authority per case (None: not known); suggestions are read again."""
        if cents != self.limit_cents:
            self.limit_cents = cents
            if self._for is not None:
                self.suggest_for(*self._for)

    def suggest_for(self, history: History | None, case: Case | None) -> None:
        """Read the suggestions for ``case`` off the UI thread (none unless it is open)."""
        self._asked += 1
        asked, advisor, limit, authority = (
            self._asked,
            self.advisor,
            self.limit_cents,
            self.authority,
        )
        if advisor is None or history is None or case is None or not case.status.is_open:
            self._for = None
            self.show_waiting(False)
            return
        self._for = (history, case)
        self.show_waiting(True)
        run_task(
            lambda: advisor.suggestions(history, case, limit, authority=authority),
            lambda found: self._suggested(asked, found),
            lambda error: self._suggested(asked, [], error),
            owner=self,
        )

    def _suggested(
        self, asked: int, found: list[Suggestion], error: Exception | None = None
    ) -> None:
        if asked != self._asked:
            return  # another case is on the form by now
        if error is not None:
            log.warning("Suggested remedies could not be read: %s", error)
        self.show_suggestions(found, self._kept)
        self.sig_suggested.emit(found)

    # -- what is shown ---------------------------------------------------------------------

    def show_waiting(self, waiting: bool = True) -> None:
        """No suggestions yet: reading them (``waiting``), or no case on the form."""
        self.show_suggestions([])
        if waiting:
            self.note.setText(self.tr("Looking for suggestions…"))
            self.note.show()
        self.setVisible(waiting or bool(self._rule_problems))

    def show_suggestions(
        self,
        suggestions: Sequence[Suggestion],
        kept: Sequence[SuggestionOutcome] = (),
    ) -> None:
        """Show ``suggestions``; ``kept``: what the draft says was done with them before."""
        self.suggestions = list(suggestions)[:MOST]
        before = {item.rule: item for item in kept}
        self.outcomes = {}
        for suggestion in self.suggestions:
            self.outcomes[suggestion.rule] = before.get(suggestion.rule) or SuggestionOutcome(
                rule=suggestion.rule, remedies=[_remedy(r) for r in suggestion.remedies]
            )
        for number in range(MOST):
            shown = number < len(self.suggestions)
            for widget in (
                self.whats[number],
                self.buttons[number],
                self.dismiss_buttons[number],
                self.reasons[number],
            ):
                widget.setVisible(shown)
            if shown:
                self._fill(number, self.suggestions[number])
        self._say_note()
        self.setVisible(bool(self.suggestions) or bool(self._rule_problems))

    def show_rule_problems(self, problems: Sequence[RuleProblem]) -> None:
        """The rules file could not be used: say so, with the first problem."""
        self._rule_problems = problems
        self._say_note()
        if problems:
            self.show()

    def _say_note(self) -> None:
        text = ""
        if self._rule_problems:
            text = self.tr(
                "Suggestion rules not used, %n problem(s) in the file: %s",
                "",
                len(self._rule_problems),
            ) % str(self._rule_problems[0])
        self.note.setText(text)
        self.note.setVisible(bool(text))

    def _fill(self, number: int, suggestion: Suggestion) -> None:
        what = self.words.describe(suggestion.remedies)
        self.whats[number].setText(f"{number + 1}. {what}")
        self.buttons[number].setAccessibleName(
            self.tr("Apply suggestion %d: %s") % (number + 1, what)
        )
        self.reasons[number].setText(self.words.reason(suggestion))
        self._show_outcome(suggestion)

    # -- what the advocate does ------------------------------------------------------------

    def accept(self, suggestion: Suggestion) -> None:
        """Apply the suggestion's remedies and note that it was taken."""
        self._set_outcome(suggestion, "accepted")
        self.sig_apply.emit(suggestion.remedies)

    def dismiss(self, suggestion: Suggestion) -> None:
        """Note that the suggestion is not for this case, and dim it."""
        self._set_outcome(suggestion, "dismissed")

    def _set_outcome(self, suggestion: Suggestion, outcome: str) -> None:
        if suggestion.rule not in self.outcomes:
            return
        self.outcomes[suggestion.rule] = self.outcomes[suggestion.rule].model_copy(
            update={"outcome": outcome}
        )
        self._show_outcome(suggestion)
        self.sig_changed.emit()

    def _show_outcome(self, suggestion: Suggestion) -> None:
        number = self.suggestions.index(suggestion)
        outcome = self.outcomes[suggestion.rule].outcome
        self.buttons[number].setEnabled(outcome != "dismissed")
        self.buttons[number].setText(
            self.tr("✓ Applied") if outcome == "accepted" else self.tr("Apply")
        )
        self.dismiss_buttons[number].setEnabled(outcome == "shown")
        self.whats[number].setEnabled(outcome != "dismissed")
        self.reasons[number].setEnabled(outcome != "dismissed")

    def keep(self, outcomes: Sequence[SuggestionOutcome]) -> None:
        """What a draft (or a cleared form) says became of the suggestions: shown on them."""
        self._kept = list(outcomes)
        if self.suggestions:  # a draft restored after they were read
            self.show_suggestions(self.suggestions, self._kept)

    def recorded(self) -> list[SuggestionOutcome]:
        """What became of each suggestion shown, for the resolution (until they are read,
        what the draft said)."""
        if not self.suggestions:
            return list(self._kept)
        return [self.outcomes[s.rule] for s in self.suggestions]

    def inputs(self) -> list[QWidget]:
        """Its buttons, in the order they are on screen (the tab order)."""
        return [w for pair in zip(self.buttons, self.dismiss_buttons, strict=True) for w in pair]


def _remedy(entry: RemedyEntry) -> Remedy:
    return Remedy(
        kind=entry.kind,
        cost_cents=remedy_cost(entry),
        months=entry.months,
        value_cents=entry.value_cents,
        note=entry.note,
    )
