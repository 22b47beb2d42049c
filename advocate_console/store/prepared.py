"""Records turned into the local store's row values, ready for the writer.

A pull turns each page's records into the parameters of the store's statements: ids as
32 hex digits, times as SQLAlchemy's SQLite text, choices as their values, in each
table's column order, as the ORM would have written them (a test holds them to it). On a
first sync that is done in a worker process beside the thread that writes (see
``sync/pages.py``), so a prepared page is plain data, quick to pickle: tuples of strings
and numbers.

A row's last value is its ``data``: the record's JSON, from the record (pydantic-core
writes it in a few microseconds; so the worker process, not the writer, spends them).
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from operator import attrgetter
from typing import Any

from sqlalchemy.dialects.sqlite.pysqlite import SQLiteDialect_pysqlite

from advocate_console.domain import Collection, Record

from . import bulk
from .rows import INDEXED_FIELDS, customer_key_values, table_of

_SQLITE = SQLiteDialect_pysqlite()  # the store's dialect, also in a process with no engine


def record_columns(collection: Collection) -> tuple[str, ...]:
    """The columns of ``collection``'s table a prepared row holds, in its order."""
    return ("id", "version", *INDEXED_FIELDS[collection], "data")


@dataclass(slots=True)
class PreparedPage:
    """A page of records as row values of the store, the last change of each record only.

    ``rows``: per collection, ``(id, version, *indexed fields, data)`` in
    :func:`record_columns` order. ``keys``: per customer id (as stored), the phone, e-mail
    and name-key values of its lookup tables.
    """

    rows: dict[Collection, list[tuple]] = field(default_factory=dict)
    keys: dict[str, tuple[list[str], list[str], list[str]]] = field(default_factory=dict)
    changes: int = 0  # changes the page had (deletes and repeats included)
    next_cursor: int | None = None  # for a page of the feed: where the next read starts
    has_more: bool = False


def prepare(changes: Iterable[tuple[Collection, Record, str]]) -> PreparedPage:
    """``changes`` (collection, record, its JSON) as row values.

    When a record comes more than once, its last change is the one kept.
    """
    latest: dict[Collection, dict[Any, tuple[Record, str]]] = {}
    for collection, record, data in changes:
        latest.setdefault(collection, {})[record.id] = (record, data)
    page = PreparedPage()
    for collection, records in latest.items():
        read, convert = _converters(collection)
        rows = [(*convert(read(record)), data) for record, data in records.values()]
        page.rows[collection] = rows
        if collection is Collection.CUSTOMERS:
            for (record, _), row in zip(records.values(), rows, strict=True):
                page.keys[row[0]] = customer_key_values(record)
    return page


@cache
def _converters(
    collection: Collection,
) -> tuple[Callable[[Record], tuple], Callable[[tuple], list]]:
    """How to read a record's column values, and to turn them into the store's."""
    columns = record_columns(collection)[:-1]
    table = table_of(collection).__table__
    processors = tuple(bulk.processor(table.c[name].type, _SQLITE) for name in columns)

    def convert(values: tuple) -> list:
        return [
            value if value is None else _plain(value) if process is None else process(value)
            for value, process in zip(values, processors, strict=True)
        ]

    return attrgetter(*columns), convert


def _plain(value: Any) -> Any:
    # A choice as the text the database holds (and a plain value pickles in a few bytes).
    return value.value if isinstance(value, enum.Enum) else value
