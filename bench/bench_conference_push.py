"""How soon the console sees a leg of its bridge conference change: pushed on the event
stream, against polling ``GET /conferences/{id}`` twice a second (the console's way while
the stream is down).

Run: ``.venv/bin/python bench/bench_conference_push.py [--runs 20]`` (needs the [sip] extra).
The central API (SQLite), the bridge (``advocate-central bridge``, behind kamailio when it
is installed) and every phone are processes of their own on loopback. In each run a
resource is dialled into a running conference and answers; the time measured runs from
the bridge stamping the leg joined (``joined_at``) to the console's conference showing it
joined (its ``sig_leg_changed``, on the UI thread): the bridge's write, the event stream
or the poll, the console's thread hop.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QCoreApplication

from advocate_console.api import CentralClient
from advocate_console.api.conferences import LegChange, NewLeg
from advocate_console.sync.events import EventListener
from advocate_console.telephony.bridge_conference import BridgeConference
from advocate_console.telephony.bridge_watch import POLL_MS, SAFETY_POLL_MS
from advocate_console.telephony.legs import ConferenceLeg, LegRole
from bench.bench_bridge import BridgeBench
from bench.bench_dial import ANSWER_AFTER_S, ms, spin_for, spin_until


def seen_joined(app: QCoreApplication, bench: BridgeBench, pushed: bool, runs: int) -> list[float]:
    """Seconds from the bridge stamping each new leg joined to the console showing it."""
    token, url = bench.client.token, bench.server.url
    conference = BridgeConference(
        lambda: CentralClient(url, token=token, retries=1),
        lambda: None,
        poll_ms=POLL_MS,
        safety_poll_ms=SAFETY_POLL_MS,
    )
    listener = None
    if pushed:  # as the console wires them (advocate_console/pushes.py)
        listener = EventListener(CentralClient(url, token=token, retries=0))
        listener.sig_event.connect(conference.pushed)
        listener.sig_listening.connect(conference.follow_stream)
        listener.start()
        spin_until(app, lambda: conference.streaming)
    conference.resume()  # the bench's conference is going: the console picks it up
    spin_until(app, lambda: conference.conference is not None)
    delays = []
    try:
        for run in range(runs):
            known = {entry.leg_id for entry in conference.legs()}
            seen: list[float] = []

            def joined(entry: ConferenceLeg, known=known, seen=seen) -> None:
                if entry.leg_id not in known and entry.leg.joined and not seen:
                    seen.append(time.time())

            conference.sig_leg_changed.connect(joined)
            # At any moment of the poll's cycle, as a resource answers whenever they do.
            spin_for(app, random.uniform(0, POLL_MS / 1000))
            resource = bench.directory[run % 2]
            leg = bench.client.add_leg(bench.conference.id, NewLeg(resource_id=resource.id))
            spin_until(app, lambda seen=seen: bool(seen))
            conference.sig_leg_changed.disconnect(joined)
            now = bench.client.conference(bench.conference.id)
            stamped = next(x for x in now.legs if x.id == leg.id).joined_at
            assert stamped is not None
            delays.append(seen[0] - stamped.timestamp())
            bench.client.change_leg(bench.conference.id, leg.id, LegChange(dropped=True))
            spin_until(app, lambda: not _resource_on(conference))
    finally:
        if listener is not None:
            listener.stop()
        conference.stop()
        conference.wait_for_writes()
    return delays


def _resource_on(conference: BridgeConference) -> bool:
    return any(
        entry.leg.role is LegRole.RESOURCE and entry.leg.state.is_live
        for entry in conference.legs()
    )


def main() -> int:
    """Print both figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    app = QCoreApplication(sys.argv[:1])
    bench = BridgeBench(answer_after_s=ANSWER_AFTER_S)
    try:
        pushed = seen_joined(app, bench, pushed=True, runs=args.runs)
        polled = seen_joined(app, bench, pushed=False, runs=args.runs)
    finally:
        bench.close()
    print(f"A leg joins in the bridge → the console shows it, {bench.route}, SQLite:")
    print(f"  pushed on the event stream:          {ms(pushed)}")
    print(f"  polled every {POLL_MS} ms (stream down):  {ms(polled)}")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
