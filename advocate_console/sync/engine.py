"""The sync engine: a worker on its own thread that pushes the outbox and pulls the feed.

It runs on start, on a timer, on demand, and when the network comes back; after a
failure it retries sooner, backing off. The UI talks to it only through
:class:`SyncController` and its signals.
"""

from __future__ import annotations

import contextlib
import enum
import logging
import threading
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from PySide6.QtCore import QObject, QThread, QTimer, Signal, Slot
from PySide6.QtNetwork import QNetworkInformation

from advocate_console.api import ApiError, CentralClient, Offline, SignedOut, WipeOrdered
from advocate_console.store import LocalChanges, Replica, Store
from advocate_console.store.outbox import EntryState

from .pull import pull_changes
from .push import push_outbox

log = logging.getLogger(__name__)

DEFAULT_INTERVAL_S = 60
FIRST_RETRY_S = 5


class SyncState(enum.StrEnum):
    """What the engine is doing, as the status bar says it."""

    STARTING = "starting"
    SYNCING = "syncing"
    IDLE = "idle"
    OFFLINE = "offline"
    SIGNED_OUT = "signed_out"
    ERROR = "error"


@dataclass(frozen=True)
class SyncStatus:
    """Everything the status bar shows about sync."""

    state: SyncState = SyncState.STARTING
    waiting: int = 0
    conflicts: int = 0
    refused: int = 0
    last_sync: datetime | None = None
    last_error: str | None = None

    @property
    def online(self) -> bool:
        """True when the last contact with the server worked."""
        return self.state in (SyncState.SYNCING, SyncState.IDLE)


@dataclass(frozen=True)
class SyncReport:
    """What one sync did."""

    pushed: int
    pulled: int
    conflicts: int
    refused: int


class SyncEngine(QObject):
    """Pushes and pulls; lives on the sync thread (see :class:`SyncController`)."""

    sig_status_changed = Signal(object)
    """A new :class:`SyncStatus`."""
    sig_progress = Signal(int)
    """Changes pulled so far in the running sync (first sync can be long)."""
    sig_synced = Signal(object)
    """A sync finished with this :class:`SyncReport`."""
    sig_signed_out = Signal(str)
    """The server no longer accepts the token; the text says why. Work is kept."""
    sig_wipe_ordered = Signal(str)
    """The server ordered this computer's copy erased; the text says why."""

    def __init__(self, store: Store, interval_s: int = DEFAULT_INTERVAL_S) -> None:
        super().__init__()
        self._changes = LocalChanges(store)
        self._replica = Replica(store)
        self._interval_ms = interval_s * 1000
        self._client: CentralClient | None = None
        self._status = SyncStatus()
        self._stopping = threading.Event()
        self._retry_s = FIRST_RETRY_S
        self._timer: QTimer | None = None

    @Slot()
    def start(self) -> None:
        """Begin: a first sync now, then one every interval (runs on the sync thread)."""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.sync_now)
        self._publish(waiting=True)
        self.sync_now()

    @Slot(object)
    def set_client(self, client: CentralClient | None) -> None:
        """Sync as this signed-in client from now on (None after sign-out)."""
        self._client = client
        self._retry_s = FIRST_RETRY_S
        if client is None:
            self._publish(state=SyncState.SIGNED_OUT)

    @Slot()
    def sync_now(self) -> None:
        """Push, then pull, now; then schedule the next run."""
        if self._stopping.is_set():
            return
        client = self._client
        if client is None:
            self._publish(state=SyncState.SIGNED_OUT, waiting=True)
            return
        self._publish(state=SyncState.SYNCING, waiting=True)
        next_in_ms = self._interval_ms
        try:
            pushed = push_outbox(client, self._changes, should_stop=self._stopping.is_set)
            if pushed.stopped_by is not None:
                raise pushed.stopped_by
            pulled = pull_changes(
                client,
                self._replica,
                progress=self.sig_progress.emit,
                should_stop=self._stopping.is_set,
            )
        except SignedOut as error:
            self._client = None
            if isinstance(error, WipeOrdered):  # nothing more is read or written here
                self._stopping.set()
                self.sig_wipe_ordered.emit(str(error))
                return
            self._publish(state=SyncState.SIGNED_OUT, last_error=str(error), waiting=True)
            self.sig_signed_out.emit(str(error))
            return
        except ApiError as error:
            state = SyncState.OFFLINE if isinstance(error, Offline) else SyncState.ERROR
            self._publish(state=state, last_error=str(error), waiting=True)
            next_in_ms = min(self._retry_s * 1000, self._interval_ms)
            self._retry_s = min(self._retry_s * 2, self._interval_ms // 1000)
        except Exception as error:  # a bug must not stop sync for good, nor crash the app
            log.exception("Sync failed")
            self._publish(state=SyncState.ERROR, last_error=f"Sync failed: {error}", waiting=True)
        else:
            self._retry_s = FIRST_RETRY_S
            self._publish(
                state=SyncState.IDLE,
                last_sync=datetime.now(UTC),
                last_error=None,
                waiting=True,
            )
            self.sig_synced.emit(
                SyncReport(pushed.pushed, pulled.changes, pushed.conflicts, pushed.refused)
            )
        if self._timer is not None and not self._stopping.is_set():
            self._timer.start(next_in_ms)

    def request_stop(self) -> None:
        """Ask a running sync to end at the next page (safe from any thread)."""
        self._stopping.set()

    @Slot()
    def finish(self) -> None:
        """Stop the timer and end the sync thread (runs on the sync thread, last)."""
        if self._timer is not None:
            self._timer.stop()  # timers are stopped by the thread that owns them
        QThread.currentThread().quit()

    def _publish(self, waiting: bool = False, **changes: object) -> None:
        if waiting:
            entries = self._changes.entries()
            changes |= {
                "waiting": len(entries),
                "conflicts": sum(e.state is EntryState.CONFLICT for e in entries),
                "refused": sum(e.state is EntryState.REFUSED for e in entries),
            }
        self._status = replace(self._status, **changes)
        self.sig_status_changed.emit(self._status)


class SyncController(QObject):
    """The UI thread's handle on the engine: starts its thread, forwards requests, stops it.

    Its signals repeat the engine's on the UI thread. Connect to these, not to the
    engine's: PySide runs a lambda connected to the engine on the sync thread.
    """

    sig_status_changed = Signal(object)
    """A new :class:`SyncStatus` (on the UI thread)."""
    sig_progress = Signal(int)
    """Changes pulled so far in the running sync (on the UI thread)."""
    sig_synced = Signal(object)
    """A sync finished with this :class:`SyncReport` (on the UI thread)."""
    sig_signed_out = Signal(str)
    """The server no longer accepts the token, and why (on the UI thread)."""
    sig_wipe_ordered = Signal(str)
    """The server ordered this computer's copy erased, and why (on the UI thread)."""

    _sig_sync_requested = Signal()
    _sig_client_changed = Signal(object)
    _sig_finish = Signal()

    def __init__(self, store: Store, interval_s: int = DEFAULT_INTERVAL_S) -> None:
        super().__init__()
        self.engine = SyncEngine(store, interval_s)
        self._thread = QThread()
        self._thread.setObjectName("sync")
        self.engine.moveToThread(self._thread)
        # Queued to this object's thread (the UI thread), then emitted there.
        self.engine.sig_status_changed.connect(self.sig_status_changed)
        self.engine.sig_progress.connect(self.sig_progress)
        self.engine.sig_synced.connect(self.sig_synced)
        self.engine.sig_signed_out.connect(self.sig_signed_out)
        self.engine.sig_wipe_ordered.connect(self.sig_wipe_ordered)
        self._thread.started.connect(self.engine.start)
        # Queued: these run on the sync thread, in order, never on the UI thread.
        self._sig_sync_requested.connect(self.engine.sync_now)
        self._sig_client_changed.connect(self.engine.set_client)
        self._sig_finish.connect(self.engine.finish)

    def start(self, client: CentralClient | None = None) -> None:
        """Start the sync thread (a first sync runs at once when a client is given)."""
        if client is not None:
            self.engine.set_client(client)  # before the thread runs: no race
        self._watch_network()
        self._thread.start()

    def _watch_network(self) -> None:
        # Where the system says when the network comes and goes (NetworkManager, GLib,
        # Windows, macOS), sync the moment it is back; elsewhere the retry timer does it.
        if not QNetworkInformation.loadDefaultBackend():
            log.info("No network information backend: sync retries on its timer")
            return
        network = QNetworkInformation.instance()
        network.reachabilityChanged.connect(self._reachability_changed)

    @Slot(QNetworkInformation.Reachability)
    def _reachability_changed(self, reachability: QNetworkInformation.Reachability) -> None:
        if reachability == QNetworkInformation.Reachability.Online:
            log.info("The network is back: syncing")
            self.sync_now()

    def set_client(self, client: CentralClient | None) -> None:
        """Use this signed-in client from now on, and sync."""
        self._sig_client_changed.emit(client)
        if client is not None:
            self.sync_now()

    def sync_now(self) -> None:
        """Ask for a sync as soon as the engine is free."""
        self._sig_sync_requested.emit()

    def shutdown(self, timeout_ms: int = 15000) -> bool:
        """Stop the engine and its thread; True when it ended in time."""
        network = QNetworkInformation.instance()
        if network is not None:
            with contextlib.suppress(RuntimeError, TypeError):  # not connected
                network.reachabilityChanged.disconnect(self._reachability_changed)
        if not self._thread.isRunning():
            return True
        self.engine.request_stop()  # a running sync ends at its next page; no more are scheduled
        self._sig_finish.emit()
        return self._thread.wait(timeout_ms)
