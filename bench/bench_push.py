"""A call posted by the phone system → the caller's history on the console's screen.

Run: .venv/bin/python bench/bench_push.py [--runs 60] [--customers 2000]

Serves a seeded SQLite database (bench/out/, kept) with `advocate-central serve` in its
own process on loopback, starts a console (offscreen Qt) signed in as the demo advocate
and synced, then posts newCall events with an integration key, each for another
customer's phone, and times POST sent → history shown (the event stream, the pop, the
local search and the history panel). The goal: p95 under 300 ms.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import requests
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication
from seeded import seeded_database
from sqlalchemy import create_engine, text

from advocate_console.central.core.database import Database, prepare_database
from advocate_console.central.demo.accounts import DEMO_PASSWORD, DEMO_USERNAME
from advocate_console.central.integrations.service import create_integration


def _wait(signal, timeout_ms: int) -> bool:
    loop = QEventLoop()
    fired = []
    signal.connect(lambda *_: (fired.append(1), loop.quit()))
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()
    return bool(fired)


def _serve(url: str, port: int) -> subprocess.Popen:
    log = Path(tempfile.mkdtemp(prefix="bench-push-")) / "serve.log"
    process = subprocess.Popen(
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
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
    )
    for _ in range(300):
        try:
            if requests.get(f"http://127.0.0.1:{port}/api/v1/ready", timeout=1).ok:
                return process
        except requests.RequestException:
            time.sleep(0.1)
    process.kill()
    raise SystemExit(log.read_text())


def main() -> int:
    """Serve, start a console, post calls, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=60)
    parser.add_argument("--customers", type=int, default=2000)
    args = parser.parse_args()
    url, _path, _ = seeded_database(args.customers, 1)
    engine = create_engine(url)
    with engine.connect() as connection:
        phones = [
            row[0]
            for row in connection.execute(
                text(
                    "SELECT min(e164) FROM customer_phones GROUP BY customer_id ORDER BY random()"
                    f" LIMIT {args.runs}"
                )
            )
        ]
    engine.dispose()
    prepare_database(url)  # a database seeded by an older version gains the new tables
    db = Database(url)
    key = create_integration(db, f"bench-{time.time_ns()}")[1]
    db.dispose()
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = _serve(url, port)
    base = f"http://127.0.0.1:{port}"
    app = QApplication([])
    from advocate_console.auth import TokenVault
    from advocate_console.console import Console
    from advocate_console.settings import Settings

    data = Path(tempfile.mkdtemp(prefix="bench-push-console-"))
    console = Console(Settings(api_url=base, data_dir=data), data, TokenVault(memory_only=True))
    console.window.show()
    try:
        console.open_local()
        assert _wait(console.sig_ready, 60_000), "the store did not open"
        console.sign_in_as(base, DEMO_USERNAME, DEMO_PASSWORD)
        assert _wait(console.sync.sig_synced, 300_000), "the first sync did not finish"
        while console.pushes.listener is None:
            app.processEvents()
        time.sleep(0.5)  # the stream is open
        http = requests.Session()
        http.headers["Authorization"] = f"Bearer {key}"
        times = []
        for run, phone in enumerate(phones):
            started = time.perf_counter()
            threading.Thread(
                target=lambda p=phone, r=run: http.post(
                    f"{base}/api/v1/telephony/events",
                    json={
                        "event": "newCall",
                        "call_id": f"b-{r}-{time.time_ns()}",
                        "from": p,
                        "user": DEMO_USERNAME,
                    },
                    timeout=10,
                )
            ).start()
            shown = _wait(console.window.sig_history_shown, 5000)
            if shown:
                times.append((time.perf_counter() - started) * 1000)
            _wait_ms(app, 100)
    finally:
        console.window.close()
        server.send_signal(2)
        server.wait(20)
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]
    load = Path("/proc/loadavg").read_text().split()[:3]
    print(
        f"posted → history shown: n={len(times)} of {len(phones)}, median"
        f" {statistics.median(times):.1f} ms, p95 {p95:.1f} ms, max {ordered[-1]:.1f} ms"
        f" (load average {' '.join(load)})"
    )
    met = p95 < 300 and len(times) == len(phones)
    print("p95 under 300 ms:", "yes" if met else "NO")
    return 0 if met else 1


def _wait_ms(app: QApplication, ms: int) -> None:
    deadline = time.perf_counter() + ms / 1000
    while time.perf_counter() < deadline:
        app.processEvents()
        time.sleep(0.005)


if __name__ == "__main__":
    sys.exit(main())
