"""Real servers at addresses that are not an Advocate Console API, each in its own
process: a plain web server (``python -m http.server`` on an empty folder: 404s), one
that answers every path with a web page, one that answers JSON of another shape, and
one behind TLS with a self-signed certificate. Each notes the requests it got.

    python -m tests.wrong_servers KIND PORT LOG [CERT KEY]
"""

from __future__ import annotations

import contextlib
import http.server
import json
import os
import ssl
import subprocess
import sys
from collections.abc import Iterator
from functools import partial
from pathlib import Path

from tests.plumbing import free_port, wait_until

KINDS = ("html", "not_found", "json", "tls")


class _Noting(http.server.SimpleHTTPRequestHandler):
    """Serves files of an empty folder (so: 404s), noting every request line."""

    log_path = ""

    def log_request(self, code="-", size="-") -> None:
        with open(self.log_path, "a", encoding="utf-8") as log:
            log.write(f"{self.command} {self.path}\n")


class _WebPage(_Noting):
    """Every path, every method: a web page, as a Wi-Fi sign-in page or an app would."""

    page = b"<!doctype html><html><body><h1>Welcome to Guest Wi-Fi</h1></body></html>"

    def _answer(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(self.page)))
        self.end_headers()
        self.wfile.write(self.page)

    do_GET = do_POST = _answer  # http.server's names


class _OtherJson(_WebPage):
    """Another service's JSON API: it answers, in JSON, but not as ours."""

    page = json.dumps({"service": "inventory", "healthy": True}).encode()

    def _answer(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(self.page)))
        self.end_headers()
        self.wfile.write(self.page)

    do_GET = do_POST = _answer


def serve(kind: str, port: int, log: str, cert: str = "", key: str = "") -> None:
    """Serve ``kind`` on 127.0.0.1:``port`` until killed."""
    handler = {"html": _WebPage, "json": _OtherJson}.get(kind, _Noting)
    handler.log_path = log
    empty = Path(log).with_suffix(".www")
    empty.mkdir(exist_ok=True)
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", port), partial(handler, directory=str(empty))
    )
    if kind == "tls":
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(cert, key)
        server.socket = context.wrap_socket(server.socket, server_side=True)
    print("ready", flush=True)
    server.serve_forever()


def self_signed_certificate(folder: Path) -> tuple[Path, Path]:
    """A certificate for 127.0.0.1 that nobody vouches for (``openssl req -x509``)."""
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        [
            *("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2"),
            *("-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"),
            *("-keyout", str(key), "-out", str(cert)),
        ],
        check=True,
        capture_output=True,
    )
    return cert, key


@contextlib.contextmanager
def wrong_server(kind: str, folder: Path) -> Iterator[tuple[str, Path]]:
    """Start a wrong server of ``kind``; yields its address and the file of its requests."""
    port, log = free_port(), folder / f"{kind}.log"
    log.touch()
    extra = [str(p) for p in self_signed_certificate(folder)] if kind == "tls" else []
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.wrong_servers", kind, str(port), str(log), *extra],
        stdout=subprocess.PIPE,
        cwd=Path(__file__).parent.parent,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        assert process.stdout is not None
        assert process.stdout.readline().strip() == b"ready", f"the {kind} server did not start"
        wait_until(lambda: _listening(port), timeout=10, what=f"the {kind} server")
        scheme = "https" if kind == "tls" else "http"
        yield f"{scheme}://127.0.0.1:{port}", log
    finally:
        process.kill()
        process.wait()
        process.stdout.close()


def _listening(port: int) -> bool:
    import socket

    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) == 0


if __name__ == "__main__":
    kind, port, *rest = sys.argv[1:]
    serve(kind, int(port), *rest)
