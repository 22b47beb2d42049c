"""Who hears whom: the conference bridge's connections, worked out from the legs alone.

Kept apart from PJSIP so the rule can be read and tested on its own.
"""

from __future__ import annotations

from collections.abc import Iterable

from .legs import LegId

MICROPHONE = "microphone"
"""The advocate's microphone (or headset) as a source in the bridge."""
SPEAKER = "speaker"
"""The advocate's speaker (or headset) as a sink in the bridge."""

Port = LegId | str
Link = tuple[Port, Port]


def mix_plan(legs: Iterable[tuple[LegId, bool]], *, muted: bool) -> set[Link]:
    """Every (source, sink) link the bridge should have.

    ``legs`` are the connected legs with their audio up, each with whether it is on hold.
    Legs not on hold hear each other and the advocate, and the advocate hears them all; a
    held leg hears nobody and nobody hears it (the "ask first" consult). A muted advocate
    still hears everyone.
    """
    mixed = [leg_id for leg_id, on_hold in legs if not on_hold]
    links: set[Link] = {(a, b) for a in mixed for b in mixed if a != b}
    links |= {(leg_id, SPEAKER) for leg_id in mixed}
    if not muted:
        links |= {(MICROPHONE, leg_id) for leg_id in mixed}
    return links
