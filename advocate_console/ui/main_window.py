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

from .caller_bar import CallerBar
from .history_panel import HistoryPanel
from .shown_caller import ShownCaller
from .stale_banner import StaleBanner
from .window_menus import add_menus
from .window_parts import bottom_dock, placeholder, replace_in_splitter, three_columns
from .window_state import WindowState

if TYPE_CHECKING:  # the window comes up first; these arrive with the store and the phone
    from advocate_console.cards import PrintDefaults
    from advocate_console.store import CallerDirectory
    from advocate_console.store.contacts import ContactBook
    from advocate_console.store.resources import ResourceDirectory
    from advocate_console.telephony.conference import Conference
    from advocate_console.telephony.legs import Leg

    from .approvals.dock import ApprovalsPanel
    from .call_panel import CallPanel
    from .call_room import CallRoom
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
    sig_scoreboard_requested = Signal()
    """View ▸ Scoreboard (the console opens it: it needs the store and who is signed in)."""

    def __init__(self, directory: CallerDirectory | None = None, settings: QSettings | None = None):
        super().__init__()
        self.setWindowTitle(self.tr("Advocate Console"))
        self.setObjectName("mainWindow")
        self._state = WindowState(settings)
        self.signed_in = False

        self.caller_bar = CallerBar(directory)
        self.history = HistoryPanel()
        self.form: ResolutionForm | None = None
        self.calls: CallPanel | None = None
        self.dial_out: DialOutPanel | None = None
        self.call_room: CallRoom | None = None
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
        self.scoreboard_action.triggered.connect(self.sig_scoreboard_requested)
        self.shown = ShownCaller(self, self.caller_bar, self.history, self.stale, self.splitter)
        self.shown.sig_history_shown.connect(self.sig_history_shown)
        self.shown.sig_message.connect(self.show_message)
        self.caller_bar.sig_new_contact_requested.connect(self.note_new_caller)
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
        if not directory.early:  # the store open in full: its callers read as records
            self.shown.read_in_full()

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
        self.shown.use_form(form)
        form.sig_card_drafted.connect(self._card_drafted)

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
        from .call_room import CallRoom
        from .dial_out_panel import DialOutPanel

        self.calls = CallPanel(conference)
        self.dial_out = DialOutPanel(resources, clock=clock)
        replace_in_splitter(self.right, 0, self.calls)
        self.right.addWidget(self.dial_out)
        self.right.setStretchFactor(0, 2)
        self.right.setStretchFactor(1, 5)
        self._state.restore_splitter(self.right, [110, 610])
        self.call_room = CallRoom(self.right, self.calls, self.dial_out)  # legs shown whole
        self.dial_out.sig_dial_requested.connect(
            lambda resource, ask_first: conference.dial(resource, ask_first=ask_first)
        )
        conference.sig_message.connect(lambda text: self.show_message(text, 15000))
        conference.sig_caller_ringing.connect(self._pop_caller)
        self.dial_out.sig_context_changed.connect(conference.set_context)
        # What was said of the last caller's call is not said of the next one's.
        self.dial_out.sig_context_changed.connect(lambda _context: self.calls.show_message(""))
        self.shown.use_dial_out(self.dial_out)
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

    def add_approvals(self, panel: ApprovalsPanel) -> None:
        """The lead's Approvals dock, beside the follow-ups (View ▸ Approvals)."""
        from .approvals.dock import show_approvals_dock

        show_approvals_dock(self, panel)

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
        self.shown.show(customer_id, case_id)

    def clear_caller(self) -> None:
        """Nobody on screen (sign-out): no name, history, case or ranking is left."""
        self.shown.clear()

    def reload_caller(self) -> None:
        """Read the shown caller again (after a save, a sync or a completed follow-up)."""
        self.shown.reload()

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

    def message_shown(self) -> str:
        """The line in the status bar now ("" when none)."""
        return self.statusBar().currentMessage()

    def has_card_queue(self) -> bool:
        """True once the card queue's panel is in the window (it comes after the store)."""
        return self.card_queue is not None

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

    def _contact_added(self, customer) -> None:
        self.show_message(self.tr("%s noted as a new customer") % customer.display_name, 10000)
        self.caller_bar.new_contact.hide()
        self.caller_bar.status.clear()
        self.show_caller(customer.id)

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
        if self.call_room is not None:
            self.call_room.give_back()  # the advocate's split is kept, not a call's
        self._state.save(self, [self.splitter, self.right])
        if self.form is not None:
            self.form.keep_draft(wait=True)  # mid-call: what is typed survives the close
        self.sig_closing.emit()
        super().closeEvent(event)
