"""Screen pops from other programs: ``advocate-console --caller +18005551234`` or an
``advocate-console://call?number=…`` URL hands the number to the running console (one
per user and data folder, found through a QLocalServer), or starts one.

The message on the socket is one line of JSON: ``{"caller": "+18005551234"}``, or
``{}`` to bring the window to the front.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import logging
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import parse_qs, unquote, urlsplit

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)

URL_SCHEME = "advocate-console"
CONNECT_TIMEOUT_MS = 300
MAX_MESSAGE = 4096


class PopTarget(Protocol):
    """What a screen pop needs of the main window."""

    sig_closing: Any

    def pop_caller(self, number: str) -> None: ...

    def bring_to_front(self) -> None: ...


class BadPopUrl(ValueError):
    """A URL handed to the console that it cannot read a caller from."""


def caller_from_url(url: str) -> str:
    """The caller's number in ``advocate-console://call?number=…`` (or ``tel:…``).

    Raises :class:`BadPopUrl` with a reason a person understands.
    """
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    if scheme == "tel":
        number = unquote(parts.path).split(";")[0].strip()
    elif scheme == URL_SCHEME:
        action = (parts.netloc or parts.path.strip("/")).lower()
        if action != "call":
            raise BadPopUrl(f"“{url}” asks for “{action}”; only advocate-console://call is known")
        # A "+" is the country code of a number far more often than a space.
        values = parse_qs(parts.query.replace("+", "%2B"))
        number = (values.get("number") or values.get("caller") or [""])[0].strip()
    else:
        raise BadPopUrl(f"“{url}” is not an advocate-console:// or tel: address")
    if not number:
        raise BadPopUrl(f"“{url}” names no caller (add ?number=…)")
    if len(number) > 200:
        raise BadPopUrl("The caller's number is too long")
    return number


def server_name(data_dir: Path) -> str:
    """The local socket of the console of this user on this data folder."""
    digest = hashlib.sha256(str(data_dir.expanduser().resolve()).encode()).hexdigest()[:12]
    try:
        user = getpass.getuser()
    except (KeyError, OSError):  # no user name (a container): the folder alone decides
        user = "user"
    safe_user = "".join(c for c in user if c.isalnum()) or "user"
    return f"advocate-console-{safe_user}-{digest}"


def reach_running_console(data_dir: Path, caller: str | None, *, demo: bool) -> bool:
    """Hand ``caller`` to the console already running on ``data_dir``; a pop from a
    terminal that did not say ``--demo`` also reaches the demo console running there
    (its store is ``data_dir/demo``) rather than starting a second one that waits for a
    sign-in. False when no console took it."""
    folder = data_dir / "demo" if demo else data_dir
    if hand_over(server_name(folder), caller):
        return True
    return bool(caller) and not demo and hand_over(server_name(data_dir / "demo"), caller)


def hand_over(name: str, caller: str | None) -> bool:
    """Give ``caller`` (or just "come to the front") to a running console; False when
    none is running. Waits at most a few hundred milliseconds, before any window exists."""
    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(CONNECT_TIMEOUT_MS):
        return False
    message = {"caller": caller} if caller else {}
    socket.write(json.dumps(message).encode() + b"\n")
    delivered = socket.waitForBytesWritten(CONNECT_TIMEOUT_MS)
    # The console answers "ok" once it has read the line, so nothing is lost on exit.
    answered = socket.waitForReadyRead(CONNECT_TIMEOUT_MS * 3)
    socket.disconnectFromServer()
    return delivered and answered


class ScreenPopServer(QObject):
    """Listens for screen pops from other programs, on the UI thread (local, tiny)."""

    sig_caller_popped = Signal(str)
    """Another program handed over this caller's number."""
    sig_activation_requested = Signal()
    """Another start of the console asked this one to come to the front."""

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._accept)

    def listen(self) -> bool:
        """Start listening; a socket left behind by a crashed console is cleared first."""
        if self._server.listen(self.name):
            return True
        if hand_over(self.name, None):  # another console is really there
            return False
        QLocalServer.removeServer(self.name)
        if self._server.listen(self.name):
            return True
        log.warning("Screen pops are off: %s", self._server.errorString())
        return False

    def attach(self, window: PopTarget) -> None:
        """Pop ``window`` for every caller handed over; stop listening when it closes."""
        self.sig_caller_popped.connect(window.pop_caller)
        self.sig_activation_requested.connect(window.bring_to_front)
        window.sig_closing.connect(self.close)

    def close(self) -> None:
        """Stop listening (the console is closing)."""
        self._server.close()

    def _accept(self) -> None:
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)

    def _read(self, socket: QLocalSocket) -> None:
        if not socket.canReadLine():
            if socket.bytesAvailable() > MAX_MESSAGE:
                socket.abort()
            return
        line = bytes(socket.readLine(MAX_MESSAGE).data())
        socket.write(b"ok\n")
        socket.flush()
        try:
            message = json.loads(line)
        except ValueError:
            log.warning("A screen pop that is not JSON was ignored")
            return
        caller = message.get("caller") if isinstance(message, dict) else None
        if isinstance(caller, str) and caller.strip():
            self.sig_caller_popped.emit(caller.strip()[:200])
        else:
            self.sig_activation_requested.emit()
