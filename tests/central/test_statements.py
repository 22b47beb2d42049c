"""core/writes.py: a write's statements built once give the same rows, counts and errors
on PostgreSQL (compiled once, run on the driver's cursor) as through SQLAlchemy."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import pytest
from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.exc import IntegrityError

from advocate_console.central.auth.models import AdvocateRow
from advocate_console.central.changes.models import ChangeRow
from advocate_console.central.core.database import Database
from advocate_console.central.core.writes import Statement
from advocate_console.central.idempotency.models import IdempotencyKeyRow

KEYS = IdempotencyKeyRow.__table__
TAKE = Statement(insert(KEYS))
FIND = Statement(select(KEYS.c.key, KEYS.c.status).where(KEYS.c.advocate_id == bindparam("who")))
ANSWER = Statement(
    update(KEYS).where(KEYS.c.advocate_id == bindparam("who")).values(status=bindparam("code"))
)


def _row(advocate: uuid.UUID, key: str) -> dict:
    now = datetime.now(UTC)
    return {"advocate_id": advocate, "key": key, "fingerprint": "f", "status": 0, "body": ""} | {
        "created_at": now
    }


def test_rows_counts_and_a_duplicate_as_sqlalchemys_integrity_error(database_url):
    db = Database(database_url)
    with db.read() as session:
        advocate = session.scalar(select(AdvocateRow.id).where(AdvocateRow.username == "ada"))
    with db.write() as session:
        connection = session.connection()
        assert TAKE.rows(connection, _row(advocate, "a")) == []
        TAKE.rows(connection, _row(advocate, "b"))
        assert sorted(FIND.rows(connection, {"who": advocate})) == [("a", 0), ("b", 0)]
        assert ANSWER.count(connection, {"who": advocate, "code": 201}) == 2
        assert FIND.first(connection, {"who": advocate})[1] == 201
        assert FIND.scalar(connection, {"who": uuid.uuid4()}) is None
    with pytest.raises(IntegrityError), db.write() as session:
        TAKE.rows(session.connection(), _row(advocate, "a"))
    with db.read() as session:  # the failed transaction rolled back; the first is there
        assert len(FIND.rows(session.connection(), {"who": advocate})) == 2
    db.dispose()


def test_a_python_side_default_must_be_given(postgresql_url):
    db = Database(postgresql_url)
    values = {"collection": "cases", "record_id": uuid.uuid4(), "version": 1, "data": "{}"}
    values |= {"committed_at": datetime.now(UTC), "changed_by_id": None, "changed_by_name": None}
    with pytest.raises(ValueError, match="latest"), db.write() as session:
        Statement(insert(ChangeRow.__table__)).rows(session.connection(), values)
    db.dispose()
