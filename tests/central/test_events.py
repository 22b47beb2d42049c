"""Events for one advocate: published in a transaction, read back in order, streamed."""

from __future__ import annotations

import subprocess
import sys
import uuid

import pytest
import requests
import sqlalchemy as sa

from advocate_console.api.events import EventKind
from advocate_console.central.auth.models import AdvocateRow
from advocate_console.central.core.database import Database
from advocate_console.central.events import routes as events_routes
from advocate_console.central.events.service import publish, read_events, tail_position
from advocate_console.central.server import EmbeddedServer
from tests.plumbing import wait_until

from .conftest import mint_token
from .streams import StreamReader


def _user_id(db: Database, username: str) -> uuid.UUID:
    with db.read() as session:
        return session.scalar(sa.select(AdvocateRow.id).where(AdvocateRow.username == username))


def test_an_event_is_read_only_once_its_transaction_commits(database_url):
    db = Database(database_url)
    try:
        ada = _user_id(db, "ada")
        start = tail_position(db, ada)
        with pytest.raises(RuntimeError), db.write() as session:
            publish(session, ada, EventKind.SCREEN_POP, {"call_id": "rolled back"})
            raise RuntimeError("the feature's write failed")
        with db.write() as session:
            publish(session, ada, EventKind.SCREEN_POP, {"call_id": "one"})
            publish(session, ada, "approval_decided", {"approved": True})
        events = read_events(db, ada, start)
        assert [(e.event, e.data) for e in events] == [
            ("screen_pop", '{"call_id":"one"}'),
            ("approval_decided", '{"approved":true}'),
        ]
        assert read_events(db, ada, tail_position(db, ada)) == []
    finally:
        db.dispose()


def test_a_stream_carries_its_advocates_events_and_no_one_elses(database_url):
    server = EmbeddedServer(database_url)
    url = server.start()
    db = Database(database_url)
    ada_stream = StreamReader(url, mint_token(database_url, "ada"))
    lee_stream = StreamReader(url, mint_token(database_url, "lee"))
    try:
        assert ada_stream.response.status_code == 200
        ada_stream.next("changes_waiting")  # told the feed's head on connecting
        lee_stream.next("changes_waiting")
        with db.write() as session:
            publish(session, _user_id(db, "ada"), EventKind.SCREEN_POP, {"from": "+18004322737"})
        pop = ada_stream.next("screen_pop")
        assert pop.data == {"from": "+18004322737"}
        assert lee_stream.drain("screen_pop", wait=1.0) == []
        # Reconnecting with the last id gets what was published while away, once.
        ada_stream.close()
        with db.write() as session:
            publish(session, _user_id(db, "ada"), EventKind.SCREEN_POP, {"from": "away"})
        again = StreamReader(url, mint_token(database_url, "ada"), last_event_id=pop.id)
        try:
            assert again.next("screen_pop").data == {"from": "away"}
            assert again.drain("screen_pop", wait=0.5) == []
        finally:
            again.close()
    finally:
        ada_stream.close()
        lee_stream.close()
        db.dispose()
        server.stop()


def test_a_stream_needs_a_token(database_url):
    server = EmbeddedServer(database_url)
    url = server.start()
    try:
        import requests

        answer = requests.get(f"{url}/api/v1/events/stream", timeout=5)
        assert answer.status_code == 401
        assert "detail" in answer.json()
    finally:
        server.stop()


@pytest.mark.parametrize(
    ("how", "body"),
    [("disable", {"disabled": True}), ("sign-out-everywhere", {"wipe": False})],
)
def test_a_stream_ends_at_once_when_its_token_stops_working(database_url, how, body):
    # A disabled user's console hears no more screen pops: the stream ends, and its
    # reconnect is refused with the reason (and the wipe order, when given).
    server = EmbeddedServer(database_url)
    url = server.start()
    db = Database(database_url)
    ada = _user_id(db, "ada")
    ada_stream = StreamReader(url, mint_token(database_url, "ada"))
    lee_stream = StreamReader(url, mint_token(database_url, "lee"))
    admin = {"Authorization": f"Bearer {mint_token(database_url, 'ann')}"}
    try:
        ada_stream.next("changes_waiting")
        lee_stream.next("changes_waiting")
        user = f"{url}/api/v1/users/{ada}"
        if how == "disable":
            answer = requests.patch(user, json=body, headers=admin, timeout=10)
        else:
            everywhere = f"{user}/sign-out-everywhere"
            answer = requests.post(everywhere, json=body, headers=admin, timeout=10)
        assert answer.status_code in (200, 204), answer.text
        wait_until(ada_stream.ended, timeout=5, what="the revoked stream to end")
        with db.write() as session:
            publish(session, ada, EventKind.SCREEN_POP, {"from": "+18004322737"})
        assert ada_stream.drain("screen_pop", wait=0.5) == []
        assert not lee_stream.ended()  # everyone else's stream goes on
        again = requests.get(
            f"{url}/api/v1/events/stream",
            headers={"Authorization": ada_stream.response.request.headers["Authorization"]},
            timeout=5,
        )
        assert again.status_code == 401
        assert again.json().get("wipe", False) is (how == "disable")
    finally:
        ada_stream.close()
        lee_stream.close()
        db.dispose()
        server.stop()


PUBLISH_ELSEWHERE = """
import sys, uuid
import advocate_console.central.tables  # every table, as the bridge loads them
from advocate_console.central.core.database import Database
from advocate_console.central.events.service import publish
db = Database(sys.argv[1])
with db.write() as session:
    publish(session, uuid.UUID(sys.argv[2]), "conference_leg", {"from": "the bridge"})
db.dispose()
"""


def test_an_event_another_process_publishes_wakes_the_stream(database_url, monkeypatch):
    # A conference bridge is a process of its own beside the API: its events ring no bell
    # in the API's process. No periodic re-read here, so only a wake-up can bring them.
    monkeypatch.setattr(events_routes, "REREAD_SECONDS", 3600.0)
    server = EmbeddedServer(database_url)
    url = server.start()
    db = Database(database_url)
    stream = StreamReader(url, mint_token(database_url, "ada"))
    try:
        stream.next("changes_waiting")  # told the feed's head on connecting: it reads
        ada = str(_user_id(db, "ada"))
        subprocess.run([sys.executable, "-c", PUBLISH_ELSEWHERE, database_url, ada], check=True)
        assert stream.next("conference_leg", timeout=10).data == {"from": "the bridge"}
    finally:
        stream.close()
        db.dispose()
        server.stop()
