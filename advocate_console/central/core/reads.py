"""The reads every request makes, written once in SQL and run on the driver's own cursor.

Through SQLAlchemy each statement was built, given a cache key and an execution context
on every call, and each request opened an ORM session or two: py-spy put most of a
search's CPU there. The few statements on the hot routes (the token check, caller
search, history, the change feed) are written here once, in the SQL both SQLite and
PostgreSQL speak, and run on the DBAPI connection under a pooled SQLAlchemy connection,
so the pool, its metrics and the reader's autocommit on PostgreSQL still apply.

SQLite gives back what SQLAlchemy stored: a UUID as 32 hex digits, a time as text
without its zone (UTC); ``uuid_of`` and ``utc_of`` read either database's values.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from sqlalchemy import Connection
from starlette.concurrency import run_in_threadpool

if TYPE_CHECKING:
    from .database import Database

T = TypeVar("T")

_PARAMETER = re.compile(r"(?<![:\w]):(\w+)")


class Sql:
    """One statement with ``:name`` parameters, for SQLite and PostgreSQL alike."""

    def __init__(self, text: str) -> None:
        self.text = " ".join(text.split())
        # psycopg's placeholders are %(name)s, and a literal % must be doubled.
        self._pyformat = _PARAMETER.sub(r"%(\1)s", self.text.replace("%", "%%"))

    def rows(self, connection: Connection, **params: Any) -> list[tuple]:
        """Every row the statement gives with ``params`` (UUIDs as they are)."""
        driver = connection.connection.driver_connection
        if connection.dialect.name == "sqlite":
            # As SQLAlchemy's Uuid type stores them there.
            values = {k: v.hex if isinstance(v, UUID) else v for k, v in params.items()}
            cursor = driver.execute(self.text, values)  # type: ignore[union-attr]
        else:
            cursor = driver.execute(self._pyformat, params)  # type: ignore[union-attr]
        try:
            return cursor.fetchall()
        finally:
            cursor.close()


def uuid_of(value: UUID | str) -> UUID:
    """A UUID column's value (PostgreSQL: a UUID; SQLite: its hex digits)."""
    return value if isinstance(value, UUID) else UUID(value)


def utc_of(value: datetime | str) -> datetime:
    """A time column's value in UTC (SQLite: text without its zone, which is UTC)."""
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


async def read_now(db: Database, read: Callable[[], T]) -> T:
    """Run a quick read on the event loop, where handing it to a thread and back costs
    more CPU than the read (see customers/routes.py); on a thread when every pooled
    connection is taken, so that waiting for one never stalls the worker's loop (and
    every request, stream and heartbeat on it)."""
    if db.connection_free():
        return read()
    return await run_in_threadpool(read)
