"""Simulated advocates against `advocate-central serve --workers N` on PostgreSQL, with locust.

Run: .venv/bin/python bench/bench_load.py [--users 100] [--pause 0] [--duration 60]
     [--warm-up 10] [--workers 2] [--customers 5000] [--database URL] [--py-spy DIR
     [--idle]] [--probe] [--only search,history,...] [--pg-statements]

Without --database it makes a throwaway PostgreSQL cluster and seeds it. Each simulated
advocate (locust, headless, as a library; real HTTP on loopback) is a user of its own
(made straight in the database, with a token and its share of the open follow-ups) and
does what advocates do: searches a caller in a mixed format (phone spellings, e-mail,
case number, name), reads the history, saves call notes and resolutions (a case and its
resolution) with Idempotency-Keys, marks follow-ups done (or schedules one), reads the
change feed from its own cursor, and now and then its own scorecard (the reports);
--pause seconds between actions (0: none). After --warm-up seconds of load (every
advocate started, the workers past their first requests) it measures --duration
seconds: it prints requests/s, p50/p95/p99 per route and the errors as locust timed
them, then p50/p95 per route as the workers timed them (the /metrics histogram), with
--probe also as a plain process of its own timed a search, a scorecard and a history
(locust's greenlets add their own delays: its loop's lateness and garbage collections
are printed too); the CPU each side used and how long each waited for a CPU (the
machine is shared: that wait is the load's share of the latency). Then it reads the
whole change feed and checks that every acknowledged write is in it exactly once (at
the record's newest version). The load generator runs on this machine. --only keeps
the named actions (the Advocate's task methods): the CPU a request it prints is then
that route's own. --py-spy records the workers (--idle: every thread, waiting or not).
--pg-statements (throwaway cluster only): PostgreSQL's top statements in the run by total
time (pg_stat_statements) and what its backends waited on (pg_stat_activity sampled).

Goals (2 workers): --users 100 --pause 0: >= 400 requests/s, >= 150 writes/s, search p95
< 150 ms; --users 1000 --pause 10: every route p95 < 100 ms.

Figures (this 2-core machine, shared; README, Running the central server): --users 1000
--pause 10 --duration 30 --probe, 107 requests/s, load 1.0 -> 0.6: p95 as locust timed
them search 21 ms, history 19, feed 51, writes 58-83, scorecard 73 (goal met); as the
workers timed them 5, 5, 42, 48-72, 51; the probe's search 6, scorecard 38. The next run
(load 0.8 -> 0.6): locust's scorecard p95 100 ms, the workers' 86. The workers waited
2.6-5.3 ms a request for a CPU beside their 2.6-2.9 ms of CPU (more at higher load).
"""

from __future__ import annotations

from gevent import monkey

monkey.patch_all()

import argparse  # noqa: E402
import collections  # noqa: E402
import os  # noqa: E402
import random  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
import uuid  # noqa: E402
from contextlib import ExitStack  # noqa: E402
from datetime import UTC, datetime, timedelta  # noqa: E402
from pathlib import Path  # noqa: E402

import gevent  # noqa: E402
import pg_statements  # noqa: E402
import requests  # noqa: E402
from locust import FastHttpUser, constant, task  # noqa: E402
from locust.env import Environment  # noqa: E402
from server_latency import print_window, read_buckets, window  # noqa: E402
from sqlalchemy import create_engine, insert, text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402
from throwaway_postgres import throwaway_postgres  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
WRITES = {"POST note", "POST case", "POST resolution", "PATCH follow-up", "POST follow-up"}


class Shared:
    """What every simulated advocate draws from, and what the run acknowledged."""

    tokens: list[str] = []
    """One a simulated advocate, each of a user of its own."""
    next_token = 0
    phones: list[str] = []
    emails: list[str] = []
    case_numbers: list[str] = []
    names: list[str] = []
    customers: list[str] = []
    follow_ups: list[tuple[str, int]] = []
    acknowledged: list[tuple[str, int]] = []
    feed_start = 0


def _phone_spelling(e164: str) -> str:
    digits = e164[2:]
    return random.choice(
        [
            e164,
            f"({digits[:3]}) {digits[3:6]}-{digits[6:]}",
            f"{digits[:3]}.{digits[3:6]}.{digits[6:]}",
            f"1-{digits[:3]}-{digits[3:6]}-{digits[6:]}",
        ]
    )


def _now() -> str:
    return datetime.now(UTC).isoformat()


class Advocate(FastHttpUser):
    """One advocate on calls: find, read, write, sync."""

    wait_time = constant(0)

    def on_start(self) -> None:
        """Sign in as a user of one's own, and take one's share of the open follow-ups."""
        index = Shared.next_token
        Shared.next_token += 1
        self.headers = {"Authorization": f"Bearer {Shared.tokens[index % len(Shared.tokens)]}"}
        self.cursor = Shared.feed_start
        share = max(1, min(20, len(Shared.follow_ups) // max(1, len(Shared.tokens) - index)))
        self.open_follow_ups: list[tuple[str, int]] = []
        while Shared.follow_ups and len(self.open_follow_ups) < share:
            self.open_follow_ups.append(Shared.follow_ups.pop())

    def _write(self, method: str, path: str, name: str, body: dict, **headers: str) -> dict | None:
        headers = {**self.headers, "Idempotency-Key": str(uuid.uuid4()), **headers}
        with self.client.request(
            method, path, json=body, headers=headers, name=name, catch_response=True
        ) as answer:
            if answer.status_code not in (200, 201):
                answer.failure(f"{answer.status_code} {answer.text[:120]}")
                return None
            record = answer.json()
            Shared.acknowledged.append((record["id"], record["version"]))
            return record

    @task(3)
    def search(self) -> None:
        """Find the caller by what they said."""
        kind = random.random()
        if kind < 0.6:
            query = _phone_spelling(random.choice(Shared.phones))
        elif kind < 0.75:
            query = random.choice(Shared.emails)
        elif kind < 0.9:
            query = random.choice(Shared.case_numbers)
        else:
            query = random.choice(Shared.names)[: random.randint(4, 8)]
        self.client.get(
            "/api/v1/customers", params={"q": query}, headers=self.headers, name="GET /customers?q="
        )

    @task(3)
    def history(self) -> None:
        """Read a caller's history."""
        customer = random.choice(Shared.customers)
        self.client.get(
            f"/api/v1/customers/{customer}/history",
            headers=self.headers,
            name="GET /customers/{id}/history",
        )

    @task(2)
    def call_note(self) -> None:
        """Log the call."""
        body = {
            "customer_id": random.choice(Shared.customers),
            "kind": "call",
            "occurred_at": _now(),
            "summary": "Called about the ice maker; walked through the reset and booked a visit.",
        }
        self._write("POST", "/api/v1/interactions", "POST note", body)

    @task(1)
    def resolution(self) -> None:
        """Open a case and resolve it."""
        case = {
            "customer_id": random.choice(Shared.customers),
            "category": "product failure",
            "summary": "Microwave stopped heating",
            "opened_at": _now(),
        }
        created = self._write("POST", "/api/v1/cases", "POST case", case)
        if created is None:
            return
        body = {
            "case_id": created["id"],
            "delight": "delighted",
            "resolved_at": _now(),
            "remedies": [{"kind": "replacement", "cost_cents": 12900}],
            "steps": ["empathized", "took_ownership"],
            "notes": "Replacement shipped.",
        }
        self._write("POST", "/api/v1/resolutions", "POST resolution", body)

    @task(1)
    def follow_up(self) -> None:
        """Mark a follow-up done, or promise one."""
        if self.open_follow_ups:
            follow_up_id, version = self.open_follow_ups.pop()
            self._write(
                "PATCH",
                f"/api/v1/follow-ups/{follow_up_id}",
                "PATCH follow-up",
                {"status": "done", "completed_at": _now()},
                **{"If-Match": f'"{version}"'},
            )
            return
        due = (datetime.now(UTC) + timedelta(days=2)).isoformat()
        body = {
            "customer_id": random.choice(Shared.customers),
            "due_at": due,
            "reason": "Check the replacement arrived",
        }
        created = self._write("POST", "/api/v1/follow-ups", "POST follow-up", body)
        if created is not None:
            self.open_follow_ups.append((created["id"], created["version"]))

    @task(1)
    def my_score(self) -> None:
        """Look at one's own scorecard between calls (the last 30 days)."""
        self.client.get(
            "/api/v1/reports/scorecard", headers=self.headers, name="GET /reports/scorecard"
        )

    @task(2)
    def sync(self) -> None:
        """Pull the change feed from this console's cursor."""
        with self.client.get(
            "/api/v1/changes",
            params={"since": self.cursor, "limit": 500},
            headers=self.headers,
            name="GET /changes",
            catch_response=True,
        ) as answer:
            if answer.status_code == 200:
                self.cursor = answer.json()["next_cursor"]
            else:
                answer.failure(f"{answer.status_code}")


def _prepare(url: str, customers: int, users: int) -> None:
    from advocate_console.central.core.database import prepare_database
    from advocate_console.central.seed import customer_count, seed_database

    prepare_database(url)
    if customer_count(url) == 0:
        started = time.perf_counter()
        seed_database(url, customers, seed=1, demo_users=True)
        print(f"seeded {customers:,} customers in {time.perf_counter() - started:.1f} s")
    _make_advocates(url, users + 1)  # (the last: --probe's)
    engine = create_engine(url)
    with engine.connect() as connection:

        def column(sql: str) -> list:
            return [row[0] for row in connection.execute(text(sql))]

        Shared.phones = column(
            "SELECT e164 FROM customer_phones WHERE e164 LIKE '+1__________'"
            " ORDER BY random() LIMIT 2000"
        )
        Shared.emails = column("SELECT email FROM customer_emails ORDER BY random() LIMIT 500")
        Shared.case_numbers = column("SELECT number FROM cases ORDER BY random() LIMIT 500")
        Shared.names = column("SELECT name_key FROM customer_name_keys ORDER BY random() LIMIT 500")
        Shared.customers = [str(c) for c in column("SELECT id FROM customers")]
        Shared.follow_ups = [
            (str(row[0]), row[1])
            for row in connection.execute(
                text(
                    "SELECT id, version FROM follow_ups"
                    " WHERE data::json->>'status' = 'open' ORDER BY random()"
                )
            )
        ]
        Shared.feed_start = connection.execute(
            text("SELECT coalesce(max(cursor), 0) FROM changes")
        ).scalar()
    engine.dispose()
    Shared.follow_ups = [(i, v) for i, v in Shared.follow_ups]  # (a list for pop())


def _make_advocates(url: str, users: int) -> None:
    """One user of its own for each simulated advocate, with a token: inserted straight
    into the database (no password to hash: nobody signs in as them), as the advocates of
    a contact center, each with their own records, follow-ups and scorecard."""
    from advocate_console.central.auth.models import AdvocateRow, TokenRow
    from advocate_console.central.authority.models import LimitsRow
    from advocate_console.central.core.clock import utc_now
    from advocate_console.central.core.database import Database
    from advocate_console.central.core.security import new_token, token_digest
    from advocate_console.domain import Role
    from advocate_console.domain.authority import AuthorityLimits

    run = uuid.uuid4().hex[:6]  # (a --database used before keeps its earlier users)
    now = utc_now()
    # A month's authority a resolution a few seconds would spend in minutes: the
    # refusal is not what this measures.
    limits = AuthorityLimits(monthly_cents=10**11).model_dump()
    advocates, tokens, limit_rows = [], [], []
    for number in range(users):
        user_id, token = uuid.uuid4(), new_token()
        Shared.tokens.append(token)
        advocates.append(
            {
                "id": user_id,
                "username": f"bench-{run}-{number:04d}",
                "display_name": f"Bench Advocate {run} {number:04d}",
                "role": Role.ADVOCATE.value,
                "password_hash": "!",  # (matches no password)
                "created_at": now,
                "disabled_at": None,
            }
        )
        tokens.append(
            {
                "digest": token_digest(token),
                "advocate_id": user_id,
                "created_at": now,
                "expires_at": now + timedelta(hours=4),
                "revoked_at": None,
            }
        )
        limit_rows.append({"user_id": user_id, "updated_at": now, "updated_by_id": None, **limits})
    db = Database(url)
    try:
        with db.write() as session:
            session.execute(insert(AdvocateRow.__table__), advocates)
            session.execute(insert(TokenRow.__table__), tokens)
            session.execute(insert(LimitsRow.__table__), limit_rows)
    finally:
        db.dispose()


def _serve(url: str, workers: int, port: int, log: Path) -> subprocess.Popen:
    command = [
        sys.executable,
        "-m",
        "advocate_console.central.cli",
        "serve",
        "--database",
        url,
        "--port",
        str(port),
        "--workers",
        str(workers),
        "--pool-size",
        "10",
    ]
    process = subprocess.Popen(command, stdout=log.open("wb"), stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        try:
            if requests.get(f"http://127.0.0.1:{port}/api/v1/ready", timeout=2).ok:
                return process
        except requests.RequestException:
            time.sleep(0.2)
    process.kill()
    raise SystemExit(f"the server did not start: {log.read_text()[-2000:]}")


def _report(env: Environment, seconds: float) -> tuple[float, float, dict[str, float]]:
    print(
        f"\n{'route':<34}{'requests':>9}{'fails':>7}{'req/s':>8}{'p50':>7}{'p95':>7}{'p99':>7}"
        "  (ms)"
    )
    writes = 0
    p95s = {}
    for (name, _method), entry in sorted(env.stats.entries.items()):
        if entry.num_requests == 0:
            continue
        p95s[name] = entry.get_response_time_percentile(0.95)
        if name in WRITES:
            writes += entry.num_requests - entry.num_failures
        print(
            f"{name:<34}{entry.num_requests:>9}{entry.num_failures:>7}"
            f"{entry.num_requests / seconds:>8.1f}{entry.get_response_time_percentile(0.5):>7.0f}"
            f"{p95s[name]:>7.0f}{entry.get_response_time_percentile(0.99):>7.0f}"
        )
    total = env.stats.total
    print(
        f"{'all':<34}{total.num_requests:>9}{total.num_failures:>7}"
        f"{total.num_requests / seconds:>8.1f}{total.get_response_time_percentile(0.5):>7.0f}"
        f"{total.get_response_time_percentile(0.95):>7.0f}"
        f"{total.get_response_time_percentile(0.99):>7.0f}"
    )
    for error in list(env.stats.errors.values())[:10]:
        print(f"error x{error.occurrences}: {error.method} {error.name}: {error.error}")
    return total.num_requests / seconds, writes / seconds, p95s


def _check_feed(base: str) -> bool:
    # Writes the stopped advocates sent last may still be committing (nobody waits for
    # their answers): a follow-up's second version committed during the read moves the
    # record above the page read, so the read is done again until the feed stands still.
    headers = {"Authorization": f"Bearer {Shared.tokens[0]}"}
    with requests.Session() as http:
        for _ in range(10):
            counts, cursor = _read_feed(http, base, headers, Shared.feed_start)
            time.sleep(1.0)
            if not _read_feed(http, base, headers, cursor)[0]:
                break
    # The feed sends each record's latest version only: a follow-up made and then marked
    # done is in it once, at the second version.
    newest: dict[str, int] = {}
    for record_id, version in Shared.acknowledged:
        newest[record_id] = max(version, newest.get(record_id, 0))
    in_feed = collections.Counter(record_id for record_id, _version in counts.elements())
    at: dict[str, int] = {record_id: version for record_id, version in counts}
    missing = [i for i in newest if in_feed[i] == 0 or at[i] < newest[i]]
    doubled = [i for i in newest if in_feed[i] > 1]
    print(
        f"\nacknowledged writes: {len(Shared.acknowledged):,} to {len(newest):,} records;"
        f" in the feed exactly once at the newest version acknowledged or later:"
        f" {len(newest) - len(missing) - len(doubled):,}; missing {len(missing)};"
        f" more than once {len(doubled)}"
    )
    return not missing and not doubled


def _read_feed(
    http: requests.Session, base: str, headers: dict, cursor: int
) -> tuple[collections.Counter, int]:
    """Every (record, version) the feed sends after ``cursor``, and the cursor at its end."""
    counts: collections.Counter = collections.Counter()
    while True:
        page = http.get(
            f"{base}/api/v1/changes",
            params={"since": cursor, "limit": 5000},
            headers=headers,
            timeout=60,
        ).json()
        counts.update((item["id"], item["version"]) for item in page["items"])
        cursor = page["next_cursor"]
        if not page["has_more"]:
            return counts, cursor


def _load() -> str:
    return open("/proc/loadavg").read().split(" ", 3)[:3].__str__()


def main() -> int:
    """Set up, drive, report, check."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=100)
    parser.add_argument("--pause", type=float, default=0.0, help="seconds between actions")
    parser.add_argument("--duration", type=float, default=60.0, help="seconds measured")
    parser.add_argument(
        "--warm-up", type=float, default=10.0, help="seconds of load before the measuring"
    )
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--customers", type=int, default=5000)
    parser.add_argument("--database", help="a PostgreSQL URL (default: a throwaway cluster)")
    parser.add_argument("--py-spy", metavar="DIR", help="record each worker with py-spy here")
    parser.add_argument(
        "--probe",
        action="store_true",
        help="also time a search and a scorecard every 0.1 s from a process of its own",
    )
    parser.add_argument(
        "--idle",
        action="store_true",
        help="with --py-spy: every thread's waiting too (where the time goes), not the CPU",
    )
    parser.add_argument(
        "--only", metavar="ACTIONS", help="comma-separated actions, e.g. search,history"
    )
    parser.add_argument(
        "--pg-statements",
        action="store_true",
        help="print PostgreSQL's top statements and its backends' waits in the run",
    )
    args = parser.parse_args()
    if args.pg_statements and args.database:
        parser.error("--pg-statements needs the throwaway cluster")
    Advocate.wait_time = constant(args.pause)
    if args.only:
        names = args.only.split(",")
        if unknown := [n for n in names if not callable(getattr(Advocate, n, None))]:
            parser.error(f"no such action: {', '.join(unknown)}")
        Advocate.tasks = [getattr(Advocate, name) for name in names]
    with ExitStack() as stack:
        url = args.database or stack.enter_context(
            throwaway_postgres(statements=args.pg_statements)
        )
        _prepare(url, args.customers, args.users)
        port = int(os.environ.get("BENCH_PORT", "0")) or _free_port()
        log = Path(tempfile.mkdtemp(prefix="bench-load-")) / "serve.log"
        server = _serve(url, args.workers, port, log)
        stack.callback(_stop, server)
        base = f"http://127.0.0.1:{port}"
        env = Environment(user_classes=[Advocate], host=base)
        runner = env.create_local_runner()
        print(
            f"{args.users} advocates, pause {args.pause} s, {args.duration:.0f} s after"
            f" {args.warm_up:.0f} s of warming up, {args.workers} workers;"
            f" load average before: {_load()}"
        )
        # What was made so far (the shared lists, every module) lives to the end: out of
        # the collector's way, whose full collections otherwise stopped every greenlet
        # for up to 0.1 s (each request in flight then looked that much slower).
        import gc

        gc.collect()
        gc.freeze()
        runner.start(args.users, spawn_rate=min(max(args.users / 5, 1), 100))
        # Every advocate started, and each worker's first requests through each route
        # (FastAPI analyses a router's routes then: seconds of CPU) left out of the figures.
        gevent.sleep(args.warm_up)
        env.stats.reset_all()
        timed_before = read_buckets(base)
        lag = LoopLag()
        prober = _probe(base, args.duration) if args.probe else None
        if args.pg_statements:
            sessions = pg_statements.reset(url)
            sampler = pg_statements.sample_waits(url)
        spies = _spy(server.pid, args.py_spy, args.duration, args.idle) if args.py_spy else []
        started = time.perf_counter()
        pg_port = make_url(url).port or 5432
        cpu_before = _cpu_seconds(server.pid, pg_port)
        gevent.sleep(args.duration)
        runner.quit()
        seconds = time.perf_counter() - started
        if args.pg_statements:
            statements = pg_statements.finish(url, sampler, sessions)
        timed = window(timed_before, read_buckets(base))
        lag.report()
        cpu_after = _cpu_seconds(server.pid, pg_port)
        cpu = {name: after - cpu_before[name] for name, after in cpu_after.items()}
        print(f"load average after: {_load()}")
        for spy in spies:
            spy.wait()
        rate, writes, p95s = _report(env, seconds)
        server_p95s = print_window(timed)
        if prober is not None:
            print(prober.communicate(timeout=60)[0], end="")
        print(f"\nrequests/s {rate:.1f}, acknowledged writes/s {writes:.1f}")
        requests_done = max(env.stats.total.num_requests, 1)
        used = {name: value for name, value in cpu.items() if not name.endswith("_queued")}
        print(
            "CPU seconds in the run: "
            + ", ".join(f"{name} {value:.1f}" for name, value in used.items())
            + f"; per request: workers {1000 * cpu['workers'] / requests_done:.2f} ms,"
            f" PostgreSQL {1000 * cpu['postgres'] / requests_done:.2f} ms,"
            f" load generator {1000 * cpu['locust'] / requests_done:.2f} ms"
        )
        # Runnable but no CPU free (other programs on the machine included): what the
        # machine's load adds to the latency, not what any request asked for.
        print(
            "waiting for a CPU, per request: "
            f"workers {1000 * cpu['workers_queued'] / requests_done:.2f} ms,"
            f" PostgreSQL {1000 * cpu['postgres_queued'] / requests_done:.2f} ms,"
            f" load generator {1000 * cpu['locust_queued'] / requests_done:.2f} ms"
        )
        if args.pg_statements:
            print(statements, end="")
        exactly_once = _check_feed(base)
    search_p95 = p95s.get("GET /customers?q=", 0)
    if args.pause == 0:
        met = rate >= 400 and writes >= 150 and search_p95 < 150
        print(
            "goal (>= 400 req/s, >= 150 writes/s, search p95 < 150 ms):",
            "met" if met else "NOT met",
        )
    else:
        met = max(p95s.values()) < 100
        served = max(server_p95s.values()) < 100
        print(
            f"goal (every route p95 < 100 ms): {'met' if met else 'NOT met'}"
            f" (as the server timed them: {'met' if served else 'NOT met'})"
        )
    return 0 if exactly_once else 1


def _cpu_seconds(server: int, port: int) -> dict[str, float]:
    """CPU time so far of the workers, of the postgres processes of the cluster on
    ``port`` (not another's on this machine), and of this process; and how long each
    waited, runnable, for a CPU (``…_queued``: the kernel's schedstat, threads that
    ended left out)."""
    import resource

    tick = os.sysconf("SC_CLK_TCK")
    totals = dict.fromkeys(
        ("workers", "workers_kernel", "postgres", "workers_queued", "postgres_queued"), 0.0
    )
    processes = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)
            name = fields[0].split("(", 1)[1]
            processes[int(stat.parent.name)] = (name, fields[1].split())
        except (OSError, IndexError, ValueError):
            continue
    ours = {pid for pid, (name, _rest) in processes.items() if _cluster_on(pid, name, port)}
    for pid, (name, rest) in processes.items():
        used = (int(rest[11]) + int(rest[12])) / tick
        if pid in ours:  # its own, and that of its backends that ended (a pool's overflow)
            totals["postgres"] += used + (int(rest[13]) + int(rest[14])) / tick
        elif name == "postgres" and int(rest[1]) in ours:
            totals["postgres"] += used
            totals["postgres_queued"] += _queued(pid)
        elif int(rest[1]) == server:
            totals["workers"] += used
            totals["workers_kernel"] += int(rest[12]) / tick
            totals["workers_queued"] += _queued(pid)
    me = resource.getrusage(resource.RUSAGE_SELF)
    totals["locust"] = me.ru_utime + me.ru_stime
    totals["locust_queued"] = _queued(os.getpid())
    return totals


def _cluster_on(pid: int, name: str, port: int) -> bool:
    """Whether ``pid`` is the postmaster listening on ``port``."""
    if name != "postgres":
        return False
    try:
        arguments = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        return False
    return b"-p" in arguments and str(port).encode() in arguments


def _queued(pid: int) -> float:
    """Seconds the threads of ``pid`` waited for a CPU while runnable."""
    waited = 0
    for thread in Path(f"/proc/{pid}/task").glob("*/schedstat"):
        try:
            waited += int(thread.read_text().split()[1])
        except (OSError, IndexError, ValueError):
            continue
    return waited / 1e9


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _spy(parent: int, folder: str, duration: float, idle: bool) -> list[subprocess.Popen]:
    Path(folder).mkdir(parents=True, exist_ok=True)
    children = subprocess.run(
        ["ps", "--ppid", str(parent), "-o", "pid="], capture_output=True, text=True
    ).stdout.split()
    py_spy = Path(sys.executable).parent / "py-spy"
    return [
        subprocess.Popen(
            [
                py_spy,
                "record",
                "--pid",
                pid,
                "--duration",
                str(int(duration)),
                "--rate",
                "50",
                # --gil: only what holds the interpreter (the workers' own CPU); --idle:
                # every thread's stack, waiting or not (where a request's time goes).
                *(["--idle", "--threads"] if idle else ["--gil"]),
                "--format",
                "raw",
                "--output",
                f"{folder}/worker-{pid}.txt",
                "--nonblocking",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for pid in children
    ]


def _probe(base: str, seconds: float) -> subprocess.Popen:
    """A plain process timing requests beside locust's (see server_latency.probe); its
    own user, made with the others."""
    paths = [
        f"/api/v1/customers?q={random.choice(Shared.phones)}",
        "/api/v1/reports/scorecard",
        f"/api/v1/customers/{random.choice(Shared.customers)}/history",
    ]
    script = Path(__file__).resolve().parent / "server_latency.py"
    command = [sys.executable, script, base, Shared.tokens[-1], str(seconds), *paths]
    return subprocess.Popen(command, stdout=subprocess.PIPE, text=True)


class LoopLag:
    """How late locust's own loop wakes a greenlet (every 10 ms), and the interpreter's
    garbage collections: a late loop adds its lateness to every request it was timing."""

    def __init__(self) -> None:
        import gc

        self.late: list[float] = []
        self.collections: list[float] = []
        self._started = 0.0
        self._greenlet = gevent.spawn(self._watch)
        gc.callbacks.append(self._collecting)

    def _watch(self) -> None:
        while True:
            before = time.perf_counter()
            gevent.sleep(0.01)
            self.late.append(1000 * (time.perf_counter() - before - 0.01))

    def _collecting(self, phase: str, _info: dict) -> None:
        if phase == "start":
            self._started = time.perf_counter()
        else:
            self.collections.append(1000 * (time.perf_counter() - self._started))

    def report(self) -> None:
        """Print what the run's loop and collections cost the figures."""
        import gc

        self._greenlet.kill()
        gc.callbacks.remove(self._collecting)
        late = sorted(self.late) or [0.0]
        longest = max(self.collections, default=0)
        print(
            f"locust's loop late: p50 {late[len(late) // 2]:.1f} ms,"
            f" p95 {late[int(len(late) * 0.95)]:.1f} ms, max {late[-1]:.0f} ms;"
            f" garbage collections {len(self.collections)},"
            f" {sum(self.collections):.0f} ms in all, longest {longest:.0f} ms"
        )


def _stop(server: subprocess.Popen) -> None:
    server.send_signal(2)
    try:
        server.wait(30)
    except subprocess.TimeoutExpired:
        server.kill()


if __name__ == "__main__":
    sys.exit(main())
