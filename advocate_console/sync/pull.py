"""Pulling the server's change feed into the local store, page by page."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from advocate_console.api import CentralClient
from advocate_console.api.schemas import ChangeOp
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
    cursor in one transaction (so an interrupted pull resumes where it stopped)."""
    cursor = replica.cursor()
    total = 0
    while not should_stop():
        page = client.changes(cursor, page_size)
        upserts = [
            (change.collection, change.record())
            for change in page.items
            if change.op is ChangeOp.UPSERT
        ]
        replica.apply(upserts, cursor=page.next_cursor)
        total += len(page.items)
        cursor = page.next_cursor
        if progress is not None:
            progress(total)
        if not page.has_more or not page.items:
            break
    return PullResult(total, cursor)
