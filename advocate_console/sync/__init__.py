"""Offline-first sync with the central API: pull the change feed, push the outbox.

Names load on first use (see ``advocate_console.lazy``): a first sync's page-reading
process imports ``sync.pages`` without Qt and the sync engine.
"""

from typing import TYPE_CHECKING

from advocate_console.lazy import lazy_attributes

if TYPE_CHECKING:
    from .conflicts import FieldConflict, conflicting_fields
    from .engine import SyncController, SyncEngine, SyncReport, SyncState, SyncStatus
    from .pull import PullResult, pull_changes
    from .push import PushResult, push_outbox

__getattr__ = lazy_attributes(
    __name__,
    {
        "FieldConflict": ".conflicts",
        "conflicting_fields": ".conflicts",
        "SyncController": ".engine",
        "SyncEngine": ".engine",
        "SyncReport": ".engine",
        "SyncState": ".engine",
        "SyncStatus": ".engine",
        "PullResult": ".pull",
        "pull_changes": ".pull",
        "PushResult": ".push",
        "push_outbox": ".push",
    },
)

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
