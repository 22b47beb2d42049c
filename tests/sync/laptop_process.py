"""A laptop in a child process, for tests that kill it with ``kill -9`` mid-work.

Usage: python -m tests.sync.laptop_process STORE URL CASE_ID
Signs in, says "ready", waits for "go" on stdin, opens a case offline (saying "saved"),
then pushes the outbox; the test kills it wherever it wants.
"""

from __future__ import annotations

import sys
import uuid
from datetime import UTC, datetime

from advocate_console.api import CentralClient
from advocate_console.domain import Case, Collection
from advocate_console.store import LocalChanges, open_store
from advocate_console.sync import push_outbox
from tests.laptop import CUSTOMER_ID


def main() -> None:
    """Run the laptop until killed (or the push ends)."""
    store_path, url, case_id = sys.argv[1:4]
    store = open_store(store_path)
    client = CentralClient(url, retries=0, timeout=(5.0, 60.0))
    client.sign_in("demo", "demo")
    print("ready", flush=True)
    sys.stdin.readline()
    case = Case(
        id=uuid.UUID(case_id),
        customer_id=CUSTOMER_ID,
        category="repair",
        summary="Opened just before the laptop died",
        opened_at=datetime.now(UTC),
    )
    LocalChanges(store).create(Collection.CASES, case)
    print("saved", flush=True)
    push_outbox(client, LocalChanges(store))
    print("pushed", flush=True)


if __name__ == "__main__":
    main()
