"""Sync figures: first sync of a 100,000-customer server, a delta of 1,000 changes, and how
long the UI event loop ever waits while sync runs.

Run: .venv/bin/python bench/bench_sync.py [--customers N] [--delta N]
     [--stores both|plain|encrypted] [--rounds N]

The server runs in its own process (``advocate-central serve``) on the database that
bench_server_search.py also uses (seeded once under bench/out/). The client side is the
real console machinery: a SyncController on its own thread writing a fresh local store,
with a 5 ms heartbeat timer on the UI thread recording the longest gap between beats.
Goals: first sync < 60 s, delta of 1,000 < 2 s, no UI stall > 50 ms. CPU seconds (user +
system) of both processes are printed too: on a shared machine they are steadier than
the wall clock. Check the load (``uptime``) before trusting a figure.

The console's store is encrypted (SQLCipher, a raw random key); ``--stores both`` (the
default) syncs into a plain and an encrypted store in turn, ``--rounds`` times (plain
first, then encrypted first, and so on), so the machine's load weighs on both alike, and
prints the ratio of their medians, in seconds and in the client's CPU seconds.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QElapsedTimer, QObject, QTimer, Slot
from PySide6.QtWidgets import QApplication
from seeded import seeded_database

from advocate_console.api import CentralClient
from advocate_console.app import settle_start_up_objects
from advocate_console.central.demo.accounts import DEMO_PASSWORD, DEMO_USERNAME
from advocate_console.central.demo.stories.repeat_failure import STORY_REPEAT_FAILURE_CUSTOMER_ID
from advocate_console.domain import Collection
from advocate_console.store import open_store
from advocate_console.store.encryption import new_key
from advocate_console.sync import SyncController

HEARTBEAT_MS = 5


class Heartbeat:
    """A timer on the UI thread; the longest gap between its beats is the worst stall."""

    def __init__(self) -> None:
        self.clock = QElapsedTimer()
        self.worst_ms = 0.0
        self.timer = QTimer()
        self.timer.setInterval(HEARTBEAT_MS)
        self.timer.timeout.connect(self._beat)

    def start(self) -> None:
        self.worst_ms = 0.0
        self.clock.start()
        self.timer.start()

    def stop(self) -> float:
        self.timer.stop()
        return self.worst_ms

    def _beat(self) -> None:
        gap = self.clock.nsecsElapsed() / 1e6
        self.clock.restart()
        self.worst_ms = max(self.worst_ms, gap - HEARTBEAT_MS)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _serve(url: str) -> tuple[subprocess.Popen, str]:
    port = _free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "advocate_console.central.cli",
            "serve",
            "--database",
            url,
            "--port",
            str(port),
        ],
        stdout=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    probe = CentralClient(base, retries=0)
    for _ in range(200):
        try:
            probe.health()
            return server, base
        except Exception:  # not up yet
            time.sleep(0.1)
    server.kill()
    raise SystemExit("the server did not start")


def _server_cpu(server: subprocess.Popen) -> float:
    """CPU seconds (user + system) the server process has used so far (Linux; else 0)."""
    try:
        fields = Path(f"/proc/{server.pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _own_cpu() -> float:
    """CPU seconds (user + system) this process and its ended children (a first sync's
    page-reading processes) have used so far."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime + children.ru_utime + children.ru_stime


def _children_cpu() -> float:
    """CPU seconds of this process's ended children."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return children.ru_utime + children.ru_stime


class SyncWaiter(QObject):
    """Ends the UI thread's event loop when a sync is reported, as the console's own
    receivers do: a QObject of the UI thread, so the engine's signals arrive queued.

    (Plain functions ran on the sync thread, and QApplication.quit() from there could
    deadlock with the heartbeat waiting for the GIL on the UI thread.)
    """

    def __init__(self, app: QApplication) -> None:
        super().__init__()
        self.app = app
        self.report: object = None

    @Slot(object)
    def finished(self, report: object) -> None:
        self.report = report
        self.app.quit()

    @Slot(object)
    def status(self, value) -> None:
        if value.last_error and value.state.value in ("offline", "error", "signed_out"):
            print(f"sync stopped: {value.last_error}", file=sys.stderr)
            self.app.exit(1)


def _run_until(app: QApplication, engine, action) -> tuple[float, object]:
    """Run ``action`` and the event loop until the engine reports a sync (or gives up)."""
    waiter = SyncWaiter(app)
    engine.sig_synced.connect(waiter.finished)
    engine.sig_status_changed.connect(waiter.status)
    started = time.perf_counter()
    action()
    if app.exec() != 0:
        raise SystemExit("sync did not finish")
    elapsed = time.perf_counter() - started
    engine.sig_synced.disconnect(waiter.finished)
    engine.sig_status_changed.disconnect(waiter.status)
    return elapsed, waiter.report


def _make_changes(base: str, count: int) -> None:
    writer = CentralClient(base)
    writer.sign_in(DEMO_USERNAME, DEMO_PASSWORD)
    for number in range(count):
        writer.create(
            Collection.INTERACTIONS,
            {
                "id": str(uuid.uuid4()),
                "customer_id": str(STORY_REPEAT_FAILURE_CUSTOMER_ID),
                "kind": "note",
                "occurred_at": datetime.now(UTC).isoformat(),
                "summary": f"Benchmark note {number}",
            },
            str(uuid.uuid4()),
        )
    writer.close()


def sync_once(
    app, heartbeat, server, base: str, delta: int, key: bytes | None
) -> tuple[float, float]:
    """A first sync into a fresh store (encrypted with ``key`` if given), then a delta;
    prints both, returns the first sync's seconds and the client's CPU seconds for it."""
    kind = "encrypted" if key else "plain"
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(Path(folder) / "local.sqlite", key=key)
        client = CentralClient(base)
        client.sign_in(DEMO_USERNAME, DEMO_PASSWORD)
        controller = SyncController(store)
        rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

        cpu_before = _own_cpu(), _server_cpu(server), _children_cpu()
        heartbeat.start()
        first, report = _run_until(app, controller.engine, lambda: controller.start(client))
        stall = heartbeat.stop()
        client_cpu = _own_cpu() - cpu_before[0]
        server_cpu = _server_cpu(server) - cpu_before[1]
        readers_cpu = _children_cpu() - cpu_before[2]
        first_cpu = client_cpu
        rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        reader_rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        local_size = sum(f.stat().st_size for f in Path(folder).iterdir()) / 1e6
        print(
            f"first sync, {kind} store: {report.pulled:,} changes in {first:.1f} s "
            f"({report.pulled / first:,.0f}/s); peak memory {rss_after:.0f} MB "
            f"(+{rss_after - rss_before:.0f} MB over the idle console), "
            f"and {reader_rss:.0f} MB in each page-reading process; "
            f"local store {local_size:.0f} MB; worst UI stall {stall:.1f} ms; "
            f"CPU: client {client_cpu:.1f} s (of which page-reading processes "
            f"{readers_cpu:.1f} s), server {server_cpu:.1f} s; load {_load()}"
        )

        _make_changes(base, delta)
        cpu_before = _own_cpu(), _server_cpu(server)
        heartbeat.start()
        seconds, report = _run_until(app, controller.engine, controller.sync_now)
        stall = heartbeat.stop()
        client_cpu = _own_cpu() - cpu_before[0]
        server_cpu = _server_cpu(server) - cpu_before[1]
        print(
            f"delta sync, {kind} store: {report.pulled:,} changes in {seconds:.2f} s; "
            f"worst UI stall {stall:.1f} ms; "
            f"CPU: client {client_cpu:.2f} s, server {server_cpu:.2f} s"
        )
        controller.shutdown()
        store.close()
        client.close()
    return first, first_cpu


def _load() -> str:
    return "{:.2f} {:.2f} {:.2f}".format(*os.getloadavg())


def main() -> int:
    """Measure and print."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--delta", type=int, default=1000)
    parser.add_argument("--stores", choices=["both", "plain", "encrypted"], default="both")
    parser.add_argument("--rounds", type=int, default=1)
    args = parser.parse_args()

    _, path, seeded = seeded_database(args.customers)
    print(f"server: {path.name}" + (f" (seeded in {seeded:.0f} s)" if seeded else " (cached)"))
    print(f"load average (1, 5, 15 min): {_load()}")
    work = Path(tempfile.mkdtemp(prefix="bench-sync-"))
    copy = work / "central.sqlite"  # the delta writes here, never into the shared cache
    shutil.copyfile(path, copy)
    server, base = _serve(f"sqlite:///{copy}")
    app = QApplication(sys.argv[:1])
    heartbeat = Heartbeat()
    settle_start_up_objects()  # as the app does before its event loop starts
    kinds = ["plain", "encrypted"] if args.stores == "both" else [args.stores]
    firsts: dict[str, list[float]] = {kind: [] for kind in kinds}
    cpus: dict[str, list[float]] = {kind: [] for kind in kinds}
    try:
        for round_ in range(args.rounds):
            # Plain first, then encrypted first: a load that rises or falls during the
            # run weighs on both alike.
            for kind in kinds if round_ % 2 == 0 else kinds[::-1]:
                key = new_key() if kind == "encrypted" else None
                first, cpu = sync_once(app, heartbeat, server, base, args.delta, key)
                firsts[kind].append(first)
                cpus[kind].append(cpu)
        if len(kinds) == 2:
            plain, encrypted = (statistics.median(firsts[kind]) for kind in kinds)
            print(
                f"first sync, median of {args.rounds}: plain {plain:.1f} s, encrypted "
                f"{encrypted:.1f} s: {encrypted / plain:.2f}x (goal ≤ 1.15x)"
            )
            plain, encrypted = (statistics.median(cpus[kind]) for kind in kinds)
            print(
                f"  client CPU (steadier under load), median: plain {plain:.1f} s, encrypted "
                f"{encrypted:.1f} s: {encrypted / plain:.2f}x"
            )
        print(f"load average (1, 5, 15 min): {_load()}")
    finally:
        server.terminate()
        server.wait(10)
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
