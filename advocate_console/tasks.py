"""The one way to run work off the UI thread: a function on the thread pool, its result
(or its error) delivered back on the UI thread.

Modelled on Picard's ``run_task``: the caller never touches threads or locks.

Everything a task holds (the function with its closure, its callbacks, its result or
error) is let go on the UI thread, never on the worker. A closure often holds the last
reference to a widget (a lambda over ``self``); dropped on a worker, that widget would be
destroyed there, and Qt crashes when a widget dies off the UI thread.
"""

from __future__ import annotations

import itertools
import logging
import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)


@dataclass(slots=True)
class _Task:
    function: Callable[[], Any] | None
    on_done: Callable[[Any], None] | None
    on_error: Callable[[Exception], None] | None
    owner: QObject | None = None
    result: Any = None
    error: Exception | None = None


# Tasks by number, from run_task() until their answer is delivered on the UI thread.
# Workers see only the numbers, so they never hold the last reference to anything.
_tasks: dict[int, _Task] = {}
_tasks_lock = threading.Lock()
_numbers = itertools.count(1)


class _Relay(QObject):
    """Lives on the UI thread for the whole run; workers' signals are queued to it."""

    sig_finished = Signal(int)

    def __init__(self) -> None:
        super().__init__()
        self.sig_finished.connect(self._deliver)

    @Slot(int)
    def _deliver(self, number: int) -> None:
        with _tasks_lock:
            task = _tasks.pop(number, None)
        if task is None:
            return
        if task.owner is not None and not shiboken6.isValid(task.owner):
            # Its widget closed while the task ran: nobody is left to show the answer.
            if task.error is not None:
                log.debug("A task of a closed widget failed: %s", task.error)
            return
        if task.error is None:
            if task.on_done is not None:
                task.on_done(task.result)
        elif task.on_error is not None:
            task.on_error(task.error)
        else:
            log.error("A background task failed", exc_info=task.error)


_relay: _Relay | None = None


def _the_relay() -> _Relay:
    # Made by the first run_task(), which the UI thread calls.
    global _relay
    if _relay is None:
        _relay = _Relay()
    return _relay


def _register(
    function: Callable[[], Any],
    on_done: Callable[[Any], None] | None,
    on_error: Callable[[Exception], None] | None,
    owner: QObject | None,
) -> int:
    _the_relay()
    number = next(_numbers)
    with _tasks_lock:
        _tasks[number] = _Task(function, on_done, on_error, owner)
    return number


def _run(number: int) -> None:
    """On a worker: run task ``number``, leave its answer in the table, tell the UI thread."""
    with _tasks_lock:
        function = _tasks[number].function
    try:
        result = function()  # type: ignore[misc]
    except Exception as error:  # delivered to the caller, who decides what to show
        with _tasks_lock:
            _tasks[number].error = error
    else:
        with _tasks_lock:
            _tasks[number].result = result
        del result
    del function
    try:
        _the_relay().sig_finished.emit(number)
    except RuntimeError:  # the application is gone (exit): nobody is left to tell
        log.debug("Task %d finished after the application quit", number)


class _Job(QRunnable):
    def __init__(self, number: int) -> None:
        super().__init__()
        self._number = number

    def run(self) -> None:
        _run(self._number)


def run_task(
    function: Callable[[], Any],
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[Exception], None] | None = None,
    pool: QThreadPool | None = None,
    *,
    owner: QObject | None = None,
) -> None:
    """Run ``function()`` on a worker thread; call ``on_done(result)`` or ``on_error(error)``
    on the thread that called ``run_task`` (the UI thread).

    With ``owner`` (the widget the answer is for), neither is called once the owner has
    been deleted: the one check that a widget still exists when its result comes back.
    """
    number = _register(function, on_done, on_error, owner)
    (pool or QThreadPool.globalInstance()).start(_Job(number))


class _Drain(QRunnable):
    def __init__(self, queue: SerialQueue) -> None:
        super().__init__()
        self._queue = queue

    def run(self) -> None:
        self._queue._drain()


class SerialQueue:
    """Tasks that must reach the store in the order they were asked for (a form's draft
    write, then the save that makes it obsolete), run one after another on the shared pool.

    Unlike a private one-thread ``QThreadPool`` owned by a widget, nothing here is torn
    down with the widget: a task still waiting when its widget closes runs to the end,
    and the application's exit waits for it with the rest of the global pool.
    """

    def __init__(self, pool: QThreadPool | None = None) -> None:
        self._pool = pool
        self._lock = threading.Lock()
        self._waiting: deque[int] = deque()
        self._draining = False
        self._idle = threading.Event()
        self._idle.set()

    def run_task(
        self,
        function: Callable[[], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[Exception], None] | None = None,
        *,
        owner: QObject | None = None,
    ) -> None:
        """Like :func:`run_task`, but after every task given to this queue before it."""
        number = _register(function, on_done, on_error, owner)
        with self._lock:
            self._waiting.append(number)
            self._idle.clear()
            if self._draining:
                return
            self._draining = True
        (self._pool or QThreadPool.globalInstance()).start(_Drain(self))

    def wait(self, timeout_s: float) -> bool:
        """Wait until every task given so far has run; False if that took too long.

        For the window's close only: the UI thread must not wait at any other time.
        """
        return self._idle.wait(timeout_s)

    def _drain(self) -> None:
        # On a worker thread: run what waits, in order, until nothing does.
        while True:
            with self._lock:
                if not self._waiting:
                    self._draining = False
                    self._idle.set()
                    return
                number = self._waiting.popleft()
            _run(number)


def pending_tasks() -> int:
    """How many tasks have not delivered their result yet (tests wait for 0)."""
    with _tasks_lock:
        return len(_tasks)
