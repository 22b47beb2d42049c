"""The small things every test file needs, written once: waiting for a condition, a free
port, and skipping a test whose real part is missing here (but failing it under CI, which
must run every test)."""

from __future__ import annotations

import os
import socket
import time
from collections.abc import Callable
from typing import TypeVar

import pytest

T = TypeVar("T")


def wait_until(
    condition: Callable[[], T], timeout: float = 20.0, interval: float = 0.05, what: str = ""
) -> T:
    """Poll ``condition()`` until it is truthy and return that value; fail after ``timeout``.

    For conditions outside Qt (processes, sockets, files). With a QApplication running,
    use ``qtbot.waitUntil`` so Qt's events keep flowing while the test waits.
    """
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() >= deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {what or condition}")
        time.sleep(interval)


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nobody listens on now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def need_part(missing: str | None) -> None:
    """Skip the test when a real part is ``missing`` (a sentence saying what and how to
    install it); under CI fail instead, so a broken pipeline never hides as a skip."""
    if not missing:
        return
    if os.environ.get("CI"):
        pytest.fail(f"CI must run this test, but {missing}")
    pytest.skip(missing)
