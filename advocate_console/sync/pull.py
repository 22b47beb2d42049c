"""Pulling the server's change feed into the local store, page by page."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass

from requests import Response

from advocate_console.api import CentralClient
from advocate_console.api.schemas import ChangeOp
from advocate_console.store import Replica, ReplicaWriter

PAGE_SIZE = 1000  # what every server allows (MAX_PAGE)
# Changes per transaction. Each page is written as it comes (nothing is held back), and
# committed with the others of its batch: on a first sync, commits of 10,000 rows wrote
# the disk a third as much as commits of 1,000, random places of each primary key being
# touched several times a commit.
BATCH_SIZE = 10_000


@dataclass(frozen=True, slots=True)
class PullResult:
    """What one pull brought: changes read, and the cursor it ended at."""

    changes: int
    cursor: int


def pull_changes(
    client: CentralClient,
    replica: Replica,
    *,
    page_size: int = PAGE_SIZE,
    batch_size: int = BATCH_SIZE,
    progress: Callable[[int], None] | None = None,
    should_stop: Callable[[], bool] = lambda: False,
) -> PullResult:
    """Read the change feed from the stored cursor to its end, storing the changes with
    their cursor, a transaction per batch of pages (so an interrupted pull resumes after
    the last page stored, and never skips a change). When the line drops, the pages read
    before are kept.

    The next page is fetched while the current one is read and stored: the server works
    and the answer travels while this thread reads records and writes. The fetching
    thread only waits on the network: reading pages there as well made both threads
    fight over the interpreter, which cost a fifth more CPU and longer UI stalls. A
    first sync loads in bulk: the store builds its lookup indexes once, at the end.
    """
    replica.restore_indexes()  # any a killed first sync left set aside
    cursor = replica.cursor()
    bulk = cursor == 0
    paused = _full_collections_paused() if bulk else contextlib.nullcontext()
    with paused, replica.writing(bulk=bulk) as writer:
        return _pull(client, writer, cursor, page_size, batch_size, progress, should_stop)


@contextmanager
def _full_collections_paused() -> Iterator[None]:
    """No automatic full garbage collection while the block runs; what lives now is frozen.

    A first sync allocates some ten million objects, which set off a hundred full
    collections. Each held the GIL for 40-130 ms (walking everything made since
    start-up), and the UI stalled for as long. Young collections go on, and free the
    little cyclic garbage a pull makes (with none at all, the first one after took
    260 ms); fewer of them (at 20,000 allocations rather than 700) saved 10% of the CPU
    but each then held the GIL for 45 ms. What lives at the start is frozen, out of the
    full collections to come.
    """
    thresholds = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(thresholds[0], thresholds[1], 1 << 30)
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)


def _pull(
    client: CentralClient,
    writer: ReplicaWriter,
    cursor: int,
    page_size: int,
    batch_size: int,
    progress: Callable[[int], None] | None,
    should_stop: Callable[[], bool],
) -> PullResult:
    read = 0
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="pull") as fetcher:
        pending: Future[Response] | None = fetcher.submit(client.fetch_changes, cursor, page_size)
        while pending is not None:
            page = client.read_changes(pending.result())  # or the fetch's ApiError
            more = page.has_more and bool(page.items) and not should_stop()
            pending = (
                fetcher.submit(client.fetch_changes, page.next_cursor, page_size) if more else None
            )
            try:
                upserts = [
                    (change.collection, change.record())
                    for change in page.items
                    if change.op is ChangeOp.UPSERT
                ]
                writer.apply(upserts, cursor=page.next_cursor)
                read += len(page.items)
                cursor = page.next_cursor
                if writer.pending >= batch_size:
                    writer.commit()  # (the last batch: when writing ends)
                if progress is not None:
                    progress(read)
            except BaseException:
                if pending is not None:
                    pending.cancel()
                raise
    return PullResult(read, cursor)
