"""The app killed (kill -9) between saving and pushing: the change arrives exactly once."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from advocate_console.api import ApiError
from advocate_console.domain import Collection
from advocate_console.store import LocalChanges, open_store
from advocate_console.sync import push_outbox
from tests.laptop import assert_exactly_once, signed_in
from tests.plumbing import wait_until

ROOT = Path(__file__).parents[2]


@pytest.fixture
def laptop(tmp_path, proxy):
    """Start the laptop child process; returns (process, store path, case id)."""
    store_path = tmp_path / "laptop.sqlite"
    case_id = uuid.uuid4()
    child = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tests.sync.laptop_process",
            str(store_path),
            proxy.url,
            str(case_id),
        ],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout.readline().strip() == "ready"
    yield child, store_path, case_id
    if child.poll() is None:
        child.kill()
    child.wait(10)


def _kill_9(child: subprocess.Popen) -> None:
    os.kill(child.pid, signal.SIGKILL)
    child.wait(10)
    assert child.returncode == -signal.SIGKILL


def test_killed_after_saving_before_pushing(laptop, proxy, client):
    child, store_path, case_id = laptop
    proxy.set("refuse")  # the push cannot start
    child.stdin.write("go\n")
    child.stdin.flush()
    assert child.stdout.readline().strip() == "saved"
    _kill_9(child)
    proxy.set("pass")

    restarted = open_store(store_path)
    assert push_outbox(client, LocalChanges(restarted)).pushed == 1
    assert_exactly_once(client, restarted, Collection.CASES, case_id, 1)
    restarted.close()


def test_killed_after_the_server_committed_but_before_the_answer(laptop, proxy, client, server):
    child, store_path, case_id = laptop
    proxy.set("commit_then_stall")
    child.stdin.write("go\n")
    child.stdin.flush()
    assert child.stdout.readline().strip() == "saved"

    direct = signed_in(server.url)

    def on_server() -> bool:
        try:
            direct.get(Collection.CASES, case_id)
            return True
        except ApiError:
            return False

    wait_until(on_server, what="the saved case on the server")
    direct.close()
    _kill_9(child)
    proxy.set("pass")

    restarted = open_store(store_path)
    result = push_outbox(client, LocalChanges(restarted))
    assert (result.pushed, result.refused) == (1, 0)  # replayed by its idempotency key
    assert_exactly_once(client, restarted, Collection.CASES, case_id, 1)
    restarted.close()
