"""A real Secret Service (gnome-keyring) in a private D-Bus session, for tests.

The same backend the console uses on a Linux desktop, started in a temp HOME so no test
touches a real keychain.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

PASSWORD = b"test-login-password\n"


@contextmanager
def private_secret_service() -> Iterator[dict[str, str]]:
    """Start dbus-daemon and gnome-keyring-daemon; yield the environment that reaches them."""
    missing = [tool for tool in ("dbus-daemon", "gnome-keyring-daemon") if not shutil.which(tool)]
    if missing:
        raise FileNotFoundError(f"not installed: {', '.join(missing)}")
    home = Path(tempfile.mkdtemp(prefix="keyring-home-"))
    (home / "data").mkdir()
    env = dict(os.environ, HOME=str(home), XDG_DATA_HOME=str(home / "data"))
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    bus = subprocess.Popen(
        ["dbus-daemon", "--session", "--nofork", "--print-address=1"],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    keyring_daemon = None
    try:
        address = bus.stdout.readline().strip()
        env["DBUS_SESSION_BUS_ADDRESS"] = address
        keyring_daemon = subprocess.Popen(
            ["gnome-keyring-daemon", "--foreground", "--unlock", "--components=secrets"],
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=env,
        )
        keyring_daemon.stdin.write(PASSWORD)
        keyring_daemon.stdin.close()
        _wait_for_service(env)
        yield {
            "HOME": env["HOME"],
            "XDG_DATA_HOME": env["XDG_DATA_HOME"],
            "DBUS_SESSION_BUS_ADDRESS": address,
        }
    finally:
        for process in (keyring_daemon, bus):
            if process is not None:
                process.terminate()
                process.wait(10)
        shutil.rmtree(home, ignore_errors=True)


def _wait_for_service(env: dict[str, str], timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        probe = subprocess.run(
            [
                "dbus-send",
                "--session",
                "--print-reply",
                "--dest=org.freedesktop.DBus",
                "/org/freedesktop/DBus",
                "org.freedesktop.DBus.NameHasOwner",
                "string:org.freedesktop.secrets",
            ],
            capture_output=True,
            text=True,
            env=env,
        )
        if "boolean true" in probe.stdout:
            return
        time.sleep(0.05)
    raise TimeoutError("gnome-keyring did not start its Secret Service")
