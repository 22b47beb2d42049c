"""The local store: SQLite through SQLAlchemy, migrated with Alembic; returns domain values."""

from .callers import CallerDirectory, CallerMatch
from .database import Store, StoreError, open_store
from .outbox import LocalChanges, OutboxEntry
from .replica import Replica, ReplicaWriter

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
