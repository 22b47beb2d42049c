"""docs/conference.png: the main window mid-conference: the story caller's history, the
customer and two resources on real SIP peers (separate processes) on loopback, and the
ranked dial-out list.

Run: ``xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python bench/screenshot_conference.py``
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# Importing bench_dial must not make this window offscreen: it is for a real X server.
_platform = os.environ.get("QT_QPA_PLATFORM")
from bench.bench_dial import seeded_attempts  # noqa: E402

if _platform is None:
    os.environ.pop("QT_QPA_PLATFORM", None)

from PySide6.QtCore import QEventLoop  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from advocate_console.central.demo import accounts, generator  # noqa: E402
from advocate_console.domain import Collection  # noqa: E402
from advocate_console.store import CallerDirectory, Replica, open_store  # noqa: E402
from advocate_console.store.resources import CallLog, ResourceDirectory  # noqa: E402
from advocate_console.telephony import Softphone, SoftphoneConfig  # noqa: E402
from advocate_console.telephony.conference import Conference  # noqa: E402
from advocate_console.ui.main_window import MainWindow  # noqa: E402
from advocate_console.ui.theme import apply_theme  # noqa: E402
from tests.telephony.peers import CODEC, PeerProcess  # noqa: E402


def spin_until(app: QApplication, done, timeout_s: float = 20.0) -> None:
    """Run the event loop until ``done()``."""
    deadline = time.monotonic() + timeout_s
    while not done():
        if time.monotonic() > deadline:
            raise TimeoutError("nothing happened in time")
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 10)


def main() -> int:
    """Build the window, run the conference, save the PNG."""
    app = QApplication(sys.argv[:1])
    customer = PeerProcess("margaret.odonnell", 700)
    anil_peer = PeerProcess("anil.varghese", 1100)
    dana_peer = PeerProcess("dana.whitlock", 1500)
    phone = Softphone(
        SoftphoneConfig(bind_address="127.0.0.1", port=0, null_audio=True, codecs=(CODEC,))
    )
    folder = tempfile.TemporaryDirectory()
    try:
        resources = []
        for resource in generator.demo_resources():
            if resource.name == "Dr. Anil Varghese":
                resource = resource.model_copy(update={"sip_uri": anil_peer.uri})
            elif resource.name == "Dana Whitlock":
                resource = resource.model_copy(update={"sip_uri": dana_peer.uri})
            resources.append(resource)
        store = open_store(Path(folder.name) / "local.sqlite")
        attempts = seeded_attempts(resources, list(accounts.ADVOCATES[:6]))
        Replica(store).apply(
            [(Collection.RESOURCES, r) for r in resources]
            + [(Collection.CALL_ATTEMPTS, a) for a in attempts]
        )
        # The story customer's whole history, as a synced laptop holds it.
        story = next(generator.demo_batches(3))
        Replica(store).apply(
            [(Collection.CUSTOMERS, r) for r in story.customers]
            + [(Collection.PRODUCTS, r) for r in story.products]
            + [(Collection.CASES, r) for r in story.cases]
            + [(Collection.INTERACTIONS, r) for r in story.interactions]
            + [(Collection.FOLLOW_UPS, r) for r in story.follow_ups]
            + [(Collection.CARDS, r) for r in story.cards]
        )
        conference = Conference(phone, CallLog(store, accounts.DEMO_DISPLAY_NAME))
        window = MainWindow(CallerDirectory(store))
        apply_theme(app)
        # A Tuesday afternoon in the US, so working hours read as on a real shift.
        tuesday = datetime(2026, 11, 24, 16, 0, tzinfo=UTC)
        window.add_telephony(
            conference, ResourceDirectory(store, accounts.DEMO_DISPLAY_NAME), clock=lambda: tuesday
        )
        window.set_connection(f"{accounts.DEMO_DISPLAY_NAME} · ● phone registered")
        window.resize(1366, 740)
        window.show()
        dial_out = window.dial_out

        ready: list[str] = []
        phone.sig_ready.connect(ready.append)
        phone.start()
        spin_until(app, lambda: ready)
        customer.send(f"call {phone.address}")
        spin_until(app, lambda: conference.legs())
        customer_leg = conference.legs()[0].leg_id
        conference.answer(customer_leg)
        spin_until(app, lambda: conference.leg(customer_leg).leg.joined)
        window.caller_bar.field.setText("1-800-GE-CARES")  # as the advocate types it
        spin_until(app, lambda: window.history.history is not None)
        spin_until(app, lambda: dial_out.model.rowCount() > 0)
        for name in ("Dr. Anil Varghese", "Dana Whitlock"):
            row = next(
                r
                for r in range(dial_out.model.rowCount())
                if dial_out.model.ranked(r).resource.name == name
            )
            dial_out.dial_row(row)
        spin_until(app, lambda: sum(e.leg.joined for e in conference.legs()) == 3)
        deadline = time.monotonic() + 2.2  # let the call timers move past 00:00
        spin_until(app, lambda: time.monotonic() > deadline)
        target = ROOT / "docs" / "conference.png"
        # What the X server shows, as the advocate would see it.
        app.primaryScreen().grabWindow(0).save(str(target))
        print(f"saved {target}")
        conference.hang_up_all()
        spin_until(app, lambda: not any(e.leg.state.is_live for e in conference.legs()))
        conference.wait_for_writes()
        window.close()
        store.close()
    finally:
        phone.stop()
        for peer in (customer, anil_peer, dana_peer):
            peer.stop()
        folder.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
