"""The server's database: engines, sessions, and migrations applied through Alembic.

SQLite (the default, embedded demo) and PostgreSQL (production, several servers sharing
one database) are both first-class. Readers and writers get separate engines on SQLite
so that writes start with ``BEGIN IMMEDIATE``: a write transaction then never has to
upgrade a read lock, which in WAL mode would fail at once instead of waiting.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, MetaData, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import DeclarativeBase, Session, sessionmaker
from sqlalchemy.pool import QueuePool

from advocate_console import migration_heads
from advocate_console.migration_lock import MIGRATING

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).resolve().parent.parent / "migrations"
# Keeps concurrent start-ups of several servers on one PostgreSQL from migrating twice.
MIGRATION_LOCK = 7_240_301
SQLITE_BUSY_TIMEOUT_MS = 15_000

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """Base of every table of the central server."""

    metadata = MetaData(naming_convention=NAMING)


class DatabaseUnavailable(RuntimeError):
    """The database URL is wrong or the database cannot be reached; the message says which."""


def is_sqlite(url: str) -> bool:
    """True for a ``sqlite://`` URL."""
    return make_url(url).get_backend_name() == "sqlite"


def make_engine(url: str, *, immediate: bool = False, pool_size: int | None = None) -> Engine:
    """An engine for ``url``; on SQLite with WAL, foreign keys and a busy timeout.

    ``pool_size``: connections kept open on PostgreSQL, and as many again in bursts (kept
    open too once opened).
    """
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise DatabaseUnavailable(f"“{url}” is not a database URL.") from None
    try:
        # hide_parameters: an error's text never carries the values of a statement (a
        # customer's name, phone or e-mail) into a log.
        if parsed.get_backend_name() != "sqlite":
            # The burst's connections are kept open once opened (no overflow): an overflow
            # connection was closed when given back to a full pool, so a load around the
            # pool's size opened and closed 11 a second under bench_load, each a new
            # PostgreSQL backend that built its caches and planned every statement again.
            sizes = {} if pool_size is None else {"pool_size": 2 * pool_size, "max_overflow": 0}
            # No ping before each checkout (a round trip per session, two per request):
            # a connection the database dropped fails its one request with a 503, and
            # SQLAlchemy then replaces every pooled connection older than the failure.
            # hide_parameters: no customer's data in an error's text (nor in the logs).
            # A connect timeout: the hot reads run on the event loop (customers/routes.py),
            # which must not hang on a database host that does not answer.
            waits = {} if "connect_timeout" in parsed.query else {"connect_timeout": 10}
            return create_engine(
                parsed, pool_recycle=1800, hide_parameters=True, connect_args=waits, **sizes
            )
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(
            parsed,
            connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000},
            hide_parameters=True,
        )
    except (NoSuchModuleError, ImportError) as error:
        raise DatabaseUnavailable(f"No driver for “{parsed.drivername}”: {error}") from None
    _set_up_sqlite(engine, immediate=immediate)
    return engine


def _set_up_sqlite(engine: Engine, *, immediate: bool) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Take transaction control from the sqlite3 module so BEGIN is ours to emit.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    begin = "BEGIN IMMEDIATE" if immediate else "BEGIN"

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        connection.exec_driver_sql(begin)


class Database:
    """Sessions on one database: ``read()`` for queries, ``write()`` for transactions, and
    ``connect()`` for the plain reads of the hot routes."""

    def __init__(self, url: str, *, pool_size: int | None = None) -> None:
        self.url = url
        self.dialect = make_url(url).get_backend_name()
        engine = make_engine(url, pool_size=pool_size)
        if self.dialect == "sqlite":
            self.reader = engine
            self.writer = make_engine(url, immediate=True)
        else:
            # Reads run without BEGIN and ROLLBACK (two round trips of a search's five),
            # each statement on its own snapshot; writes keep their transactions. One
            # pool serves both.
            self.reader = engine.execution_options(isolation_level="AUTOCOMMIT")
            self.writer = engine
        # What every session of this database should know (``Session.info``): features
        # that need the app's settings deep in a transaction read them there.
        self.info: dict[str, Any] = {}
        self._read = sessionmaker(self.reader, expire_on_commit=False, info=self.info)
        self._write = sessionmaker(self.writer, expire_on_commit=False, info=self.info)

    @property
    def is_postgresql(self) -> bool:
        """True when the database is PostgreSQL."""
        return self.dialect == "postgresql"

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for queries; nothing it does is committed."""
        with self._read() as session:
            yield session

    @contextmanager
    def connect(self) -> Iterator[Connection]:
        """A connection for queries, without an ORM session (the hot read routes: see
        ``core/reads.py``); on PostgreSQL each statement reads its own snapshot."""
        with self.reader.connect() as connection:
            yield connection

    def connection_free(self) -> bool:
        """True when a reader connection can be had now, without waiting for one."""
        pool = self.reader.pool
        if not isinstance(pool, QueuePool):
            return True  # (SQLite in memory: one shared connection, never waited for)
        # QueuePool keeps its overflow limit private; 0 if that ever changes (only the
        # steady connections then count as free: safe, merely more reads on threads).
        limit = pool.size() + max(getattr(pool, "_max_overflow", 0), 0)
        return pool.checkedout() < limit

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A session in one transaction, committed when the block ends without error."""
        with self._write() as session, session.begin():
            yield session

    def dispose(self) -> None:
        """Close every pooled connection."""
        self.reader.dispose()
        if self.writer.pool is not self.reader.pool:
            self.writer.dispose()


def alembic_config(url: str) -> Config:
    """An Alembic configuration for the migrations shipped in this package."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def prepare_database(url: str) -> None:
    """Create or upgrade the schema to the newest migration; safe to call every start-up.

    A database already at the shipped head (every worker after the first, every restart)
    is left alone without importing Alembic, which costs about half a second.
    """
    if not _at_head(url):
        migrate(url, "head")


def _at_head(url: str) -> bool:
    """True when ``url``'s schema records exactly the shipped head; any doubt says False
    (no database yet, no ``alembic_version``, unreachable: the migration then explains)."""
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            applied = {row[0] for row in connection.execute(text(_APPLIED))}
    except SQLAlchemyError:  # the migration that follows says what is wrong, if anything
        return False
    finally:
        engine.dispose()
    return migration_heads.at_head(applied, MIGRATIONS / "versions")


_APPLIED = "SELECT version_num FROM alembic_version"


def migrate(url: str, revision: str, *, downgrade: bool = False) -> None:
    """Move the schema to ``revision`` (up, or down when ``downgrade``)."""
    from alembic import command

    engine = make_engine(url)
    try:
        with MIGRATING, engine.begin() as connection:
            if engine.dialect.name == "postgresql":
                connection.execute(
                    text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK}
                )
            config = alembic_config(url)
            config.attributes["connection"] = connection
            if downgrade:
                command.downgrade(config, revision)
            else:
                command.upgrade(config, revision)
    except OperationalError as error:
        raise DatabaseUnavailable(f"Cannot reach the database: {_first_line(error)}") from None
    finally:
        engine.dispose()


def _first_line(error: OperationalError) -> str:
    return str(error.orig).strip().splitlines()[0] if error.orig else str(error)
