"""What the server's logs may say: never a search text or other personal data.

* The access log (uvicorn's ``uvicorn.access``) shows a request's query parameter names,
  never their values: ``GET /api/v1/customers?q=…&limit=…``; a search for a customer's
  phone or name stays out of it.
* A database error is logged as its kind and where it happened (SQLSTATE, table, column,
  constraint), never the statement's parameters (the engines hide them) nor the database's
  own detail line, which quotes the values (``Key (email)=(…) already exists``).
"""

from __future__ import annotations

import logging
from urllib.parse import parse_qsl

from sqlalchemy.exc import DBAPIError

ACCESS_LOGGER = "uvicorn.access"
HIDDEN = "…"


def hide_query_values(target: str) -> str:
    """``target`` (a path with its query) with every query value replaced by "…"."""
    path, mark, query = target.partition("?")
    if not mark:
        return target
    names = [name for name, _value in parse_qsl(query, keep_blank_values=True)]
    if not names:
        return f"{path}?{HIDDEN}"
    return f"{path}?" + "&".join(f"{name[:40]}={HIDDEN}" for name in names)


class HideQueryValues(logging.Filter):
    """Rewrites uvicorn's access lines (client, method, target, HTTP version, status)."""

    def filter(self, record: logging.LogRecord) -> bool:
        """Keep the line, with the query values hidden."""
        args = record.args
        if isinstance(args, tuple) and len(args) == 5 and isinstance(args[2], str):
            record.args = (args[0], args[1], hide_query_values(args[2]), args[3], args[4])
        return True


def hide_query_values_in_access_log() -> None:
    """Install :class:`HideQueryValues` on the access logger (once per process)."""
    logger = logging.getLogger(ACCESS_LOGGER)
    if not any(isinstance(f, HideQueryValues) for f in logger.filters):
        logger.addFilter(HideQueryValues())


def describe_sql_error(error: DBAPIError) -> str:
    """A database error as it may be logged: its kind and where, no values."""
    orig = error.orig
    parts = [type(orig).__name__ if orig is not None else type(error).__name__]
    sqlstate = getattr(orig, "sqlstate", None)  # PostgreSQL (psycopg)
    if sqlstate:
        diag = getattr(orig, "diag", None)
        parts.append(f"SQLSTATE {sqlstate}")
        for name in ("table_name", "column_name", "constraint_name"):
            value = getattr(diag, name, None)
            if value:
                parts.append(f"{name.replace('_name', '')} {value}")
    elif orig is not None:
        # SQLite's messages name the constraint or the table, never a value.
        parts.append(str(orig).splitlines()[0][:200] if str(orig) else "")
    return ": ".join(part for part in parts if part)
