"""The one screen: caller bar on top; below it the caller's history, the call and the
people to bring in; the card queue in a dock; sync and phone status at the bottom."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import datetime

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

from advocate_console.domain import History
from advocate_console.store import CallerDirectory
from advocate_console.store.resources import DialContext, ResourceDirectory
from advocate_console.tasks import run_task
from advocate_console.telephony.conference import Conference
from advocate_console.telephony.legs import Leg

from .call_panel import CallPanel
from .caller_bar import CallerBar
from .card_editor import CardEditor
from .card_queue_panel import CardQueuePanel
from .dial_out_panel import DialOutPanel
from .history_panel import HistoryPanel


class MainWindow(QMainWindow):
    """Everything an advocate needs during a call, on one screen."""

    sig_history_shown = Signal(object)
    """The history panel now shows this customer id."""
    sig_closing = Signal()
    """The window is closing: stop background work."""

    def __init__(self, directory: CallerDirectory | None = None, settings: QSettings | None = None):
        super().__init__()
        self.setWindowTitle(self.tr("Advocate Console"))
        self.setObjectName("mainWindow")
        self._settings = settings
        self._shown: uuid.UUID | None = None

        self.caller_bar = CallerBar(directory)
        self.history = HistoryPanel()
        self.calls: CallPanel | None = None
        self.dial_out: DialOutPanel | None = None
        self.card_queue: CardQueuePanel | None = None
        self.card_editor: CardEditor | None = None
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.history)

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(self.caller_bar)
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)

        self.connection = QLabel()
        self.connection.setAccessibleName(self.tr("Connection status"))
        status = QStatusBar()
        status.addPermanentWidget(self.connection)
        self.setStatusBar(status)

        self.cards_dock = QDockWidget(self.tr("Card queue"), self)
        self.cards_dock.setObjectName("cardsDock")
        self.cards_dock.setWidget(QLabel(self.tr("Opening the local store…")))
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.cards_dock)
        self.cards_dock.hide()

        menu = self.menuBar().addMenu(self.tr("&Console"))
        find = menu.addAction(self.tr("&Find caller"))
        find.setShortcut(QKeySequence.StandardKey.Find)
        find.triggered.connect(self.focus_search)
        self.sync_action = menu.addAction(self.tr("&Sync now"))
        self.sync_action.setShortcut(QKeySequence.StandardKey.Refresh)
        self.settings_action = menu.addAction(self.tr("Se&ttings…"))
        self.settings_action.setShortcut(QKeySequence("Ctrl+,"))
        self.settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        menu.addSeparator()
        self.sign_out_action = menu.addAction(self.tr("Sign &out"))
        quit_action = menu.addAction(self.tr("&Quit"))
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        view = self.menuBar().addMenu(self.tr("&View"))
        cards = self.cards_dock.toggleViewAction()
        cards.setText(self.tr("&Card queue"))
        cards.setShortcut(QKeySequence("Ctrl+Shift+C"))
        view.addAction(cards)
        self.caller_bar.sig_caller_chosen.connect(self.show_caller)
        self._restore_state()

    @property
    def directory(self) -> CallerDirectory | None:
        """The store the window reads from."""
        return self.caller_bar.directory

    def set_directory(self, directory: CallerDirectory) -> None:
        """Read callers from ``directory`` (once the local store is open)."""
        self.caller_bar.set_directory(directory)

    def focus_search(self) -> None:
        """Put the cursor in the caller search, selecting what is there."""
        self.caller_bar.field.setFocus()
        self.caller_bar.field.selectAll()

    def show_caller(self, customer_id: uuid.UUID) -> None:
        """Load and show one customer's history (off the UI thread)."""
        directory = self.directory
        if directory is None or customer_id == self._shown:
            return
        self._shown = customer_id
        run_task(
            lambda: directory.history(customer_id),
            self._show_history,
            lambda error: self.show_message(self.tr("Could not load the history: %s") % error),
        )

    def add_telephony(
        self,
        conference: Conference,
        resources: ResourceDirectory,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        """The call's legs in the middle and the people to bring in on the right
        (``clock`` decides who is on shift: the real time unless a test or a demo says)."""
        self.calls = CallPanel(conference)
        self.dial_out = DialOutPanel(resources, clock=clock)
        self.splitter.addWidget(self.calls)
        self.splitter.addWidget(self.dial_out)
        self.splitter.setStretchFactor(0, 5)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setStretchFactor(2, 5)
        if not self._restore_splitter():
            self.splitter.setSizes([520, 340, 506])
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

    def edit_card(self, card_id: uuid.UUID) -> None:
        """Open the card editor (live preview) on one card."""
        if self.card_editor is None:
            return
        self.card_editor.load(card_id)
        self.card_editor.show()
        self.card_editor.raise_()

    def refresh(self) -> None:
        """Read everything shown again (after a sync brought changes)."""
        shown, self._shown = self._shown, None
        if shown is not None:
            self.show_caller(shown)
        if self.dial_out is not None:
            self.dial_out.refresh()
        if self.card_queue is not None:
            self.card_queue.refresh()

    def show_message(self, text: str, timeout_ms: int = 0) -> None:
        """A line in the status bar."""
        self.statusBar().showMessage(text, timeout_ms)

    def set_connection(self, text: str) -> None:
        """The permanent connection text at the right of the status bar."""
        self.connection.setText(text)

    def _show_history(self, history: History | None) -> None:
        if history is None or history.customer.id != self._shown:
            return
        self.history.show_history(history)
        self._set_dial_context(history)
        self.sig_history_shown.emit(history.customer.id)

    def _set_dial_context(self, history: History) -> None:
        # The dial-out list ranks people for the caller's newest open case.
        open_cases = [case for case in history.cases if case.status.is_open]
        if not open_cases or self.dial_out is None or self.calls is None:
            return
        case = max(open_cases, key=lambda c: c.opened_at)
        product = next((p for p in history.products if p.id == case.product_id), None)
        context = DialContext.for_case(case, product)
        self.calls.conference.set_context(context)
        self.dial_out.set_context(context)

    def _pop_caller(self, leg: Leg) -> None:
        # Screen pop: the ringing customer's number goes straight into the caller bar.
        if leg.caller is not None and leg.caller.number:
            self.caller_bar.field.setText(leg.caller.number)
            self.caller_bar.search_now()

    # -- window state -------------------------------------------------------------------

    def _restore_state(self) -> None:
        if self._settings is None:
            self.resize(1280, 720)
            return
        geometry = self._settings.value("window/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1280, 720)
        state = self._settings.value("window/state")
        if state is not None:
            self.restoreState(state)

    def _restore_splitter(self) -> bool:
        if self._settings is None:
            return False
        splitter = self._settings.value("window/mainSplitter")
        return splitter is not None and self.splitter.restoreState(splitter)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._settings is not None:
            self._settings.setValue("window/geometry", self.saveGeometry())
            self._settings.setValue("window/mainSplitter", self.splitter.saveState())
            self._settings.setValue("window/state", self.saveState())
        self.sig_closing.emit()
        super().closeEvent(event)
