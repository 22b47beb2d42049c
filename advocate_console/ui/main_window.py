"""The one screen: caller bar on top; below it the caller's history on the left, the
resolution form in the middle, the call and the people to bring in on the right; the
follow-ups and the card queue in docks; sync and phone status at the bottom."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Signal
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QStatusBar,
    QVBoxLayout,
    QWidget,
)

from advocate_console.tasks import run_task

from .caller_bar import CallerBar
from .history_panel import HistoryPanel
from .stale_banner import StaleBanner
from .window_menus import add_menus
from .window_parts import bottom_dock, placeholder, replace_in_splitter, three_columns
from .window_state import WindowState

if TYPE_CHECKING:  # the window comes up first; these arrive with the store and the phone
    from advocate_console.cards import PrintDefaults
    from advocate_console.domain import History
    from advocate_console.store import CallerDirectory
    from advocate_console.store.contacts import ContactBook
    from advocate_console.store.resources import ResourceDirectory
    from advocate_console.telephony.conference import Conference
    from advocate_console.telephony.legs import Leg

    from .call_panel import CallPanel
    from .card_editor import CardEditor
    from .card_queue_panel import CardQueuePanel
    from .dial_out_panel import DialOutPanel
    from .follow_ups_panel import FollowUpsPanel
    from .new_contact_dialog import NewContactDialog
    from .resolution_form import ResolutionForm
    from .status_bar import ConsoleStatusBar

DEFAULT_SIZES = (360, 440, 480)
"""Column widths at the default 1280 pixels (they grow in proportion) until the advocate
moves the splitters: the resolution form in the middle gets the most."""


class MainWindow(QMainWindow):
    """Everything an advocate needs during a call, on one screen."""

    sig_history_shown = Signal(object)
    """The history panel now shows this customer id."""
    sig_closing = Signal()
    """The window is closing: stop background work."""
    sig_sync_requested = Signal()
    """Console ▸ Sync now (F5)."""
    sig_settings_requested = Signal()
    """Console ▸ Settings (Ctrl+,)."""
    sig_sign_out_requested = Signal()
    """Console ▸ Sign out."""
    sig_sign_in_requested = Signal()
    """Console ▸ Sign in… (nobody is signed in)."""
    sig_change_password_requested = Signal()
    """Console ▸ Change password…"""
    sig_diagnostics_requested = Signal()
    """Help ▸ Save diagnostics (what it saves comes from the console: ui/diagnostics.py)."""

    def __init__(self, directory: CallerDirectory | None = None, settings: QSettings | None = None):
        super().__init__()
        self.setWindowTitle(self.tr("Advocate Console"))
        self.setObjectName("mainWindow")
        self._state = WindowState(settings)
        self._shown: uuid.UUID | None = None
        self._case_id: uuid.UUID | None = None  # the case the form works on, when chosen
        self.signed_in = False

        self.caller_bar = CallerBar(directory)
        self.history = HistoryPanel()
        self.form: ResolutionForm | None = None
        self.calls: CallPanel | None = None
        self.dial_out: DialOutPanel | None = None
        self.card_queue: CardQueuePanel | None = None
        self.card_editor: CardEditor | None = None
        self.follow_ups: FollowUpsPanel | None = None
        self.contacts: ContactBook | None = None

        # Three columns from the start, so the remembered sizes fit whatever arrives later.
        waiting = self.tr("Opening the local store…")
        self.right, self.splitter = three_columns(
            self.history,
            placeholder(waiting),
            placeholder(self.tr("The call and the people to bring in appear once you are in.")),
        )
        self.stale = StaleBanner()
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 0)
        for part, stretch in ((self.caller_bar, 0), (self.stale, 0), (self.splitter, 1)):
            layout.addWidget(part, stretch)
        self.setCentralWidget(central)
        self.connection = QLabel()
        self.connection.setAccessibleName(self.tr("Connection status"))
        self.setStatusBar(QStatusBar())
        self.statusBar().addPermanentWidget(self.connection)

        self.cards_dock = bottom_dock(self, self.tr("Card queue"), "cardsDock", waiting)
        self.follow_ups_dock = bottom_dock(self, self.tr("Follow-ups"), "followUpsDock", waiting)
        self.tabifyDockWidget(self.follow_ups_dock, self.cards_dock)

        add_menus(self)
        self.caller_bar.sig_history_found.connect(self._history_found)
        self.caller_bar.sig_caller_chosen.connect(self.show_caller)
        self.caller_bar.sig_new_contact_requested.connect(self.note_new_caller)
        self.caller_bar.sig_search_finished.connect(self._search_finished)
        self.caller_bar.sig_search_cancelled.connect(self.back_to_shown_caller)
        self.history.sig_case_chosen.connect(self._work_on_case)
        self._state.restore(self)
        self._fit_columns = not self._state.restore_splitter(self.splitter, list(DEFAULT_SIZES))

    # -- the parts, as they become ready ------------------------------------------------------

    @property
    def directory(self) -> CallerDirectory | None:
        """The store the window reads from."""
        return self.caller_bar.directory

    def set_directory(self, directory: CallerDirectory, contacts: ContactBook | None = None):
        """Read callers from ``directory`` (once the local store is open); note new
        callers in ``contacts``."""
        self.contacts = contacts
        self.caller_bar.set_directory(directory)

    def use_status_bar(self, bar: ConsoleStatusBar) -> None:
        """Show the console's status bar (sync, notices, connection) at the bottom."""
        bar.set_connection(self.connection.text())
        self.connection = bar.connection
        self.setStatusBar(bar)

    def set_print_defaults(self, defaults: PrintDefaults) -> None:
        """The printer and card stock the card queue starts from (settings changed)."""
        if self.card_queue is not None:
            self.card_queue.set_defaults(defaults)

    def add_case_work(self, form: ResolutionForm) -> None:
        """The resolution form of the caller's case, in the middle column."""
        self.form = form
        replace_in_splitter(self.splitter, 1, form)
        form.sig_message.connect(lambda text: self.show_message(text, 10000))
        form.sig_saved.connect(self._work_on_case)  # the resolved case stays on the form
        form.sig_case_opened.connect(self._case_opened)
        form.sig_card_drafted.connect(self._card_drafted)
        if self.history.history is not None:
            form.show_history(self.history.history, self._case_id)

    def add_follow_ups(self, panel: FollowUpsPanel) -> None:
        """The due and overdue follow-ups, in their dock (View ▸ Follow-ups)."""
        self.follow_ups = panel
        self.follow_ups_dock.setWidget(panel)
        panel.sig_caller_requested.connect(self.show_caller)
        panel.sig_message.connect(lambda text: self.show_message(text, 10000))
        panel.sig_completed.connect(lambda _id: self.reload_caller())
        panel.sig_refreshed.connect(self._show_follow_up_count)
        panel.refresh()

    def add_telephony(
        self,
        conference: Conference,
        resources: ResourceDirectory,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        """The call's legs and the people to bring in, on the right (``clock`` decides who
        is on shift: the real time unless a test or a demo says)."""
        from .call_panel import CallPanel
        from .dial_out_panel import DialOutPanel

        self.calls = CallPanel(conference)
        self.dial_out = DialOutPanel(resources, clock=clock)
        replace_in_splitter(self.right, 0, self.calls)
        self.right.addWidget(self.dial_out)
        self.right.setStretchFactor(0, 2)
        self.right.setStretchFactor(1, 5)
        self._state.restore_splitter(self.right, [110, 610])
        self.dial_out.sig_dial_requested.connect(
            lambda resource, ask_first: conference.dial(resource, ask_first=ask_first)
        )
        conference.sig_message.connect(lambda text: self.show_message(text, 15000))
        conference.sig_caller_ringing.connect(self._pop_caller)
        self.dial_out.sig_context_changed.connect(conference.set_context)
        if self.history.history is not None and not self.stale.isVisible():
            self.dial_out.show_case(self.history.history, self.form.case if self.form else None)
        self.dial_out.refresh()

    def add_card_queue(self, panel: CardQueuePanel, editor: CardEditor) -> None:
        """The thank-you card queue, in its dock (View ▸ Card queue), and the card editor
        that opens on a card from it."""
        self.card_queue = panel
        self.card_editor = editor
        self.cards_dock.setWidget(panel)
        panel.sig_message.connect(lambda text: self.show_message(text, 10000))
        panel.sig_edit_requested.connect(self.edit_card)
        editor.sig_card_saved.connect(lambda _card: panel.refresh())
        editor.sig_card_queued.connect(lambda _card: panel.refresh())
        editor.sig_message.connect(panel.say)  # the editor has closed: the queue confirms
        panel.refresh()

    # -- what the advocate does ---------------------------------------------------------------

    def focus_search(self) -> None:
        """Put the cursor in the caller search, selecting what is there."""
        self.caller_bar.field.setFocus()
        self.caller_bar.field.selectAll()

    def pop_caller(self, number: str) -> None:
        """A screen pop: another program (or the phone) hands over the caller's number."""
        self.caller_bar.field.setText(number)
        self.caller_bar.search_now()
        self.bring_to_front()

    def note_new_caller(self, searched: str = "") -> NewContactDialog | None:
        """Ask for a new caller's name and number, starting from what was searched."""
        if self.contacts is None:
            return None
        from .new_contact_dialog import NewContactDialog

        dialog = NewContactDialog(self.contacts, searched, self)
        dialog.sig_contact_added.connect(self._contact_added)
        dialog.open()
        return dialog

    def show_shortcuts(self) -> None:
        """Help ▸ Keyboard shortcuts (F1)."""
        from .shortcuts_dialog import ShortcutsDialog

        ShortcutsDialog(self).open()

    def bring_to_front(self) -> None:
        """Show the window above the others (a screen pop, or the console started again)."""
        if self.isMinimized():
            self.showNormal()
        self.raise_()
        self.activateWindow()

    def show_caller(self, customer_id: uuid.UUID, case_id: uuid.UUID | None = None) -> None:
        """Load and show one customer's history (off the UI thread); the form works on
        ``case_id``, or on their newest open case."""
        directory = self.directory
        if directory is None or (customer_id == self._shown and case_id is None):
            return
        self._shown = customer_id
        self._case_id = case_id
        run_task(
            lambda: directory.history(customer_id),
            self._show_history,
            lambda error: self.show_message(self.tr("Could not load the history: %s") % error),
            owner=self,
        )

    def back_to_shown_caller(self) -> None:
        """Esc after a search that found somebody else, or nobody: the shown caller is
        the one on the line after all."""
        if not self.stale.isVisible():
            return
        self._set_stale(False)
        history = self.history.history
        if history is not None and self.dial_out is not None:
            self.dial_out.show_case(history, self.form.case if self.form else None)

    def clear_caller(self) -> None:
        """Nobody on screen (sign-out): no name, history, case or ranking is left."""
        self._shown = self._case_id = None
        self._set_stale(False)
        self.caller_bar.cancel()
        self.history.show_history(None)
        if self.form is not None:
            self.form.clear()
        if self.dial_out is not None:
            self.dial_out.forget_caller()

    def reload_caller(self) -> None:
        """Read the shown caller again (after a save, a sync or a completed follow-up)."""
        shown, self._shown = self._shown, None
        if shown is not None:
            self.show_caller(shown, self._case_id)

    def edit_card(self, card_id: uuid.UUID) -> None:
        """Open the card editor (live preview) on one card."""
        if self.card_editor is None:
            return
        self.card_editor.load(card_id)
        self.card_editor.show()
        self.card_editor.raise_()

    def refresh(self) -> None:
        """Read everything shown again (after a sync brought changes)."""
        self.reload_caller()
        for panel in (self.dial_out, self.card_queue, self.follow_ups):
            if panel is not None:
                panel.refresh()

    def show_message(self, text: str, timeout_ms: int = 0) -> None:
        """A line in the status bar."""
        self.statusBar().showMessage(text, timeout_ms)

    def set_connection(self, text: str) -> None:
        """The permanent connection text at the right of the status bar."""
        self.connection.setText(text)

    def set_signed_in(self, signed_in: bool) -> None:
        """Console ▸ Sign out while someone is signed in, Console ▸ Sign in… otherwise."""
        self.signed_in = signed_in
        self.sign_out_action.setText(self.tr("Sign &out") if signed_in else self.tr("Sign &in…"))
        self.change_password_action.setEnabled(signed_in)  # a password is changed signed in

    def sign_in_or_out(self) -> None:
        """Console ▸ Sign in… or Sign out, whichever it says now."""
        (self.sig_sign_out_requested if self.signed_in else self.sig_sign_in_requested).emit()

    # -- internals ----------------------------------------------------------------------------

    def _history_found(self, history: History) -> None:
        # Read with the search: shown now, so the sig_caller_chosen after it reads nothing.
        self._shown = history.customer.id
        self._case_id = None
        self._show_history(history)

    def _show_history(self, history: History | None) -> None:
        if history is None or history.customer.id != self._shown:
            return
        self._set_stale(False)
        self.history.show_history(history)
        if self.form is not None:
            self.form.show_history(history, self._case_id)
        if self.dial_out is not None:
            self.dial_out.show_case(history, self.form.case if self.form else None)
        self.sig_history_shown.emit(history.customer.id)

    def _search_finished(self, matches: int) -> None:
        # One match shows itself; none or several leave the shown caller under a search
        # that is not them: say so unmistakably until a match is chosen or Esc pressed.
        shown = self.history.history
        if matches != 1 and shown is not None:
            self._set_stale(True)

    def _set_stale(self, stale: bool) -> None:
        shown = self.history.history
        self.stale.show_for(shown.customer.display_name if stale and shown else None)
        self.splitter.setEnabled(not self.stale.isVisibleTo(self))
        if self.stale.isVisibleTo(self) and self.dial_out is not None:
            self.dial_out.forget_caller()

    def _contact_added(self, customer) -> None:
        self.show_message(self.tr("%s noted as a new customer") % customer.display_name, 10000)
        self.caller_bar.new_contact.hide()
        self.caller_bar.status.clear()
        self.show_caller(customer.id)

    def _work_on_case(self, case_id: uuid.UUID) -> None:
        if self._shown is not None:
            self.show_caller(self._shown, case_id)

    def _case_opened(self, case) -> None:
        self._case_id = case.id
        self.reload_caller()

    def _card_drafted(self, card_id: uuid.UUID) -> None:
        if self.card_queue is not None:
            self.card_queue.refresh()
        self.edit_card(card_id)

    def _show_follow_up_count(self, _mine: int) -> None:
        self.follow_ups_dock.setWindowTitle(self.follow_ups.dock_title())

    def _pop_caller(self, leg: Leg) -> None:
        # Screen pop: the ringing customer's number goes straight into the caller bar.
        if leg.caller is not None and leg.caller.number:
            self.pop_caller(leg.caller.number)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._fit_columns:  # the first time, at the window's real size
            self._fit_columns = False
            self.centralWidget().layout().activate()
            WindowState.fit_splitter(self.splitter, list(DEFAULT_SIZES))

    def closeEvent(self, event: QCloseEvent) -> None:
        self._state.save(self, [self.splitter, self.right])
        if self.form is not None:
            self.form.keep_draft(wait=True)  # mid-call: what is typed survives the close
        self.sig_closing.emit()
        super().closeEvent(event)
