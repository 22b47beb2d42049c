"""How long a first sync's page-reading process takes to start and read a page, and how much
memory it holds: what its imports cost (Qt, the store, the HTTP client are not needed
there).

Run: .venv/bin/python bench/bench_worker_start.py [--starts 7]

Each start spawns one process as the pull does (``spawn``, the same initializer), hands it
a small page of the change feed and waits for the rows back; then asks it for its peak
memory and for the heavy packages it imported. Medians over the starts; the first start
is left out (it may compile bytecode).
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import resource
import statistics
import sys
import time
from concurrent.futures import ProcessPoolExecutor

HEAVY = ("PySide6", "sqlalchemy", "requests", "alembic", "sqlcipher3", "keyring", "phonenumbers")


def usage() -> tuple[float, float]:
    """This process's peak resident memory in MB and CPU seconds so far (run in the
    worker, right after its first page: its start-up, imports included)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    return own.ru_maxrss / 1024, own.ru_utime + own.ru_stime


def heavy_imports() -> list[str]:
    """Which heavy packages this process has imported (run in the worker)."""
    return sorted({name.split(".")[0] for name in sys.modules} & set(HEAVY))


def small_page() -> bytes:
    """A page of the change feed with one customer, as the server sends it."""
    return (
        b'{"items":[{"cursor":1,"collection":"customers","op":"upsert",'
        b'"id":"00000000-0000-4000-8000-000000000001","version":1,"data":{'
        b'"id":"00000000-0000-4000-8000-000000000001","version":1,'
        b'"display_name":"Maya Castellanos","phones":["+18004322737"],'
        b'"emails":["maya@example.com"],"customer_since":"2019-04-01"}}],'
        b'"next_cursor":1,"has_more":false}'
    )


def one_start() -> tuple[float, float, float, list[str]]:
    """Seconds from spawning to the first page read, the peak MB, the CPU seconds, the
    heavy imports."""
    from advocate_console.sync import pages

    context = multiprocessing.get_context("spawn")
    started = time.perf_counter()
    with ProcessPoolExecutor(1, context, initializer=pages._worker_started) as pool:
        page = pool.submit(pages.prepare_feed_page, small_page()).result()
        seconds = time.perf_counter() - started
        assert page.changes == 1
        memory, cpu = pool.submit(usage).result()
        imported = pool.submit(heavy_imports).result()
    return seconds, memory, cpu, imported


def main() -> int:
    """Measure and print."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--starts", type=int, default=7)
    args = parser.parse_args()
    print("load average (1, 5, 15 min): {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
    runs = [one_start() for _ in range(args.starts + 1)][1:]
    seconds, memory, cpu = ([run[i] for run in runs] for i in range(3))
    print(
        f"page-reading process, {args.starts} starts: spawn to first page read median "
        f"{statistics.median(seconds):.2f} s (min {min(seconds):.2f}, max {max(seconds):.2f}); "
        f"its CPU time median {statistics.median(cpu):.2f} s; "
        f"peak memory median {statistics.median(memory):.0f} MB"
    )
    print(f"heavy packages it imports: {', '.join(runs[-1][3]) or 'none'}")
    print("load average (1, 5, 15 min): {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
