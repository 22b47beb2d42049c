"""Running the desktop app: the QApplication, the window first, then the console loaded
behind it; and everything ended in order when the event loop stops."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from advocate_console import __version__, logs

from .command_line import answer_without_window, caller_to_pop, has_demo_server, parse_args
from .start import collect_less_while_starting, start_console

if TYPE_CHECKING:  # Qt loads only when a window is wanted, so --version answers at once
    import argparse

    from PySide6.QtWidgets import QApplication

    from advocate_console.console import Console
    from advocate_console.screen_pop import ScreenPopServer
    from advocate_console.settings import SettingsLayers
    from advocate_console.ui.main_window import MainWindow

log = logging.getLogger(__name__)

DESKTOP_ID = "org.advocateconsole.AdvocateConsole"
"""The app's id: its .desktop entry, AppStream metadata and icon are named after it."""
EXIT_RESTART = 75
"""app.exec() ended to start the console again (its local data was erased)."""
ORGANIZATION = "Advocate Console"
APPLICATION = "Advocate Console"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the console; returns the process exit code."""
    argv = list(sys.argv if argv is None else argv)
    args = parse_args(argv[1:])
    answered = answer_without_window(args, argv)
    if answered is not None:
        return answered
    # The app has no pydantic plugins: without this pydantic looks for them through every
    # installed package's metadata as the first record class is made, before the first
    # search is answered (set in the environment, it is left as it is).
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
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
    code = run_console(args, argv)
    if code == EXIT_RESTART:  # local data erased: the same command, afresh, at its sign-in
        os.execv(sys.executable, sys.orig_argv)
    return code


def run_console(args: argparse.Namespace, argv: list[str]) -> int:
    """The window, and the console behind it, until the event loop ends; or, when this
    advocate's console runs already, the caller handed over to it."""
    collect_less_while_starting()  # until the store is open (its first answer before)
    # Qt is imported here, not at module level, so --version and --help answer instantly.
    import shiboken6

    from .pyside_features import skip_source_reads

    skip_source_reads()  # before the modules of the window and the keyring load
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
    return code


def make_application(argv: list[str]) -> tuple[QApplication, SettingsLayers]:
    """The QApplication with its names, icon and translations, ended by SIGTERM as by
    closing the window; and the settings."""
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from advocate_console.paths import resource_dir
    from advocate_console.settings_layers import load_layers
    from advocate_console.ui.i18n import install_translations

    from .quit_signals import QuitOnSignals

    app = QApplication(argv)
    QuitOnSignals(app)  # SIGTERM (a logout, kill) closes the window as the user would
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
