"""The server's connection pool on PostgreSQL: a burst's connections stay open."""

from __future__ import annotations

import pytest

from advocate_console.central.core.database import Database


def _backends(db: Database, count: int) -> set[int]:
    """The backend of each of ``count`` connections held at once, then given back."""
    held = [db.reader.connect() for _ in range(count)]
    try:
        return {c.exec_driver_sql("SELECT pg_backend_pid()").scalar() for c in held}
    finally:
        for connection in held:
            connection.close()


@pytest.mark.postgres
def test_a_burst_of_connections_is_kept_for_the_next(postgresql_url):
    """Twice the pool size at once, as before, but the burst's connections are not closed
    when given back: under bench_load a load around the pool size opened and closed 11
    PostgreSQL backends a second, each building its caches and plans again (a third of
    PostgreSQL's CPU)."""
    db = Database(postgresql_url, pool_size=2)
    try:
        first = _backends(db, 4)
        assert len(first) == 4
        assert _backends(db, 4) == first
        pool = db.reader.pool
        assert pool.size() + max(pool._max_overflow, 0) == 4  # (the limit, as before)
    finally:
        db.dispose()
