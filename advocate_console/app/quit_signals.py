"""A termination signal ends the console as closing its window does.

SIGTERM comes from a session logging out, ``systemctl``, ``kill`` or a fleet tool;
SIGINT from Ctrl+C in a terminal; SIGHUP from a closed terminal. Python's default would
end the process on the spot: the draft of a call in progress not kept, and the demo's
bridge and phones, the built-in phone's baresip, left running with nobody to stop them.

Qt's event loop runs in C++, where Python's handlers do not run; the C-level handler
writes to a socket (:func:`signal.set_wakeup_fd`), whose notifier wakes the loop and runs
a line of Python, and with it the handler: the loop ends with 128 + the signal's number,
and ``run_console`` closes the window after it (see run.py), which keeps the draft and
stops sync, the phone and the demo in order.
"""

from __future__ import annotations

import signal
import socket

from PySide6.QtCore import QCoreApplication, QObject, QSocketNotifier, QTimer

SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGTERM", "SIGINT", "SIGHUP") if hasattr(signal, name)
)


class QuitOnSignals(QObject):
    """While it lives (a child of the application), the signals above end ``app.exec()``."""

    def __init__(self, app: QCoreApplication) -> None:
        super().__init__(app)
        self._app = app
        self._wake, self._woken = socket.socketpair()
        for end in (self._wake, self._woken):
            end.setblocking(False)
        signal.set_wakeup_fd(self._wake.fileno(), warn_on_full_buffer=False)
        for signum in SIGNALS:
            signal.signal(signum, self._quit)
        self._notifier = QSocketNotifier(self._woken.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._drain)

    def _drain(self) -> None:
        # Running this is what lets Python call the handler; the bytes are signal numbers.
        try:
            while self._woken.recv(64):
                pass
        except BlockingIOError:
            pass

    def _quit(self, signum: int, _frame: object) -> None:
        # Through the loop: a signal during start-up, before app.exec(), ends it as it runs.
        QTimer.singleShot(0, self, lambda: self._app.exit(128 + signum))
