"""What PostgreSQL spent a benchmark's run on: pg_stat_statements' top statements, and what
the backends were waiting for (pg_stat_activity sampled during the run).

Used by bench_load.py --pg-statements (the throwaway cluster then loads the extension).
"""

from __future__ import annotations

import collections
import subprocess
import sys
import threading

from sqlalchemy import create_engine, text
from sqlalchemy.pool import NullPool

TOP = """
SELECT calls, total_exec_time, rows, shared_blks_hit + shared_blks_read AS blocks,
       regexp_replace(query, '\\s+', ' ', 'g') AS query
FROM pg_stat_statements
WHERE query NOT ILIKE '%pg_stat_%'
ORDER BY total_exec_time DESC
LIMIT :limit
"""

WAITS = """
SELECT state, coalesce(wait_event_type, 'CPU'), coalesce(wait_event, '-'),
       left(regexp_replace(query, '\\s+', ' ', 'g'), 70)
FROM pg_stat_activity
WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()
  AND state NOT IN ('idle')
"""


_SESSIONS = text("SELECT sessions FROM pg_stat_database WHERE datname = current_database()")


def reset(url: str) -> int:
    """Forget the statements so far (the seeding, the warm-up); the sessions so far."""
    engine = create_engine(url, poolclass=NullPool)
    with engine.begin() as connection:
        connection.execute(text("SELECT pg_stat_statements_reset()"))
        sessions = connection.execute(_SESSIONS).scalar()
    engine.dispose()
    return sessions


def sample_waits(url: str) -> subprocess.Popen:
    """This module as a process of its own (not under locust's gevent loop) sampling
    pg_stat_activity until its stdin closes; its stdout is then the report."""
    command = [sys.executable, __file__, url]
    return subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)


def finish(url: str, sampler: subprocess.Popen, sessions: int, limit: int = 15) -> str:
    """Stop the sampler; the top statements by total time, then the sampler's waits
    (``sessions``: ``reset``'s)."""
    sampler.stdin.close()
    waits = sampler.stdout.read()
    sampler.wait(30)
    engine = create_engine(url, poolclass=NullPool)
    with engine.connect() as connection:
        rows = connection.execute(text(TOP), {"limit": limit}).all()
        total = connection.execute(
            text("SELECT sum(total_exec_time), sum(calls) FROM pg_stat_statements")
        ).one()
        # (less this one and the sampler's: connections opened by the workers meanwhile)
        opened = connection.execute(_SESSIONS).scalar() - sessions - 2
    engine.dispose()
    lines = [
        f"\nPostgreSQL statements: {total[1]:,} calls, {total[0] / 1000:.1f} s in all;"
        f" {opened} connections opened",
        f"{'calls':>8}{'total s':>9}{'ms/call':>9}{'rows':>9}{'blocks':>10}  statement",
    ]
    for calls, spent, count, blocks, query in rows:
        lines.append(
            f"{calls:>8}{spent / 1000:>9.2f}{spent / max(calls, 1):>9.2f}{count:>9}"
            f"{blocks:>10}  {query[:200]}"
        )
    return "\n".join(lines) + "\n" + waits


def _sample(url: str, every: float = 0.05) -> None:
    waits: collections.Counter = collections.Counter()
    statements: collections.Counter = collections.Counter()
    samples = 0
    stop = threading.Event()
    threading.Thread(target=lambda: (sys.stdin.read(), stop.set()), daemon=True).start()
    engine = create_engine(url, poolclass=NullPool)
    with engine.connect() as connection:
        while not stop.wait(every):
            rows = connection.execute(text(WAITS)).all()
            connection.commit()
            samples += 1
            for state, kind, event, query in rows:
                waits[(state, kind, event)] += 1
                if kind != "CPU" or state != "active":
                    statements[(state, kind, event, query)] += 1
    engine.dispose()
    samples = max(samples, 1)
    print(f"\nbackends not idle, on average ({samples} samples): state, wait")
    for (state, kind, event), seen in waits.most_common(12):
        print(f"{seen / samples:>8.2f}  {state} {kind}/{event}")
    print("\nnot running, on average: state, wait, statement")
    for (state, kind, event, query), seen in statements.most_common(15):
        print(f"{seen / samples:>8.2f}  {state} {kind}/{event}  {query}")


if __name__ == "__main__":
    _sample(sys.argv[1])
