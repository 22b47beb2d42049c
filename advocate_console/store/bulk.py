"""Writing many rows at once straight through the SQLite driver, for the pull's pages.

SQLAlchemy Core builds, per row, a parameter dict and runs each value's bind processor
through several layers; for a first sync of a million rows that was a fifth of the
client's time. Here each table's statement is written once and every row becomes a
tuple in column order, converted as the table's column types convert (UUIDs as 32 hex
digits, datetimes as SQLAlchemy's SQLite text), so what lands in the file is what the
ORM would have written and reads back the same. The two conversions a pull does most
are written out here, a few times faster than SQLAlchemy's general ones; a test holds
them to SQLAlchemy's output.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any

from sqlalchemy import Connection, DateTime, Dialect, Table, Uuid


@dataclass(frozen=True)
class BulkStatement:
    """One SQL statement with ``?`` parameters, for rows already in the driver's terms
    (see ``prepared.py`` and :func:`processor`)."""

    sql: str
    columns: tuple[str, ...]

    def run(self, connection: Connection, parameters: list[tuple]) -> None:
        """Execute the statement once per tuple of parameters (one ``executemany``)."""
        if parameters:
            connection.exec_driver_sql(self.sql, parameters)


def uuid_text(value: uuid.UUID) -> str:
    """A UUID as SQLAlchemy's ``Uuid`` stores it where the database has no UUID type."""
    return value.hex


def datetime_text(value: datetime) -> str:
    """A time as SQLAlchemy's SQLite ``DATETIME`` stores it, in UTC, without a zone."""
    if value.tzinfo is not None:
        value = value.astimezone(UTC).replace(tzinfo=None)
    return value.isoformat(" ", "microseconds")


def processor(column_type: Any, dialect: Dialect) -> Callable[[Any], Any] | None:
    """How a value of ``column_type`` is turned into what ``dialect``'s driver is given."""
    if dialect.name == "sqlite":
        if isinstance(column_type, Uuid) and column_type.as_uuid:
            return uuid_text
        if isinstance(column_type, DateTime):
            return datetime_text
    # dialect_impl: SQLite's own DATETIME, not the generic DateTime (whose processor is none).
    return column_type.dialect_impl(dialect).bind_processor(dialect)


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


@lru_cache(maxsize=64)  # a few tables
def upsert(table: Table, columns: tuple[str, ...]) -> BulkStatement:
    """Insert rows of ``table``, or update the row with the same id when its stored
    version is not newer (a newer or equal version wins, an older one changes nothing)."""
    names = ", ".join(_quoted(name) for name in columns)
    marks = ", ".join("?" for _ in columns)
    updates = ", ".join(f"{_quoted(name)} = excluded.{_quoted(name)}" for name in columns[1:])
    sql = (
        f"INSERT INTO {_quoted(table.name)} ({names}) VALUES ({marks}) "
        f"ON CONFLICT (id) DO UPDATE SET {updates} "
        f"WHERE {_quoted(table.name)}.version <= excluded.version"
    )
    assert columns[0] == "id", "the id goes first"
    return BulkStatement(sql, columns)


@lru_cache(maxsize=64)  # a few tables
def insert_or_ignore(table: Table, columns: tuple[str, ...]) -> BulkStatement:
    """Insert rows of ``table``, skipping any that is already there."""
    names = ", ".join(_quoted(name) for name in columns)
    marks = ", ".join("?" for _ in columns)
    sql = f"INSERT OR IGNORE INTO {_quoted(table.name)} ({names}) VALUES ({marks})"
    return BulkStatement(sql, columns)


@lru_cache(maxsize=64)  # a few tables
def delete_where(table: Table, column: str) -> BulkStatement:
    """Delete the rows of ``table`` whose ``column`` equals the value given."""
    sql = f"DELETE FROM {_quoted(table.name)} WHERE {_quoted(column)} = ?"
    return BulkStatement(sql, (column,))
