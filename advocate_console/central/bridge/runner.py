"""A bridge process: PJSIP on one thread, the database on another.

The PJSIP thread pumps SIP events and carries out work; the database thread says the
bridge is alive every second, polls the bridge's wish counter (a one-row read, every
25 ms), loads the work when it moves, and writes what happened to each leg. Neither
waits on the other: a slow database never delays SIP, and audio is mixed by PJSIP's
own media clock either way.
"""

from __future__ import annotations

import json
import logging
import queue
import sys
import threading
import time
from uuid import UUID

from advocate_console.central.conferences import reports as db_side
from advocate_console.central.conferences.reports import ConferenceWork, LegReport
from advocate_console.central.core.database import Database

from .mixer import BridgeSettings, Mixer

log = logging.getLogger(__name__)

POLL_S = 0.025
HEARTBEAT_S = 1.0


class BridgeRunner:
    """Runs one bridge until told to stop."""

    def __init__(
        self,
        database_url: str,
        settings: BridgeSettings,
        *,
        name: str = "",
        poll_s: float = POLL_S,
        heartbeat_s: float = HEARTBEAT_S,
    ) -> None:
        self.database_url = database_url
        self.settings = settings
        self.name = name
        self.poll_s = poll_s
        self.heartbeat_s = heartbeat_s
        self.bridge_id: UUID | None = None
        self._reports: queue.SimpleQueue[LegReport | UUID] = queue.SimpleQueue()
        self._work: queue.SimpleQueue[list[ConferenceWork]] = queue.SimpleQueue()
        self._db_stopping = threading.Event()

    def run(self, stop: threading.Event) -> None:
        """Open PJSIP, register the bridge, and work until ``stop`` is set."""
        db = Database(self.database_url)
        mixer = Mixer(self.settings, self._reports.put, self._reports.put)
        domain = mixer.open()
        writer: threading.Thread | None = None
        try:
            self.bridge_id = db_side.register_bridge(db, domain, self.name)
            print(
                json.dumps({"event": "ready", "bridge": str(self.bridge_id), "domain": domain}),
                flush=True,
            )
            log.info("Bridge %s ready; conference addresses @%s", self.bridge_id, domain)
            writer = threading.Thread(target=self._database, args=(db,), name="bridge-db")
            writer.start()
            while not stop.is_set():
                mixer.pump(5)
                works = None
                while True:  # only the latest work counts: it is the whole state
                    try:
                        works = self._work.get_nowait()
                    except queue.Empty:
                        break
                if works is not None:
                    mixer.apply(works)
        finally:
            mixer.close()  # hangs up everyone; their reports are written below
            self._db_stopping.set()
            if writer is not None:
                writer.join(timeout=10)
            if self.bridge_id is not None:
                self._flush(db)
                db_side.bridge_stopped(db, self.bridge_id)
            db.dispose()

    def _database(self, db: Database) -> None:
        assert self.bridge_id is not None
        last_wanted, next_beat = -1, 0.0
        while not self._db_stopping.is_set():
            try:
                self._flush(db)
                now = time.monotonic()
                if now >= next_beat:
                    db_side.still_alive(db, self.bridge_id)
                    next_beat = now + self.heartbeat_s
                wanted = db_side.wanted(db, self.bridge_id)
                if wanted != last_wanted:
                    last_wanted = wanted
                    self._work.put(db_side.work(db, self.bridge_id))
            except Exception as error:  # the database is away: calls go on, try again
                log.warning("Bridge database work failed: %s", error)
                self._db_stopping.wait(1.0)
            self._db_stopping.wait(self.poll_s)

    def _flush(self, db: Database) -> None:
        legs: list[LegReport] = []
        ended: list[UUID] = []
        while True:
            try:
                item = self._reports.get_nowait()
            except queue.Empty:
                break
            if isinstance(item, LegReport):
                legs.append(item)
            else:
                ended.append(item)
        db_side.report_legs(db, legs)
        for conference_id in ended:
            db_side.conference_ended(db, conference_id)


def run_bridge(database_url: str, settings: BridgeSettings, name: str = "") -> int:
    """``advocate-central bridge``: run until SIGTERM or Ctrl+C."""
    import signal

    stop = threading.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: stop.set())
    try:
        BridgeRunner(database_url, settings, name=name).run(stop)
    except Exception as error:
        message = error.info() if hasattr(error, "info") else str(error)
        print(f"advocate-central bridge: {message}", file=sys.stderr)
        return 1
    return 0
