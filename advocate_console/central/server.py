"""The central server running inside another process, for demo mode and client tests."""

from __future__ import annotations

import socket
import threading
import time
from dataclasses import replace
from datetime import timedelta

import requests
import uvicorn

from advocate_console.api.schemas import API_PREFIX

from .app import create_app
from .core.clock import Clock
from .core.database import prepare_database
from .core.settings import CentralSettings


class ServerDidNotStart(RuntimeError):
    """The embedded server did not answer its health check in time; the message says why."""


def listening_socket(host: str) -> socket.socket:
    """A TCP socket for ``host`` with Nagle's algorithm off, as uvicorn's own would be.

    asyncio turns Nagle off on each connection only when the socket says it is TCP
    (``proto`` 6); a socket made as ``socket(AF_INET, SOCK_STREAM)`` says 0. With Nagle
    on, a response's body waited for the client's delayed ACK of its headers: 40 ms on
    every request in demo mode (py-spy showed the server idle in ``select`` meanwhile).
    """
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)  # inherited by accepted sockets
    return sock


class EmbeddedServer:
    """uvicorn serving the central API on a background thread, started and stopped at will."""

    def __init__(
        self,
        database_url: str,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        token_lifetime: timedelta | None = None,
        clock: Clock | None = None,
    ) -> None:
        self.database_url = database_url
        self.token_lifetime = token_lifetime
        self.clock = clock  # a SettableClock lets tests expire tokens without waiting
        self.host = host
        self.port = port
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None
        self._socket: socket.socket | None = None
        self._bound_port: int | None = None
        self._failure: BaseException | None = None

    @property
    def url(self) -> str:
        """The base URL, like ``http://127.0.0.1:43127``, once started."""
        if self._bound_port is None:
            raise RuntimeError("The embedded server is not running; call start() first.")
        return f"http://{self.host}:{self._bound_port}"

    def start(self, timeout: float = 15.0) -> str:
        """Migrate the database, serve it, and return the base URL once /health answers."""
        if self._thread is not None:
            return self.url
        prepare_database(self.database_url)
        # Bind here rather than in uvicorn, so port 0 yields a port we can report.
        sock = listening_socket(self.host)
        try:
            sock.bind((self.host, self.port))
        except OSError:
            sock.close()
            raise
        sock.set_inheritable(True)
        self._socket = sock
        self._bound_port = sock.getsockname()[1]
        settings = CentralSettings(database_url=self.database_url, migrate_on_startup=False)
        if self.token_lifetime is not None:
            settings = replace(settings, token_lifetime=self.token_lifetime)
        if self.clock is not None:
            settings = replace(settings, clock=self.clock)
        self._app = create_app(settings)
        config = uvicorn.Config(self._app, log_level="warning", access_log=False, lifespan="on")
        self._server = uvicorn.Server(config)
        self._failure = None
        self._thread = threading.Thread(target=self._serve, name="central-server", daemon=True)
        self._thread.start()
        try:
            self._wait_until_healthy(timeout)
        except BaseException:
            self.stop()
            raise
        return self.url

    def _serve(self) -> None:
        assert self._server is not None and self._socket is not None
        try:
            self._server.run(sockets=[self._socket])
        except BaseException as error:  # reported by start(), which is waiting on us
            self._failure = error

    def _wait_until_healthy(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        health = f"{self.url}{API_PREFIX}/health"
        last_error = "no answer yet"
        with requests.Session() as session:
            while time.monotonic() < deadline:
                if self._failure is not None or not (self._thread and self._thread.is_alive()):
                    raise ServerDidNotStart(f"The embedded server stopped: {self._failure!r}")
                try:
                    if session.get(health, timeout=1.0).status_code == 200:
                        return
                    last_error = "health check did not answer 200"
                except requests.RequestException as error:
                    last_error = str(error)
                time.sleep(0.05)
        raise ServerDidNotStart(f"The embedded server did not answer in {timeout} s: {last_error}")

    def stop(self, timeout: float = 10.0) -> None:
        """Ask uvicorn to finish, wait for the thread, and release the port."""
        if self._server is not None:
            self._app.state.events.close_streams()  # open event streams would hold it up
            self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout)
            if self._thread.is_alive() and self._server is not None:
                self._server.force_exit = True
                self._thread.join(timeout)
        if self._socket is not None:
            self._socket.close()
        self._server = None
        self._thread = None
        self._socket = None
        self._bound_port = None

    def __enter__(self) -> EmbeddedServer:
        self.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.stop()
