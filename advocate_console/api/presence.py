"""Who else is on a case, on the wire (``/api/v1/cases/{id}/presence``), shared by the
server and the console; and the console's calls for it.

A console that shows a case says so (``PUT``) when it opens it and every
:data:`HEARTBEAT_SECONDS` while it stays open, and ``DELETE`` when it leaves; each answer
lists the others on the case: those whose console has it open now, and those who changed
it in the last :data:`EDITED_WITHIN_MINUTES` minutes. The others' consoles hear of an
arrival or a departure at once through the event stream (event ``presence``, data
:class:`CasePresence`); the heartbeat's answer is the short poll where no stream is open.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Literal
from uuid import UUID

from pydantic import BaseModel

from .schemas import API_PREFIX

if TYPE_CHECKING:
    from .client import CentralClient

HEARTBEAT_SECONDS = 20.0
"""How often a console that keeps a case open says so again."""
GONE_AFTER_SECONDS = 60.0
"""A console not heard of for this long has left the case (it was closed or lost)."""
EDITED_WITHIN_MINUTES = 5
"""Someone who changed the case this recently is still named as on it."""


class OnCase(BaseModel):
    """One advocate on a case: open on their console now, or who changed it lately."""

    advocate_id: UUID
    name: str
    how: Literal["open", "edited"]
    at: datetime
    """When their console last said so, or when they changed the case."""


class CasePresence(BaseModel):
    """Everyone on a case (the asking advocate included only in pushed events)."""

    case_id: UUID
    here: list[OnCase] = []

    def others(self, me: UUID | None) -> list[OnCase]:
        """Everyone on the case but ``me``, each once (open before edited)."""
        seen: dict[UUID, OnCase] = {}
        for someone in self.here:
            if someone.advocate_id != me and someone.advocate_id not in seen:
                seen[someone.advocate_id] = someone
        return list(seen.values())


def presence_path(case_id: UUID) -> str:
    """The path of a case's presence (after the server's address)."""
    return f"{API_PREFIX}/cases/{case_id}/presence"


class PresenceClient:
    """The signed-in advocate's presence on cases, through ``client`` (blocking calls: run
    them off the UI thread)."""

    def __init__(self, client: CentralClient) -> None:
        self.client = client

    def here(self, case_id: UUID) -> CasePresence:
        """This advocate has ``case_id`` open (now and still): who else is on it."""
        response = self.client._request("PUT", presence_path(case_id), retry=False)
        return self.client._parse(CasePresence, response)

    def gone(self, case_id: UUID) -> None:
        """This advocate left ``case_id`` (closed it, or opened another)."""
        self.client._request("DELETE", presence_path(case_id), retry=False)
