"""Reading pages of the change feed into row values of the store, on a first sync in a
worker process.

A first sync reads a million records. Checking each against its record type (pydantic)
and turning it into row values costs as much CPU as SQLite's writing of it, and both
need the interpreter: on one thread they take turns. In a worker process the reading of
page N+1 runs beside the writing of page N, on the other core. What goes across is the
page's bytes one way and tuples of plain values back, each record's JSON with them (see
``store/prepared.py``).

Delta syncs are a few pages: they are read on the pull's own thread, with no process to
start.
"""

from __future__ import annotations

import gc
import logging
import multiprocessing
import os
import re
import sys
from concurrent.futures import CancelledError, Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass

from advocate_console.api.feed import read_feed_page
from advocate_console.api.schemas import ChangeOp
from advocate_console.store.prepared import PreparedPage, prepare

log = logging.getLogger(__name__)

# Reading processes: two keep the writer busy on two cores (one left it waiting a sixth
# of the time); they mostly wait while their pages are fetched and written.
WORKERS = 2
READER_NICENESS = 10  # how much lower than the app the readers run (see _lower_priority)
_BELOW_NORMAL_PRIORITY = 0x4000  # Windows' BELOW_NORMAL_PRIORITY_CLASS

# ChangePage's JSON ends with these (our server writes them last): where the next page
# starts can be read from the tail, so its fetch starts before the page is read. Only a
# hint: the page read says where it ends, and a wrong hint is fetched again.
_TAIL = 200
_NEXT_CURSOR = re.compile(rb'"next_cursor"\s*:\s*(\d+)\s*,\s*"has_more"\s*:\s*(true|false)\s*}\s*$')


@dataclass(frozen=True, slots=True)
class CursorHint:
    """What the end of a page says: where the next one starts, and whether there is one."""

    next_cursor: int
    has_more: bool


def cursor_hint(content: bytes) -> CursorHint | None:
    """Where the page in ``content`` says the next one starts; None if it is not at its end."""
    match = _NEXT_CURSOR.search(content, max(0, len(content) - _TAIL))
    if match is None:
        return None
    return CursorHint(int(match[1]), match[2] == b"true")


def prepare_feed_page(content: bytes) -> PreparedPage:
    """The page of the change feed in ``content`` as row values of the store.

    Raises ``api.feed.UnreadablePage`` for a page that is not what ChangePage says.
    """
    page = read_feed_page(content, trusted=True)
    upserts = [(c.collection, c.record()) for c in page.items if c.op is ChangeOp.UPSERT]
    prepared = prepare((collection, r, r.model_dump_json()) for collection, r in upserts)
    prepared.changes = len(page.items)
    prepared.next_cursor = page.next_cursor
    prepared.has_more = page.has_more
    return prepared


def _worker_started() -> None:
    # Only this process's own garbage is collected, and a stall here stalls no window:
    # young collections every 50,000 allocations rather than 700 read a page of 1,000
    # in 34-43 ms rather than 47-55 (paired runs), and reference counts free most of it.
    gc.set_threshold(50_000, 20, 100)
    _lower_priority()


def _lower_priority() -> None:
    """Below the app's own threads: with four busy processes on two cores, the UI waited
    up to 43-52 ms for the interpreter when the writer, holding it, lost its core; at
    nice 10 the worst wait was 23-43 ms over seven first syncs, none of them slower."""
    try:
        if hasattr(os, "nice"):
            os.nice(READER_NICENESS)
        elif sys.platform == "win32":  # (not tried here: no Windows on this build machine)
            import ctypes

            kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
            kernel32.SetPriorityClass(kernel32.GetCurrentProcess(), _BELOW_NORMAL_PRIORITY)
    except OSError as error:  # a priority is a wish: reading goes on at the usual one
        log.info("page reader at the usual priority: %s", error)


class PageReader:
    """Reads pages with :func:`prepare_feed_page`: in worker processes, or right here.

    ``submit`` returns a future of the prepared page. With ``processes``, the first page
    is read here and the processes start with the second: a feed of one page is not
    worth their start (a second or so). Should a process die (killed, out of memory),
    its page is read here instead, and so are the rest: the pull goes on, only slower.
    """

    def __init__(self, *, processes: bool) -> None:
        self._wanted = processes
        self._pool: ProcessPoolExecutor | None = None
        self._submitted = 0
        self.problem: str | None = None  # why pages are read here after all, if they are

    def submit(self, content: bytes) -> Future[PreparedPage]:
        """The page in ``content``, being read."""
        self._submitted += 1
        if self._wanted and self._pool is None and self._submitted > 1:
            self._start_processes()
        if self._pool is not None:
            try:
                return self._pool.submit(prepare_feed_page, content)
            except (BrokenProcessPool, RuntimeError, OSError) as error:  # (OSError: a spawn)
                self._give_up_processes(error)
        return self._here(content)

    def _start_processes(self) -> None:
        # "spawn" everywhere: a fork of a process with Qt and threads is not safe.
        context = multiprocessing.get_context("spawn")
        try:
            self._pool = ProcessPoolExecutor(WORKERS, context, initializer=_worker_started)
        except OSError as error:  # no usable /dev/shm for its locks, say
            self.problem = f"worker processes cannot start ({error})"
            log.warning("%s: reading pages in this one", self.problem)
            self._wanted = False

    @property
    def in_processes(self) -> bool:
        """Whether pages are being read in worker processes now."""
        return self._pool is not None

    def result(self, future: Future[PreparedPage], content: bytes) -> PreparedPage:
        """The page ``future`` was reading (``content``); read here if the process died."""
        try:
            return future.result()
        except (BrokenProcessPool, CancelledError) as error:  # (cancelled: given up on)
            self._give_up_processes(error)
            return self._here(content).result()

    def close(self) -> None:
        """Stop the worker processes, if any (pages not yet read are dropped)."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def __enter__(self) -> PageReader:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def _give_up_processes(self, error: BaseException) -> None:
        self.problem = f"a page-reading process stopped ({error})"
        log.warning("%s: reading pages in this one", self.problem)
        self._wanted = False
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None

    @staticmethod
    def _here(content: bytes) -> Future[PreparedPage]:
        future: Future[PreparedPage] = Future()
        try:
            future.set_result(prepare_feed_page(content))
        except Exception as error:  # (noqa: BLE001) handed to whoever asks, as the pool does
            future.set_exception(error)
        return future
