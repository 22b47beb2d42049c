"""The server's logs: plain lines for people, or one JSON object a line for collectors;
and what they may say: never a search text or other personal data.

* The access log (uvicorn's ``uvicorn.access``; off in ``serve``, where /metrics counts
  requests, and on wherever it is run otherwise) shows a request's query parameter names,
  never their values: ``GET /api/v1/customers?q=…&limit=…``; a search for a customer's
  phone or name stays out of it.
* A database error is logged as its kind and where it happened (SQLSTATE, table, column,
  constraint), never the statement's parameters (the engines hide them) nor the database's
  own detail line, which quotes the values (``Key (email)=(…) already exists``).
"""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime
from typing import Any
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


# LogRecord's own attributes; anything else on a record was passed in ``extra``.
_STANDARD = set(vars(logging.makeLogRecord({}))) | {"message", "asctime", "color_message"}


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message, and any ``extra`` fields."""

    def format(self, record: logging.LogRecord) -> str:
        """The record as a line of JSON."""
        entry: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "process": record.process,
        }
        for key, value in vars(record).items():
            if key not in _STANDARD and not key.startswith("_"):
                entry[key] = value
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, default=str, ensure_ascii=False)


def log_config(log_format: str, level: str = "INFO") -> dict[str, Any]:
    """A ``logging.config.dictConfig`` for the server and uvicorn, in ``text`` or ``json``."""
    formatter = (
        {"()": f"{__name__}.JsonFormatter"}
        if log_format == "json"
        else {"format": "%(asctime)s %(levelname)s %(name)s [%(process)d]: %(message)s"}
    )
    handler = {"class": "logging.StreamHandler", "formatter": "main", "stream": "ext://sys.stderr"}
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"main": formatter},
        "handlers": {"main": handler},
        "root": {"handlers": ["main"], "level": level},
        "loggers": {
            "uvicorn": {"level": level},
            "uvicorn.error": {"level": level},
            "uvicorn.access": {"level": "WARNING"},  # /metrics counts requests instead
        },
    }
