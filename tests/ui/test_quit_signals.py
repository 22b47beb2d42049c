"""SIGTERM (a session logging out, ``kill``, a fleet tool) ends the console as closing its
window does: the demo's server, bridge and phones stop with it, none is left running."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from advocate_console.demo import SERVER_FILE


def descendants(pid: int) -> set[int]:
    """Every process started under ``pid``, however deep (Linux's /proc)."""
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            children = (task / "children").read_text().split()
        except OSError:
            continue
        for child in map(int, children):
            found |= {child} | descendants(child)
    return found


def working_in(folder: Path) -> set[int]:
    """Processes whose command line names ``folder`` (the demo's bridge and phones do),
    whoever their parent is now."""
    found = set()
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            if str(folder).encode() in cmdline.read_bytes():
                found.add(int(cmdline.parent.name))
        except OSError:
            continue
    return {pid for pid in found if running(pid)}


def running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"  # (a zombie has ended; only its parent's wait is missing)


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="reads Linux's /proc")
@pytest.mark.parametrize("when", ["up", "starting"])
def test_sigterm_stops_the_demo_with_its_bridge_and_phones(qtbot, tmp_path, when):
    """``starting``: while the bridge and phones are still being started (the demo's
    start went on behind the closed window, and left its server file and phones)."""
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path))
    environment["XDG_CONFIG_HOME"] = str(tmp_path / "config")
    command = [sys.executable, "-m", "advocate_console.app", "--demo", "--demo-customers", "40"]
    process = subprocess.Popen(
        [*command, "--data-dir", str(tmp_path)],
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        demo = tmp_path / "demo"
        qtbot.waitUntil(lambda: (demo / SERVER_FILE).exists(), timeout=60_000)
        if when == "up":  # the bridge is the last of the demo's phone system to start
            qtbot.waitUntil(
                lambda: (demo / "dial-plan.json").exists() and len(descendants(process.pid)) >= 2,
                timeout=60_000,
            )
            qtbot.wait(1000)  # (its children up, each with its own)
        process.send_signal(signal.SIGTERM)
        started = descendants(process.pid)
        code = process.wait(timeout=60)
        errors = process.stderr.read()
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    try:
        assert code == 128 + signal.SIGTERM, errors[-3000:]
        assert not (demo / SERVER_FILE).exists()  # the demo server stopped, and said so
        qtbot.waitUntil(lambda: not any(running(pid) for pid in started), timeout=10_000)
        qtbot.waitUntil(lambda: not working_in(tmp_path), timeout=10_000)  # none started late
    finally:  # (none left behind by this test, should it fail)
        for pid in set(filter(running, started)) | working_in(tmp_path):
            os.kill(pid, signal.SIGKILL)
    for trouble in ("Traceback", "QThread: Destroyed", "malloc"):
        assert trouble not in errors, errors[-3000:]
