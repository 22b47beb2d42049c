"""Keeping the report tables current off the request path: one thread per worker.

Each catch-up costs about the same whether it applies one change or a hundred (its
statements), so a report that caught up itself paid that on
every request under steady writes, and those asked together queued for the one lock
(bench_load: 4.4 s median scorecard). The keeper catches up twice a second when the feed
moved; a report asked for while the tables are behind the feed wakes it and waits for
the catch-up that covers every change committed before it was asked (read-your-writes),
shared by every report waiting then. A scorecard waits only for the changes of the one
asking and the one whose card it is: with a thousand advocates writing, the feed is
always ahead of the tables, and waiting for every other advocate's change was most of a
scorecard's time (bench_load: 90 ms median, 220 ms p95 as the server timed them).
"""

from __future__ import annotations

import logging
import threading
import time
from uuid import UUID

from advocate_console.central.core.database import Database

from . import feed, team_kept

log = logging.getLogger(__name__)

PERIOD = 0.5
"""Seconds between looks at the feed's head (one query) while nobody waits."""
AT_MOST_EVERY = 0.1
"""Seconds from the start of one catch-up to the start of the next even when reports
wait: those asked meanwhile share one. (From its end, a report asked during a catch-up
waited for it, then 0.1 s doing nothing, then the next one.)"""
PATIENCE = 10.0
"""How long a report waits for the keeper before it catches up itself."""
_KEY = "report_keeper"


class ReportKeeper:
    """A worker's background catch-up of the report tables (started with the app)."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.reached = 0
        """The report tables' cursor at the end of this keeper's last look."""
        self._turn = threading.Condition()
        self._wanted = 0  # the newest cursor a waiting report needs
        self._waiting = 0
        self._stopping = False
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        """Begin keeping; reports on this database wait for this keeper from now on."""
        self._stopping = False
        self._thread = threading.Thread(target=self._run, name="report-keeper", daemon=True)
        self._thread.start()
        self.db.info[_KEY] = self

    def stop(self) -> None:
        """Stop within a catch-up (reports then catch up themselves)."""
        self.db.info.pop(_KEY, None)
        with self._turn:
            self._stopping = True
            self._turn.notify_all()
        if self._thread is not None:
            self._thread.join(10.0)

    def wait_until_current(self, by: tuple[UUID, UUID] | None = None) -> int | None:
        """Return once the report tables hold every change committed before this call
        (``by``: every change these users made); their cursor then, or a cursor below
        it (None: not known)."""
        reached, newest, dirty = feed.report_state(self.db, by)
        if reached >= newest and not dirty:
            return reached  # (most reports, once writes pause)
        if not dirty:
            with self._turn:
                self._waiting += 1
                self._wanted = max(self._wanted, newest)
                self._turn.notify_all()
                try:
                    done = self._turn.wait_for(
                        lambda: self.reached >= newest or self._stopping, PATIENCE
                    )
                finally:
                    self._waiting -= 1
                reached = self.reached
            if done and not self._stopping:
                return reached
        # Days left to sum (a catch-up interrupted), or the keeper is stopping or stuck.
        feed.bring_up_to_date(self.db)
        return None

    def _run(self) -> None:
        last = -PERIOD
        failing = False
        while True:
            with self._turn:
                self._turn.wait_for(self._called, PERIOD)
                if self._stopping:
                    return
                waiting = self._called()
            pause = last + AT_MOST_EVERY - time.monotonic()
            if pause > 0:
                time.sleep(pause)
            last = time.monotonic()
            try:
                self._look(waiting)
                failing = False
            except Exception as error:  # the database is away, or being migrated
                if not failing:
                    log.warning("the report tables could not catch up: %s", error)
                failing = True

    def _called(self) -> bool:
        """True when stopping, or a report waits for more than the tables hold."""
        return self._stopping or (self._waiting > 0 and self._wanted > self.reached)

    def _look(self, waiting: bool) -> None:
        """Catch up when the feed moved past what this keeper last saw (or a report
        waits); then tell the waiting reports how far the tables are."""
        reached, newest, dirty = feed.report_state(self.db)
        # (Only what moved since this keeper last looked: tables emptied by an upgrade
        # are filled again by the next write or report, not behind a test's back.)
        if (reached < newest or dirty) and (newest > self.reached or waiting):
            # A report waiting on this worker waits for the other worker's catch-up to
            # end; otherwise this one leaves it to the other.
            caught = feed.catch_up(self.db, wait=waiting)
            reached, dirty = (caught, False) if caught is not None else (reached, dirty)
        moved = reached != self.reached
        with self._turn:
            self.reached = reached
            self._turn.notify_all()
        if moved and not dirty:
            team_kept.prepare(self.db, reached)


def wait_until_current(db: Database, by: tuple[UUID, UUID] | None = None) -> int | None:
    """Have the report tables hold every change committed before this call (``by``: at
    least every change these two users made, and the others' up to the keeper's last
    catch-up, at most half a second ago): through this worker's keeper when it runs, else
    by catching up here. The tables' cursor then, or one below it (None: not known)."""
    keeper: ReportKeeper | None = db.info.get(_KEY)
    if keeper is None:
        feed.bring_up_to_date(db)
        return None
    return keeper.wait_until_current(by)
