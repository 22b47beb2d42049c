"""Whether a store's schema is already at the newest revision this app ships, known
without Alembic: its import (with Mako behind it) costs more than half a second of every
start, and at a restart there is nothing to migrate."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

VERSIONS = Path(__file__).parent / "migrations" / "versions"
_REVISION = re.compile(r"^revision\s*=\s*['\"]([^'\"]+)['\"]", re.MULTILINE)
_DOWN = re.compile(r"^down_revision\s*=\s*(?:['\"]([^'\"]+)['\"]|None)", re.MULTILINE)


def shipped_heads() -> set[str]:
    """The revisions no other shipped revision builds on (one, unless branches are open)."""
    revisions, bases = set(), set()
    for path in VERSIONS.glob("*.py"):
        text = path.read_text(encoding="utf-8")
        revision, down = _REVISION.search(text), _DOWN.search(text)
        if revision:
            revisions.add(revision.group(1))
        if down and down.group(1):
            bases.add(down.group(1))
    return revisions - bases


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
    heads = shipped_heads()
    return len(heads) == 1 and {row[0] for row in rows} == heads
