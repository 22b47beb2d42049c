"""A first sync reads its pages in worker processes: they store exactly what the store's
own saves would, a broken page or a dead process is handled, and the pull needs no more
of the server than the feed's contract."""

from __future__ import annotations

import json
import os
import signal
import time

import pytest
import requests

from advocate_console.api import BadResponse
from advocate_console.api.feed import UnreadablePage
from advocate_console.api.schemas import MAX_CHANGES_PAGE
from advocate_console.domain import Collection
from advocate_console.store import LocalChanges, Replica, open_store
from advocate_console.sync import pages, pull_changes
from advocate_console.sync.pages import (
    READER_NICENESS,
    CursorHint,
    PageReader,
    cursor_hint,
    prepare_feed_page,
)
from advocate_console.sync.pull import OLD_PAGE_SIZE
from tests.store.test_replica import _contents, _records


def _page_of(records, next_cursor: int | None = None, has_more: bool = False) -> bytes:
    """A ChangePage of ``records`` (collection, record), as our server writes one."""
    items = ",".join(
        json.dumps(
            {
                "cursor": number,
                "collection": collection.value,
                "op": "upsert",
                "id": str(record.id),
                "version": record.version,
                "data": record.model_dump(mode="json"),
            },
            separators=(",", ":"),
        )
        for number, (collection, record) in enumerate(records, 1)
    )
    end = len(records) if next_cursor is None else next_cursor
    more = "true" if has_more else "false"
    return f'{{"items":[{items}],"next_cursor":{end},"has_more":{more}}}'.encode()


def test_a_page_read_for_the_store_is_stored_exactly_as_the_stores_own_saves(tmp_path):
    records = _records()
    pulled = open_store(tmp_path / "pulled.sqlite")
    saved = open_store(tmp_path / "saved.sqlite")
    with Replica(pulled).writing() as writer:
        writer.apply_page(prepare_feed_page(_page_of(records)), cursor=len(records))
    for collection, record in records:
        LocalChanges(saved).create(collection, record)

    assert _contents(pulled) == _contents(saved)
    assert Replica(pulled).cursor() == len(records)
    pulled.close()
    saved.close()


def test_the_next_cursor_is_read_from_the_end_of_a_page():
    assert cursor_hint(_page_of(_records(), 40, True)) == CursorHint(40, True)
    assert cursor_hint(b'{"items":[],"next_cursor":7,"has_more":false}\n') == CursorHint(7, False)
    # Written in another order, or cut short: no hint, and the page's own word is awaited.
    assert cursor_hint(b'{"next_cursor":7,"has_more":false,"items":[]}') is None
    assert cursor_hint(b'{"items":[],"next_cursor":7,"has_mo') is None


def test_pages_read_in_worker_processes_come_back_whole_with_their_problems():
    records = _records()
    with PageReader(processes=True) as reader:
        first = reader.submit(_page_of(records[:2], 2, True))  # read here
        second = reader.submit(_page_of(records[2:], 9, False))  # the processes start
        broken = _page_of(records[:1]).replace(b'"tier":"standard"', b'"tier":"vip"')
        bad = reader.submit(broken)

        assert reader.result(first, b"").rows.keys() == {Collection.CUSTOMERS, Collection.PRODUCTS}
        page = reader.result(second, b"")
        assert (page.next_cursor, page.has_more, page.changes) == (9, False, len(records) - 2)
        with pytest.raises(UnreadablePage) as raised:
            reader.result(bad, broken)
        # Below the app, whose UI thread must not wait for them (once they are started).
        lower = min(19, os.getpriority(os.PRIO_PROCESS, 0) + READER_NICENESS)
        for pid in reader._pool._processes:
            for _ in range(200):
                if os.getpriority(os.PRIO_PROCESS, pid) == lower:
                    break
                time.sleep(0.05)
            assert os.getpriority(os.PRIO_PROCESS, pid) == lower
    assert (raised.value.where, raised.value.collection) == ("tier", Collection.CUSTOMERS)


def test_when_a_reading_process_dies_its_page_and_the_rest_are_read_here():
    records = _records()
    content = _page_of(records, 9, True)
    with PageReader(processes=True) as reader:
        reader.result(reader.submit(content), content)
        reader.result(reader.submit(content), content)  # the processes are up
        for pid in list(reader._pool._processes):  # the OS's out-of-memory killer, say
            os.kill(pid, signal.SIGKILL)
        pending = reader.submit(content)

        assert reader.result(pending, content).changes == len(records)
        assert reader.result(reader.submit(content), content).changes == len(records)
        assert not reader.in_processes  # the rest, here


def test_a_first_sync_read_in_worker_processes_names_a_broken_record(client, proxy, store):
    calls = 0

    def break_after_some_pages() -> bool:
        nonlocal calls
        calls += 1
        if calls == 6:  # pages are being read in the processes by now
            proxy.set("respond", canned="bad_record")
        return False

    with pytest.raises(BadResponse, match="a customers record this console cannot read"):
        pull_changes(client, Replica(store), page_size=20, should_stop=break_after_some_pages)
    assert Replica(store).cursor() >= 20  # the pages read before it are kept


def test_a_server_from_before_bigger_pages_is_read_a_thousand_at_a_time(client, store):
    assert pull_changes(client, Replica(store), page_size=MAX_CHANGES_PAGE + 1).changes > 0
    with store.engine.connect() as connection:
        count = connection.exec_driver_sql("SELECT count(*) FROM customers").scalar()
    assert count == 12  # every seeded customer
    assert OLD_PAGE_SIZE == 1000


def test_pages_that_end_otherwise_are_read_without_guessing_where_the_next_starts(client, store):
    """A server that writes a page's fields in another order gives no hint at its end:
    each next page is fetched once the page before has been read."""
    fetched: list[int] = []
    fetch = client.fetch_changes

    def fetch_reordered(since: int, limit: int) -> requests.Response:
        fetched.append(since)
        response = fetch(since, limit)
        page = json.loads(response.content)
        response._content = json.dumps(  # (requests keeps a read body there)
            {"has_more": page["has_more"], "next_cursor": page["next_cursor"], **page}
        ).encode()
        return response

    client.fetch_changes = fetch_reordered
    result = pull_changes(client, Replica(store), page_size=50)

    assert fetched == list(range(0, result.cursor, 50))
    with store.engine.connect() as connection:
        count = connection.exec_driver_sql("SELECT count(*) FROM customers").scalar()
    assert count == 12


def test_where_worker_processes_cannot_start_pages_are_read_here(monkeypatch):
    def no_locks(*_args, **_kwargs):  # as with no usable /dev/shm
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(pages, "ProcessPoolExecutor", no_locks)
    content = _page_of(_records(), 9, True)
    with PageReader(processes=True) as reader:
        for _ in range(3):
            assert reader.result(reader.submit(content), content).next_cursor == 9
        assert not reader.in_processes
        assert reader.problem == "worker processes cannot start ([Errno 13] Permission denied)"


def test_a_page_reading_process_imports_neither_qt_nor_the_http_client_nor_the_store():
    # Lighter to start (no Qt, requests, sync engine: see bench/bench_worker_start.py), and
    # nothing of the store's database or its encryption: no key ever reaches it, by any way.
    content = _page_of(_records(), 9, True)
    with PageReader(processes=True) as reader:
        reader.result(reader.submit(content), content)
        reader.result(reader.submit(content), content)  # the processes are up
        loaded = reader._pool.submit(eval, "sorted(__import__('sys').modules)").result()
    for package in (
        "PySide6",
        "requests",
        "keyring",
        "sqlcipher3",
        "advocate_console.store.database",
        "advocate_console.store.encryption",
        "advocate_console.sync.engine",
        "advocate_console.api.client",
        "advocate_console.auth",
    ):
        assert package not in loaded, package
    assert "advocate_console.sync.pages" in loaded
