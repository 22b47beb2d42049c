"""Whose work a follow-up or a card is, and which of the team's old failures to leave out.

:func:`is_mine` is the ONE place that decides ownership. Today a record names who wrote
it in ``advocate`` (the display name the console sent; the server writes its author's
name there). When records carry the server-stamped ``author_id``, compare that with the
signed-in advocate's id here instead: nothing else changes, the callers already pass it.
"""

from __future__ import annotations

import enum
from datetime import datetime, timedelta
from typing import TYPE_CHECKING
from uuid import UUID

from .enums import CardState

if TYPE_CHECKING:
    from .records import FollowUp, NoteCard

STALE_FAILURE = timedelta(days=30)
"""A card of someone else's that failed longer ago than this no longer clutters the queue."""


class Whose(enum.StrEnum):
    """Which part of the team's work a list shows."""

    MINE = "mine"
    TEAM = "team"


def is_mine(record: FollowUp | NoteCard, advocate: str | None, advocate_id: UUID | None) -> bool:
    """Whether ``record`` is the signed-in advocate's (``advocate`` is their display name,
    ``advocate_id`` their user id; nobody signed in owns nothing)."""
    del advocate_id  # unused until records carry author_id (see the module's docstring)
    mine = (advocate or "").strip()
    return bool(mine) and (record.advocate or "").strip() == mine


def owner_name(record: FollowUp | NoteCard) -> str:
    """Who the record belongs to, as people know them (empty when nobody is named)."""
    return (record.advocate or "").strip()


def is_stale_failure(card: NoteCard, now: datetime) -> bool:
    """A card that failed to print and was made more than :data:`STALE_FAILURE` ago."""
    return card.state is CardState.FAILED and now - card.created_at > STALE_FAILURE


def worth_showing(card: NoteCard, mine: bool, now: datetime) -> bool:
    """Whether a card belongs in the team's print queue: all of mine, and the others'
    except their old failures (nobody is going to print those now)."""
    return mine or not is_stale_failure(card, now)
