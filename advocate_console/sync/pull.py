"""Pulling the server's change feed into the local store, page by page."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass

from requests import Response

from advocate_console.api import CentralClient
from advocate_console.api.schemas import ChangeOp
from advocate_console.domain import Collection, Record
from advocate_console.store import Replica

PAGE_SIZE = 1000  # what every server allows (MAX_PAGE)
# Changes stored per transaction (whole pages). Larger batches wrote a little less, but
# held the UI thread up to 125 ms now and then (5,000: freeing a batch's objects at once).
BATCH_SIZE = 1000


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
    their cursor in one transaction per batch of pages (so an interrupted pull resumes
    after the last batch stored, and never skips a change).

    The next page is fetched while the current one is read and stored: the server works
    and the answer travels while this thread reads records and writes. The fetching
    thread only waits on the network: reading pages there as well made both threads
    fight over the interpreter, which cost a fifth more CPU and longer UI stalls. A
    first sync loads in bulk: the store builds its lookup indexes once, at the end.
    """
    replica.restore_indexes()  # any a killed first sync left set aside
    cursor = replica.cursor()
    loading = replica.loading_in_bulk() if cursor == 0 else contextlib.nullcontext()
    with loading:
        return _pull(client, replica, cursor, page_size, batch_size, progress, should_stop)


def _pull(
    client: CentralClient,
    replica: Replica,
    cursor: int,
    page_size: int,
    batch_size: int,
    progress: Callable[[int], None] | None,
    should_stop: Callable[[], bool],
) -> PullResult:
    stored = read = 0
    last = cursor  # the cursor after the last page read
    batch: list[tuple[Collection, Record]] = []

    def store(until: int) -> None:
        nonlocal stored, cursor, batch
        replica.apply(batch, cursor=until)
        stored, cursor, batch = read, until, []
        if progress is not None:
            progress(stored)

    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="pull") as fetcher:
        pending: Future[Response] | None = fetcher.submit(client.fetch_changes, cursor, page_size)
        while pending is not None:
            try:
                page = client.read_changes(pending.result())  # or the fetch's ApiError
            except BaseException:
                if read > stored:  # keep what was read before the line dropped
                    store(last)
                raise
            more = page.has_more and bool(page.items) and not should_stop()
            pending = (
                fetcher.submit(client.fetch_changes, page.next_cursor, page_size) if more else None
            )
            try:
                batch += [
                    (change.collection, change.record())
                    for change in page.items
                    if change.op is ChangeOp.UPSERT
                ]
                read += len(page.items)
                last = page.next_cursor
                if pending is None or len(batch) >= batch_size:
                    store(last)
            except BaseException:
                if pending is not None:
                    pending.cancel()
                raise
    return PullResult(stored, cursor)
