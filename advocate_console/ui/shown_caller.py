"""The caller on screen: which customer and case the window shows, their history loaded
off the UI thread and put on the history panel, the resolution form and the dial-out
list; and, when a search finds somebody else or nobody, the banner saying the screen
still shows the caller before."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from advocate_console.store.early_records import EarlyHistory
from advocate_console.tasks import run_task

if TYPE_CHECKING:
    from PySide6.QtWidgets import QSplitter, QWidget

    from advocate_console.domain import History

    from .caller_bar import CallerBar
    from .dial_out_panel import DialOutPanel
    from .history_panel import HistoryPanel
    from .resolution_form import ResolutionForm
    from .stale_banner import StaleBanner


class ShownCaller(QObject):
    """One customer (and the case worked on) shown on every panel at once."""

    sig_history_shown = Signal(object)
    """The history panel now shows this customer id."""
    sig_message = Signal(str)
    """A line for the status bar."""

    def __init__(
        self,
        screen: QWidget,
        caller_bar: CallerBar,
        history: HistoryPanel,
        stale: StaleBanner,
        columns: QSplitter,
    ) -> None:
        super().__init__(screen)
        self._screen = screen  # what "shown" is measured against (the window)
        self.caller_bar = caller_bar
        self.history = history
        self.stale = stale
        self.columns = columns
        self.form: ResolutionForm | None = None
        self.dial_out: DialOutPanel | None = None
        self.customer_id: uuid.UUID | None = None
        self.case_id: uuid.UUID | None = None  # the case the form works on, when chosen
        caller_bar.sig_history_found.connect(self._history_found)
        caller_bar.sig_caller_chosen.connect(self.show)
        caller_bar.sig_search_finished.connect(self._search_finished)
        caller_bar.sig_search_cancelled.connect(self.back_to_shown)
        history.sig_case_chosen.connect(self.work_on_case)

    # -- the panels that show them, as they arrive ---------------------------------------

    def use_form(self, form: ResolutionForm) -> None:
        """The resolution form, shown the caller at once when there is one."""
        self.form = form
        form.sig_saved.connect(self.work_on_case)  # the resolved case stays on the form
        form.sig_case_opened.connect(self._case_opened)
        form.sig_resolved_elsewhere.connect(self._stay_on_case)
        if _in_full(self.history.history):
            form.show_history(self.history.history, self.case_id)

    def use_dial_out(self, dial_out: DialOutPanel) -> None:
        """The dial-out list, ranked for the shown case (unless a search hides it)."""
        self.dial_out = dial_out
        if self.history.history is not None and not self.stale.isVisible():
            self._rank_for(self.history.history)

    def read_in_full(self) -> None:
        """The store is open in full: a caller shown from its bare file (a restart's first
        answer, read without the records' classes) is read again as records."""
        shown, directory = self.history.history, self.caller_bar.directory
        if shown is None or _in_full(shown) or directory is None or directory.early:
            return
        self._read_history(shown.customer.id, self._read_again)

    # -- what the advocate does ----------------------------------------------------------

    def show(self, customer_id: uuid.UUID, case_id: uuid.UUID | None = None) -> None:
        """Load and show one customer's history (off the UI thread); the form works on
        ``case_id``, or on their newest open case."""
        directory = self.caller_bar.directory
        if directory is None or (customer_id == self.customer_id and case_id is None):
            return
        self.customer_id = customer_id
        self.case_id = case_id
        self._read_history(customer_id, self._show_history)

    def _history_failed(self, error: Exception) -> None:
        # The words of every refusal (pydantic, SQLAlchemy and the API's schemas behind
        # them) load only when one is said: the window comes up before them.
        from .reason_words import error_text

        self.sig_message.emit(self.tr("Could not load the history: %s") % error_text(error))

    def back_to_shown(self) -> None:
        """Esc after a search that found somebody else, or nobody: the shown caller is
        the one on the line after all."""
        if not self.stale.isVisible():
            return
        self._set_stale(False)
        if self.history.history is not None:
            self._rank_for(self.history.history)

    def clear(self) -> None:
        """Nobody on screen (sign-out): no name, history, case or ranking is left."""
        self.customer_id = self.case_id = None
        self._set_stale(False)
        self.caller_bar.cancel()
        self.history.show_history(None)
        if self.form is not None:
            self.form.clear()
        if self.dial_out is not None:
            self.dial_out.forget_caller()

    def reload(self) -> None:
        """Read the shown caller again (after a save, a sync or a completed follow-up);
        a search that is not them (the banner) stays over the fresh history."""
        if self.caller_bar.directory is not None and self.customer_id is not None:
            self._read_history(self.customer_id, self._show_again)

    def work_on_case(self, case_id: uuid.UUID) -> None:
        """Put ``case_id`` of the shown caller on the form."""
        if self.customer_id is not None:
            self.show(self.customer_id, case_id)

    # -- inside ---------------------------------------------------------------------------

    def _read_history(self, customer_id: uuid.UUID, then: Callable[[Any], None]) -> None:
        # Off the UI thread: the caller bar's directory reads the store (or its bare file).
        directory = self.caller_bar.directory
        run_task(lambda: directory.history(customer_id), then, self._history_failed, owner=self)

    def _history_found(self, history: History) -> None:
        # Read with the search: shown now, so the sig_caller_chosen after it reads nothing.
        self.customer_id = history.customer.id
        self.case_id = None
        self._show_history(history)

    def _show_history(self, history: History | None) -> None:
        if history is None or history.customer.id != self.customer_id:
            return
        self._set_stale(False)
        self.history.show_history(history)
        if _in_full(history):
            if self.form is not None:
                self.form.show_history(history, self.case_id)
            self._rank_for(history)
        else:
            self.read_in_full()  # (when the search began before the store opened in full)
        self.sig_history_shown.emit(history.customer.id)

    def _read_again(self, history: History | None) -> None:
        # The caller shown, now as records (see read_in_full), unless read again already.
        if not _in_full(self.history.history):
            self._show_again(history)

    def _show_again(self, history: History | None) -> None:
        # The shown caller read again: the same on screen, and a search made since
        # (somebody else or nobody found) keeps its banner over them.
        if history is None or history.customer.id != self.customer_id:
            return
        self.history.show_history(history)
        if _in_full(history):
            if self.form is not None:
                self.form.show_history(history, self.case_id)
            if not self.stale.isVisibleTo(self._screen):
                self._rank_for(history)
        self.sig_history_shown.emit(history.customer.id)

    def _rank_for(self, history: History) -> None:
        if self.dial_out is not None and _in_full(history):
            self.dial_out.show_case(history, self.form.case if self.form else None)

    def _search_finished(self, matches: int) -> None:
        # One match shows itself; none or several leave the shown caller under a search
        # that is not them: say so unmistakably until a match is chosen or Esc pressed.
        if matches != 1 and self.history.history is not None:
            self._set_stale(True)

    def _set_stale(self, stale: bool) -> None:
        shown = self.history.history
        self.stale.show_for(shown.customer.display_name if stale and shown else None)
        self.columns.setEnabled(not self.stale.isVisibleTo(self._screen))
        if self.stale.isVisibleTo(self._screen) and self.dial_out is not None:
            self.dial_out.forget_caller()

    def _stay_on_case(self, case_id: uuid.UUID) -> None:
        # Resolved by someone else while on the form: read again, it stays there (not
        # "no open case"), so the advocate sees who resolved it and keeps what she typed.
        shown = self.form.history if self.form is not None else None
        if shown is not None and shown.customer.id == self.customer_id:
            self.case_id = case_id

    def _case_opened(self, case) -> None:
        self.case_id = case.id
        self.reload()


def _in_full(history: object) -> bool:
    # The form and the dial-out list work on records; a history read early (the bare
    # file's, see store/early_records.py) is only shown until it is read again.
    return history is not None and not isinstance(history, EarlyHistory)
