"""The local store, opened before anything else at start-up: the caller bar answers
from it while the console (sync, sign-in, keyring, phone, the demo server) still loads.

An advocate restarting mid-shift with a caller on the line types at once; everything
else follows behind the first search. On a restart the caller bar first searches the
bare file (SQLite's own module, see store/reading.py) and reads its records with the
standard library (store/early_records.py), before SQLAlchemy or pydantic has loaded;
then the store opens in full (its migrations checked), the caller shown is read again
as records, and the console loads behind it.
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
        """Open the store on a worker; the window searches the file as soon as it can be
        read, and the store once it is open."""
        path, region, demo = self._path, self._region, self._demo
        run_task(
            lambda: _read_at_once(path, region, demo),
            self._readable,
            lambda error: self._open_in_full(None),
            owner=self,
        )

    def _readable(self, parts: tuple[Any, Any]) -> None:
        vault, directory = parts
        if directory is None:
            self._open_in_full(vault)
            return
        self._window.set_directory(directory)
        # A number typed while the window came up is answered first: SQLAlchemy's import
        # and the rest of the console behind it would only slow that answer down.
        self._window.caller_bar.when_idle(lambda: self._open_in_full(vault))

    def _open_in_full(self, vault: Any) -> None:
        path, region, demo = self._path, self._region, self._demo
        run_task(lambda: _open(path, region, demo, vault), self._opened, self._failed, owner=self)

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


def _read_at_once(path: Path, region: str, demo: bool) -> tuple[Any, Any]:
    # On the worker: the keyring (for the key of an encrypted store), never SQLAlchemy
    # or the records' classes (pydantic). The vault goes on to the store's full opening.
    from advocate_console.store.callers import CallerDirectory
    from advocate_console.store.encryption import is_plain
    from advocate_console.store.reading import open_for_reading

    vault, file = None, None
    if demo:  # its store is plain and needs no keyring (see open_local_store)
        file = open_for_reading(path)
    elif path.exists() and not is_plain(path):
        from advocate_console.auth.vault import TokenVault

        vault = TokenVault()
        key = vault.store_key(path)
        file = open_for_reading(path, key) if key is not None else None
    return vault, CallerDirectory(file, region) if file is not None else None


def _open(path: Path, region: str, demo: bool, vault: Any) -> tuple[Any, Any, Any]:
    # On the worker: SQLAlchemy and the store's tables load here, not on the UI thread.
    # The store is encrypted with its key from the keyring (in memory without one); the
    # demo's is plain (see open_local_store).
    from advocate_console.auth.local_store import open_local_store
    from advocate_console.auth.vault import TokenVault
    from advocate_console.store import CallerDirectory
    from advocate_console.store.contacts import ContactBook

    vault = vault or TokenVault(memory_only=demo)
    store = open_local_store(path, vault, made_up=demo)
    return store, CallerDirectory(store, region), ContactBook(store, region)
