"""Every report over a year of the 100,000-customer demo, on PostgreSQL and on SQLite.

Run: .venv/bin/python bench/bench_reports.py [--customers N] [--seed S] [--runs N]
                                             [--only postgresql|sqlite]

Seeds (or reuses, under bench/out/) a SQLite file and a throwaway PostgreSQL 15 cluster
(``initdb`` in bench/out/, started for the run and stopped after; fsync off, as in the
tests), serves each with the embedded server, signs in as the demo advocate and the
lead, and times each report over the last 365 days through HTTP, in turns, ``--runs``
times. Prints median, p95 and max per report, and the machine's load before and after
(it is shared). The goal: every report's p95 under 300 ms on PostgreSQL.
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import quote

import requests
from seeded import OUT, seeded_database

from advocate_console.central.core.database import prepare_database
from advocate_console.central.demo import DEMO_DATA_VERSION
from advocate_console.central.demo.accounts import (
    DEMO_PASSWORD,
    DEMO_USERNAME,
    LEAD_PASSWORD,
    LEAD_USERNAME,
)
from advocate_console.central.seed import customer_count, seed_database
from advocate_console.central.server import EmbeddedServer

PG_BIN = Path("/usr/lib/postgresql/15/bin")
GOAL_MS = 300


def _load() -> str:
    return "load average " + ", ".join(f"{value:.2f}" for value in os.getloadavg())


def _as_postgres(*command: str | Path) -> None:
    args = [str(part) for part in command]
    if os.geteuid() == 0:  # initdb refuses root
        args = ["runuser", "-u", "postgres", "--", *args]
    subprocess.run(args, check=True, capture_output=True)


def _free_port() -> int:
    with socket.socket() as probe:  # the machine is shared: take whatever port is free
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def postgres_seeded(customers: int, seed: int) -> Iterator[str]:
    """A PostgreSQL cluster under bench/out/ holding the demo (seeded on first use)."""
    port = _free_port()
    root = OUT / f"pg-{customers}-seed{seed}-v{DEMO_DATA_VERSION}"
    data = root / "data"
    if not data.exists():
        shutil.rmtree(root, ignore_errors=True)
        root.mkdir(parents=True)
        if os.geteuid() == 0:
            shutil.chown(root, "postgres")
        _as_postgres(PG_BIN / "initdb", "-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8")
    options = f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off"
    _as_postgres(PG_BIN / "pg_ctl", "-D", data, "-o", options, "-l", root / "log", "-w", "start")
    url = f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"
    try:
        prepare_database(url)
        held = customer_count(url)
        if held not in (0, customers):
            raise SystemExit(f"{root} holds {held:,} customers, not {customers:,}: remove it")
        if held == 0:
            started = time.perf_counter()
            seed_database(
                url,
                customers,
                seed=seed,
                progress=lambda done, total: print(f"\rseeding {done:,}/{total:,}", end=""),
            )
            print(f"\nseeded PostgreSQL in {time.perf_counter() - started:.1f} s")
        else:
            print(f"reusing {root} ({customers:,} customers, seed {seed})")
        yield url
    finally:
        _as_postgres(PG_BIN / "pg_ctl", "-D", data, "-m", "fast", "-w", "stop")


def _session(base: str, username: str, password: str) -> requests.Session:
    session = requests.Session()
    token = session.post(
        f"{base}/api/v1/auth/token", data={"username": username, "password": password}, timeout=30
    ).json()["access_token"]
    session.headers["Authorization"] = f"Bearer {token}"
    return session


def _requests(base: str, advocate: requests.Session, lead: requests.Session) -> dict:
    """Each report to time: (label, session, path, parameters)."""
    today = datetime.now(UTC).date()
    year = {"from": str(today - timedelta(days=364)), "to": str(today)}
    me = advocate.get(f"{base}/api/v1/me", timeout=30).json()["id"]
    top = advocate.get(f"{base}/api/v1/reports/broken-products", params=year, timeout=120)
    top.raise_for_status()
    model = top.json()["products"][0]["model_number"]
    reports = "/api/v1/reports"
    return {
        "(baseline: GET /me)": (advocate, "/api/v1/me", {}),
        "scorecard (own)": (advocate, f"{reports}/scorecard", year),
        "scorecard (lead, of one)": (lead, f"{reports}/scorecard", {**year, "advocate_id": me}),
        "team": (lead, f"{reports}/team", year),
        "team as CSV": (lead, f"{reports}/team", {**year, "format": "csv"}),
        "broken-products": (advocate, f"{reports}/broken-products", year),
        "broken-products/…/cases": (
            advocate,
            f"{reports}/broken-products/{quote(model, safe='')}/cases",
            year,
        ),
        "resources": (advocate, f"{reports}/resources", year),
    }


def _time(session: requests.Session, url: str, params: dict) -> float:
    started = time.perf_counter()
    response = session.get(url, params=params, timeout=120)
    elapsed = (time.perf_counter() - started) * 1000
    response.raise_for_status()
    return elapsed


def bench(label: str, url: str, runs: int) -> bool:
    """Time every report on the database at ``url``; True when each p95 meets the goal."""
    print(f"\n{label}: {_load()}")
    server = EmbeddedServer(url)
    base = server.start(timeout=600)  # a database seeded before the reports catches up once
    times: dict[str, list[float]] = {}
    try:
        advocate = _session(base, DEMO_USERNAME, DEMO_PASSWORD)
        lead = _session(base, LEAD_USERNAME, LEAD_PASSWORD)
        started = time.perf_counter()
        planned = _requests(base, advocate, lead)
        print(f"first report (brings the report tables up to date): "
              f"{time.perf_counter() - started:.1f} s")  # fmt: skip
        for session, path, params in planned.values():  # warm the caches once
            _time(session, base + path, params)
        for _ in range(runs):
            for name, (session, path, params) in planned.items():
                times.setdefault(name, []).append(_time(session, base + path, params))
    finally:
        server.stop()
    met = True
    for name, measured in times.items():
        ordered = sorted(measured)
        p95 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]
        met &= p95 < GOAL_MS or name.startswith("(")
        print(
            f"  {name:<26} n={len(measured):>3}  median {statistics.median(measured):7.1f} ms"
            f"  p95 {p95:7.1f} ms  max {ordered[-1]:7.1f} ms"
        )
    print(f"  after: {_load()}")
    return met


def main() -> int:
    """Seed or reuse, serve, time, print."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--only", choices=("postgresql", "sqlite"))
    args = parser.parse_args()
    print(f"{args.customers:,} customers, seed {args.seed}, {args.runs} runs; {_load()}")
    met = True
    if args.only != "sqlite":
        if not (PG_BIN / "initdb").exists():
            print(f"PostgreSQL 15 is not installed ({PG_BIN}); skipping it")
        else:
            with postgres_seeded(args.customers, args.seed) as url:
                met = bench("PostgreSQL", url, args.runs)
    if args.only != "postgresql":
        url, path, seconds = seeded_database(args.customers, args.seed)
        print("\n" + (f"seeded SQLite in {seconds:.1f} s" if seconds else f"reusing {path}"))
        bench("SQLite", url, args.runs)
    if args.only != "sqlite":
        print(f"\nevery report's p95 under {GOAL_MS} ms on PostgreSQL:", "yes" if met else "NO")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
