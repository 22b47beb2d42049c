"""A throwaway PostgreSQL 15 cluster for benchmarks: ``initdb`` in a temp folder."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

PG_BIN = Path("/usr/lib/postgresql/15/bin")


def _as_postgres(*command: object) -> None:
    args = [str(part) for part in command]
    if os.geteuid() == 0:  # initdb refuses root
        args = ["runuser", "-u", "postgres", "--", *args]
    subprocess.run(args, check=True, capture_output=True)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def throwaway_postgres(
    database: str = "central", max_connections: int = 200, statements: bool = False
) -> Iterator[str]:
    """A fresh cluster with one empty database; yields its SQLAlchemy URL. ``statements``:
    with pg_stat_statements loaded and created (the time and calls of each statement)."""
    root = Path(tempfile.mkdtemp(prefix="bench-pg-"))
    if os.geteuid() == 0:
        shutil.chown(root, "postgres")
    port = _free_port()
    data = root / "data"
    _as_postgres(PG_BIN / "initdb", "-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8")
    options = (
        f"-p {port} -k {root} -c listen_addresses=127.0.0.1"
        f" -c max_connections={max_connections} -c shared_buffers=256MB"
    )
    if statements:
        options += " -c shared_preload_libraries=pg_stat_statements -c track_io_timing=on"
    _as_postgres(PG_BIN / "pg_ctl", "-D", data, "-o", options, "-l", root / "log", "-w", "start")
    try:
        _as_postgres(PG_BIN / "createdb", "-h", root, "-p", port, "-U", "postgres", database)
        if statements:
            _as_postgres(
                PG_BIN / "psql",
                *("-h", root, "-p", port, "-U", "postgres", "-d", database),
                *("-c", "CREATE EXTENSION pg_stat_statements"),
            )
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/{database}"
    finally:
        _as_postgres(PG_BIN / "pg_ctl", "-D", data, "-m", "fast", "-w", "stop")
        shutil.rmtree(root, ignore_errors=True)
