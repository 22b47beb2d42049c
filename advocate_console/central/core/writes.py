"""The write path's statements, built once and, on PostgreSQL, compiled once and run on
the driver's cursor.

A write runs a dozen statements in its transaction (the Idempotency-Key, the checks,
the row, the change, the authority's sums, the answer). Built once already, each still
went through SQLAlchemy's execution for every run: its compiled form looked up, an
execution context made, parameters processed, a result wrapped; about 50 us of CPU a
statement beside psycopg's own 55 us (an INSERT of a change, measured). ``Statement``
keeps the SQLAlchemy statement (so the SQL is still written once, for both databases)
and, on PostgreSQL, runs its compiled text on the DBAPI connection under the session's
connection, in the session's transaction. SQLite runs it through SQLAlchemy as before
(its UUIDs and times are stored as SQLAlchemy writes them).

A database error is raised as SQLAlchemy's (``IntegrityError``, ``OperationalError``…),
as the server's handlers and the Idempotency-Key's retry expect.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Executable
from sqlalchemy.exc import DBAPIError


class Statement:
    """A statement with bound parameters, run with a dict of their values; every one
    must be given (a column's Python-side default is not filled in on PostgreSQL)."""

    def __init__(self, statement: Executable) -> None:
        self.statement = statement
        # Per set of parameter names (an INSERT's columns are the names given).
        self._compiled: dict[frozenset[str], tuple[str, dict[str, Any], dict[str, Any]]] = {}

    def rows(self, connection: Connection, params: dict[str, Any]) -> list[tuple]:
        """Every row the statement gives (none for a write without RETURNING)."""
        return self._run(connection, params)[0]

    def count(self, connection: Connection, params: dict[str, Any]) -> int:
        """How many rows the statement wrote."""
        return self._run(connection, params)[1]

    def _run(self, connection: Connection, params: dict[str, Any]) -> tuple[list[tuple], int]:
        if connection.dialect.name != "postgresql":
            result = connection.execute(self.statement, params)
            if result.returns_rows:
                return [tuple(row) for row in result], result.rowcount
            return [], result.rowcount
        keys = frozenset(params)
        compiled = self._compiled.get(keys) or self._compile(connection, keys)
        sql, fixed, processors = compiled
        values = {**fixed, **params} if fixed else dict(params)
        for name, process in processors.items():
            values[name] = process(values[name])
        driver = connection.connection.driver_connection
        dbapi_error = connection.dialect.loaded_dbapi.Error
        try:
            cursor = driver.execute(sql, values)  # type: ignore[union-attr]
        except dbapi_error as error:
            raise DBAPIError.instance(
                sql, None, error, dbapi_error, hide_parameters=True, dialect=connection.dialect
            ) from error
        try:
            rows = cursor.fetchall() if cursor.description is not None else []
            return rows, cursor.rowcount
        finally:
            cursor.close()

    def first(self, connection: Connection, params: dict[str, Any]) -> tuple | None:
        """The first row, or None."""
        rows = self.rows(connection, params)
        return rows[0] if rows else None

    def scalar(self, connection: Connection, params: dict[str, Any]) -> Any:
        """The first column of the first row, or None."""
        rows = self.rows(connection, params)
        return rows[0][0] if rows else None

    def _compile(self, connection: Connection, keys: frozenset[str]):
        compiled = self.statement.compile(dialect=connection.dialect, column_keys=list(keys))
        defaulted = [column.key for column in compiled.insert_prefetch + compiled.update_prefetch]
        if defaulted:
            raise ValueError(f"give {', '.join(defaulted)} (a Python-side default) too")
        # Values the statement itself binds (``.values(latest=False)``), beside the given.
        fixed = {
            name: bind.effective_value
            for name, bind in compiled.binds.items()
            if name not in keys and not bind.required
        }
        missing = [
            name for name, bind in compiled.binds.items() if name not in keys and bind.required
        ]
        if missing:
            raise ValueError(f"no value given for {', '.join(missing)}")
        processors = dict(compiled._bind_processors)  # (a Boolean's, on this dialect)
        entry = (compiled.string, fixed, processors)
        self._compiled[keys] = entry
        return entry
