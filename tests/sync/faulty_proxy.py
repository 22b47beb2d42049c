"""A TCP proxy in front of the real server that fails the way home Wi-Fi does.

Modes apply to new connections: ``pass`` forwards; ``refuse`` stops listening (connection
refused); ``stall`` accepts and never answers; ``cut_after_commit`` forwards the request,
lets the server answer, and drops the connection before the client reads a byte;
``commit_then_stall`` does the same but holds the connection open, answering nothing;
``respond`` answers with a canned HTTP response instead of the server. ``faults`` bounds
how many connections get the fault before the proxy passes again (None: until changed).
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time


def _response(status: str, body: bytes, *headers: str, length: int | None = None) -> bytes:
    lines = [
        f"HTTP/1.1 {status}",
        *headers,
        f"Content-Length: {length if length is not None else len(body)}",
        "Connection: close",
    ]
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body


CANNED = {
    "500": _response(
        "500 Internal Server Error",
        b'{"detail": "database down"}',
        "Content-Type: application/json",
    ),
    "503": _response("503 Service Unavailable", b"", "Retry-After: 1"),
    # Broken JSON, delivered whole.
    "malformed": _response("200 OK", b'{"items": [{"cur', "Content-Type: application/json"),
    # The body stops short of the length the headers promised: the line dropped mid-answer.
    "truncated": _response(
        "200 OK", b'{"items": [{"cur', "Content-Type: application/json", length=4000
    ),
    # Well-formed JSON of the right shape, but a record this console cannot read.
    "bad_record": _response(
        "200 OK",
        b'{"items": [{"cursor": 1, "collection": "customers", "op": "upsert",'
        b' "id": "6f1c1c36-5b2e-4a4e-9d43-2f3f6b9e1a01", "version": 1,'
        b' "data": {"id": "6f1c1c36-5b2e-4a4e-9d43-2f3f6b9e1a01", "version": 1,'
        b' "display_name": "Ann Lee", "customer_since": "2015-06-01", "tier": "emperor"}}],'
        b' "next_cursor": 1, "has_more": false}',
        "Content-Type: application/json",
    ),
    "html": _response(
        "200 OK",
        b"<html><body>Sign in to CoffeeShop Wi-Fi to continue</body></html>",
        "Content-Type: text/html",
    ),
}


class FaultyProxy:
    """Listens on 127.0.0.1 and forwards to ``upstream`` (host, port), or fails on purpose."""

    def __init__(self, upstream: tuple[str, int]) -> None:
        self.upstream = upstream
        self.mode = "pass"
        self.canned = b""
        self.faults: int | None = None
        self.connections = 0
        self._listener: socket.socket | None = None
        self._open: set[socket.socket] = set()
        self._lock = threading.Lock()
        self._stopped = threading.Event()
        probe = socket.socket()
        probe.bind(("127.0.0.1", 0))
        self.port = probe.getsockname()[1]
        probe.close()
        self._listen()

    @property
    def url(self) -> str:
        """Base URL of the proxy."""
        return f"http://127.0.0.1:{self.port}"

    def set(self, mode: str, *, faults: int | None = None, canned: str | None = None) -> None:
        """Fail (or pass) from the next connection on; existing connections are dropped."""
        with self._lock:  # (a connection is accepted with the mode it was accepted in)
            self.mode = mode
            self.faults = faults
            self.canned = CANNED[canned] if canned else b""
        if mode == "refuse":  # first: a client reconnecting at once is refused
            self._close_listener()
        self.drop_connections()
        if mode != "refuse" and self._listener is None:
            self._listen()

    def drop_connections(self) -> None:
        """Close every connection in flight (as a dropped Wi-Fi would)."""
        with self._lock:
            for sock in list(self._open):
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
                sock.close()
            self._open.clear()

    def close(self) -> None:
        """Stop listening and drop everything."""
        self._stopped.set()
        self._close_listener()
        self.drop_connections()

    # -- internals -----------------------------------------------------------------------

    def _listen(self) -> None:
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        for _ in range(50):  # the port may linger a moment after a refuse
            try:
                listener.bind(("127.0.0.1", self.port))
                break
            except OSError:
                time.sleep(0.05)
        listener.listen(64)
        self._listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    def _close_listener(self) -> None:
        with self._lock:
            listener, self._listener = self._listener, None
        if listener is not None:
            with contextlib.suppress(OSError):
                listener.shutdown(socket.SHUT_RDWR)
            listener.close()

    def _accept(self, listener: socket.socket) -> None:
        while not self._stopped.is_set():
            try:
                client, _ = listener.accept()
            except OSError:
                return
            with self._lock:
                if self._listener is not listener:  # refusing since it was accepted
                    client.close()
                    return
                self.connections += 1
                mode = self.mode
                if mode != "pass" and self.faults is not None:
                    if self.faults <= 0:
                        mode = "pass"
                    else:
                        self.faults -= 1
                self._open.add(client)
            threading.Thread(target=self._handle, args=(client, mode), daemon=True).start()

    def _handle(self, client: socket.socket, mode: str) -> None:
        try:
            if mode == "stall":
                self._stopped.wait(60)
            elif mode == "respond":
                _read_request(client)
                client.sendall(self.canned)
            elif mode in ("cut_after_commit", "commit_then_stall"):
                request = _read_request(client)
                with socket.create_connection(self.upstream) as server:
                    server.sendall(request)
                    server.recv(65536)  # the server has answered: its transaction committed
                if mode == "commit_then_stall":  # and the answer never reaches the client
                    self._stopped.wait(60)
            else:
                self._pipe(client)
        except OSError:
            pass
        finally:
            with self._lock:
                self._open.discard(client)
            with contextlib.suppress(OSError):
                client.close()

    def _pipe(self, client: socket.socket) -> None:
        server = socket.create_connection(self.upstream)
        with self._lock:
            if client not in self._open:  # dropped while this connected upstream
                server.close()
                return
            self._open.add(server)

        def forward(source: socket.socket, target: socket.socket) -> None:
            try:
                while data := source.recv(65536):
                    target.sendall(data)
            except OSError:
                pass
            finally:
                with contextlib.suppress(OSError):
                    target.shutdown(socket.SHUT_WR)

        back = threading.Thread(target=forward, args=(server, client), daemon=True)
        back.start()
        forward(client, server)
        back.join(30)
        with self._lock:
            self._open.discard(server)
        server.close()


def _read_request(sock: socket.socket) -> bytes:
    """One whole HTTP/1.1 request (headers and Content-Length body)."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            return data
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n"):
        if line.lower().startswith(b"content-length:"):
            length = int(line.split(b":")[1])
    while len(body) < length:
        chunk = sock.recv(65536)
        if not chunk:
            break
        body += chunk
    return head + b"\r\n\r\n" + body
