"""Several workers on one PostgreSQL: readiness, metrics summed over workers, JSON logs,
and events reaching a console whichever worker holds its stream."""

from __future__ import annotations

import http.client
import json
import re
import socket
import subprocess
import time
from collections.abc import Iterator

import pytest
import requests

from advocate_console.central.core.database import Database
from advocate_console.central.integrations.service import create_integration
from tests.plumbing import wait_until

from .conftest import TEMPLATE, mint_token, postgres_database
from .streams import StreamReader
from .workers import ServedWorkers

pytestmark = pytest.mark.postgres


@pytest.fixture(scope="module")
def two_workers(postgres_template, tmp_path_factory) -> Iterator[tuple[ServedWorkers, str]]:
    """``serve --workers 2 --log-format json`` on a fresh copy of the test database."""
    with postgres_database(postgres_template, template=TEMPLATE) as url:
        log = tmp_path_factory.mktemp("workers") / "serve.log"
        served = ServedWorkers(url, 2, log, "--log-format", "json")
        try:
            yield served, url
        finally:
            served.stop()


def _json_lines(served: ServedWorkers) -> list[dict]:
    return [json.loads(line) for line in served.log.read_text().splitlines() if line.strip()]


def _started(lines: list[dict]) -> set[int]:
    return {line["process"] for line in lines if "Application startup complete" in line["message"]}


def _metric(text: str, name: str, **labels: str) -> float:
    total = 0.0
    for line in text.splitlines():
        if not line.startswith(name + "{") and not line.startswith(name + " "):
            continue
        if all(f'{key}="{value}"' in line for key, value in labels.items()):
            total += float(line.rsplit(" ", 1)[1])
    return total


def test_ready_metrics_and_json_logs_across_two_workers(two_workers):
    served, url = two_workers
    # /ready answered by one worker says nothing of the other, which may still be
    # starting on a busy machine (and its pool not in the metrics yet): both must start,
    # and say so in JSON, in time.
    wait_until(
        lambda: len(_started(_json_lines(served))) >= 2,
        timeout=120,
        what="both workers logging their start-up",
    )
    token = mint_token(url, "ada")
    with requests.Session() as http:
        http.headers["Authorization"] = f"Bearer {token}"
        assert http.get(f"{served.url}/api/v1/ready", timeout=5).json()["status"] == "ready"
        for _ in range(40):  # new connections, so both workers answer some
            with requests.get(
                f"{served.url}/api/v1/customers", params={"q": "x"}, headers=http.headers, timeout=5
            ) as answer:
                assert answer.status_code == 200
        first = http.get(f"{served.url}/metrics", timeout=5).text
        second = http.get(f"{served.url}/metrics", timeout=5).text
    for text in (first, second):  # whichever worker answers, the sums are everyone's
        assert _metric(text, "advocate_requests_total", route="/customers", status="200") == 40
        assert _metric(text, "advocate_request_seconds_count", route="/customers") == 40
        assert "advocate_change_feed_head" in text
        assert _metric(text, "advocate_db_connections_limit") == 2 * 2 * 3  # two pools of 3+3
    lines = _json_lines(served)
    assert {"time", "level", "logger", "message"} <= set(lines[0])


def test_a_connection_idle_between_a_consoles_actions_stays_open(two_workers):
    # uvicorn's own default closed it after 5 s: a console acting every 10 s then opened
    # a new connection for each request.
    served, _url = two_workers
    with socket.create_connection(("127.0.0.1", served.port), timeout=10) as connection:
        request = f"GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1:{served.port}\r\n\r\n"
        connection.sendall(request.encode())
        assert connection.recv(65536).startswith(b"HTTP/1.1 200")
        time.sleep(7)
        connection.setblocking(False)
        try:
            closed = connection.recv(1, socket.MSG_PEEK) == b""  # (EOF: the server closed it)
        except BlockingIOError:
            closed = False  # open, nothing to read
        assert not closed


def test_ready_says_503_when_the_database_is_gone(tmp_path):
    from fastapi.testclient import TestClient

    from advocate_console.central.app import create_app
    from advocate_console.central.core.settings import CentralSettings

    settings = CentralSettings(
        database_url="postgresql+psycopg://nobody@127.0.0.1:1/none", migrate_on_startup=False
    )
    with TestClient(create_app(settings)) as client:
        answer = client.get("/api/v1/ready")
    assert answer.status_code == 503
    assert re.search("not reachable", answer.json()["detail"])


def _worker_serving(server_port: int, client_port: int) -> int:
    """The pid of the worker holding the server side of the connection from ``client_port``."""
    out = subprocess.run(
        [
            "ss",
            "-Htnp",
            "state",
            "established",
            f"( sport = :{server_port} and dport = :{client_port} )",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    found = re.search(r"pid=(\d+)", out)
    assert found, f"no server socket for client port {client_port}: {out!r}"
    return int(found.group(1))


def _post_on_another_worker(served: ServedWorkers, avoid: int, key: str, body: dict) -> int:
    """POST a call event on a connection that a worker other than ``avoid`` accepted.

    Whichever worker is first in accept() gets a connection: on a busy machine the other
    may stay busy for a while (50 quick tries all went to one worker once in CI), so the
    tries are spread over up to 60 s."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        connection = http.client.HTTPConnection("127.0.0.1", served.port, timeout=10)
        connection.connect()
        worker = _worker_serving(served.port, connection.sock.getsockname()[1])
        if worker == avoid:
            connection.close()
            time.sleep(0.05)
            continue
        connection.request(
            "POST",
            "/api/v1/telephony/events",
            body=json.dumps(body),
            headers={"Authorization": f"Bearer {key}", "Content-Type": "application/json"},
        )
        answer = connection.getresponse()
        assert answer.status == 200, answer.read()
        connection.close()
        return worker
    raise AssertionError("every connection went to one worker")


def test_a_pop_posted_to_one_worker_reaches_the_stream_on_the_other(two_workers):
    served, url = two_workers
    db = Database(url)
    key = create_integration(db, "pbx-two-workers")[1]
    db.dispose()
    ada = StreamReader(served.url, mint_token(url, "ada"))
    lee = StreamReader(served.url, mint_token(url, "lee"))
    try:
        ada.next("changes_waiting")
        lee.next("changes_waiting")
        ada_port = ada.response.raw._connection.sock.getsockname()[1]
        ada_worker = _worker_serving(served.port, ada_port)
        other = _post_on_another_worker(
            served,
            ada_worker,
            key,
            {"event": "newCall", "call_id": "x-1", "from": "+18004322737", "user": "ada"},
        )
        assert other != ada_worker
        pop = ada.next("screen_pop", timeout=2.0)  # the done-when: within 2 s
        assert pop.data["number"] == "+18004322737" and pop.data["state"] == "offered"
        assert lee.drain("screen_pop", wait=1.0) == []  # a colleague's console hears nothing
        refused = requests.post(
            f"{served.url}/api/v1/telephony/events",
            json={"event": "newCall", "call_id": "x-2", "user": "ada"},
            headers={"Authorization": "Bearer aci_not-the-key"},
            timeout=5,
        )
        assert refused.status_code == 401
        assert ada.drain("screen_pop", wait=0.5) == []
    finally:
        ada.close()
        lee.close()
