"""Opening the local SQLite store: encrypted with its key (SQLCipher), or in memory only;
pragmas, migrations, one session per unit of work."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import DatabaseError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

from advocate_console.migration_lock import MIGRATING

from . import encryption
from .revisions import is_at_head, shipped_heads

if TYPE_CHECKING:
    from alembic.config import Config

# Alembic (with Mako and Pygments behind it) is imported only where migrations run, on
# the worker that opens the store: at start-up it cost more than all of Qt.

log = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).with_name("migrations")
STORE_NAME = "local.sqlite"
"""The local store's file in the data folder."""


class StoreError(RuntimeError):
    """The local store cannot be opened or used; the message says why in English, and
    ``code`` with its ``values`` let ``ui/`` say it in the advocate's language."""

    def __init__(self, message: str, code: str = "", *values: object) -> None:
        super().__init__(message)
        self.code = code
        self.values = tuple(str(value) for value in values)


class WrongStoreKey(StoreError):
    """The store file is not readable with the key given (or is not a store at all)."""


class Store:
    """The local database file: an engine, and sessions for each thread's work.

    Each thread asks for its own session through :meth:`session`; the engine's
    connection pool is shared.
    """

    def __init__(self, engine: Engine, keeper: object | None = None) -> None:
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self._closed_for_good = False
        # An in-memory store lasts while one connection to it is open: this one.
        self._keeper = keeper
        self.in_memory = keeper is not None
        """True for a store kept in memory only (no secure keyring for its key)."""

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session that commits when the block ends cleanly and rolls back otherwise."""
        if self._closed_for_good:
            # A draft written late must not bring an erased store back as a new file.
            raise StoreError("The local store was closed to be erased.", "store_closed")
        with self._sessions() as session, session.begin():
            yield session

    @contextmanager
    def reading(self) -> Iterator[Any]:
        """A pooled DB-API connection in a read transaction, for reads in plain SQL that
        run on a :class:`~.reading.StoreFile` too (the caller bar's)."""
        if self._closed_for_good:
            raise StoreError("The local store was closed to be erased.", "store_closed")
        connection = self.engine.raw_connection()
        try:
            connection.execute("BEGIN")
            yield connection
        finally:
            connection.rollback()
            connection.close()  # back to the pool

    def close(self) -> None:
        """Close every pooled connection (the file can then be moved or deleted; an
        in-memory store is gone)."""
        self.engine.dispose()
        if self._keeper is not None:
            self._keeper.close()
            self._keeper = None

    def close_for_good(self) -> None:
        """Close, and refuse every later use: the files are about to be erased."""
        self._closed_for_good = True
        self.close()


def store_files(path: Path) -> list[Path]:
    """Every file SQLite keeps for the store at ``path``: the database, its write-ahead
    log, its shared-memory index and a rollback journal."""
    return [path, *(path.with_name(path.name + suffix) for suffix in ("-wal", "-shm", "-journal"))]


def open_store(path: Path | str, *, migrate: bool = True, key: bytes | None = None) -> Store:
    """Open (creating if needed) the store at ``path`` and bring its schema up to date.

    With ``key`` the store is encrypted (SQLCipher); a plain store found there is
    encrypted first, and its plain file removed. Without, a plain file (tests, benches).
    """
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StoreError(
            f"Cannot create the folder for the local store {path}: {error}",
            "store_folder",
            path,
            error.strerror or error,
        ) from None
    if key is None:
        engine = create_engine(f"sqlite:///{path}", connect_args={"timeout": 30})
    else:
        if encryption.is_plain(path):
            encryption.encrypt_plain_store(path, key)
        engine = create_engine(
            f"sqlite:///{path}",
            creator=lambda: encryption.connect_encrypted(path, key),
            module=encryption.sqlcipher(),
            poolclass=QueuePool,
        )
    event.listen(engine, "connect", _sqlite_pragmas)
    # A restart skips Alembic's import when the store is at the shipped head already.
    if migrate and not _at_head(path, key):
        _upgrade_or_explain(engine, path)
    return Store(engine)


def _at_head(path: Path, key: bytes | None) -> bool:
    if key is None:
        return is_at_head(path)
    if not path.exists():
        return False
    try:
        connection = encryption.connect_encrypted(path, key, timeout=5)
        try:
            rows = connection.execute("SELECT version_num FROM alembic_version").fetchall()
        finally:
            connection.close()
    except encryption.sqlcipher().Error:
        return False  # (a wrong key among the reasons: the upgrade says so)
    heads = shipped_heads()
    return len(heads) == 1 and {row[0] for row in rows} == heads


def open_memory_store(*, migrate: bool = True, plain_file: Path | None = None) -> Store:
    """A store in memory only, for a console with nowhere safe to keep a key. With
    ``plain_file`` (a store made before encryption), its records and unsynced changes are
    copied in and the file removed."""
    uri = encryption.memory_uri()
    keeper = encryption.connect_memory(uri)
    if plain_file is not None and encryption.is_plain(plain_file):
        encryption.copy_plain_into(plain_file, keeper)
    engine = create_engine(
        "sqlite://",
        creator=lambda: encryption.connect_memory(uri),
        module=encryption.sqlcipher(),
        poolclass=QueuePool,
    )
    event.listen(engine, "connect", _sqlite_pragmas)
    if migrate:
        upgrade(engine)
    return Store(engine, keeper)


def _upgrade_or_explain(engine: Engine, path: Path) -> None:
    try:
        upgrade(engine)
    except DatabaseError as error:
        engine.dispose()
        if "not a database" in str(error.orig):
            raise WrongStoreKey(
                f"The local store {path} cannot be read with the key in the keyring.",
                "wrong_store_key",
                path,
            ) from None
        raise


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Apply the shipped Alembic migrations up to ``revision``."""
    from alembic import command

    with MIGRATING, engine.begin() as connection:
        config = _alembic_config()
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def current_revision(engine: Engine) -> str | None:
    """The revision the store's schema is at, None for an empty file."""
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def head_revision() -> str:
    """The newest revision this version of the app ships."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(_alembic_config()).get_current_head()
    assert head is not None
    return head


def _alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    # WAL lets the UI read while the sync worker writes; NORMAL is durable enough in WAL.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()
