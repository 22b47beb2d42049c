"""A write's twin, sent while the first is still in its transaction, waits for it and gets
its answer; the write runs once. On SQLite and PostgreSQL."""

from __future__ import annotations

import threading
from uuid import UUID

from sqlalchemy import text

from advocate_console.central.core.database import Database
from advocate_console.central.idempotency.service import Answer, answer_once, fingerprint


def test_a_twin_sent_while_the_first_write_is_in_flight_gets_its_answer(database_url):
    db = Database(database_url, pool_size=4)
    with db.read() as session:
        advocate = UUID(str(session.scalar(text("SELECT id FROM advocates LIMIT 1"))))
    request = fingerprint("POST", "/cases", '{"summary": "twin"}')
    inside, finish = threading.Event(), threading.Event()
    ran: list[str] = []
    answers: dict[str, Answer] = {}

    def first_write(_session) -> Answer:
        ran.append("first")
        inside.set()  # the key is taken, not committed
        finish.wait(10)
        return Answer(201, '{"id": "first"}', '"1"', "/cases/first")

    def twin_write(_session) -> Answer:
        ran.append("twin")
        return Answer(201, '{"id": "twin"}', '"1"', "/cases/twin")

    def send(name: str, write) -> None:
        answers[name] = answer_once(db, advocate, "key-1", request, write)

    first = threading.Thread(target=send, args=("first", first_write))
    first.start()
    assert inside.wait(10)
    twin = threading.Thread(target=send, args=("twin", twin_write))
    twin.start()
    twin.join(0.3)
    assert twin.is_alive()  # waiting for the first to end
    finish.set()
    first.join(10)
    twin.join(10)
    db.dispose()
    assert ran == ["first"]
    assert (
        answers["twin"] == answers["first"] == Answer(201, '{"id": "first"}', '"1"', "/cases/first")
    )
