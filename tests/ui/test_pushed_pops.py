"""A call the phone system posts to the server pops the caller on the advocate's console,
exactly as ``--caller`` does, and the console notes whether it was answered."""

from __future__ import annotations

import uuid

import pytest
import requests

from advocate_console.auth import TokenVault
from advocate_console.central.core.database import Database
from advocate_console.central.demo.accounts import DEMO_PASSWORD, DEMO_USERNAME
from advocate_console.central.demo.stories.repeat_failure import REPEAT_FAILURE_PHONE
from advocate_console.central.integrations.service import create_integration
from advocate_console.console import Console
from advocate_console.settings import Settings
from advocate_console.sync.events import CallState


@pytest.fixture
def console(qtbot, tmp_path, server):
    """A console signed in to the test server as the demo advocate, synced once."""
    running = Console(
        Settings(api_url=server.url, data_dir=tmp_path), tmp_path, TokenVault(memory_only=True)
    )
    qtbot.addWidget(running.window)
    with qtbot.waitSignal(running.sig_ready, timeout=20_000):
        running.open_local()
    with qtbot.waitSignal(running.sync.sig_synced, timeout=30_000):
        running.sign_in_as(server.url, DEMO_USERNAME, DEMO_PASSWORD)
    qtbot.waitUntil(lambda: running.pushes.listener is not None, timeout=5000)
    yield running
    running.window.close()


@pytest.fixture
def post(server):
    """POST a call event to the server as a phone system would."""
    db = Database(server.database_url)
    key = create_integration(db, f"pbx-{uuid.uuid4().hex[:8]}")[1]
    db.dispose()

    def send(**body: str) -> None:
        answer = requests.post(
            f"{server.url}/api/v1/telephony/events",
            json=body,
            headers={"Authorization": f"Bearer {key}"},
            timeout=10,
        )
        assert answer.status_code == 200, answer.text

    return send


def test_a_posted_call_pops_the_caller_and_its_answer_is_noted(qtbot, console, post):
    window = console.window
    with qtbot.waitSignal(window.sig_history_shown, timeout=10_000):
        post(
            event="newCall",
            call_id="p-1",
            user=DEMO_USERNAME,
            to="+4930123",
            **{"from": REPEAT_FAILURE_PHONE},
        )
    assert window.caller_bar.field.text() == REPEAT_FAILURE_PHONE
    assert REPEAT_FAILURE_PHONE in window.history.history.customer.phones
    listener = console.pushes.listener
    post(event="answer", call_id="p-1")
    qtbot.waitUntil(lambda: listener.calls.get("p-1") == CallState.ANSWERED, timeout=10_000)


def test_an_unknown_caller_is_offered_as_a_new_caller_and_a_missed_call_noted(qtbot, console, post):
    window = console.window
    post(event="newCall", call_id="p-2", user=DEMO_USERNAME, **{"from": "+15555550147"})
    # (the window is not shown in this test: "visible" means visible once it is)
    qtbot.waitUntil(lambda: window.caller_bar.new_contact.isVisibleTo(window), timeout=10_000)
    assert window.caller_bar.field.text() == "+15555550147"
    post(event="hangup", call_id="p-2")
    listener = console.pushes.listener
    qtbot.waitUntil(lambda: listener.calls.get("p-2") == CallState.IGNORED, timeout=10_000)
    qtbot.waitUntil(lambda: "not answered" in window.statusBar().currentMessage(), timeout=5000)
