"""Word that the outbox holds new work, for whoever listens (the sync engine pushes it at
once, the status bar counts it again).

Plain callbacks, no Qt: they are called on the thread that saved, after its commit.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from weakref import WeakKeyDictionary

from .database import Store

log = logging.getLogger(__name__)

Listener = Callable[[], None]

_listeners: WeakKeyDictionary[Store, list[Listener]] = WeakKeyDictionary()
_lock = threading.Lock()


def listen_to_outbox(store: Store, listener: Listener) -> None:
    """Call ``listener()`` each time work is added to ``store``'s outbox (any thread)."""
    with _lock:
        _listeners.setdefault(store, []).append(listener)


def stop_listening(store: Store, listener: Listener) -> None:
    """No more calls to ``listener`` (it may not be listening)."""
    with _lock:
        found = _listeners.get(store, [])
        if listener in found:
            found.remove(listener)


def announce(store: Store) -> None:
    """Tell the listeners that the outbox has new work (after the commit that added it)."""
    with _lock:
        listeners = list(_listeners.get(store, ()))
    for listener in listeners:
        try:
            listener()
        except Exception:  # a listener's bug must not undo or fail the save itself
            log.exception("An outbox listener failed")
