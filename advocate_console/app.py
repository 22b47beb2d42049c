"""Start-up of the desktop app: command line, QApplication, wiring of the parts."""

from __future__ import annotations

import argparse
import importlib.util
import logging
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from advocate_console import __version__, check_settings, logs, self_test

if TYPE_CHECKING:  # Qt loads only when a window is wanted, so --version answers at once
    from PySide6.QtWidgets import QApplication

    from advocate_console.auth import TokenVault
    from advocate_console.console import Console
    from advocate_console.early_store import EarlyStore
    from advocate_console.screen_pop import ScreenPopServer
    from advocate_console.settings import Settings, SettingsLayers
    from advocate_console.ui.main_window import MainWindow

log = logging.getLogger(__name__)

DESKTOP_ID = "org.advocateconsole.AdvocateConsole"
"""The app's id: its .desktop entry, AppStream metadata and icon are named after it."""
EXIT_RESTART = 75
"""app.exec() ended to start the console again (its local data was erased)."""
ORGANIZATION = "Advocate Console"
APPLICATION = "Advocate Console"


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """The command line."""
    parser = argparse.ArgumentParser(
        prog="advocate-console", description="Customer advocate's console."
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--demo",
        action="store_true",
        help="run the reference server in the app with demo data, signed in as the demo advocate",
    )
    parser.add_argument(
        "--demo-customers",
        type=int,
        default=None,
        metavar="N",
        help="how many customers the demo data has (default 2000; first run of that size seeds)",
    )
    parser.add_argument(
        "--as",
        dest="demo_as",
        choices=("advocate", "lead"),
        default="advocate",
        help="with --demo: sign in as the demo's advocate (default) or its lead; a lead's "
        "console joins the demo server already running (or starts it)",
    )
    parser.add_argument("--server", help="the central API's address (overrides the settings)")
    parser.add_argument("--data-dir", help="keep the local store and demo data in this folder")
    parser.add_argument(
        "--caller",
        metavar="NUMBER",
        help="screen pop: show this caller (in the running console, or a new one)",
    )
    parser.add_argument(
        "url",
        nargs="?",
        help="screen pop by URL: advocate-console://call?number=+18005551234 (or tel:…)",
    )
    parser.add_argument(
        "--erase-local-data",
        action="store_true",
        help="erase this user's local store, drafts, card queue and saved sign-ins (as root:"
        " every user's local data), then exit",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log more")
    self_test.add_arguments(parser)
    check_settings.add_arguments(parser)
    return parser.parse_known_args(argv)[0]


def has_demo_server() -> bool:
    """True when this build carries the reference server (the [server] extra)."""
    try:
        return importlib.util.find_spec("fastapi") is not None
    except (ImportError, ValueError):  # left out of a frozen build, or blocked
        return False


def caller_to_pop(args: argparse.Namespace) -> tuple[str | None, str]:
    """The caller the command line asks to show, and why a URL could not be read."""
    from advocate_console.screen_pop import BadPopUrl, caller_from_url

    if args.caller:
        return args.caller.strip() or None, ""
    if not args.url:
        return None, ""
    try:
        return caller_from_url(args.url), ""
    except BadPopUrl as error:
        return None, str(error)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the console; returns the process exit code."""
    argv = list(sys.argv if argv is None else argv)
    args = parse_args(argv[1:])
    if args.check_settings is not None:  # before Qt: IT runs it anywhere, at once
        return check_settings.run_check(args.check_settings)
    if args.preset_managed:  # the Debian package's postinst, with IT's debconf answers
        return check_settings.run_preset(args.preset_managed)
    if args.self_test:
        return self_test.run_self_test(argv, require_keyring=args.require_keyring)
    if args.erase_local_data:
        return erase_command(args)
    logs.start_logging(verbose=args.verbose)  # the terminal, and the rotating file
    log.info("Advocate Console %s starting", __version__)
    if args.demo and not has_demo_server():
        print(
            "This build of Advocate Console has no demo server. Install the [server] extra "
            "(pip install 'advocate-console[server]'), or build the frozen app with "
            "ADVOCATE_WITH_SERVER=1.",
            file=sys.stderr,
        )
        return 2
    # Qt is imported here, not at module level, so --version and --help answer instantly.
    import shiboken6

    from advocate_console.screen_pop import (
        ScreenPopServer,
        hand_over,
        reach_running_console,
        server_name,
    )

    app, layers = make_application(argv)
    settings = layers.settings
    folder = Path(args.data_dir) if args.data_dir else settings.data_dir
    data_dir = folder / "demo" if args.demo else folder
    as_lead = bool(args.demo) and args.demo_as == "lead"

    # One console per advocate and data folder: a second start hands over and leaves.
    # The demo's lead is a console of its own beside the demo advocate's.
    caller, url_problem = caller_to_pop(args)
    pops_name = server_name(data_dir / "lead" if as_lead else data_dir)
    if (
        hand_over(pops_name, caller)
        if as_lead
        else reach_running_console(folder, caller, demo=args.demo)
    ):
        if url_problem:
            print(url_problem, file=sys.stderr)
            return 2
        return 0
    pops = ScreenPopServer(pops_name)
    pops.listen()

    window = show_window(pops)
    if caller:
        window.pop_caller(caller)
    elif url_problem:
        window.show_message(url_problem, 15000)
    running: list[Console] = []  # the console lives as long as the event loop runs

    def keep(console: Console) -> None:
        console.sig_restart_requested.connect(lambda: app.exit(EXIT_RESTART))
        running.append(console)

    start_console(args, layers, data_dir, window, keep)
    code = app.exec()
    # The window, the console and their threads end before the QApplication does: a
    # widget outliving it corrupts the heap at exit.
    if shiboken6.isValid(window) and window.isVisible():
        window.close()  # stops sync and the phone (app.quit() skips the close)
    for part in (*running, window):
        if shiboken6.isValid(part):
            shiboken6.delete(part)
    if code == EXIT_RESTART:  # local data erased: the same command, afresh, at its sign-in
        os.execv(sys.executable, sys.orig_argv)
    return code


def erase_command(args: argparse.Namespace) -> int:
    """``--erase-local-data``: this user's data folder (with their saved sign-ins), or,
    run as root, every user's data folder; prints what it did. Close the console first."""
    from advocate_console.auth import TokenVault
    from advocate_console.auth.erase import erase_local_data, every_users_data_folders
    from advocate_console.settings_layers import load_layers

    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    if hasattr(os, "geteuid") and os.geteuid() == 0 and not args.data_dir:
        try:
            folders, vault = every_users_data_folders(), None  # their keyrings are theirs
        except OSError as error:
            print(f"advocate-console: {error}", file=sys.stderr)
            return 1
    else:
        settings = load_layers().settings
        folders = [Path(args.data_dir) if args.data_dir else settings.data_dir]
        vault = TokenVault()
    problems = 0
    for folder in folders:
        erased = erase_local_data(folder, vault)
        files, entries = len(erased.files), erased.keyring_entries
        print(
            f"{folder}: {files} {'file' if files == 1 else 'files'} erased"
            + (
                f", {entries} keyring {'entry' if entries == 1 else 'entries'} removed"
                if vault
                else ""
            )
        )
        for problem in erased.problems:
            print(f"  could not erase {problem}", file=sys.stderr)
        problems += len(erased.problems)
    if not folders:
        print("No local data found.")
    return 1 if problems else 0


def make_application(argv: list[str]) -> tuple[QApplication, SettingsLayers]:
    """The QApplication with its names, icon and translations, and the settings."""
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from advocate_console.paths import resource_dir
    from advocate_console.settings_layers import load_layers
    from advocate_console.ui.i18n import install_translations

    app = QApplication(argv)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationVersion(__version__)
    # Docks and task bars match the window to its menu entry and icon (Wayland, GNOME).
    app.setDesktopFileName(DESKTOP_ID)
    app.setWindowIcon(QIcon(str(resource_dir() / "icons" / "advocate-console.svg")))
    layers = load_layers()  # IT's managed file and the user's; problems shown in the window
    # Before any widget: tr() translates when it runs, so a new language waits for a restart.
    install_translations(app, layers.settings.language)
    for problem in layers.problems:
        log.warning("Settings: %s", problem)
    return app, layers


def show_window(pops: ScreenPopServer) -> MainWindow:
    """The window first, ready for typing; everything else loads behind it."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from advocate_console.ui.main_window import MainWindow
    from advocate_console.ui.theme import apply_theme

    apply_theme(QApplication.instance())
    window = MainWindow(settings=QSettings())
    pops.attach(window)
    window.show()
    window.focus_search()
    return window


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
    from PySide6.QtCore import QCoreApplication, QSettings

    from advocate_console.demo import DEFAULT_DEMO_CUSTOMERS, DemoServer
    from advocate_console.early_store import EarlyStore
    from advocate_console.tasks import run_task

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
            from advocate_console.console import Console

            qsettings = QSettings()
            console = Console(settings, data_dir, vault, qsettings, window=window, layers=layers)
            assert early is not None
            early.when_open(console.use_store, lambda _error: console.open_local())
            server = args.server or settings.api_url or str(qsettings.value("signin/server", ""))
            if "api_url" in layers.locked:  # IT's server, whatever the command line says
                server = settings.api_url
            console.resume_or_ask(server)
        keep(console)
        settle_start_up_objects()

    def load() -> None:
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
    from advocate_console.central.demo.accounts import (
        DEMO_PASSWORD,
        DEMO_USERNAME,
        LEAD_PASSWORD,
        LEAD_USERNAME,
    )
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

    def ready(url: str) -> None:
        from advocate_console.ui.conference_phone import demo_phones

        # Conferences on the demo's own bridge, ringing its simulated desk phone first
        # (a console that joined a running demo leaves the phones to the one that started it).
        if demo.server is not None:
            console.settings = demo_phones(console.settings, demo.switchboard, window)
        if early is None:
            console.open_local(demo.local_store, made_up=True)
        if as_lead:
            console.sign_in_as(url, LEAD_USERNAME, LEAD_PASSWORD)
        else:
            console.sign_in_as(url, DEMO_USERNAME, DEMO_PASSWORD)

    demo.sig_ready.connect(ready)
    window.sig_closing.connect(demo.stop)
    window.set_connection(QCoreApplication.translate("Startup", "Demo: starting…"))
    demo.start(local_open=early is not None)
    demo.setParent(console)  # lives as long as the console
    return console


if __name__ == "__main__":
    sys.exit(main())
