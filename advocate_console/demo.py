"""Demo mode: the reference server inside the app, on loopback, with seeded demo data."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from advocate_console.central.demo import DEMO_DATA_VERSION
from advocate_console.central.demo.accounts import DEMO_PASSWORD, DEMO_USERNAME
from advocate_console.central.seed import seed_database
from advocate_console.central.server import EmbeddedServer
from advocate_console.tasks import run_task

log = logging.getLogger(__name__)

DEFAULT_DEMO_CUSTOMERS = 2000
__all__ = ["DEFAULT_DEMO_CUSTOMERS", "DEMO_PASSWORD", "DEMO_USERNAME", "DemoServer"]


class DemoServer(QObject):
    """Seeds the demo database (first run only) and serves it, off the UI thread."""

    sig_progress = Signal(str)
    """A line describing what start-up is doing."""
    sig_ready = Signal(str)
    """The server answers at this base URL."""
    sig_failed = Signal(str)
    """Start-up failed; the text says why."""

    def __init__(
        self, data_dir: Path, customers: int = DEFAULT_DEMO_CUSTOMERS, seed: int = 1
    ) -> None:
        super().__init__()
        self.data_dir = data_dir
        self.customers = customers
        self.seed = seed
        self.server: EmbeddedServer | None = None
        self._stopping = False

    @property
    def local_store(self) -> Path:
        """The laptop's store for this demo (it belongs with this demo database)."""
        return self.data_dir / "local.sqlite"

    def start(self) -> None:
        """Begin start-up on a worker thread."""
        run_task(self._prepare, self._ready, lambda error: self.sig_failed.emit(str(error)))

    def stop(self) -> None:
        """Stop the server (at exit)."""
        self._stopping = True
        if self.server is not None:
            self.server.stop()
            self.server = None

    def _prepare(self) -> EmbeddedServer:
        central = self.data_dir / "central.sqlite"
        marker = self.data_dir / f"seeded-{self.customers}-{self.seed}-v{DEMO_DATA_VERSION}"
        if not marker.exists():
            # A half-seeded or differently seeded demo (or one of older demo data) starts
            # afresh, the laptop's copy too.
            self.data_dir.mkdir(parents=True, exist_ok=True)
            for stale in self.data_dir.glob("*"):
                if stale.is_file():
                    stale.unlink()
            self.sig_progress.emit(self.tr("Creating demo data (first run only)…"))
            seed_database(
                f"sqlite:///{central}",
                self.customers,
                self.seed,
                progress=lambda done, total: self.sig_progress.emit(
                    self.tr("Creating demo data: %d of %d customers…") % (done, total)
                ),
                demo_users=True,
            )
            marker.touch()
        self.sig_progress.emit(self.tr("Starting the demo server…"))
        server = EmbeddedServer(f"sqlite:///{central}")
        server.start()
        return server

    def _ready(self, server: EmbeddedServer) -> None:
        if self._stopping:  # the window closed while we were starting
            server.stop()
            return
        self.server = server
        self.sig_ready.emit(server.url)
