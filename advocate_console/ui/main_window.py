"""The one screen: caller bar on top, the caller's history below, status at the bottom."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QSplitter, QStatusBar, QVBoxLayout, QWidget

from advocate_console.domain import History
from advocate_console.store import CallerDirectory
from advocate_console.tasks import run_task

from .caller_bar import CallerBar
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
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.caller_bar)
        self.splitter.addWidget(self.history)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([340, 1000])

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(self.splitter)
        self.setCentralWidget(central)

        self.connection = QLabel()
        self.connection.setAccessibleName(self.tr("Connection status"))
        status = QStatusBar()
        status.addPermanentWidget(self.connection)
        self.setStatusBar(status)

        menu = self.menuBar().addMenu(self.tr("&Console"))
        find = menu.addAction(self.tr("&Find caller"))
        find.setShortcut(QKeySequence.StandardKey.Find)
        find.triggered.connect(self.focus_search)
        self.sync_action = menu.addAction(self.tr("&Sync now"))
        self.sync_action.setShortcut(QKeySequence.StandardKey.Refresh)
        menu.addSeparator()
        self.sign_out_action = menu.addAction(self.tr("Sign &out"))
        quit_action = menu.addAction(self.tr("&Quit"))
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
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

    def refresh(self) -> None:
        """Read the shown caller's history again (after a sync brought changes)."""
        shown, self._shown = self._shown, None
        if shown is not None:
            self.show_caller(shown)

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
        self.sig_history_shown.emit(history.customer.id)

    # -- window state -------------------------------------------------------------------

    def _restore_state(self) -> None:
        if self._settings is None:
            self.resize(1280, 720)
            return
        geometry = self._settings.value("window/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1280, 720)
        splitter = self._settings.value("window/mainSplitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._settings is not None:
            self._settings.setValue("window/geometry", self.saveGeometry())
            self._settings.setValue("window/mainSplitter", self.splitter.saveState())
        self.sig_closing.emit()
        super().closeEvent(event)
