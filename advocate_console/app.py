"""Start-up of the desktop app: command line, QApplication, wiring of the parts."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from advocate_console import __version__

log = logging.getLogger(__name__)

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
    parser.add_argument("--data-dir", help="keep the local store and demo data in this folder")
    parser.add_argument("-v", "--verbose", action="store_true", help="log more")
    return parser.parse_known_args(argv)[0]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the console; returns the process exit code."""
    argv = list(sys.argv if argv is None else argv)
    args = parse_args(argv[1:])
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    # Qt is imported here, not at module level, so --version and --help answer instantly.
    from pathlib import Path

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from advocate_console.settings import load_settings
    from advocate_console.ui.main_window import MainWindow
    from advocate_console.ui.theme import apply_theme

    app = QApplication(argv)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationVersion(__version__)
    apply_theme(app)
    settings, problems = load_settings()
    for problem in problems:
        log.warning("Settings file %s: %s", problem.path, problem.message)
    data_dir = Path(args.data_dir) if args.data_dir else settings.data_dir

    window = MainWindow(settings=QSettings())
    if args.demo:
        from advocate_console.demo import DEFAULT_DEMO_CUSTOMERS, DemoLauncher

        launcher = DemoLauncher(data_dir / "demo", args.demo_customers or DEFAULT_DEMO_CUSTOMERS)
        launcher.sig_progress.connect(window.show_message)
        launcher.sig_failed.connect(
            lambda reason: window.show_message(window.tr("Demo could not start: %s") % reason)
        )
        launcher.sig_ready.connect(lambda session: _demo_ready(window, session))
        window.sig_closing.connect(launcher.stop)
        window.set_connection(window.tr("Demo: starting…"))
        launcher.start()
    else:
        _open_local(window, data_dir, settings.default_region)
    window.show()
    window.focus_search()
    return app.exec()


def _demo_ready(window, session) -> None:
    window.set_directory(session.directory)
    window.set_connection(window.tr("Demo server %s · signed in as demo") % session.server.url)
    window.show_message(window.tr("Ready. Try 1-800-GE-CARES."), 10000)


def _open_local(window, data_dir, region: str) -> None:
    from advocate_console.store import CallerDirectory, open_store
    from advocate_console.tasks import run_task

    window.set_connection(window.tr("Offline: no central server configured"))
    run_task(
        lambda: CallerDirectory(open_store(data_dir / "local.sqlite"), region),
        window.set_directory,
        lambda error: window.show_message(window.tr("Cannot open the local store: %s") % error),
    )


if __name__ == "__main__":
    sys.exit(main())
