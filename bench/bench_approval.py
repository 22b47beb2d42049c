"""An advocate asks a lead to approve → the lead sees it → the advocate sees the decision.

Run: .venv/bin/python bench/bench_approval.py [--runs 20] [--interval 10] [--slow-runs 4]

Serves a seeded SQLite database (bench/out/, kept) with `advocate-central serve` in its
own process on loopback. Two sync clients, each as a console has them (its own local
store, the approvals sync, the event stream), sign in as the demo advocate and the demo
lead. Each run the advocate keeps a request for a $150 refund without return (beyond the
$100 limit) and syncs at once, as the form does; the lead decides as soon as it shows
and the advocate's copy is timed until the decision is on it. With push, the events
bring both sides the news; without, each side syncs on its timer (``--interval``), as a
console whose event stream is down does. The goal: under 2 s end to end with push, under
one sync interval without it.
"""

from __future__ import annotations

import argparse
import os
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
from advocate_console.sync.approvals import ApprovalNews, ApprovalSync
from advocate_console.sync.events import EventListener
from tests.plumbing import free_port

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


def run(app, url: str, runs: int, push: bool, interval_s: float) -> list[tuple[float, ...]]:
    """Per run, seconds: ask → lead sees it, decision → advocate sees it, end to end."""
    folder = Path(tempfile.mkdtemp(prefix="bench-approval-"))
    advocate = Side(url, DEMO_USERNAME, DEMO_PASSWORD, folder, push)
    lead = Side(url, LEAD_USERNAME, LEAD_PASSWORD, folder, push)
    timers = []
    if not push:  # each side's sync cycle, as the engine's timer brings it
        for side in (advocate, lead):
            timer = QTimer()
            timer.timeout.connect(side.sync.sync_now)
            timer.start(int(interval_s * 1000))
            timers.append(timer)
    if push:  # both streams open before the first request
        _wait_until(app, lambda: False, 1.0)
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
            asked = time.perf_counter()
            advocate.sync.book.ask(approval)
            advocate.sync.sync_now()  # as the form's request does
            if not _wait_until(app, lambda a=approval: a.id in lead.seen, interval_s * 3 + 10):
                raise SystemExit("The lead never saw the request")
            seen = lead.seen[approval.id][1]
            current = lead.sync.book.get(approval.id).approval
            decided = []
            lead.sync.decide(current, "approved", "ok", decided.append, print)
            _wait_until(app, lambda d=decided: bool(d), 10)
            decided_at = time.perf_counter()
            if not _wait_until(
                app,
                lambda a=approval: advocate.seen.get(a.id, ("",))[0] == "approved",
                interval_s * 3 + 10,
            ):
                raise SystemExit("The advocate never saw the decision")
            done = advocate.seen[approval.id][1]
            figures.append((seen - asked, done - decided_at, done - asked))
    finally:
        for timer in timers:
            timer.stop()
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
    parser.add_argument("--slow-runs", type=int, default=4, help="runs without push")
    parser.add_argument("--interval", type=float, default=10.0, help="sync interval, seconds")
    parser.add_argument("--customers", type=int, default=200)
    args = parser.parse_args()
    url, _path, _ = seeded_database(args.customers, 1)
    port = free_port()
    server = _serve(url, port)
    app = QApplication.instance() or QApplication(sys.argv)
    base = f"http://127.0.0.1:{port}"
    try:
        report("With push", run(app, base, args.runs, True, args.interval))
        report(
            f"Without push (sync every {args.interval:g} s)",
            run(app, base, args.slow_runs, False, args.interval),
        )
    finally:
        server.terminate()
        server.wait(10)
    print(f"\nload: {os.getloadavg()[0]:.1f} (2 cores shared)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
