"""The embedded server over real loopback HTTP: start, use, stop, and start again."""

from __future__ import annotations

import socket

import pytest
import requests

from advocate_console.central.server import EmbeddedServer

from .conftest import PASSWORD


def test_it_serves_over_http_and_restarts_in_one_process(database_url):
    server = EmbeddedServer(database_url)
    for _ in range(2):
        url = server.start()
        assert url == server.url
        host, port = url.removeprefix("http://").split(":")
        assert host == "127.0.0.1" and int(port) > 0
        with requests.Session() as http:
            assert http.get(f"{url}/api/v1/health", timeout=5).json()["status"] == "ok"
            token = http.post(
                f"{url}/api/v1/auth/token",
                data={"username": "ada", "password": PASSWORD},
                timeout=5,
            ).json()["access_token"]
            http.headers["Authorization"] = f"Bearer {token}"
            found = http.get(f"{url}/api/v1/customers", params={"q": "1-800-GE-CARES"}, timeout=5)
            assert found.status_code == 200
            assert found.json() == {"items": [], "next_cursor": None}
            garbage = http.post(f"{url}/api/v1/cases", data=b"\x00\x01", timeout=5)
            assert garbage.status_code in (415, 422)
        server.stop()
        with pytest.raises(requests.ConnectionError):
            requests.get(f"{url}/api/v1/health", timeout=2)


def test_a_fixed_port_is_used_and_reported(tmp_path):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with EmbeddedServer(f"sqlite:///{tmp_path / 'c.sqlite'}", port=port) as server:
        assert server.url == f"http://127.0.0.1:{port}"
        assert requests.get(f"{server.url}/api/v1/health", timeout=5).status_code == 200


def test_a_port_in_use_is_reported_not_hung_on(tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        server = EmbeddedServer(f"sqlite:///{tmp_path / 'c.sqlite'}", port=taken.getsockname()[1])
        with pytest.raises(OSError):
            server.start(timeout=5)
        server.stop()


def test_its_connections_send_at_once_without_waiting_for_acks(tmp_path):
    # With Nagle's algorithm on, each response's body waited for the client's delayed ACK
    # of its headers (40 ms per request in demo mode): the socket must say it is TCP, so
    # asyncio turns Nagle off on every connection, and turn it off itself.
    server = EmbeddedServer(f"sqlite:///{tmp_path / 'central.sqlite'}")
    server.start()
    try:
        listening = server._socket
        assert listening is not None
        assert listening.proto == socket.IPPROTO_TCP
        assert listening.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) != 0
    finally:
        server.stop()
