"""Demo mode: the reference server inside the app, on loopback, with seeded demo data."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from advocate_console.api import CentralClient
from advocate_console.central.demo_data import DEMO_PASSWORD, DEMO_USERNAME
from advocate_console.central.seed import seed_database
from advocate_console.central.server import EmbeddedServer
from advocate_console.store import CallerDirectory, Replica, Store, open_store
from advocate_console.sync import pull_changes
from advocate_console.tasks import run_task

log = logging.getLogger(__name__)

DEFAULT_DEMO_CUSTOMERS = 2000


@dataclass
class DemoSession:
    """The running demo: its server, a signed-in client and the local store."""

    server: EmbeddedServer
    client: CentralClient
    store: Store
    directory: CallerDirectory


class DemoLauncher(QObject):
    """Seeds (first run only), starts the server, signs in and syncs, all off the UI thread."""

    sig_progress = Signal(str)
    """A line describing what start-up is doing."""
    sig_ready = Signal(object)
    """The :class:`DemoSession` is up: callers can be searched."""
    sig_failed = Signal(str)
    """Start-up failed; the text says why."""

    def __init__(
        self, data_dir: Path, customers: int = DEFAULT_DEMO_CUSTOMERS, seed: int = 1
    ) -> None:
        super().__init__()
        self.data_dir = data_dir
        self.customers = customers
        self.seed = seed
        self.session: DemoSession | None = None
        self._stopping = False

    def start(self) -> None:
        """Begin start-up on a worker thread."""
        run_task(self._prepare, self._ready, lambda error: self.sig_failed.emit(str(error)))

    def stop(self) -> None:
        """Stop the server and close the store (at exit)."""
        self._stopping = True
        if self.session is not None:
            self.session.client.close()
            self.session.server.stop()
            self.session.store.close()
            self.session = None

    def _prepare(self) -> DemoSession:
        central = self.data_dir / "central.sqlite"
        local = self.data_dir / "local.sqlite"
        marker = self.data_dir / f"seeded-{self.customers}-{self.seed}"
        if not marker.exists():
            # A half-seeded or differently seeded demo is started afresh, local copy too.
            self.data_dir.mkdir(parents=True, exist_ok=True)
            for stale in self.data_dir.glob("*"):
                stale.unlink()
            self.sig_progress.emit(self.tr("Creating demo data (first run only)…"))
            seed_database(
                f"sqlite:///{central}",
                self.customers,
                self.seed,
                progress=lambda done, total: self.sig_progress.emit(
                    self.tr("Creating demo data: %d of %d customers…") % (done, total)
                ),
            )
            marker.touch()
        self.sig_progress.emit(self.tr("Starting the demo server…"))
        server = EmbeddedServer(f"sqlite:///{central}")
        url = server.start()
        client = CentralClient(url)
        client.sign_in(DEMO_USERNAME, DEMO_PASSWORD)
        store = open_store(local)
        self.sig_progress.emit(self.tr("Syncing…"))
        result = pull_changes(
            client,
            Replica(store),
            progress=lambda n: self.sig_progress.emit(self.tr("Syncing: %d changes…") % n),
            should_stop=lambda: self._stopping,
        )
        log.info("Demo synced %d changes up to cursor %d", result.changes, result.cursor)
        return DemoSession(server, client, store, CallerDirectory(store))

    def _ready(self, session: DemoSession) -> None:
        if self._stopping:  # the window closed while we were starting
            session.client.close()
            session.server.stop()
            session.store.close()
            return
        self.session = session
        self.sig_ready.emit(session)
