"""Pulling the server's change feed into the local store, page by page."""

from __future__ import annotations

import contextlib
import gc
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass

from requests import Response

from advocate_console.api import CentralClient, Rejected
from advocate_console.api.feed import UnreadablePage
from advocate_console.api.schemas import MAX_CHANGES_PAGE, MAX_PAGE
from advocate_console.store import Replica, ReplicaWriter
from advocate_console.store.prepared import PreparedPage

from .pages import CursorHint, PageReader, cursor_hint

PAGE_SIZE = MAX_CHANGES_PAGE
OLD_PAGE_SIZE = MAX_PAGE  # what servers before MAX_CHANGES_PAGE allow
# Changes per transaction. Each page is written as it comes (nothing is held back), and
# committed with the others of its batch. A first sync writes at random places of each
# primary key, so every commit writes most of the key's pages again: commits of 100,000
# rows rather than 10,000 halved a first sync's time in commits (the write lock is held
# some seconds; saves wait for it on their own threads, never on the UI's).
BATCH_SIZE = 100_000
# Pages fetched and read ahead, counting the next one to write: while the pull writes one
# page, two more are being read (one for each reading process) and one more fetched.
AHEAD = 3


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

    Three things overlap: this thread writes a page while the next ones are read and
    another fetched (see :class:`_Feed`). The fetching thread only waits on the network.
    A first sync reads its pages in worker processes, on the other core (see pages.py;
    reading them on a thread of this process only made the threads take turns at the
    interpreter), and loads in bulk: the store builds its lookup indexes once, at the end.
    """
    replica.restore_indexes()  # any a killed first sync left set aside
    cursor = replica.cursor()
    bulk = cursor == 0
    paused = _full_collections_paused() if bulk else contextlib.nullcontext()
    # A first sync reads its pages in worker processes (see pages.py); a delta, here.
    with paused, PageReader(processes=bulk) as reader, replica.writing(bulk=bulk) as writer:
        return _pull(client, writer, cursor, page_size, batch_size, progress, should_stop, reader)


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
    reader: PageReader,
) -> PullResult:
    read = 0
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="pull") as fetcher:
        feed = _Feed(client, fetcher, reader, page_size, should_stop)
        try:
            feed.start(cursor)
            while (page := feed.next()) is not None:
                writer.apply_page(page, cursor=page.next_cursor)
                read += page.changes
                cursor = page.next_cursor
                if writer.pending >= batch_size:
                    writer.commit()  # (the last batch: when writing ends)
                if progress is not None:
                    progress(read)
        finally:
            feed.stop()
    return PullResult(read, cursor)


class _Feed:
    """The pages of the change feed from a cursor on, each fetched and read ahead.

    While the pull writes page N, pages N+1 and N+2 are being read and N+3 fetched (see
    :data:`AHEAD`): each page's cursor is taken from the end of the one before
    (:func:`cursor_hint`), so its fetch need not wait for the reading; should a page say
    otherwise once read, what was fetched on the guess is dropped and the feed fetched
    again from where the page says. (Filling the pipeline only with pages already
    fetched, so that a page ready to be written never waited on the network, left the
    readers idle: 84-92 s for a first sync of 49-55 s.) An error fetching a page is
    raised when that page is due, so every page before it is written.
    """

    def __init__(
        self,
        client: CentralClient,
        fetcher: ThreadPoolExecutor,
        reader: PageReader,
        page_size: int,
        should_stop: Callable[[], bool],
    ) -> None:
        self._client = client
        self._fetcher = fetcher
        self._reader = reader
        self._page_size = page_size
        self._should_stop = should_stop
        self._fetching: Future[Response] | None = None
        # Fetched, being read: (the answer, its page being read, where it says it ends).
        self._ahead: deque[tuple[Response, Future[PreparedPage], CursorHint | None]] = deque()
        self._failed: BaseException | None = None  # fetching the page after those ahead

    def start(self, cursor: int) -> None:
        """Fetch from ``cursor`` on."""
        self._fetch(cursor)

    def next(self) -> PreparedPage | None:
        """The next page, its records as row values; None at the end."""
        if not self._ahead:
            self._take_fetched()
        while self._fetching is not None and len(self._ahead) < AHEAD:
            if self._ahead and self._should_stop():
                break  # (no waiting on the network for pages that will not be written)
            self._take_fetched()  # to be read while this page is written
        if not self._ahead:
            if self._failed is not None:
                raise self._failed
            return None
        response, reading, hint = self._ahead.popleft()
        try:
            page = self._reader.result(reading, response.content)
        except UnreadablePage as problem:
            raise CentralClient.bad_page(response, problem) from None
        more = page.has_more and page.changes > 0 and not self._should_stop()
        if not more or hint != CursorHint(page.next_cursor, page.has_more):
            self.stop()  # what was fetched ahead, if anything, on a wrong guess
            if more:
                self._fetch(page.next_cursor)
        return page

    def stop(self) -> None:
        """Drop whatever was fetched or is being read ahead."""
        if self._fetching is not None:
            self._fetching.cancel()
            self._fetching = None
        while self._ahead:
            self._ahead.popleft()[1].cancel()
        self._failed = None

    def _fetch(self, cursor: int) -> None:
        self._fetching = self._fetcher.submit(self._fetch_page, cursor)

    def _fetch_page(self, cursor: int) -> Response:
        try:
            return self._client.fetch_changes(cursor, self._page_size)
        except Rejected as error:
            if error.status != 422 or self._page_size <= OLD_PAGE_SIZE:
                raise
            self._page_size = OLD_PAGE_SIZE  # a server from before MAX_CHANGES_PAGE
            return self._client.fetch_changes(cursor, self._page_size)

    def _take_fetched(self) -> None:
        """Wait for the page being fetched, hand it to the reader, and fetch the next."""
        if self._fetching is None:
            return
        fetching, self._fetching = self._fetching, None
        try:
            response = fetching.result()
        except Exception as error:  # (ApiError mostly) raised when this page is due
            self._failed = error
            return
        hint = cursor_hint(response.content)
        if hint is not None and hint.has_more and not self._should_stop():
            self._fetch(hint.next_cursor)  # (first: a page read on this thread takes a while)
        self._ahead.append((response, self._reader.submit(response.content), hint))
