"""Whether a store's schema is already at the newest revision this app ships, known
without Alembic: its import (with Mako behind it) costs more than half a second of every
start, and at a restart there is nothing to migrate."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from advocate_console import migration_heads

VERSIONS = Path(__file__).parent / "migrations" / "versions"


def shipped_heads() -> set[str]:
    """The revisions no other shipped revision builds on (one, unless branches are open)."""
    return migration_heads.shipped_heads(VERSIONS)


def is_at_head(path: Path) -> bool:
    """True when the store at ``path`` exists and is at the shipped head (read-only
    look; any doubt answers False and the migrations run as usual)."""
    if not path.exists():
        return False
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5)
        try:
            rows = connection.execute("SELECT version_num FROM alembic_version").fetchall()
        finally:
            connection.close()
    except sqlite3.Error:
        return False
    return migration_heads.at_head({row[0] for row in rows}, VERSIONS)
