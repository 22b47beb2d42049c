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
import uuid
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime

from PySide6.QtCore import QObject, QThread, QTimer, Signal, Slot
from PySide6.QtNetwork import QNetworkInformation

from advocate_console.api import ApiError, CentralClient, Offline, SignedOut, WipeOrdered
from advocate_console.domain.reasons import Reason
from advocate_console.store import LocalChanges, Replica, Store
from advocate_console.store.outbox_counts import WaitingCounts, waiting_counts
from advocate_console.store.outbox_news import listen_to_outbox, stop_listening
from advocate_console.tasks import SerialQueue

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
    last_error: str | None = None  # English, for logs and diagnostics
    problem: Reason | None = None  # the same as a code and values, for ui/ to word
    retrying: bool = False  # the engine tries again by itself (offline, server trouble)
    kept_for: dict[str, int] = field(default_factory=dict)
    """Other advocates' work on this laptop, by name: it waits for them to sign in."""

    def counted(self, counts: WaitingCounts) -> SyncStatus:
        """This status with the outbox counted anew."""
        return replace(
            self,
            waiting=counts.waiting,
            conflicts=counts.conflicts,
            refused=counts.refused,
            kept_for=counts.kept_for,
        )

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
        self._store = store
        self._changes = LocalChanges(store)
        self._replica = Replica(store)
        self._interval_ms = interval_s * 1000
        self._client: CentralClient | None = None
        self._me: uuid.UUID | None = None
        self._status = SyncStatus()
        self._stopping = threading.Event()
        self._retry_s = FIRST_RETRY_S
        self._timer: QTimer | None = None
        self._soon: QTimer | None = None

    @Slot()
    def start(self) -> None:
        """Begin: a first sync now, then one every interval (runs on the sync thread)."""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.sync_now)
        # Saves in a burst (a resolution, its follow-up, its card) make one sync.
        self._soon = QTimer(self)
        self._soon.setSingleShot(True)
        self._soon.timeout.connect(self.sync_now)
        self._publish(waiting=True)
        self.sync_now()

    @Slot(object)
    def set_client(self, signed: tuple[CentralClient, uuid.UUID | None] | None) -> None:
        """Sync as this signed-in (client, advocate's user id) from now on (None after
        sign-out); only that advocate's work is pushed."""
        self._client, self._me = signed if signed is not None else (None, None)
        self._retry_s = FIRST_RETRY_S
        if signed is None:
            self._publish(state=SyncState.SIGNED_OUT, waiting=True)

    @Slot()
    def outbox_grew(self) -> None:
        """The advocate saved something: push it at once when the server is reachable
        (offline, the retry timer and the network's return push it)."""
        if self._stopping.is_set() or self._client is None or self._soon is None:
            return
        if self._status.state in (SyncState.OFFLINE, SyncState.ERROR, SyncState.SIGNED_OUT):
            return
        if not self._soon.isActive():
            self._soon.start(0)

    @Slot()
    def sync_now(self) -> None:
        """Push, then pull, now; then schedule the next run."""
        if self._stopping.is_set():
            return
        if self._soon is not None:
            self._soon.stop()  # this sync pushes what it was for
        client = self._client
        if client is None:
            self._publish(state=SyncState.SIGNED_OUT, waiting=True)
            return
        self._publish(state=SyncState.SYNCING, waiting=True)
        next_in_ms = self._interval_ms
        try:
            pushed = push_outbox(
                client, self._changes, should_stop=self._stopping.is_set, author_id=self._me
            )
            if pushed.stopped_by is not None:
                raise pushed.stopped_by
            pulled = pull_changes(
                client,
                self._replica,
                progress=self.sig_progress.emit,
                should_stop=self._stopping.is_set,
            )
        except SignedOut as error:
            self._client = self._me = None
            if isinstance(error, WipeOrdered):  # nothing more is read or written here
                self._stopping.set()
                self.sig_wipe_ordered.emit(str(error))
                return
            self._problem(SyncState.SIGNED_OUT, error.reason())
            self.sig_signed_out.emit(str(error))
            return
        except ApiError as error:
            state = SyncState.OFFLINE if isinstance(error, Offline) else SyncState.ERROR
            # Said here, where it is true: the engine does try again (a dialog does not).
            again = f"{error} Your changes are kept; sync tries again by itself."
            self._problem(state, error.reason(), again)
            next_in_ms = min(self._retry_s * 1000, self._interval_ms)
            self._retry_s = min(self._retry_s * 2, self._interval_ms // 1000)
        except Exception as error:  # a bug must not stop sync for good, nor crash the app
            log.exception("Sync failed")
            failed = Reason(f"Sync failed: {error}", "sync_failed", (str(error),))
            self._problem(SyncState.ERROR, failed)
        else:
            self._retry_s = FIRST_RETRY_S
            self._publish(
                state=SyncState.IDLE,
                last_sync=datetime.now(UTC),
                last_error=None,
                problem=None,
                retrying=False,
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
        """Stop the timers and end the sync thread (runs on the sync thread, last)."""
        for timer in (self._timer, self._soon):
            if timer is not None:
                timer.stop()  # timers are stopped by the thread that owns them
        QThread.currentThread().quit()

    def _problem(self, state: SyncState, reason: Reason, again: str = "") -> None:
        """Publish ``state`` with why (``again``: the engine tries again, said so)."""
        text = again or reason.text
        self._publish(
            state=state, last_error=text, problem=reason, retrying=bool(again), waiting=True
        )

    def _publish(self, waiting: bool = False, **changes: object) -> None:
        self._status = replace(self._status, **changes)
        if waiting:
            self._status = self._status.counted(waiting_counts(self._store, self._me))
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
    _sig_outbox_grew = Signal()

    def __init__(self, store: Store, interval_s: int = DEFAULT_INTERVAL_S) -> None:
        super().__init__()
        self.engine = SyncEngine(store, interval_s)
        self.status = SyncStatus()
        """The last status said (the engine's, with the outbox counted after every save)."""
        self._store = store
        self._me: uuid.UUID | None = None
        # Counts read in the order asked, so the last one shown is never an older one.
        self._counting = SerialQueue()
        self._thread = QThread()
        self._thread.setObjectName("sync")
        self.engine.moveToThread(self._thread)
        # Queued to this object's thread (the UI thread), then handled there.
        self.engine.sig_status_changed.connect(self._engine_status)
        self.engine.sig_progress.connect(self.sig_progress)
        self.engine.sig_synced.connect(self.sig_synced)
        self.engine.sig_signed_out.connect(self.sig_signed_out)
        self.engine.sig_wipe_ordered.connect(self.sig_wipe_ordered)
        self._thread.started.connect(self.engine.start)
        # Queued: these run on the sync thread, in order, never on the UI thread.
        self._sig_sync_requested.connect(self.engine.sync_now)
        self._sig_client_changed.connect(self.engine.set_client)
        self._sig_finish.connect(self.engine.finish)
        # Emitted on whichever thread saved: queued to the engine and to the UI thread.
        self._sig_outbox_grew.connect(self.engine.outbox_grew)
        self._sig_outbox_grew.connect(self._count_waiting)
        self._outbox_grew = self._sig_outbox_grew.emit  # one callable, to stop listening
        listen_to_outbox(store, self._outbox_grew)

    def start(self, client: CentralClient | None = None, me: uuid.UUID | None = None) -> None:
        """Start the sync thread (a first sync runs at once when a client is given), as
        the advocate ``me`` (their user id: only their work is pushed)."""
        if client is not None:
            self._me = me
            self.engine.set_client((client, me))  # before the thread runs: no race
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

    def set_client(self, client: CentralClient | None, me: uuid.UUID | None = None) -> None:
        """Use this signed-in client (of the advocate ``me``) from now on, and sync."""
        self._me = me if client is not None else None
        self._sig_client_changed.emit((client, me) if client is not None else None)
        if client is not None:
            self.sync_now()

    def sync_now(self) -> None:
        """Ask for a sync as soon as the engine is free."""
        self._sig_sync_requested.emit()

    def shutdown(self, timeout_ms: int = 15000) -> bool:
        """Stop the engine and its thread; True when it ended in time."""
        stop_listening(self._store, self._outbox_grew)
        network = QNetworkInformation.instance()
        if network is not None:
            with contextlib.suppress(RuntimeError, TypeError):  # not connected
                network.reachabilityChanged.disconnect(self._reachability_changed)
        if not self._thread.isRunning():
            return True
        self.engine.request_stop()  # a running sync ends at its next page; no more are scheduled
        self._sig_finish.emit()
        return self._thread.wait(timeout_ms)

    @Slot(object)
    def _engine_status(self, status: SyncStatus) -> None:
        self._say(status)
        self._count_waiting()  # a save may have come after the engine counted

    @Slot()
    def _count_waiting(self) -> None:
        store, me = self._store, self._me
        self._counting.run_task(
            lambda: waiting_counts(store, me),
            lambda counts: self._say(self.status.counted(counts)),
            lambda error: log.warning("Could not count the waiting changes: %s", error),
            owner=self,
        )

    def _say(self, status: SyncStatus) -> None:
        self.status = status
        self.sig_status_changed.emit(status)
