"""Caller search over HTTP against the reference server on 100,000 seeded customers.

Run: .venv/bin/python bench/bench_server_search.py [--customers N] [--seed S] [--searches N]
     [--own-process]

Seeds a SQLite file under bench/out/ (kept, so a re-run with the same count and seed
skips seeding), starts the embedded server on it (demo mode's, a thread of this process;
``--own-process``: ``advocate-central serve`` in a process of its own, to compare), signs
in as the demo advocate and times phone searches in mixed formats plus a few e-mail,
serial and name searches. The goal: phone search median under 50 ms.
"""

from __future__ import annotations

import argparse
import random
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

import requests
from seeded import seeded_database
from sqlalchemy import create_engine, text

from advocate_console.central.demo.accounts import DEMO_PASSWORD, DEMO_USERNAME
from advocate_console.central.server import EmbeddedServer

OUT = Path(__file__).resolve().parent / "out"


def _samples(url: str, rng: random.Random) -> dict[str, list[str]]:
    engine = create_engine(url)
    with engine.connect() as connection:
        phones = [
            row[0]
            for row in connection.execute(
                text(
                    "SELECT e164 FROM customer_phones WHERE e164 LIKE '+1__________'"
                    " ORDER BY random() LIMIT 400"
                )
            )
        ]
        emails = [
            row[0]
            for row in connection.execute(
                text("SELECT email FROM customer_emails ORDER BY random() LIMIT 30")
            )
        ]
        serials = [
            row[0]
            for row in connection.execute(
                text("SELECT serial_number FROM products ORDER BY random() LIMIT 30")
            )
        ]
        names = [
            row[0]
            for row in connection.execute(
                text("SELECT name_key FROM customer_name_keys ORDER BY random() LIMIT 30")
            )
        ]
    engine.dispose()
    return {"phones": phones, "emails": emails, "serials": serials, "names": names}


def _phone_formats(e164: str, rng: random.Random) -> str:
    digits = e164[2:]
    return rng.choice(
        [
            e164,
            f"({digits[:3]}) {digits[3:6]}-{digits[6:]}",
            f"{digits[:3]}.{digits[3:6]}.{digits[6:]}",
            f"1-{digits[:3]}-{digits[3:6]}-{digits[6:]}",
        ]
    )


def _time(session: requests.Session, url: str, query: str) -> float:
    started = time.perf_counter()
    response = session.get(f"{url}/api/v1/customers", params={"q": query}, timeout=10)
    elapsed = (time.perf_counter() - started) * 1000
    response.raise_for_status()
    return elapsed


class _OwnProcess:
    """``advocate-central serve`` on the same database, as a process of its own."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.process: subprocess.Popen | None = None

    def start(self) -> str:
        """Start it; its base URL once it answers."""
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        command = [sys.executable, "-m", "advocate_console.central.cli", "serve"]
        command += ["--database", self.url, "--port", str(port)]
        self.process = subprocess.Popen(command, stderr=subprocess.DEVNULL)
        base = f"http://127.0.0.1:{port}"
        for _ in range(300):
            try:
                if requests.get(f"{base}/api/v1/health", timeout=1).ok:
                    return base
            except requests.RequestException:
                time.sleep(0.1)
        raise SystemExit("advocate-central serve did not start")

    def stop(self) -> None:
        """Stop it."""
        if self.process is not None:
            self.process.terminate()
            self.process.wait(30)


def _report(label: str, times: list[float]) -> None:
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]
    print(
        f"{label:<28} n={len(times):>4}  median {statistics.median(times):6.2f} ms"
        f"  p95 {p95:6.2f} ms  max {ordered[-1]:6.2f} ms"
    )


def main() -> int:
    """Seed (or reuse), serve, search, and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--searches", type=int, default=600)
    parser.add_argument(
        "--own-process",
        action="store_true",
        help="serve with `advocate-central serve` in a process of its own (default: embedded)",
    )
    args = parser.parse_args()
    rng = random.Random(args.seed)

    url, path, seed_seconds = seeded_database(args.customers, args.seed)
    if seed_seconds is None:
        print(f"reusing {path} ({args.customers:,} customers, seed {args.seed})")
    else:
        print(f"seeded {args.customers:,} customers in {seed_seconds:.1f} s")
    size = sum(p.stat().st_size for p in path.parent.glob(f"{path.name}*"))
    print(f"server database size: {size / 1e6:.1f} MB ({path.name} with WAL)")
    samples = _samples(url, rng)

    server = _OwnProcess(url) if args.own_process else EmbeddedServer(url)
    base = server.start()
    print(
        "server:",
        "advocate-central serve, a process of its own"
        if args.own_process
        else "embedded (a thread of this process, as in demo mode)",
    )
    try:
        with requests.Session() as session:
            token = session.post(
                f"{base}/api/v1/auth/token",
                data={"username": DEMO_USERNAME, "password": DEMO_PASSWORD},
                timeout=10,
            ).json()["access_token"]
            session.headers["Authorization"] = f"Bearer {token}"
            for _ in range(20):  # warm the connection and the page cache
                _time(session, base, rng.choice(samples["phones"]))
            vanity = ["1-800-GE-CARES", "1 800 GE CARES", "(800) GE-CARES"]
            phone_queries = [
                rng.choice(vanity)
                if i % 10 == 0
                else _phone_formats(rng.choice(samples["phones"]), rng)
                for i in range(args.searches)
            ]
            phone_times = [_time(session, base, query) for query in phone_queries]
            others = {
                "e-mail": [_time(session, base, q) for q in samples["emails"]],
                "serial": [_time(session, base, q) for q in samples["serials"]],
                "name prefix": [
                    _time(session, base, q[: rng.randint(4, 9)]) for q in samples["names"]
                ],
            }
    finally:
        server.stop()
    _report("phone (E.164/US/vanity)", phone_times)
    for label, times in others.items():
        _report(label, times)
    goal = statistics.median(phone_times) < 50
    print("phone search median under 50 ms:", "yes" if goal else "NO")
    return 0 if goal else 1


if __name__ == "__main__":
    sys.exit(main())
