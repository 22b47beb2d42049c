"""docs/conference.png: the call panel and the dial-out panel mid-conference, with the
customer and two resources on real SIP peers (separate processes) on loopback.

Run: ``xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python bench/screenshot_conference.py``
"""

from __future__ import annotations

import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QEventLoop  # noqa: E402
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QVBoxLayout, QWidget  # noqa: E402

from advocate_console.central import demo_data  # noqa: E402
from advocate_console.domain import Collection  # noqa: E402
from advocate_console.store import Replica, open_store  # noqa: E402
from advocate_console.store.resources import CallLog, DialContext, ResourceDirectory  # noqa: E402
from advocate_console.telephony import Softphone, SoftphoneConfig  # noqa: E402
from advocate_console.telephony.conference import Conference  # noqa: E402
from advocate_console.ui.call_panel import CallPanel  # noqa: E402
from advocate_console.ui.dial_out_panel import DialOutPanel  # noqa: E402
from bench.bench_dial import seeded_attempts  # noqa: E402
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
        for resource in demo_data.demo_resources():
            if resource.name == "Dr. Anil Varghese":
                resource = resource.model_copy(update={"sip_uri": anil_peer.uri})
            elif resource.name == "Dana Whitlock":
                resource = resource.model_copy(update={"sip_uri": dana_peer.uri})
            resources.append(resource)
        store = open_store(Path(folder.name) / "local.sqlite")
        attempts = seeded_attempts(resources, list(demo_data.ADVOCATES[:6]))
        Replica(store).apply(
            [(Collection.RESOURCES, r) for r in resources]
            + [(Collection.CALL_ATTEMPTS, a) for a in attempts]
        )
        context = DialContext(
            category="product failure",
            product_model=demo_data.STORY_MICROWAVE_MODEL,
            product_words=(demo_data.STORY_MICROWAVE_BRAND, demo_data.STORY_MICROWAVE_NAME),
        )
        conference = Conference(phone, CallLog(store, demo_data.DEMO_DISPLAY_NAME))
        conference.set_context(context)
        # A Tuesday afternoon in the US, so working hours read as on a real shift.
        tuesday = datetime(2026, 11, 24, 16, 0, tzinfo=UTC)
        dial_out = DialOutPanel(
            ResourceDirectory(store, demo_data.DEMO_DISPLAY_NAME), clock=lambda: tuesday
        )
        dial_out.sig_dial_requested.connect(
            lambda chosen, ask_first: conference.dial(chosen, ask_first=ask_first)
        )
        calls = CallPanel(conference)

        window = QWidget()
        window.setWindowTitle("Advocate Console — conference")
        caller = QLabel(
            f"<b>{demo_data.STORY_REPEAT_FAILURE_NAME}</b> · 1-800-GE-CARES · "
            f"{demo_data.STORY_MICROWAVE_BRAND} {demo_data.STORY_MICROWAVE_MODEL} microwave,"
            " second failure, 60 days out of warranty · case: product failure"
        )
        columns = QHBoxLayout()
        columns.addWidget(calls, 2)
        columns.addWidget(dial_out, 3)
        layout = QVBoxLayout(window)
        layout.addWidget(caller)
        layout.addLayout(columns, 1)
        window.resize(1300, 700)
        window.show()

        ready: list[str] = []
        phone.sig_ready.connect(ready.append)
        phone.start()
        spin_until(app, lambda: ready)
        dial_out.set_context(context)
        spin_until(app, lambda: dial_out.model.rowCount() > 0)
        customer.send(f"call {phone.address}")
        spin_until(app, lambda: conference.legs())
        customer_leg = conference.legs()[0].leg_id
        conference.answer(customer_leg)
        spin_until(app, lambda: conference.leg(customer_leg).leg.joined)
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
        app.primaryScreen().grabWindow(window.winId()).save(str(target))
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
