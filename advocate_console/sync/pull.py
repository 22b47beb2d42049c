"""Pulling the server's change feed into the local store, page by page."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass

from advocate_console.api import CentralClient
from advocate_console.api.schemas import ChangeOp, RecordPage
from advocate_console.store import Replica

PAGE_SIZE = 1000


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
    progress: Callable[[int], None] | None = None,
    should_stop: Callable[[], bool] = lambda: False,
) -> PullResult:
    """Read the change feed from the stored cursor to its end, storing each page with its
    cursor in one transaction (so an interrupted pull resumes where it stopped).

    The next page is fetched, and its records validated, while the current one is
    stored: the server and the fetching thread work while this one writes.
    """
    cursor = replica.cursor()
    total = 0
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="pull") as fetcher:
        pending: Future[RecordPage] | None = fetcher.submit(client.changes, cursor, page_size)
        while pending is not None:
            page = pending.result()  # raises the fetch's ApiError, if any
            more = page.has_more and bool(page.items) and not should_stop()
            pending = fetcher.submit(client.changes, page.next_cursor, page_size) if more else None
            try:
                upserts = [
                    (change.collection, change.record())
                    for change in page.items
                    if change.op is ChangeOp.UPSERT
                ]
                replica.apply(upserts, cursor=page.next_cursor)
            except BaseException:
                if pending is not None:
                    pending.cancel()
                raise
            total += len(page.items)
            cursor = page.next_cursor
            if progress is not None:
                progress(total)
    return PullResult(total, cursor)
