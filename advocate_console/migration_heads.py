"""Which revision a set of shipped Alembic migrations ends at, read from the files alone.

Importing Alembic (with Mako behind it) costs about half a second, and at most start-ups
(a restart, a worker joining others) the schema is already there: this lets the local
store and the central server see that without importing it.
"""

from __future__ import annotations

import re
from pathlib import Path

_REVISION = re.compile(r"^revision\s*=\s*['\"]([^'\"]+)['\"]", re.MULTILINE)
_DOWN = re.compile(r"^down_revision\s*=\s*(?:['\"]([^'\"]+)['\"]|None)", re.MULTILINE)


def shipped_heads(versions: Path) -> set[str]:
    """The revisions in ``versions`` that no other builds on (one, unless branches are open)."""
    revisions, bases = set(), set()
    for path in versions.glob("*.py"):
        text = path.read_text(encoding="utf-8")
        revision, down = _REVISION.search(text), _DOWN.search(text)
        if revision:
            revisions.add(revision.group(1))
        if down and down.group(1):
            bases.add(down.group(1))
    return revisions - bases


def at_head(applied: set[str], versions: Path) -> bool:
    """True when the revisions a database records are exactly the one shipped head."""
    heads = shipped_heads(versions)
    return len(heads) == 1 and applied == heads
