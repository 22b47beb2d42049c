"""A seeded central database for benchmarks, kept under bench/out/ between runs."""

from __future__ import annotations

import time
from pathlib import Path

from advocate_console.central.demo import DEMO_DATA_VERSION
from advocate_console.central.seed import customer_count, seed_database

OUT = Path(__file__).resolve().parent / "out"


def seeded_database(customers: int, seed: int = 1) -> tuple[str, Path, float | None]:
    """(URL, file, seconds spent seeding or None when the cached file was reused)."""
    # The demo's version is in the name: data made by an older generator is made afresh.
    path = OUT / f"central-{customers}-seed{seed}-v{DEMO_DATA_VERSION}.sqlite"
    url = f"sqlite:///{path}"
    if path.exists() and customer_count(url) == customers:
        return url, path, None
    for stale in OUT.glob(f"{path.name}*"):
        stale.unlink()
    OUT.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    seed_database(
        url,
        customers,
        seed=seed,
        progress=lambda done, total: print(f"\rseeding {done:,}/{total:,}", end="", flush=True),
        demo_users=True,
    )
    print()
    return url, path, time.perf_counter() - started
