"""The bridge part of bench/bench_dial.py: a central API, a bridge process, kamailio when it
is installed, and SIP peers, each a process of its own on loopback."""

from __future__ import annotations

import tempfile
import time
from datetime import UTC
from pathlib import Path

from advocate_console.api.conferences import LegChange, NewLeg
from tests.telephony import bridge_parts as parts
from tests.telephony.peers import PeerProcess
from tests.telephony.registrar import KAMAILIO, Registrar


class BridgeBench:
    """A conference with the advocate and the customer on, and two resources to dial."""

    def __init__(self, answer_after_s: float) -> None:
        self._folder = tempfile.TemporaryDirectory()
        self.registrar = Registrar() if Path(KAMAILIO).exists() else None
        registrar = self.registrar.uri if self.registrar else ""
        self.route = "through kamailio" if registrar else "direct SIP, no kamailio installed"
        self.server = parts.central(Path(self._folder.name))
        self.bridge = parts.BridgeProcess(self.server.database_url, registrar=registrar)
        self.phones = [
            PeerProcess("desk", 530, registrar=registrar),
            PeerProcess("customer", 700, registrar=registrar),
        ]
        self.resources = [
            PeerProcess(
                f"resource{i}", 1170 + 440 * i, answer_after=answer_after_s, registrar=registrar
            )
            for i in range(2)
        ]
        self.client = parts.signed_in(self.server.url)
        lead = parts.signed_in(self.server.url, lead=True)
        self.directory = [parts.add_resource(lead, p.name, p.uri) for p in self.resources]
        lead.close()
        conference = parts.start(self.client, self.phones[0].uri, self.phones[1].uri)
        self.conference = parts.wait_for(
            self.client, conference.id, lambda c: parts.all_joined(c, 2)
        )

    def dial(self, runs: int) -> tuple[list[float], list[float], list[float]]:
        """Seconds: click → ringing, answer → joined in the bridge, answer → shown by the API."""
        rings, joins, shown = [], [], []
        for run in range(runs):
            peer, resource = self.resources[run % 2], self.directory[run % 2]
            peer.forget()
            clicked = time.time()
            leg = self.client.add_leg(self.conference.id, NewLeg(resource_id=resource.id))
            rang = peer.wait_for("incoming")["wall"]
            answered = peer.wait_for("answering")["wall"]
            joined = parts.wait_for(
                self.client,
                self.conference.id,
                lambda c, leg_id=leg.id: next(x for x in c.legs if x.id == leg_id).joined,
            )
            seen = time.time()
            joined_at = next(x for x in joined.legs if x.id == leg.id).joined_at
            rings.append(rang - clicked)
            joins.append(joined_at.astimezone(UTC).timestamp() - answered)
            shown.append(seen - answered)
            self.client.change_leg(self.conference.id, leg.id, LegChange(dropped=True))
            parts.wait_for(
                self.client,
                self.conference.id,
                lambda c, leg_id=leg.id: (
                    not next(x for x in c.legs if x.id == leg_id).state.is_live
                ),
            )
        return rings, joins, shown

    def close(self) -> None:
        """Hang up and stop every process."""
        parts.hang_up(self.client, self.conference.id)
        self.client.close()
        for peer in self.phones + self.resources:
            peer.stop()
        self.bridge.stop()
        if self.registrar is not None:
            self.registrar.stop()
        self.server.stop()
        self._folder.cleanup()
