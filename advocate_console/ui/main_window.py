"""The one screen: caller bar on top; below it the caller's history on the left, the
resolution form in the middle, the call and the people to bring in on the right; the
follow-ups and the card queue in docks; sync and phone status at the bottom."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QSplitter,
    QStatusBar,
    QVBoxLayout,
    QWidget,
)

from advocate_console.tasks import run_task

from .caller_bar import CallerBar
from .history_panel import HistoryPanel

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

DEFAULT_SIZES = (470, 450, 446)
"""Column widths on a 1366-pixel laptop screen until the advocate moves the splitters."""


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
    sig_change_password_requested = Signal()
    """Console ▸ Change password…"""

    def __init__(self, directory: CallerDirectory | None = None, settings: QSettings | None = None):
        super().__init__()
        self.setWindowTitle(self.tr("Advocate Console"))
        self.setObjectName("mainWindow")
        self._settings = settings
        self._shown: uuid.UUID | None = None
        self._case_id: uuid.UUID | None = None  # the case the form works on, when chosen

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
        self.right = QSplitter(Qt.Orientation.Vertical)
        self.right.setObjectName("callSplitter")
        self.right.setChildrenCollapsible(False)
        self.right.addWidget(
            _placeholder(self.tr("The call and the people to bring in appear once you are in."))
        )
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.history)
        self.splitter.addWidget(_placeholder(self.tr("Opening the local store…")))
        self.splitter.addWidget(self.right)
        for column in range(3):
            self.splitter.setStretchFactor(column, 1)

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addWidget(self.caller_bar)
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)

        self.connection = QLabel()
        self.connection.setAccessibleName(self.tr("Connection status"))
        status = QStatusBar()
        status.addPermanentWidget(self.connection)
        self.setStatusBar(status)

        self.cards_dock = self._dock(self.tr("Card queue"), "cardsDock")
        self.follow_ups_dock = self._dock(self.tr("Follow-ups"), "followUpsDock")
        self.tabifyDockWidget(self.follow_ups_dock, self.cards_dock)

        menu = self.menuBar().addMenu(self.tr("&Console"))
        find = menu.addAction(self.tr("&Find caller"))
        find.setShortcut(QKeySequence.StandardKey.Find)
        find.triggered.connect(self.focus_search)
        self.sync_action = menu.addAction(self.tr("&Sync now"))
        self.sync_action.setShortcut(QKeySequence.StandardKey.Refresh)
        self.sync_action.triggered.connect(self.sig_sync_requested)
        self.settings_action = menu.addAction(self.tr("Se&ttings…"))
        self.settings_action.setShortcut(QKeySequence("Ctrl+,"))
        self.settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.settings_action.triggered.connect(self.sig_settings_requested)
        menu.addSeparator()
        self.change_password_action = menu.addAction(self.tr("Change &password…"))
        self.change_password_action.triggered.connect(self.sig_change_password_requested)
        self.sign_out_action = menu.addAction(self.tr("Sign &out"))
        self.sign_out_action.triggered.connect(self.sig_sign_out_requested)
        quit_action = menu.addAction(self.tr("&Quit"))
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        self.view_menu = self.menuBar().addMenu(self.tr("&View"))
        for dock, text, keys in (
            (self.follow_ups_dock, self.tr("&Follow-ups"), "Ctrl+Shift+U"),
            (self.cards_dock, self.tr("&Card queue"), "Ctrl+Shift+C"),
        ):
            action = dock.toggleViewAction()
            action.setText(text)
            action.setShortcut(QKeySequence(keys))
            self.view_menu.addAction(action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        shortcuts = help_menu.addAction(self.tr("&Keyboard shortcuts"))
        shortcuts.setShortcut(QKeySequence.StandardKey.HelpContents)
        shortcuts.triggered.connect(self.show_shortcuts)
        self.caller_bar.sig_history_found.connect(self._history_found)
        self.caller_bar.sig_caller_chosen.connect(self.show_caller)
        self.caller_bar.sig_new_contact_requested.connect(self.note_new_caller)
        self.history.sig_case_chosen.connect(self._work_on_case)
        self._restore_state()

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
        self._replace(self.splitter, 1, form)
        form.sig_message.connect(lambda text: self.show_message(text, 10000))
        form.sig_saved.connect(lambda _case_id: self.reload_caller())
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
        self._replace(self.right, 0, self.calls)
        self.right.addWidget(self.dial_out)
        self.right.setStretchFactor(0, 2)
        self.right.setStretchFactor(1, 5)
        if not self._restore_splitter(self.right):
            self.right.setSizes([150, 570])
        self.dial_out.sig_dial_requested.connect(
            lambda resource, ask_first: conference.dial(resource, ask_first=ask_first)
        )
        conference.sig_message.connect(lambda text: self.show_message(text, 15000))
        conference.sig_caller_ringing.connect(self._pop_caller)
        if self.history.history is not None:
            self._set_dial_context(self.history.history)
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
        )

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

    # -- internals ----------------------------------------------------------------------------

    def _history_found(self, history: History) -> None:
        # Read with the search: shown now, so the sig_caller_chosen after it reads nothing.
        self._shown = history.customer.id
        self._case_id = None
        self._show_history(history)

    def _show_history(self, history: History | None) -> None:
        if history is None or history.customer.id != self._shown:
            return
        self.history.show_history(history)
        if self.form is not None:
            self.form.show_history(history, self._case_id)
        self._set_dial_context(history)
        self.sig_history_shown.emit(history.customer.id)

    def _set_dial_context(self, history: History) -> None:
        # The dial-out list ranks people for the case on the form (or the newest open one).
        case = self.form.case if self.form is not None else None
        if case is None or case.customer_id != history.customer.id:
            open_cases = [c for c in history.cases if c.status.is_open]
            case = max(open_cases, key=lambda c: c.opened_at) if open_cases else None
        if case is None or self.dial_out is None or self.calls is None:
            return
        from advocate_console.store.resources import DialContext

        product = next((p for p in history.products if p.id == case.product_id), None)
        context = DialContext.for_case(case, product)
        self.calls.conference.set_context(context)
        self.dial_out.set_context(context)

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

    def _show_follow_up_count(self, count: int) -> None:
        title = self.tr("Follow-ups (%d)") % count if count else self.tr("Follow-ups")
        self.follow_ups_dock.setWindowTitle(title)

    def _pop_caller(self, leg: Leg) -> None:
        # Screen pop: the ringing customer's number goes straight into the caller bar.
        if leg.caller is not None and leg.caller.number:
            self.pop_caller(leg.caller.number)

    def _dock(self, title: str, name: str) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(_placeholder(self.tr("Opening the local store…")))
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
        dock.hide()
        return dock

    @staticmethod
    def _replace(splitter: QSplitter, index: int, widget: QWidget) -> None:
        sizes = splitter.sizes()
        old = splitter.replaceWidget(index, widget)
        if old is not None:
            old.deleteLater()
        splitter.setSizes(sizes)

    # -- window state -------------------------------------------------------------------------

    def _restore_state(self) -> None:
        if self._settings is None:
            self.resize(1280, 720)
            self.splitter.setSizes(list(DEFAULT_SIZES))
            return
        geometry = self._settings.value("window/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1280, 720)
        state = self._settings.value("window/state")
        if state is not None:
            self.restoreState(state)
        if not self._restore_splitter(self.splitter):
            self.splitter.setSizes(list(DEFAULT_SIZES))

    def _restore_splitter(self, splitter: QSplitter) -> bool:
        if self._settings is None:
            return False
        saved = self._settings.value(f"window/{splitter.objectName()}")
        return saved is not None and splitter.restoreState(saved)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._settings is not None:
            self._settings.setValue("window/geometry", self.saveGeometry())
            self._settings.setValue("window/state", self.saveState())
            for splitter in (self.splitter, self.right):
                self._settings.setValue(f"window/{splitter.objectName()}", splitter.saveState())
        if self.form is not None:
            self.form.keep_draft(wait=True)  # mid-call: what is typed survives the close
        self.sig_closing.emit()
        super().closeEvent(event)


def _placeholder(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
    label.setMargin(12)
    return label
