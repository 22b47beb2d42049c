"""Demo mode: the reference server inside the app, on loopback, with seeded demo data.

The server's modules are imported on the worker that starts it: the window, and the
local store a restart opens before anything else, never wait for them.

The console that starts the server writes its address to ``server.json`` in the demo's
folder; another demo console on that folder (``--demo --as lead``) joins it there, so
an advocate and a lead work on one demo server (and starts it when none answers).
"""

from __future__ import annotations

import json
import logging
import os
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from advocate_console.tasks import run_task

if TYPE_CHECKING:
    from advocate_console.central.bridge.demo import DemoSwitchboard
    from advocate_console.central.server import EmbeddedServer

log = logging.getLogger(__name__)

DEFAULT_DEMO_CUSTOMERS = 2000
SERVER_FILE = "server.json"
PREPARE_PATIENCE = 30.0
"""Seconds a closing console waits for the demo's start under way to end."""
"""Where the running demo server's address is written, in the demo's folder."""
__all__ = [
    "DEFAULT_DEMO_CUSTOMERS",
    "DemoChanged",
    "DemoServer",
    "load_server_modules",
    "running_demo",
]


def running_demo(data_dir: Path) -> str | None:
    """The address of the demo server another console runs on ``data_dir``, if it answers
    (on a worker: it asks the server)."""
    from advocate_console.api import ApiError, CentralClient

    try:
        url = json.loads((data_dir / SERVER_FILE).read_text(encoding="utf-8"))["url"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    client = CentralClient(str(url), retries=0, timeout=(1.0, 2.0))
    try:
        client.health()
    except ApiError:
        return None
    finally:
        client.close()
    return str(url)


def load_server_modules() -> None:
    """Import the reference server's modules (on a worker: they take a second)."""
    import advocate_console.central.demo
    import advocate_console.central.demo.accounts
    import advocate_console.central.seed
    import advocate_console.central.server  # noqa: F401


class DemoChanged(RuntimeError):
    """This version of the console brings other demo data than the folder holds, and the
    folder's local store is already open: the next start seeds the new demo."""


class DemoServer(QObject):
    """Seeds the demo database (first run only) and serves it, off the UI thread."""

    sig_progress = Signal(str)
    """A line describing what start-up is doing."""
    sig_ready = Signal(str)
    """The server answers at this base URL."""
    sig_failed = Signal(str)
    """Start-up failed; the text says why."""

    def __init__(
        self,
        data_dir: Path,
        customers: int = DEFAULT_DEMO_CUSTOMERS,
        seed: int = 1,
        local_name: str = "local.sqlite",
    ) -> None:
        super().__init__()
        self.data_dir = data_dir
        self.local_name = local_name  # the lead's console keeps its own local store
        self.customers = customers
        self.seed = seed
        self.server: EmbeddedServer | None = None
        self.switchboard: DemoSwitchboard | None = None  # its bridge and simulated phones
        self._stopping = False
        self._prepared = threading.Event()  # no start under way
        self._prepared.set()
        self._started: EmbeddedServer | None = None  # by a start under way, before _ready
        self.last_progress = ""
        """The last step said (on the UI thread, before sig_ready): the line to clear."""
        self.sig_progress.connect(self._note_progress)

    def _note_progress(self, text: str) -> None:
        self.last_progress = text

    @property
    def local_store(self) -> Path:
        """The laptop's store for this demo (it belongs with this demo database)."""
        return self.data_dir / self.local_name

    def seeded_before(self) -> bool:
        """True on a restart: this size of demo was seeded here (by some version), so the
        local store may be opened before the server starts."""
        return any(self.data_dir.glob(f"seeded-{self.customers}-{self.seed}-v*"))

    def start(self, local_open: bool = False) -> None:
        """Begin start-up on a worker thread (``local_open``: the local store is already
        open, and a new seed must wait for the next start)."""
        self._prepared.clear()
        run_task(
            lambda: self._prepare_once(local_open),
            self._ready,
            lambda error: self.sig_failed.emit(str(error)),
            owner=self,
        )

    def stop(self) -> None:
        """Stop the server, the bridge and the phones (at exit). A start still under way
        (the window closed, or SIGTERM, while the demo came up) ends first, so that
        nothing it started is left running."""
        self._stopping = True
        if not self._prepared.wait(PREPARE_PATIENCE):
            log.warning("The demo was still starting after %s s; stopping it now", PREPARE_PATIENCE)
        server, self.server, self._started = self.server or self._started, None, None
        if server is not None:
            server.stop()
            (self.data_dir / SERVER_FILE).unlink(missing_ok=True)
        if self.switchboard is not None:
            self.switchboard.stop()

    def _prepare_once(self, local_open: bool) -> EmbeddedServer | str:
        try:
            return self._prepare(local_open)
        finally:
            self._prepared.set()

    def _prepare(self, local_open: bool = False) -> EmbeddedServer | str:
        joined = running_demo(self.data_dir)
        if joined is not None:  # another console serves this demo: work on its server
            self.sig_progress.emit(self.tr("Joining the demo already running…"))
            return joined
        from advocate_console.central.demo import DEMO_DATA_VERSION
        from advocate_console.central.seed import seed_database
        from advocate_console.central.server import EmbeddedServer

        central = self.data_dir / "central.sqlite"
        marker = self.data_dir / f"seeded-{self.customers}-{self.seed}-v{DEMO_DATA_VERSION}"
        if not marker.exists() and local_open:
            # Seeding afresh wipes the local store, which is open: not under its feet.
            for old in self.data_dir.glob("seeded-*"):
                old.unlink()
            raise DemoChanged(
                self.tr("The demo data is new in this version: start the console again.")
            )
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
        server = self._started = EmbeddedServer(f"sqlite:///{central}")
        server.start()
        # Not a secret: a loopback address, for another demo console to join.
        address = {"url": server.url, "pid": os.getpid()}
        (self.data_dir / SERVER_FILE).write_text(json.dumps(address), encoding="utf-8")
        if self._stopping:  # (the console is closing: no phones to start and stop)
            return server
        self.sig_progress.emit(self.tr("Starting the demo's conference bridge and phones…"))
        from advocate_console.central.bridge.demo import DemoSwitchboard

        self.switchboard = DemoSwitchboard(self.data_dir, f"sqlite:///{central}")
        self.switchboard.start()  # without it the demo dials by hand-off; it says why
        return server

    def _ready(self, server: EmbeddedServer | str) -> None:
        if isinstance(server, str):  # joined: the console that started it stops it
            if not self._stopping:
                self.sig_ready.emit(server)
            return
        if self._stopping:  # the window closed while we were starting (stop() stopped it)
            return
        self.server, self._started = server, None
        self.sig_ready.emit(server.url)
