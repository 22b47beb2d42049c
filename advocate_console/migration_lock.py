"""One Alembic run at a time in this process.

Alembic's ``context`` and ``op`` are module-level proxies to the run in progress, so two
migrations on two threads (a local store opening on a worker while the embedded demo
server migrates its database, or two consoles' stores in one process) run each other's
steps on the wrong database: tables created twice in one file and never in the other.
"""

from __future__ import annotations

import threading

MIGRATING = threading.Lock()
"""Held for the whole of each Alembic command this process runs."""
