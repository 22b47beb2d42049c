"""``advocate-console --self-test``: does this installation work? One line, and an exit code.

For IT after an install (by hand, from a deployment tool, in CI's throwaway root): it
starts the console's real parts without a server or a user — the main window, a
temporary local store migrated by the app's own start-up path, the handwriting fonts, a
card rendered to PDF, the Qt plugins for printing and icons, the keyring — and prints

    advocate-console 0.1.0 self-test passed: qt offscreen; window shown; …

or ``… self-test FAILED: card: …; …`` with exit code 1, naming what failed.

A keyring that cannot keep secrets (keyring's ``fail`` backend when there is no Secret
Service, or a plaintext one) is a **warning**, not a failure: the console then works,
asking for the password at each start, and the self-test often runs where no desktop
session is (a deployment tool running as root or SYSTEM, CI). ``--require-keyring`` makes
it a failure, for checks run in the advocate's own session.

Qt is imported inside :func:`run_self_test`, so importing this module is cheap.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import re
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from advocate_console import __version__

EXIT_PASSED = 0
EXIT_FAILED = 1
_WAIT_S = 30.0  # for the store to open and migrate on a slow laptop


class CheckFailed(RuntimeError):
    """One check failed; the message says what to look at."""


@dataclass(frozen=True)
class Result:
    """What one check found: a short fact, and whether it passed or only warns."""

    name: str
    fact: str
    passed: bool = True
    warning: bool = False

    def __str__(self) -> str:
        if not self.passed:
            return f"{self.name}: {self.fact}"
        return f"{self.fact} (warning)" if self.warning else self.fact


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The self-test's options on the app's command line."""
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check this installation (window, store, fonts, card PDF, printing, keyring), "
        "print one line and exit: 0 passed, 1 failed",
    )
    parser.add_argument(
        "--require-keyring",
        action="store_true",
        help="with --self-test: fail when no secure keyring is available (default: warn)",
    )


def run_self_test(argv: list[str], *, require_keyring: bool = False) -> int:
    """Run every check, print the one-line report on stdout, return the exit code."""
    # The app's INFO lines (Alembic's migrations…) would bury the one line on a terminal.
    logging.getLogger("advocate_console").setLevel(logging.WARNING)
    logging.getLogger("alembic").setLevel(logging.WARNING)
    results = check_installation(argv, require_keyring=require_keyring)
    line = report(results)
    print(line, flush=True)
    return EXIT_PASSED if all(result.passed for result in results) else EXIT_FAILED


def report(results: list[Result]) -> str:
    """The one line: passed or FAILED, the failures first, then every other fact."""
    failed = [r for r in results if not r.passed]
    verdict = "FAILED" if failed else "passed"
    parts = [str(r) for r in failed] + [str(r) for r in results if r.passed]
    return f"advocate-console {__version__} self-test {verdict}: " + "; ".join(parts)


def check_installation(argv: list[str], *, require_keyring: bool = False) -> list[Result]:
    """Every check, in start-up order; a failed check never stops the next ones."""
    _use_offscreen_without_display()
    from PySide6.QtWidgets import QApplication

    from advocate_console.store.encryption import encryption_check

    app = QApplication.instance() or QApplication(argv)
    results = [Result("qt", f"qt {app.platformName()}"), _settings()]
    with (
        _without_offscreen_noise(),
        tempfile.TemporaryDirectory(prefix="advocate-self-test-") as folder,
    ):
        work = Path(folder)
        results.append(_run("window", lambda: _window_and_store(work)))
        results.append(_run("encryption", lambda: encryption_check(work)))
        results.append(_run("fonts", _fonts))
        results.append(_run("card", lambda: _card_pdf(work / "card.pdf")))
        results.append(_run("printing", _printing))
        results.append(_run("icons", _icons))
        results.append(_page_reading())
        results.append(_keyring(require_keyring))
        results += _updates()
    return results


def _run(name: str, check: Callable[[], str]) -> Result:
    try:
        return Result(name, check())
    except Exception as error:  # every failure is reported, none stops the report
        return Result(name, str(error) or type(error).__name__, passed=False)


@contextlib.contextmanager
def _without_offscreen_noise() -> Iterator[None]:
    """Drop the offscreen plugin's "does not support propagateSizeHints()" lines."""
    from PySide6.QtCore import qInstallMessageHandler

    previous = None

    def handler(kind, context, message: str) -> None:
        if "propagateSizeHints" in message:
            return
        if previous is not None:
            previous(kind, context, message)
        else:
            print(message, file=sys.stderr)

    previous = qInstallMessageHandler(handler)
    try:
        yield
    finally:
        qInstallMessageHandler(previous)


def _use_offscreen_without_display() -> None:
    # Without a display Qt would abort: the checks then paint offscreen. With one they use
    # the real platform plugin, which is itself worth checking (its system libraries).
    if os.environ.get("QT_QPA_PLATFORM") or not sys.platform.startswith("linux"):
        return
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"


def _window_and_store(work: Path) -> str:
    """The console's window shown, and its local store opened and migrated as at start-up."""
    from PySide6.QtWidgets import QApplication

    from advocate_console.auth import TokenVault
    from advocate_console.console import Console
    from advocate_console.paths import style_sheet
    from advocate_console.settings import Settings
    from advocate_console.store.database import current_revision, head_revision
    from advocate_console.ui.theme import apply_theme

    app = QApplication.instance()
    if not style_sheet().strip():
        raise CheckFailed("the style sheets (resources/styles) are missing")
    style = app.styleSheet()  # given back after: the self-test may run inside an app
    apply_theme(app)
    console = Console(Settings(data_dir=work), work, TokenVault(memory_only=True))
    window = console.window
    try:
        window.show()
        if not _wait(window.isVisible, 5.0):
            raise CheckFailed("the main window did not show")
        console.open_local(work / "local.sqlite")
        if not _wait(lambda: console.store is not None, _WAIT_S):
            message = window.message_shown() or "no answer in time"
            raise CheckFailed(f"the local store did not open: {message}")
        revision = current_revision(console.store.engine)
        if revision != head_revision():
            raise CheckFailed(f"the store is at {revision}, not {head_revision()}")
        # The card queue arrives a moment after the store: wait so nothing runs on after.
        _wait(window.has_card_queue, 5.0)
        return f"window shown; store migrated to revision {revision}"
    finally:
        window.close()  # stops sync and closes the store (Console.close)
        window.deleteLater()
        console.deleteLater()
        _settle()
        app.setStyleSheet(style)


def _settings() -> Result:
    """IT's managed settings file can be used as written, and this installation can do
    what it locks (the built-in phone, the printer, the card stock, the CA bundle)."""
    try:
        from PySide6.QtPrintSupport import QPrinterInfo

        from advocate_console.settings_layers import load_layers
        from advocate_console.ui.locked_values import unhonoured_locks

        layers = load_layers()
        path = layers.managed_path
        failures = [str(problem) for problem in layers.problems if problem.path == path]
        unhonoured = unhonoured_locks(layers, QPrinterInfo.availablePrinterNames())
        failures += [str(item) for item in unhonoured]
    except Exception as error:  # reported, never stops the report
        return Result("settings", str(error) or type(error).__name__, passed=False)
    if failures:
        return Result("settings", "; ".join(failures), passed=False)
    if not Path(path).exists():
        return Result("settings", f"no managed settings ({path})")
    return Result("settings", f"managed settings {path}, {len(layers.locked)} locked")


def _page_reading() -> Result:
    """A first sync's page-reading processes start (a frozen build runs itself again for
    them) and read a page. Without them a first sync still works, only slower: a warning.
    """
    from advocate_console.sync.pages import PageReader

    page = b'{"items":[],"next_cursor":0,"has_more":false}'
    try:
        with PageReader(processes=True) as reader:
            reader.result(reader.submit(page), page)  # (the first page is read here)
            reader.result(reader.submit(page), page)
            if reader.in_processes:
                return Result("sync", "pages read in worker processes")
            problem = reader.problem or "no worker process started"
    except Exception as error:  # reported, never stops the report
        return Result("sync", str(error) or type(error).__name__, passed=False)
    return Result("sync", f"a first sync reads pages in one process: {problem}", warning=True)


def _updates() -> list[Result]:
    """Where updates come from, for the console the Debian package installed."""
    from advocate_console.installation import apt_source, running_from_the_package

    if not running_from_the_package():
        return []
    source = apt_source()
    if source is None:
        return [Result("updates", "updates by hand: not installed from an apt repository")]
    return [Result("updates", f"updates with the system's (apt {source})")]


def _fonts() -> str:
    """Every handwriting font loads into Qt and has its licence beside it."""
    from advocate_console.cards.fonts import HANDS, hand

    for name in HANDS:
        loaded = hand(name)
        if not loaded.licence.is_file():
            raise CheckFailed(f"the licence of {loaded.family} is missing ({loaded.licence})")
    return "fonts " + ", ".join(hand(name).family for name in HANDS)


def _card_pdf(path: Path) -> str:
    """A thank-you card of the default template, exported to PDF with its font embedded."""
    from advocate_console.cards import Addressee, default_book, export_pdf, lay_out_card
    from advocate_console.cards.fonts import hand
    from advocate_console.domain import Customer, NoteCard

    book = default_book()
    template = next(iter(book.cards.values()))
    now = datetime.now(UTC)
    customer = Customer(id=uuid.uuid4(), display_name="Test Customer", customer_since=date.today())
    card = NoteCard(
        id=uuid.uuid4(),
        customer_id=customer.id,
        template=template.id,
        message="Dear {first_name}, thank you for your patience with us.",
        created_at=now,
    )
    layout = lay_out_card(card, Addressee(customer=customer, advocate_name="Self Test"), book)
    pages = export_pdf(layout.pages, path, title="Advocate Console self-test")
    family = hand(template.hand).family
    if not pdf_embeds_font(path.read_bytes(), family):
        raise CheckFailed(f"the PDF does not embed the {family} font")
    return f"card PDF ({template.id}, {pages} page{'s' * (pages > 1)}) with {family} embedded"


def pdf_embeds_font(pdf: bytes, family: str) -> bool:
    """True when a PDF embeds a font file of ``family``.

    Qt writes each embedded subset's descriptor as ``/FontName /QRAAAA+Caveat-Regular``
    next to its ``/FontFile2`` stream; a font that is only named has no descriptor.
    """
    name = re.escape(family.replace(" ", "").encode())
    return b"/FontFile2" in pdf and re.search(rb"/FontName\s*/[A-Z]{6}\+" + name, pdf) is not None


def _printing() -> str:
    """Qt's print support: on Linux its CUPS plugin loads (so libcups is there)."""
    from PySide6.QtCore import QLibraryInfo, QPluginLoader
    from PySide6.QtPrintSupport import QPrinterInfo

    if not sys.platform.startswith("linux"):
        return f"printing, printers: {len(QPrinterInfo.availablePrinterNames())}"
    plugins = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath))
    plugin = plugins / "printsupport" / "libcupsprintersupport.so"
    if not plugin.is_file():
        raise CheckFailed(f"Qt's CUPS plugin is missing ({plugin})")
    loader = QPluginLoader(str(plugin))
    if not loader.load():
        raise CheckFailed(f"Qt's CUPS plugin does not load: {loader.errorString()}")
    return f"printing cups, printers: {len(QPrinterInfo.availablePrinterNames())}"


def _icons() -> str:
    """SVG support (image and icon plugins) and the app's own icon."""
    from PySide6.QtGui import QIcon, QImageReader

    from advocate_console.paths import resource_dir

    if b"svg" not in {bytes(f) for f in QImageReader.supportedImageFormats()}:
        raise CheckFailed("Qt cannot read SVG (the imageformats plugin is missing)")
    path = resource_dir() / "icons" / "advocate-console.svg"
    if QIcon(str(path)).pixmap(64, 64).isNull():
        raise CheckFailed(f"the app icon cannot be drawn ({path})")
    return "svg icons"


def _keyring(required: bool) -> Result:
    """Which keyring backend the console would keep the sign-in in."""
    try:
        import keyring

        from advocate_console.auth.vault import is_secure

        backend = keyring.get_keyring()
    except Exception as error:  # a broken keyring install is a failure, whatever the mode
        return Result("keyring", f"cannot load the keyring: {error}", passed=False)
    name = _backend_name(backend)
    if is_secure(backend):
        return Result("keyring", f"keyring {name}")
    fact = f"keyring {name}: not secure, sign-in is asked at each start"
    return Result("keyring", fact, passed=not required, warning=True)


def _backend_name(backend) -> str:
    chained = getattr(backend, "backends", None)
    if chained:
        backend = max(chained, key=lambda b: b.priority)
    kind = type(backend)
    return f"{kind.__module__.removeprefix('keyring.backends.')}.{kind.__name__}"


def _wait(condition: Callable[[], bool], timeout_s: float) -> bool:
    from PySide6.QtCore import QCoreApplication, QEventLoop

    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            return False
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        time.sleep(0.01)
    return True


def _settle() -> None:
    """Let queued deletions and the thread pool finish before the temp folder goes."""
    from PySide6.QtCore import QCoreApplication, QEvent, QThreadPool

    QThreadPool.globalInstance().waitForDone(10_000)
    for _ in range(3):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QCoreApplication.processEvents()
