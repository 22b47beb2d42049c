"""Loading the console behind the window: the local store first (the caller bar answers
from it at once), then, off the UI thread, the modules and the keyring; then the console,
signed in with the saved sign-in or asking, or the demo's."""

from __future__ import annotations

import argparse
import gc
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from advocate_console.auth import TokenVault
    from advocate_console.console import Console
    from advocate_console.early_store import EarlyStore
    from advocate_console.settings import SettingsLayers
    from advocate_console.ui.main_window import MainWindow

START_UP_ALLOCATIONS = 100_000
"""While a restart comes up to its first answer: a young garbage collection every this
many allocations rather than Python's 700 (see :func:`collect_less_while_starting`)."""
_usual_thresholds: tuple[int, ...] | None = None


def collect_less_while_starting() -> None:
    """Fewer young garbage collections until the rest of the console loads.

    Importing the window's modules, the keyring's and the store's set off ~80 young
    collections before a restart's first answer (~9 ms of CPU), each finding next to
    nothing: what a start makes lives on. Python's own thresholds come back once the store
    is open (before sync, which sets its own), and a full collection frees any garbage
    left then (:func:`settle_start_up_objects`)."""
    global _usual_thresholds
    if _usual_thresholds is None:
        _usual_thresholds = gc.get_threshold()
        gc.set_threshold(START_UP_ALLOCATIONS, *_usual_thresholds[1:])


def _collect_as_usual() -> None:
    global _usual_thresholds
    if _usual_thresholds is not None:
        gc.set_threshold(*_usual_thresholds)
        _usual_thresholds = None


def start_console(
    args: argparse.Namespace,
    layers: SettingsLayers,
    data_dir: Path,
    window: MainWindow,
    keep: Callable[[Console], None],
) -> None:
    """Open the local store first (the caller bar answers from it at once), then load
    the console behind it: sync, sign-in and keyring, phone, cards, the demo server.

    A first start of the demo seeds before its store opens (seeding afresh wipes it)."""
    from PySide6.QtCore import QCoreApplication

    from advocate_console.demo import DEFAULT_DEMO_CUSTOMERS, DemoServer
    from advocate_console.early_store import EarlyStore
    from advocate_console.tasks import run_task

    from .demo_start import start_demo

    settings = layers.settings
    customers = args.demo_customers or DEFAULT_DEMO_CUSTOMERS
    early = None
    as_lead = args.demo and args.demo_as == "lead"  # its store opens once the demo answers
    if not as_lead and (not args.demo or DemoServer(data_dir, customers).seeded_before()):
        early = EarlyStore(
            window, data_dir / "local.sqlite", settings.default_region, demo=args.demo
        )

    def loaded(vault: TokenVault | None) -> None:
        if args.demo:
            console = start_demo(
                settings, data_dir, customers, window, layers, early, as_lead=as_lead
            )
        else:
            assert early is not None
            console = open_console(args.server, layers, data_dir, window, vault, early)
        keep(console)
        settle_start_up_objects()

    def load() -> None:
        _collect_as_usual()
        window.show_message(QCoreApplication.translate("Startup", "Starting…"))
        run_task(
            lambda: load_the_rest(demo=args.demo),
            loaded,
            lambda error: window.show_message(
                QCoreApplication.translate("Startup", "The console cannot start: %s") % error
            ),
            owner=window,
        )

    if early is None:
        load()
    else:  # the rest after the store: they would only slow each other down
        early.when_open(lambda _store: load(), lambda _error: load())
        early.start()


def open_console(
    server: str | None,
    layers: SettingsLayers,
    data_dir: Path,
    window: MainWindow,
    vault: TokenVault | None,
    early: EarlyStore,
) -> Console:
    """The advocate's console on the store ``early`` opens (or opening it itself, when
    that failed), signed in to ``server`` (IT's, the command line's or the last one)."""
    from PySide6.QtCore import QSettings

    from advocate_console.console import Console

    settings = layers.settings
    qsettings = QSettings()
    console = Console(settings, data_dir, vault, qsettings, window=window, layers=layers)
    early.when_open(console.use_store, lambda _error: console.open_local())
    server = server or settings.api_url or str(qsettings.value("signin/server", ""))
    if "api_url" in layers.locked:  # IT's server, whatever the command line says
        server = settings.api_url
    console.resume_or_ask(server)
    return console


def load_the_rest(*, demo: bool) -> TokenVault | None:
    """On a worker: import the store, sync, sign-in, phone and cards (SQLAlchemy, requests,
    pydantic schemas, PJSIP), and find the keyring (it may talk to D-Bus). The vault is
    None in demo mode, which keeps its token in memory."""
    import advocate_console.console  # noqa: F401  (imported here, off the UI thread)
    from advocate_console.auth import TokenVault

    if demo:
        from advocate_console.demo import load_server_modules

        load_server_modules()
        return None
    return TokenVault()


def settle_start_up_objects() -> None:
    """Take everything made at start-up out of the garbage collector's full scans.

    A full collection walks every live object while holding the GIL; with Qt, SQLAlchemy
    and pydantic loaded that took 150 ms, and the sync thread's allocations trigger one
    every few seconds: the UI froze for that long. Frozen, a full scan takes ~5 ms.
    """
    import gc

    gc.collect()
    gc.freeze()
