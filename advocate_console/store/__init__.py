"""The local store: SQLite through SQLAlchemy, migrated with Alembic; returns domain values.

Names load on first use (see ``advocate_console.lazy``): a process that only prepares
rows for it does not import the caller lookup, the outbox or the replica.
"""

from typing import TYPE_CHECKING

from advocate_console.lazy import lazy_attributes

if TYPE_CHECKING:
    from .callers import CallerDirectory, CallerMatch
    from .database import Store, StoreError, open_store
    from .outbox import LocalChanges, OutboxEntry
    from .replica import Replica, ReplicaWriter

__getattr__ = lazy_attributes(
    __name__,
    {
        "CallerDirectory": ".callers",
        "CallerMatch": ".callers",
        "LocalChanges": ".outbox",
        "OutboxEntry": ".outbox",
        "Replica": ".replica",
        "ReplicaWriter": ".replica",
        "Store": ".database",
        "StoreError": ".database",
        "open_store": ".database",
    },
)

__all__ = [
    "CallerDirectory",
    "CallerMatch",
    "LocalChanges",
    "OutboxEntry",
    "Replica",
    "ReplicaWriter",
    "Store",
    "StoreError",
    "open_store",
]
