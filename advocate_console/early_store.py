"""The local store, opened before anything else at start-up: the caller bar answers
from it while the console (sync, sign-in, keyring, phone, the demo server) still loads.

An advocate restarting mid-shift with a caller on the line types at once; everything
else follows behind the first search.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from advocate_console.tasks import run_task

if TYPE_CHECKING:
    from advocate_console.store import Store
    from advocate_console.ui.main_window import MainWindow


class EarlyStore(QObject):
    """Opens the store off the UI thread and hands the window its caller directory."""

    sig_opened = Signal(object)
    """The store is open (a Store): callers can be searched."""
    sig_failed = Signal(object)
    """The store could not be opened (the error)."""

    def __init__(self, window: MainWindow, path: Path, region: str, *, demo: bool = False) -> None:
        super().__init__(window)
        self._window = window
        self._path = path
        self._region = region
        self._demo = demo  # the demo's made-up records: a plain store, no keyring entry
        self.store: Store | None = None
        self.error: Exception | None = None

    def start(self) -> None:
        """Open the store on a worker; the window searches it as soon as it is open."""
        path, region, demo = self._path, self._region, self._demo
        run_task(lambda: _open(path, region, demo), self._opened, self._failed, owner=self)

    def when_open(self, done: Callable[[Store], None], failed: Callable[[Exception], None]) -> None:
        """Call ``done(store)`` once it is open (at once if it is), ``failed`` if it
        cannot be."""
        if self.store is not None:
            done(self.store)
        elif self.error is not None:
            failed(self.error)
        else:
            self.sig_opened.connect(done)
            self.sig_failed.connect(failed)

    def _opened(self, parts: tuple[Any, Any, Any]) -> None:
        store, directory, contacts = parts
        self.store = store
        self._window.set_directory(directory, contacts)
        self.sig_opened.emit(store)

    def _failed(self, error: Exception) -> None:
        self.error = error
        self.sig_failed.emit(error)


def _open(path: Path, region: str, demo: bool) -> tuple[Any, Any, Any]:
    # On the worker: SQLAlchemy, the records and the keyring load here, not on the UI
    # thread. The store is encrypted with its key from the keyring (in memory without one);
    # the demo's is plain (see open_local_store).
    from advocate_console.auth import TokenVault
    from advocate_console.auth.local_store import open_local_store
    from advocate_console.store import CallerDirectory
    from advocate_console.store.contacts import ContactBook

    store = open_local_store(path, TokenVault(memory_only=demo), made_up=demo)
    return store, CallerDirectory(store, region), ContactBook(store, region)
