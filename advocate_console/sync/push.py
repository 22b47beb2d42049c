"""Pushing the outbox to the server: in order, exactly once, conflicts kept for the advocate."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field

from advocate_console.api import ApiError, CentralClient, Conflict, Rejected, SignedOut
from advocate_console.domain import Collection
from advocate_console.domain.reasons import Reason
from advocate_console.store import LocalChanges, OutboxEntry
from advocate_console.store.crossed import hold_together

from .conflicts import conflicting_fields

log = logging.getLogger(__name__)

BATCH = 100
MAX_REBASES = 3  # a record edited on the server that often while we push: ask the advocate


@dataclass
class PushResult:
    """What one push achieved, and what stopped it early (offline, server trouble)."""

    pushed: int = 0
    conflicts: int = 0
    refused: int = 0
    stopped_by: ApiError | None = None
    rebased: dict[int, int] = field(default_factory=dict)


def push_outbox(
    client: CentralClient,
    changes: LocalChanges,
    *,
    should_stop: Callable[[], bool] = lambda: False,
    author_id: uuid.UUID | None = None,
) -> PushResult:
    """Send every pending entry, oldest first, until the outbox is empty or the way is shut.

    Each entry carries its idempotency key, so a retry after a dropped connection never
    creates a second record. A failure to reach the server stops the push and keeps the
    entry; ``SignedOut`` is raised for the caller to ask for a new sign-in. Only the work
    of ``author_id`` (the advocate whose token ``client`` holds) and work saved before
    anyone signed in is sent; another advocate's waits for them.
    """
    result = PushResult()
    while not should_stop():
        entries = changes.pending(BATCH, author_id=author_id)
        if not entries:
            break
        for entry in entries:
            if should_stop():
                return result
            try:
                server = _send(client, entry)
            except SignedOut:
                raise
            except Conflict as conflict:
                if entry.op == "create" and conflict.current is not None:
                    try:  # another record stands where ours would (one resolution per case)
                        _keep_theirs(client, changes, entry, conflict)
                        hold_together(changes, entry, conflict.reason().stored())
                    except SignedOut:
                        raise
                    except ApiError as error:  # the case could not be read: try later
                        changes.failed(entry, error.reason().stored())
                        result.stopped_by = error
                        return result
                    result.refused += 1
                elif entry.op == "create":  # the id exists already: not ours to overwrite
                    changes.refused(entry, conflict.reason().stored())
                    result.refused += 1
                else:
                    _settle_stale(client, changes, entry, conflict, result)
                break  # re-read the outbox: the entry was rebased or is now held back
            except Rejected as error:
                log.warning("The server refused change %s: %s", entry.seq, error)
                changes.refused(entry, error.reason().stored())
                result.refused += 1
            except ApiError as error:  # offline, server error, broken answer: try later
                changes.failed(entry, error.reason().stored())
                result.stopped_by = error
                return result
            else:
                changes.confirmed(entry, server)
                result.pushed += 1
    return result


def _send(client: CentralClient, entry: OutboxEntry):
    if entry.op == "create":
        return client.create(entry.collection, entry.body, entry.idempotency_key)
    assert entry.base_version is not None
    return client.patch(
        entry.collection, entry.record_id, entry.body, entry.base_version, entry.idempotency_key
    )


def _keep_theirs(
    client: CentralClient, changes: LocalChanges, entry: OutboxEntry, conflict: Conflict
) -> None:
    """A 409 with the server's record: the case is resolved already, by someone else's
    resolution (``conflict.current``). Ours stays in the outbox, refused, with theirs kept
    beside it (for the advocate to see what the other did); the laptop shows the server's
    truth: their resolution and the case as the server has it now, our changes to the
    case saved with our resolution kept, refused, beside it. Nothing is sent again unless
    the advocate says so (after the case is reopened)."""
    theirs = conflict.current or {}
    follow = []
    case_id = theirs.get("case_id")
    if entry.collection is Collection.RESOLUTIONS and case_id is not None:
        case = client.get(Collection.CASES, uuid.UUID(str(case_id)))
        name = theirs.get("author_name") or theirs.get("advocate") or ""
        by = name or "someone else"
        why = Reason(
            f"Not sent: {by} resolved this case first; your resolution waits beside theirs.",
            "resolved_first",
            (str(name),),
        )
        follow.append((Collection.CASES, case, why.stored()))
    changes.refused_for_theirs(entry, conflict.reason().stored(), theirs, follow)


def _settle_stale(
    client: CentralClient,
    changes: LocalChanges,
    entry: OutboxEntry,
    conflict: Conflict,
    result: PushResult,
) -> None:
    """A 412: someone changed the record first. Replay our change on theirs, unless both
    sides changed the same fields; then keep both for the advocate to choose."""
    server = conflict.current or client.get(entry.collection, entry.record_id).model_dump(
        mode="json"
    )
    collisions = conflicting_fields(entry.base, server, entry.body)
    rebases = result.rebased.get(entry.seq, 0)
    if collisions or rebases >= MAX_REBASES:
        fields = ", ".join(c.field for c in collisions)
        why = Reason(
            f"Changed by someone else meanwhile: {fields or 'the record'}",
            "changed_meanwhile",
            tuple(c.field for c in collisions),
        )
        changes.conflicted(entry, server, why.stored())
        result.conflicts += 1
        return
    rebased = changes.rebase(entry, server)
    if rebased is not None:
        result.rebased[rebased.seq] = rebases + 1
