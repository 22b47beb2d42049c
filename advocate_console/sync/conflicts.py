"""Which of the advocate's changes collide with someone else's."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

# Fields the server keeps for itself; they never count as someone else's edit.
_BOOKKEEPING = frozenset({"id", "version"})


@dataclass(frozen=True, slots=True)
class FieldConflict:
    """One field both sides changed: what it was, what they made it, what we made it."""

    field: str
    base: Any
    theirs: Any
    mine: Any


def conflicting_fields(
    base: dict[str, Any] | None, server: dict[str, Any], mine: dict[str, Any]
) -> list[FieldConflict]:
    """Fields of ``mine`` that the server also changed since ``base``, to something else.

    A field only we changed, or that both sides set to the same value, is no conflict:
    the change can be replayed on the server's version as it is.
    """
    if base is None:
        return []
    return [
        FieldConflict(name, base.get(name), server.get(name), value)
        for name, value in mine.items()
        if name not in _BOOKKEEPING
        and server.get(name) != base.get(name)
        and server.get(name) != value
    ]
