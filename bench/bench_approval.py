"""An advocate asks a lead to approve → the lead sees it → the advocate sees the decision.

Run: .venv/bin/python bench/bench_approval.py [--runs 20] [--slow-runs 6]

Serves a seeded SQLite database (bench/out/, kept) with `advocate-central serve` in its
own process on loopback. Two sync clients, each as a console has them (its own local
store, the approvals sync, the event stream), sign in as the demo advocate and the demo
lead. Each run the advocate keeps a request for a $150 refund without return (beyond the
$100 limit) and syncs at once, as the form does; the lead decides as soon as it shows
and the advocate's copy is timed until the decision is on it. With push, the events
bring both sides the news; without (the event stream down), the lead and an advocate
with a request waiting look again every WATCH_S seconds (``sync/approvals.py``; the
console's own sync cycle is a minute), each run starting at a random moment of it. The
goal: under 2 s end to end with push, under one sync interval (60 s) without it.
"""

from __future__ import annotations

import argparse
import os
import random
import socket
import statistics
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench_push import _serve
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication
from seeded import seeded_database

from advocate_console.api import CentralClient
from advocate_console.central.core.database import prepare_database
from advocate_console.central.demo.accounts import (
    DEMO_PASSWORD,
    DEMO_USERNAME,
    LEAD_PASSWORD,
    LEAD_USERNAME,
)
from advocate_console.central.demo.stories.repeat_failure import STORY_REPEAT_FAILURE_CUSTOMER_ID
from advocate_console.domain import Case, Collection, RemedyKind
from advocate_console.domain.authority import Approval
from advocate_console.domain.records import Remedy
from advocate_console.store import open_store
from advocate_console.store.approvals import ApprovalBook
from advocate_console.sync.approvals import WATCH_S, ApprovalNews, ApprovalSync
from advocate_console.sync.events import EventListener

REFUND = [Remedy(kind=RemedyKind.REFUND_WITHOUT_RETURN, cost_cents=15_000)]


class Side:
    """One console's approvals: a store, the approvals sync, and (with push) its stream."""

    def __init__(self, url: str, username: str, password: str, folder: Path, push: bool):
        self.client = CentralClient(url, retries=1)
        self.client.sign_in(username, password)
        self.me = self.client.me()
        self.store = open_store(folder / f"{username}-{push}.sqlite")
        self.sync = ApprovalSync(ApprovalBook(self.store))
        self.seen: dict[uuid.UUID, tuple[str, float]] = {}
        self.sync.sig_news.connect(self._news)
        self.sync.use(self.client, self.me)
        self.listener: EventListener | None = None
        if push:
            stream = CentralClient(url, token=self.client.token, retries=0)
            self.listener = EventListener(stream)
            self.listener.sig_event.connect(self.sync.pushed)
            self.listener.sig_listening.connect(self.sync.set_listening)
            self.listener.start()

    def _news(self, news: ApprovalNews) -> None:
        now = time.perf_counter()
        for approval in news.changed:
            if self.seen.get(approval.id, ("",))[0] != approval.status:
                self.seen[approval.id] = (approval.status, now)

    def stop(self) -> None:
        """Hang up and close the store."""
        if self.listener is not None:
            self.listener.stop()
        self.sync.use(None, None)
        self.store.close()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_until(app: QApplication, done, timeout_s: float) -> bool:
    deadline = time.perf_counter() + timeout_s
    while not done():
        if time.perf_counter() > deadline:
            return False
        loop = QEventLoop()
        QTimer.singleShot(5, loop.quit)
        loop.exec()
    return True


def _cases(client: CentralClient, count: int) -> list[Case]:
    cases = []
    for _ in range(count):
        case = Case(
            id=uuid.uuid4(),
            customer_id=STORY_REPEAT_FAILURE_CUSTOMER_ID,
            category="product failure",
            summary="The ice maker leaks again",
            opened_at=datetime.now(UTC),
        )
        body = case.model_dump(mode="json", exclude={"version"})
        cases.append(client.create(Collection.CASES, body, str(uuid.uuid4())))
    return cases


def run(app, url: str, runs: int, push: bool) -> list[tuple[float, ...]]:
    """Per run, seconds: ask → lead sees it, decision → advocate sees it, end to end."""
    folder = Path(tempfile.mkdtemp(prefix="bench-approval-"))
    advocate = Side(url, DEMO_USERNAME, DEMO_PASSWORD, folder, push)
    lead = Side(url, LEAD_USERNAME, LEAD_PASSWORD, folder, push)
    patience = 10.0 if push else WATCH_S * 3 + 10.0
    if push:  # both streams open before the first request
        _wait_until(app, lambda: bool(advocate.sync.listening and lead.sync.listening), 10.0)
    figures = []
    try:
        for case in _cases(advocate.client, runs):
            approval = Approval(
                id=uuid.uuid4(),
                case_id=case.id,
                remedies=REFUND,
                reason="Second failure of the same model",
                requester_id=advocate.me.id,
                created_at=datetime.now(UTC),
            )
            if not push:  # a request comes at any moment of the lead's watch
                _wait_until(app, lambda: False, random.uniform(0, WATCH_S))
            asked = time.perf_counter()
            advocate.sync.book.ask(approval)
            advocate.sync.sync_now()  # as the form's request does
            if not _wait_until(app, lambda a=approval: a.id in lead.seen, patience):
                raise SystemExit("The lead never saw the request")
            seen = lead.seen[approval.id][1]
            current = lead.sync.book.get(approval.id).approval
            decided_at = time.perf_counter()  # the lead's click
            lead.sync.decide(current, "approved", "ok", lambda _a: None, print)
            if not _wait_until(
                app, lambda a=approval: advocate.seen.get(a.id, ("",))[0] == "approved", patience
            ):
                raise SystemExit("The advocate never saw the decision")
            done = advocate.seen[approval.id][1]
            figures.append((seen - asked, done - decided_at, done - asked))
    finally:
        advocate.stop()
        lead.stop()
    return figures


def _p(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def report(title: str, figures: list[tuple[float, ...]]) -> None:
    """p50/p95 of each leg, in milliseconds."""
    print(f"\n{title} ({len(figures)} runs)")
    for index, name in enumerate(
        ("request → the lead sees it", "decision → the advocate sees it", "end to end")
    ):
        values = [f[index] * 1000 for f in figures]
        print(
            f"  {name:34} p50 {statistics.median(values):7.0f} ms   "
            f"p95 {_p(values, 0.95):7.0f} ms   max {max(values):7.0f} ms"
        )


def main() -> int:
    """Serve, run with push and without, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--slow-runs", type=int, default=6, help="runs without push")
    parser.add_argument("--customers", type=int, default=200)
    args = parser.parse_args()
    url, _path, _ = seeded_database(args.customers, 1)
    prepare_database(url)  # a database seeded by an older version gains the new tables
    port = _free_port()
    server = _serve(url, port)
    app = QApplication.instance() or QApplication(sys.argv)
    base = f"http://127.0.0.1:{port}"
    try:
        report("With push", run(app, base, args.runs, True))
        report(f"Without push (watched every {WATCH_S} s)", run(app, base, args.slow_runs, False))
    finally:
        server.terminate()
        server.wait(10)
    print(f"\nload: {os.getloadavg()[0]:.1f} (2 cores shared)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
