"""The central server's test set-up: a fresh database per test, on SQLite and PostgreSQL.

Each dialect has a template database, migrated once per session with three users in it;
every test gets its own copy (a file copy on SQLite, CREATE DATABASE … TEMPLATE on
PostgreSQL), so tests never see each other's data and never depend on order.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient

from advocate_console.central.app import create_app
from advocate_console.central.auth.models import AdvocateRow, TokenRow
from advocate_console.central.auth.service import create_advocate
from advocate_console.central.core.clock import SettableClock, utc_now
from advocate_console.central.core.database import Database, prepare_database
from advocate_console.central.core.security import new_token, token_digest
from advocate_console.central.core.settings import CentralSettings
from advocate_console.domain import Role
from tests.plumbing import free_port, need_part

PG_BIN = Path("/usr/lib/postgresql/15/bin")
TEMPLATE = "central_template"
USERS = {Role.ADVOCATE: "ada", Role.LEAD: "lee", Role.ADMIN: "ann"}
PASSWORD = "correct horse battery staple"


def _as_postgres(*command: str | Path) -> None:
    args = [str(part) for part in command]
    if os.geteuid() == 0:  # initdb refuses root
        args = ["runuser", "-u", "postgres", "--", *args]
    subprocess.run(args, check=True, capture_output=True)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """A throwaway PostgreSQL 15 cluster on a free port; yields its server URL (no database)."""
    if not (PG_BIN / "initdb").exists():
        need_part(f"the PostgreSQL binaries are missing from {PG_BIN}")
    root = Path(tempfile.mkdtemp(prefix="central-pg-"))
    if os.geteuid() == 0:
        shutil.chown(root, "postgres")
    port = free_port()
    data = root / "data"
    _as_postgres(PG_BIN / "initdb", "-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8")
    options = f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off"
    _as_postgres(PG_BIN / "pg_ctl", "-D", data, "-o", options, "-l", root / "log", "-w", "start")
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}"
    finally:
        _as_postgres(PG_BIN / "pg_ctl", "-D", data, "-m", "fast", "-w", "stop")
        shutil.rmtree(root, ignore_errors=True)


def _add_users(url: str) -> None:
    db = Database(url)
    for role, name in USERS.items():
        create_advocate(db, name, PASSWORD, role, display_name=name.title() + " Tester")
    db.dispose()


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory) -> Path:
    """A migrated SQLite file with the test users, copied for each test."""
    path = tmp_path_factory.mktemp("template") / "central.sqlite"
    url = f"sqlite:///{path}"
    prepare_database(url)
    _add_users(url)
    engine = sa.create_engine(url)
    with engine.connect() as connection:  # fold the WAL in, so copying the file is enough
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()
    return path


@pytest.fixture(scope="session")
def postgres_template(postgres_server) -> str:
    """A migrated PostgreSQL database with the test users, cloned for each test."""
    _admin(postgres_server, f"CREATE DATABASE {TEMPLATE}")
    url = f"{postgres_server}/{TEMPLATE}"
    prepare_database(url)
    _add_users(url)
    return postgres_server


_admin_engines: dict[str, sa.Engine] = {}


def _admin(server: str, statement: str) -> None:
    if server not in _admin_engines:
        _admin_engines[server] = sa.create_engine(
            f"{server}/postgres", isolation_level="AUTOCOMMIT", poolclass=sa.pool.NullPool
        )
    with _admin_engines[server].connect() as connection:
        connection.exec_driver_sql(statement)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database_url(request) -> str:
    """A fresh, migrated database with the test users: SQLite, then PostgreSQL."""
    return request.getfixturevalue(f"{request.param}_url")


@pytest.fixture
def sqlite_url(sqlite_template, tmp_path) -> str:
    """A fresh copy of the SQLite template (migrated, the test users in it)."""
    path = tmp_path / "central.sqlite"
    shutil.copyfile(sqlite_template, path)
    return f"sqlite:///{path}"


@pytest.fixture
def postgresql_url(postgres_template) -> Iterator[str]:
    """A fresh copy of the PostgreSQL template, dropped after the test."""
    with postgres_database(postgres_template, template=TEMPLATE) as url:
        yield url


@contextmanager
def postgres_database(server: str, template: str | None = None) -> Iterator[str]:
    """A new PostgreSQL database (empty, or a copy of ``template``), dropped afterwards."""
    name = f"t_{uuid.uuid4().hex[:16]}"
    _admin(server, f"CREATE DATABASE {name}" + (f" TEMPLATE {template}" if template else ""))
    try:
        yield f"{server}/{name}"
    finally:
        _admin(server, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def mint_token(url: str, username: str, lifetime: timedelta = timedelta(hours=1)) -> str:
    """A bearer token for ``username`` without a (deliberately slow) password check."""
    db = Database(url)
    try:
        return mint_tokens(db, [username], lifetime)[0]
    finally:
        db.dispose()


def mint_tokens(db: Database, usernames: list[str], lifetime: timedelta) -> list[str]:
    """Bearer tokens for ``usernames``, written straight into the database."""
    tokens = []
    now = utc_now()
    with db.write() as session:
        for username in usernames:
            token = new_token()
            tokens.append(token)
            advocate_id = session.scalar(
                sa.select(AdvocateRow.id).where(AdvocateRow.username == username)
            )
            session.add(
                TokenRow(
                    digest=token_digest(token),
                    advocate_id=advocate_id,
                    created_at=now,
                    expires_at=now + lifetime,
                    revoked_at=None,
                )
            )
    return tokens


@dataclass
class Api:
    """A test client on a fresh server, bearer headers for each role, and the server's
    clock (move it forward instead of waiting)."""

    client: TestClient
    url: str
    tokens: dict[Role, str]
    clock: SettableClock

    def auth(self, role: Role = Role.ADVOCATE, **extra: str) -> dict[str, str]:
        """Headers signed in as the test user of ``role``, plus ``extra`` ones."""
        headers = {"Authorization": f"Bearer {self.tokens[role]}"}
        headers.update({name.replace("_", "-"): value for name, value in extra.items()})
        return headers


@pytest.fixture
def api(database_url) -> Iterator[Api]:
    """The central API on a fresh database, through FastAPI's TestClient."""
    clock = SettableClock()
    settings = CentralSettings(database_url=database_url, migrate_on_startup=False, clock=clock)
    app = create_app(settings)
    minted = mint_tokens(app.state.database, list(USERS.values()), timedelta(hours=1))
    tokens = dict(zip(USERS, minted, strict=True))
    with TestClient(app, raise_server_exceptions=True) as client:
        yield Api(client, database_url, tokens, clock)
