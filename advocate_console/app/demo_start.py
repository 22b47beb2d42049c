"""The demo: a console on the reference server run inside the app, with made-up data
(seeded on the first run), signed in as the demo's advocate or its lead."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from advocate_console.console import Console
    from advocate_console.demo import DemoServer
    from advocate_console.early_store import EarlyStore
    from advocate_console.settings import Settings, SettingsLayers
    from advocate_console.ui.main_window import MainWindow


def start_demo(
    settings: Settings,
    data_dir: Path,
    customers: int | None = None,
    window: MainWindow | None = None,
    layers: SettingsLayers | None = None,
    early: EarlyStore | None = None,
    *,
    as_lead: bool = False,
) -> Console:
    """A console on the embedded demo server: seed (first run), serve, sign in, sync.

    With ``early`` (a restart), the local store is open already and answers searches
    while the server starts. ``as_lead``: the demo's lead, with a local store of their
    own, on the demo server another console runs in ``data_dir`` (started if none is)."""
    from PySide6.QtCore import QCoreApplication

    from advocate_console.auth import TokenVault
    from advocate_console.console import Console
    from advocate_console.demo import DEFAULT_DEMO_CUSTOMERS, DemoServer

    # The demo server lives as long as the app: its token needs no keyring entry.
    console = Console(
        settings, data_dir, TokenVault(memory_only=True), window=window, layers=layers
    )
    window = console.window
    local_name = "lead.sqlite" if as_lead else "local.sqlite"
    demo = DemoServer(data_dir, customers or DEFAULT_DEMO_CUSTOMERS, local_name=local_name)
    demo.sig_progress.connect(window.show_message)
    demo.sig_failed.connect(
        lambda reason: window.show_message(
            QCoreApplication.translate("Startup", "Demo could not start: %s") % reason
        )
    )
    if early is not None:
        early.when_open(
            console.use_store, lambda _error: console.open_local(demo.local_store, made_up=True)
        )

    demo.sig_ready.connect(
        lambda url: demo_ready(console, demo, url, open_store=early is None, as_lead=as_lead)
    )
    window.sig_closing.connect(demo.stop)
    window.set_connection(QCoreApplication.translate("Startup", "Demo: starting…"))
    demo.start(local_open=early is not None)
    demo.setParent(console)  # lives as long as the console
    return console


def demo_ready(
    console: Console, demo: DemoServer, url: str, *, open_store: bool, as_lead: bool
) -> None:
    """The demo server answers at ``url``: its phones, the store (unless open already,
    ``open_store``), and the demo's advocate (or lead) signed in."""
    from advocate_console.central.demo.accounts import (
        DEMO_PASSWORD,
        DEMO_USERNAME,
        LEAD_PASSWORD,
        LEAD_USERNAME,
    )
    from advocate_console.ui.conference_phone import demo_phones

    # Conferences on the demo's own bridge, ringing its simulated desk phone first
    # (a console that joined a running demo leaves the phones to the one that started it).
    if demo.server is not None:
        console.settings = demo_phones(console.settings, demo.switchboard, console.window)
    if console.window.message_shown() == demo.last_progress:
        console.window.show_message("")  # started: "Starting the demo's…" is done
    if open_store:
        console.open_local(demo.local_store, made_up=True)
    if as_lead:
        console.sign_in_as(url, LEAD_USERNAME, LEAD_PASSWORD)
    else:
        console.sign_in_as(url, DEMO_USERNAME, DEMO_PASSWORD)
