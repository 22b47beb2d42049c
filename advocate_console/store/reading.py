"""The local store's file read without SQLAlchemy: what a restart searches first.

Importing SQLAlchemy (and the store's tables behind it) costs more CPU than all of Qt and
the window together. A restart's store is usually at the shipped schema already, so the
caller bar can search the file through the DB-API module alone (sqlite3, or SQLCipher for
an encrypted store) while the store opens in full behind it for everything else.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from . import encryption
from .revisions import shipped_heads


class StoreFile:
    """A store file at the shipped schema, read through a new connection per use (from
    any thread); never written."""

    def __init__(self, path: Path, key: bytes | None = None) -> None:
        self.path = path
        self._key = key

    @contextmanager
    def reading(self) -> Iterator[Any]:
        """A DB-API connection in a read transaction: one snapshot for the whole block."""
        connection = self._connect()
        try:
            connection.execute("BEGIN")
            yield connection
        finally:
            connection.close()  # (the read transaction ends with it)

    def _connect(self) -> Any:
        if self._key is not None:
            connection = encryption.connect_encrypted(self.path, self._key, timeout=30)
            connection.execute("PRAGMA query_only = ON")
            return connection
        return sqlite3.connect(
            f"file:{self.path}?mode=ro", uri=True, timeout=30, check_same_thread=False
        )


def open_for_reading(path: Path, key: bytes | None = None) -> StoreFile | None:
    """The store at ``path`` (encrypted with ``key``, if given) to read at once, or None
    when it must open in full first: no file yet, a plain file to be encrypted, a wrong
    key, or a schema to migrate (any doubt answers None)."""
    if not path.exists() or (key is not None and encryption.is_plain(path)):
        return None
    file = StoreFile(path, key)
    heads = shipped_heads()
    errors = (sqlite3.Error, encryption.sqlcipher().Error) if key is not None else sqlite3.Error
    try:
        with file.reading() as connection:
            rows = connection.execute("SELECT version_num FROM alembic_version").fetchall()
    except errors:
        return None
    if len(heads) != 1 or {row[0] for row in rows} != heads:
        return None
    return file
