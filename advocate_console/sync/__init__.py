"""Offline-first sync with the central API: pull the change feed, push the outbox."""

from .conflicts import FieldConflict, conflicting_fields
from .engine import SyncController, SyncEngine, SyncReport, SyncState, SyncStatus
from .pull import PullResult, pull_changes
from .push import PushResult, push_outbox

__all__ = [
    "FieldConflict",
    "PullResult",
    "PushResult",
    "SyncController",
    "SyncEngine",
    "SyncReport",
    "SyncState",
    "SyncStatus",
    "conflicting_fields",
    "pull_changes",
    "push_outbox",
]
