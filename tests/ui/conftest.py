"""The UI tests' own rule (napari's idea): a test that leaves work running fails.

A task still waiting to deliver its answer, a QThread still running or a Python thread
still alive after the test (and its fixtures) ended would land in the next test: a
widget touched after it was closed, a store written after its file was deleted. The
check waits a moment for work that is merely finishing, so it never fails on timing.
"""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import QThread, QThreadPool

from advocate_console.tasks import pending_tasks

SETTLE_S = 10.0
"""How long finishing work may take after a test before it counts as left behind."""

POOLED = ("AnyIO worker thread",)
"""Threads of a pool owned by a longer-lived fixture (the reference server's request
workers, made as requests come and idle out later): not the test's to stop."""

_started: list[QThread] = []


def _tracking_start(original):
    def start(self, *args, **kwargs):
        _started.append(self)
        return original(self, *args, **kwargs)

    return start


@pytest.fixture(autouse=True)
def no_work_left_behind(qapp, monkeypatch):
    """Fail the test when it leaves tasks, QThreads or Python threads running."""
    monkeypatch.setattr(QThread, "start", _tracking_start(QThread.start))
    _started.clear()
    before = set(threading.enumerate())
    yield
    deadline = time.monotonic() + SETTLE_S
    while time.monotonic() < deadline and (
        pending_tasks() or _running_qthreads() or _new_threads(before)
    ):
        qapp.processEvents()
        time.sleep(0.005)
    QThreadPool.globalInstance().waitForDone(int(SETTLE_S * 1000))
    qapp.processEvents()  # the last answers, posted as the pool finished
    left = {
        "tasks waiting to deliver": pending_tasks(),
        "QThreads running": [type(t).__name__ for t in _running_qthreads()],
        "Python threads alive": [thread.name for thread in _new_threads(before)],
    }
    _started.clear()
    assert not any(left.values()), f"the test left work running: {left}"


def _new_threads(before: set[threading.Thread]) -> list[threading.Thread]:
    return [
        thread
        for thread in threading.enumerate()
        if thread not in before
        and thread.is_alive()
        and not isinstance(thread, threading._DummyThread)  # Qt's pool threads, seen by Python
        and not thread.name.startswith(POOLED)
    ]


def _running_qthreads() -> list[QThread]:
    import shiboken6

    return [t for t in _started if shiboken6.isValid(t) and t.isRunning()]
