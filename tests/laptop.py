"""A real reference server on loopback, a faulty proxy in front of it, and laptops' stores:
fixtures (registered by tests/conftest.py) and helpers for tests that sync."""

from __future__ import annotations

import atexit
import shutil
import sqlite3
import tempfile
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from functools import cache
from pathlib import Path

import pytest

from advocate_console.api import CentralClient
from advocate_console.central.demo.accounts import (
    DEMO_PASSWORD,
    DEMO_USERNAME,
    LEAD_PASSWORD,
    LEAD_USERNAME,
)
from advocate_console.central.demo.stories.repeat_failure import STORY_REPEAT_FAILURE_CUSTOMER_ID
from advocate_console.central.seed import seed_database
from advocate_console.central.server import EmbeddedServer
from advocate_console.domain import Case, Collection
from advocate_console.store import LocalChanges, Replica, Store, open_store
from advocate_console.store.rows import table_of, to_record
from advocate_console.sync import pull_changes
from tests.sync.faulty_proxy import FaultyProxy

CUSTOMER_ID = STORY_REPEAT_FAILURE_CUSTOMER_ID


@cache
def _seeded_once() -> Path:
    # Seeding (migrations, demo logins hashed with argon2, the stories) takes seconds:
    # once per test process, then each server starts on a copy.
    folder = Path(tempfile.mkdtemp(prefix="seeded-central-"))
    atexit.register(shutil.rmtree, folder, True)
    path = folder / "central.sqlite"
    seed_database(f"sqlite:///{path}", customers=12, seed=3, demo_users=True)
    with sqlite3.connect(path) as connection:  # fold the WAL in: the file is all of it
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


def seeded_central(folder: Path) -> str:
    """The URL of a fresh SQLite file in ``folder`` seeded as the demo is (12 customers,
    the stories, the demo's logins)."""
    path = folder / "central.sqlite"
    shutil.copyfile(_seeded_once(), path)
    return f"sqlite:///{path}"


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[EmbeddedServer]:
    """The reference server on a fresh seeded SQLite file, for one test module."""
    url = seeded_central(tmp_path_factory.mktemp("central"))
    running = EmbeddedServer(url)
    running.start()
    yield running
    running.stop()


@pytest.fixture
def proxy(server) -> Iterator[FaultyProxy]:
    """A proxy to the server that passes until told to fail."""
    port = int(server.url.rsplit(":", 1)[1])
    faulty = FaultyProxy(("127.0.0.1", port))
    yield faulty
    faulty.close()


def signed_in(url: str, username: str = DEMO_USERNAME, password: str = DEMO_PASSWORD, **options):
    """A client of ``url`` signed in (quick retries, so faults show fast)."""
    client = CentralClient(url, retries=2, backoff=0.05, **options)
    client.sign_in(username, password)
    return client


@pytest.fixture
def client(proxy) -> Iterator[CentralClient]:
    """The demo advocate's client, talking through the proxy."""
    signed = signed_in(proxy.url, timeout=(2.0, 3.0))
    yield signed
    signed.close()


@pytest.fixture
def lead(server) -> Iterator[CentralClient]:
    """The demo lead's client, straight to the server."""
    signed = signed_in(server.url, LEAD_USERNAME, LEAD_PASSWORD)
    yield signed
    signed.close()


@pytest.fixture
def local(tmp_path, server) -> Iterator[Store]:
    """A laptop's local store, synced once from the server."""
    store = open_store(tmp_path / "laptop.sqlite")
    direct = signed_in(server.url)
    pull_changes(direct, Replica(store))
    direct.close()
    yield store
    store.close()


def new_case(summary: str = "Ice maker leaks onto the floor") -> Case:
    """A case opened offline on the laptop for the story customer."""
    return Case(
        id=uuid.uuid4(),
        customer_id=CUSTOMER_ID,
        category="product failure",
        summary=summary,
        opened_at=datetime.now(UTC),
    )


def open_case_offline(store: Store, summary: str = "Ice maker leaks onto the floor") -> Case:
    """Save a new case locally, with its outbox entry."""
    case = new_case(summary)
    LocalChanges(store).create(Collection.CASES, case)
    return case


def changes_for(client: CentralClient, collection: Collection, record_id: uuid.UUID) -> list[int]:
    """The versions the server's change feed holds for one record, in order: its audit,
    read as the demo lead (the feed itself sends only each record's latest version)."""
    lead = signed_in(client.base_url, LEAD_USERNAME, LEAD_PASSWORD)
    try:
        return [version.version for version in lead.audit(collection, record_id).versions]
    finally:
        lead.close()


def assert_exactly_once(client: CentralClient, store: Store, collection, record_id, version: int):
    """The server holds the record at ``version`` with one change per version, and the
    laptop holds the same record with nothing left to push for it."""
    on_server = client.get(collection, record_id)
    assert on_server.version == version
    assert changes_for(client, collection, record_id) == list(range(1, version + 1))
    assert record_id not in LocalChanges(store).held_ids()
    with store.session() as session:
        row = session.get(table_of(collection), record_id)
        assert to_record(collection, row.data) == on_server
