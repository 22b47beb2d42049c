"""Screen pops: another program hands the caller's number to the running console
(``--caller`` or an ``advocate-console://`` URL), one console per user and data folder."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from advocate_console.domain import Collection
from advocate_console.screen_pop import (
    BadPopUrl,
    ScreenPopServer,
    caller_from_url,
    hand_over,
    server_name,
)
from advocate_console.store import CallerDirectory, Replica
from advocate_console.ui.main_window import MainWindow
from tests import factories as make


@pytest.mark.parametrize(
    ("url", "number"),
    [
        ("advocate-console://call?number=%2B18004322737", "+18004322737"),
        ("advocate-console://call?number=1-800-GE-CARES", "1-800-GE-CARES"),
        ("ADVOCATE-CONSOLE://Call/?caller=(800)%20432-2737", "(800) 432-2737"),
        ("advocate-console:call?number=+18004322737", "+18004322737"),
        ("tel:+1-800-432-2737;ext=12", "+1-800-432-2737"),
    ],
)
def test_a_pop_url_names_the_caller(url, number):
    assert caller_from_url(url) == number


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("https://example.com/call?number=1", "not an advocate-console://"),
        ("advocate-console://hangup?number=1", "only advocate-console://call"),
        ("advocate-console://call", "names no caller"),
        ("advocate-console://call?number=" + "9" * 300, "too long"),
    ],
)
def test_a_bad_pop_url_says_why(url, reason):
    with pytest.raises(BadPopUrl, match=reason):
        caller_from_url(url)


def test_each_data_folder_has_its_own_console(tmp_path):
    assert server_name(tmp_path / "a") == server_name(tmp_path / "a")
    assert server_name(tmp_path / "a") != server_name(tmp_path / "b")


def test_with_no_console_running_nothing_is_handed_over(qapp, tmp_path):
    started = time.monotonic()
    assert not hand_over(server_name(tmp_path), "+18004322737")
    assert time.monotonic() - started < 2


def test_a_socket_left_by_a_crashed_console_is_taken_over(qtbot, tmp_path):
    name = server_name(tmp_path)
    crashed = ScreenPopServer(name)
    assert crashed.listen()
    # A console killed with -9 leaves its socket file; nobody answers on it any more.
    socket_file = Path(crashed._server.fullServerName())
    crashed._server.close()
    socket_file.touch()
    fresh = ScreenPopServer(name)
    assert fresh.listen()
    fresh.close()


@pytest.fixture
def window(qtbot, store):
    """The main window over a store holding Maria, listening for screen pops."""
    maria = make.customer()
    Replica(store).apply(
        [(Collection.CUSTOMERS, maria), (Collection.PRODUCTS, make.product(maria))]
    )
    shown = MainWindow(CallerDirectory(store))
    qtbot.addWidget(shown)
    shown.show()
    return shown


def second_start(data_dir: Path, *args: str) -> subprocess.Popen:
    """``advocate-console`` started again by another program, as the desktop would."""
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.Popen(
        [sys.executable, "-m", "advocate_console.app", "--data-dir", str(data_dir), *args],
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def finished(qtbot, process: subprocess.Popen) -> tuple[int, str]:
    qtbot.waitUntil(lambda: process.poll() is not None, timeout=30000)
    return process.returncode, process.stderr.read()


@pytest.mark.parametrize(
    "how",
    [
        ["--caller", "+18004322737"],
        ["advocate-console://call?number=1-800-GE-CARES"],
    ],
)
def test_a_second_start_pops_the_caller_in_the_running_console(qtbot, window, tmp_path, how):
    pops = ScreenPopServer(server_name(tmp_path))
    assert pops.listen()
    pops.attach(window)
    with qtbot.waitSignal(window.sig_history_shown, timeout=30000):
        process = second_start(tmp_path, *how)
        code, errors = finished(qtbot, process)
    assert code == 0, errors
    assert window.history.caller.name.text() == "Maria Garcia"
    assert window.caller_bar.field.text() == how[-1].split("=")[-1]
    pops.close()


def test_a_second_start_with_a_bad_url_says_why_and_pops_nothing(qtbot, window, tmp_path):
    pops = ScreenPopServer(server_name(tmp_path))
    assert pops.listen()
    pops.attach(window)
    with qtbot.waitSignal(pops.sig_activation_requested, timeout=30000):
        process = second_start(tmp_path, "advocate-console://hangup")
        code, errors = finished(qtbot, process)
    assert code == 2
    assert "only advocate-console://call" in errors
    assert window.caller_bar.field.text() == ""
    pops.close()


def test_a_first_start_shows_the_window_then_opens_the_store_behind_it(
    qtbot, tmp_path, secret_service
):
    # The window and the screen-pop socket come up first; the store opens behind them,
    # encrypted with its key from the keyring (without one it would stay in memory).
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path))
    environment["XDG_CONFIG_HOME"] = str(tmp_path / "config")
    process = subprocess.Popen(
        [sys.executable, "-m", "advocate_console.app", "--data-dir", str(tmp_path)],
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        qtbot.waitUntil(lambda: hand_over(server_name(tmp_path), None), timeout=30000)
        store = tmp_path / "local.sqlite"
        qtbot.waitUntil(lambda: store.exists() and store.stat().st_size > 0, timeout=30000)
        assert process.poll() is None
        assert not store.read_bytes().startswith(b"SQLite format 3")
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_demo_mode_without_the_server_extra_says_how_to_get_it(monkeypatch, capsys):
    from advocate_console.app import main

    monkeypatch.setitem(sys.modules, "fastapi", None)  # as in the frozen build without it
    assert main(["advocate-console", "--demo"]) == 2
    assert "[server] extra" in capsys.readouterr().err


QUIT_WHEN_READY = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from advocate_console import app as console_app

real_exec = QApplication.exec

def exec_until_ready(*_args):
    def ready():
        windows = [w for w in QApplication.topLevelWidgets() if w.objectName() == "mainWindow"]
        if windows and windows[0].directory is not None:  # the store is open
            QApplication.quit()  # as a session logging out would: no close event
        else:
            QTimer.singleShot(20, ready)

    QTimer.singleShot(0, ready)
    return real_exec()

QApplication.exec = exec_until_ready
sys.exit(console_app.main(["advocate-console", "--data-dir", sys.argv[1]]))
"""


def test_the_console_quits_cleanly_even_without_its_window_closing(tmp_path):
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path))
    environment["XDG_CONFIG_HOME"] = str(tmp_path / "config")
    done = subprocess.run(
        [sys.executable, "-c", QUIT_WHEN_READY, str(tmp_path)],
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    for trouble in ("QObject", "QThread", "malloc", "Traceback"):
        assert trouble not in done.stderr, done.stderr[-3000:]


def test_a_pop_from_a_terminal_without_demo_reaches_the_running_demo(qtbot, window, tmp_path):
    # The demo console of this data folder listens on its own name (its store is demo/).
    pops = ScreenPopServer(server_name(tmp_path / "demo"))
    assert pops.listen()
    pops.attach(window)
    with qtbot.waitSignal(window.sig_history_shown, timeout=30000):
        process = second_start(tmp_path, "--caller", "+18004322737")
        code, errors = finished(qtbot, process)
    assert code == 0, errors  # handed over: no second console waiting for a sign-in
    assert window.history.caller.name.text() == "Maria Garcia"
    pops.close()
