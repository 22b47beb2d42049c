"""The one way to run work off the UI thread: a function on the thread pool, its result
(or its error) delivered back on the UI thread.

Modelled on Picard's ``run_task``: the caller never touches threads or locks.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)


class _Relay(QObject):
    """Lives on the UI thread; signals emitted from the worker are queued to it."""

    sig_done = Signal(object)
    sig_failed = Signal(object)

    def __init__(
        self, on_done: Callable[[Any], None] | None, on_error: Callable[[Exception], None] | None
    ) -> None:
        super().__init__()
        self._on_done = on_done
        self._on_error = on_error
        self.sig_done.connect(self._deliver_done)
        self.sig_failed.connect(self._deliver_error)

    @Slot(object)
    def _deliver_done(self, result: object) -> None:
        _pending.discard(self)
        if self._on_done is not None:
            self._on_done(result)

    @Slot(object)
    def _deliver_error(self, error: object) -> None:
        _pending.discard(self)
        if self._on_error is not None:
            self._on_error(error)  # type: ignore[arg-type]
        else:
            log.error("A background task failed", exc_info=error)  # type: ignore[arg-type]


class _Job(QRunnable):
    def __init__(self, function: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._function = function
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._function()
        except Exception as error:  # delivered to the caller, who decides what to show
            self._relay.sig_failed.emit(error)
        else:
            self._relay.sig_done.emit(result)


# Relays awaiting delivery; holding them here keeps them alive until their signal lands.
_pending: set[_Relay] = set()


def run_task(
    function: Callable[[], Any],
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[Exception], None] | None = None,
    pool: QThreadPool | None = None,
) -> None:
    """Run ``function()`` on a worker thread; call ``on_done(result)`` or ``on_error(error)``
    on the thread that called ``run_task`` (the UI thread)."""
    relay = _Relay(on_done, on_error)
    _pending.add(relay)
    (pool or QThreadPool.globalInstance()).start(_Job(function, relay))


def pending_tasks() -> int:
    """How many tasks have not delivered their result yet (tests wait for 0)."""
    return len(_pending)
