"""The bridge's legs as the call panel shows every leg: the server's answer turned into
:class:`ConferenceLeg` snapshots with the console's own small leg ids."""

from __future__ import annotations

import itertools
import time
from dataclasses import replace
from datetime import UTC, datetime
from uuid import UUID

from advocate_console.api.conferences import LegOut
from advocate_console.domain import Resource

from .legs import ConferenceLeg, Leg, LegId, LegRole


def monotonic_of(moment: datetime | None, now: datetime | None = None) -> float | None:
    """A server time as a reading of this computer's monotonic clock (for call timers)."""
    if moment is None:
        return None
    now = now or datetime.now(UTC)
    return time.monotonic() - (now - moment).total_seconds()


class BridgeLegs:
    """The legs of the conference the console follows, by the server's leg id."""

    def __init__(self) -> None:
        self._ids: dict[UUID, LegId] = {}
        self._server_ids: dict[LegId, UUID] = {}
        self._numbers = itertools.count(1_000_001)  # never the built-in phone's ids
        self.entries: dict[LegId, ConferenceLeg] = {}

    def server_id(self, leg_id: LegId) -> UUID | None:
        """The server's id of one of our legs."""
        return self._server_ids.get(leg_id)

    def advocate(self) -> ConferenceLeg | None:
        """The advocate's own leg."""
        return next((e for e in self.entries.values() if e.leg.role is LegRole.ADVOCATE), None)

    def update(self, legs: list[LegOut], resources: dict[UUID, Resource]) -> list[ConferenceLeg]:
        """Take the server's legs; returns those that changed (to show)."""
        changed = []
        now = datetime.now(UTC)
        for out in legs:
            leg_id = self._ids.get(out.id)
            if leg_id is None:
                leg_id = self._ids[out.id] = next(self._numbers)
                self._server_ids[leg_id] = out.id
            previous = self.entries.get(leg_id)
            entry = ConferenceLeg(
                leg=self._leg(leg_id, out, previous, now),
                via="bridge",
                resource=resources.get(out.resource_id) if out.resource_id else None,
                attempt_id=out.attempt_id,
                helped=out.helped
                if previous is None or out.helped is not None
                else previous.helped,
            )
            if entry != previous:
                self.entries[leg_id] = entry
                changed.append(entry)
        return changed

    def set(self, entry: ConferenceLeg) -> None:
        """Keep a leg changed here (before the server said so)."""
        self.entries[entry.leg_id] = entry

    def clear_finished(self) -> None:
        """Forget legs that are over."""
        for leg_id in [i for i, e in self.entries.items() if not e.leg.state.is_live]:
            del self.entries[leg_id]

    @staticmethod
    def _leg(leg_id: LegId, out: LegOut, previous: ConferenceLeg | None, now: datetime) -> Leg:
        # Clock readings are kept from the first snapshot, so a timer does not jitter.
        before = previous.leg if previous is not None else None
        return Leg(
            leg_id=leg_id,
            role=out.role,
            remote_uri=out.target,
            label=out.label,
            state=out.state,
            sip_code=out.sip_code,
            reason=out.reason,
            outcome=out.outcome,
            on_hold=out.on_hold,
            consult=out.consult,
            joined=out.joined,
            started=before.started if before else monotonic_of(out.created_at, now) or 0.0,
            ringing_at=_kept(before, "ringing_at", out.ringing_at, now),
            answered_at=_kept(before, "answered_at", out.answered_at, now),
            joined_at=_kept(before, "joined_at", out.joined_at, now),
            ended_at=_kept(before, "ended_at", out.ended_at, now),
        )


def _kept(before: Leg | None, name: str, moment: datetime | None, now: datetime) -> float | None:
    if before is not None and getattr(before, name) is not None and moment is not None:
        return getattr(before, name)
    return monotonic_of(moment, now)


def but(entry: ConferenceLeg, **leg_changes: object) -> ConferenceLeg:
    """``entry`` with its leg changed (shown at once, before the server confirms)."""
    return replace(entry, leg=entry.leg.but(**leg_changes))
