"""Pulling the change feed into a laptop's store: all of it, resumably, never over local work."""

from __future__ import annotations

import gc

import pytest

from advocate_console.api import BadResponse, Offline
from advocate_console.domain import Collection
from advocate_console.store import CallerDirectory, LocalChanges, Replica
from advocate_console.store.rows import table_of, to_record
from advocate_console.sync import pull_changes, push_outbox
from tests.laptop import CUSTOMER_ID, open_case_offline, signed_in


def _feed(client) -> dict:
    """The server's newest version of every record, read from the change feed."""
    newest, cursor = {}, 0
    while True:
        page = client.changes(cursor, 1000)
        for change in page.items:
            newest[change.id] = (change.collection, change.record())
        cursor = page.next_cursor
        if not page.has_more:
            return newest


def _stored(store, collection: Collection, record_id):
    with store.session() as session:
        row = session.get(table_of(collection), record_id)
        return None if row is None else to_record(collection, row.data)


def _assert_holds_the_feed(store, client) -> None:
    newest = _feed(client)
    assert newest, "the seeded server has records"
    for record_id, (collection, record) in newest.items():
        assert _stored(store, collection, record_id) == record


def test_a_first_pull_holds_every_record_the_server_has(client, store):
    result = pull_changes(client, Replica(store), page_size=50)

    assert result.changes == len(_feed(client))  # the seeded feed has one change per record
    assert Replica(store).cursor() == result.cursor
    _assert_holds_the_feed(store, client)
    # The lookup keys came with the customers: the story caller is found by her number.
    [match] = CallerDirectory(store).find("1-800-GE-CARES")
    assert match.customer.id == CUSTOMER_ID
    assert pull_changes(client, Replica(store)).changes == 0


def test_an_interrupted_pull_resumes_at_its_cursor(client, proxy, store):
    pages: list[int] = []
    first = pull_changes(
        client,
        Replica(store),
        page_size=25,
        batch_size=25,
        progress=pages.append,
        should_stop=lambda: len(pages) >= 2,
    )
    assert 0 < first.changes < len(_feed(client))
    assert Replica(store).cursor() == first.cursor

    proxy.set("respond", canned="truncated")  # the line drops mid-answer, every time
    with pytest.raises(Offline):
        pull_changes(client, Replica(store), page_size=25)
    assert Replica(store).cursor() == first.cursor

    proxy.set("pass")
    rest = pull_changes(client, Replica(store), page_size=25)
    assert first.changes + rest.changes == len(_feed(client))
    _assert_holds_the_feed(store, client)


def test_what_was_read_before_the_line_dropped_is_kept(client, proxy, store):
    def drop_after_three_pages(read: int) -> None:
        if read >= 30 and proxy.mode != "refuse":  # (pages fetched ahead are still written)
            proxy.set("refuse")

    with pytest.raises(Offline):
        pull_changes(
            client,
            Replica(store),
            page_size=10,
            batch_size=1000,  # every page waits for one transaction
            progress=drop_after_three_pages,
        )
    kept = Replica(store).cursor()
    assert kept >= 30

    proxy.set("pass")
    assert pull_changes(client, Replica(store)).changes == len(_feed(client)) - kept
    _assert_holds_the_feed(store, client)


def test_a_first_sync_builds_the_lookup_indexes_again_even_after_a_crash(client, store):
    def indexes() -> set[str]:
        with store.engine.connect() as connection:
            query = "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
            return set(connection.exec_driver_sql(query).scalars())

    before = indexes()
    # Only tables a pull does not write keep theirs: the outbox, the remedy outcomes,
    # the approvals.
    kept = {"ix_outbox_record_id"} | {
        name for name in before if "remedy_outcomes" in name or "approvals" in name
    }
    replica = Replica(store)
    with replica.loading_in_bulk():
        assert indexes() == kept
    assert indexes() == before

    loading = replica.loading_in_bulk()
    loading.__enter__()  # killed mid-load, the block never ends: one page was stored
    page = client.changes(0, 5)
    replica.apply([(c.collection, c.record()) for c in page.items], cursor=page.next_cursor)
    assert indexes() == kept

    assert pull_changes(client, Replica(store), page_size=10).changes == len(_feed(client)) - 5
    assert indexes() == before
    _assert_holds_the_feed(store, client)
    [match] = CallerDirectory(store).find("1-800-GE-CARES")
    assert match.customer.id == CUSTOMER_ID


@pytest.mark.parametrize(
    ("canned", "words"),
    [
        ("malformed", "not what was expected"),
        ("html", "Wi-Fi sign-in page"),
        ("bad_record", "a customers record this console cannot read (tier:"),
    ],
)
def test_a_broken_page_is_an_error_and_changes_nothing(client, proxy, local, canned, words):
    cursor = Replica(local).cursor()
    proxy.set("respond", canned=canned)

    with pytest.raises(BadResponse) as raised:
        pull_changes(client, Replica(local))

    assert words in str(raised.value)
    assert Replica(local).cursor() == cursor
    proxy.set("pass")
    assert pull_changes(client, Replica(local)).changes == 0


def test_a_pull_never_overwrites_what_the_advocate_has_not_pushed(client, local, server):
    case = open_case_offline(local, "Door seal torn")
    push_outbox(client, LocalChanges(local))
    LocalChanges(local).update(Collection.CASES, case.id, {"summary": "Door seal torn, left"})
    elsewhere = signed_in(server.url)  # someone else changes the same case on the server
    elsewhere.patch(Collection.CASES, case.id, {"summary": "Door seal"}, 1, "elsewhere-1")
    elsewhere.close()

    pull_changes(client, Replica(local))

    held = _stored(local, Collection.CASES, case.id)
    assert (held.summary, held.version) == ("Door seal torn, left", 1)
    assert case.id in LocalChanges(local).held_ids()


def test_a_first_sync_holds_off_full_collections_and_freezes_what_lives_already(client, store):
    alive = [[] for _ in range(1000)]  # containers the collector tracks
    before, thresholds = gc.get_freeze_count(), gc.get_threshold()
    during: list[tuple[int, int, int]] = []

    pull_changes(
        client, Replica(store), page_size=100, progress=lambda _: during.append(gc.get_threshold())
    )

    assert gc.get_freeze_count() >= before + len(alive)
    assert during and all(t[:2] == thresholds[:2] and t[2] > 10**6 for t in during)
    assert gc.get_threshold() == thresholds  # given back
    pull_changes(client, Replica(store), progress=lambda _: during.append(gc.get_threshold()))
    assert during[-1] == thresholds  # not a first sync: as it was
