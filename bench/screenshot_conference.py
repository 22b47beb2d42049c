"""docs/conference.png: the main window mid-conference on the company's bridge: the story
caller's history, the advocate's own phone (rung first), the customer called back, one
resource joined, one asked first and a busy one that never dropped the customer, beside
the ranked dial-out list. The central API, the bridge and every phone are real, each a
process of its own on loopback (the demo's phone system: bench uses what --demo uses).

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

from advocate_console.central.bridge.demo import DemoSwitchboard  # noqa: E402
from advocate_console.central.demo import accounts, generator  # noqa: E402
from advocate_console.central.seed import seed_database  # noqa: E402
from advocate_console.central.server import EmbeddedServer  # noqa: E402
from advocate_console.domain import Collection  # noqa: E402
from advocate_console.settings import Settings  # noqa: E402
from advocate_console.store import CallerDirectory, Replica, open_store  # noqa: E402
from advocate_console.store.resolutions import CaseWork  # noqa: E402
from advocate_console.store.resources import ResourceDirectory  # noqa: E402
from advocate_console.telephony import LegState  # noqa: E402
from advocate_console.ui.conference_phone import customer_contact, on_the_bridge  # noqa: E402
from advocate_console.ui.i18n import install_translations  # noqa: E402
from advocate_console.ui.main_window import MainWindow  # noqa: E402
from advocate_console.ui.resolution_form import ResolutionForm  # noqa: E402
from advocate_console.ui.theme import apply_theme  # noqa: E402
from tests.telephony.bridge_parts import signed_in  # noqa: E402


def spin_until(app: QApplication, done, timeout_s: float = 30.0) -> None:
    """Run the event loop until ``done()``."""
    deadline = time.monotonic() + timeout_s
    while not done():
        if time.monotonic() > deadline:
            raise TimeoutError("nothing happened in time")
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 10)


def main() -> int:
    """Build the window, run the conference, save the PNG."""
    app = QApplication(sys.argv[:1])
    install_translations(app, "en")  # English plural forms ("1 caller")
    folder = tempfile.TemporaryDirectory()
    work = Path(folder.name)
    url = f"sqlite:///{work / 'central.sqlite'}"
    seed_database(url, customers=3, demo_users=True)  # signs in as the demo advocate
    server = EmbeddedServer(url)
    server.start()
    switchboard = DemoSwitchboard(work, url)
    try:
        if not switchboard.start():
            raise SystemExit(f"the demo's phone system did not start: {switchboard.problems}")
        store = _laptop_store(work)
        window = MainWindow(CallerDirectory(store))
        apply_theme(app)
        settings = Settings(
            dial_mode="bridge", conference_leg="phone", my_phone=switchboard.desk_phone
        )
        directory = CallerDirectory(store)
        conference = on_the_bridge(
            settings, signed_in(server.url), None, lambda cid: customer_contact(directory, cid)
        )
        # A Tuesday afternoon in the US, so working hours read as on a real shift.
        tuesday = datetime(2026, 11, 24, 16, 0, tzinfo=UTC)
        window.add_telephony(
            conference, ResourceDirectory(store, accounts.DEMO_DISPLAY_NAME), clock=lambda: tuesday
        )
        window.add_case_work(ResolutionForm(CaseWork(store, accounts.DEMO_DISPLAY_NAME)))
        window.set_connection(f"{accounts.DEMO_DISPLAY_NAME} · conference bridge running")
        window.resize(1366, 740)
        window.show()
        window.right.setSizes([475, 225])  # room for every leg of the conference
        dial_out = window.dial_out
        window.caller_bar.field.setText("1-800-GE-CARES")  # as the advocate types it
        spin_until(app, lambda: window.history.history is not None)
        spin_until(app, lambda: dial_out.model.rowCount() > 0)
        ranked = {
            dial_out.model.ranked(row).resource.name: dial_out.model.ranked(row).resource
            for row in range(dial_out.model.rowCount())
        }
        conference.dial(ranked["Dr. Anil Varghese"])  # one click: the conference starts
        spin_until(app, lambda: _joined(conference) == 3)
        conference.dial(ranked["Kirsten Halloran"])  # a busy line: the customer stays on
        conference.dial(ranked["Dana Whitlock"], ask_first=True)
        spin_until(app, lambda: _states(conference).count(LegState.CONNECTED) == 4)
        spin_until(app, lambda: LegState.FAILED in _states(conference))
        deadline = time.monotonic() + 2.2  # let the call timers move past 00:00
        spin_until(app, lambda: time.monotonic() > deadline)
        target = ROOT / "docs" / "conference.png"
        # What the X server shows, as the advocate would see it.
        app.primaryScreen().grabWindow(0).save(str(target))
        print(f"saved {target}")
        conference.hang_up_all()
        spin_until(app, lambda: not conference.live)
        conference.stop()
        conference.wait_for_writes()
        window.close()
        store.close()
    finally:
        switchboard.stop()
        server.stop()
        folder.cleanup()
    return 0


def _laptop_store(work: Path):
    """The laptop's replica: the resources with their track record, and the story caller."""
    store = open_store(work / "local.sqlite")
    resources = generator.demo_resources()
    attempts = seeded_attempts(resources, list(accounts.ADVOCATES[:6]))
    story = next(generator.demo_batches(3))
    Replica(store).apply(
        [(Collection.RESOURCES, r) for r in resources]
        + [(Collection.CALL_ATTEMPTS, a) for a in attempts]
        + [(Collection.CUSTOMERS, r) for r in story.customers]
        + [(Collection.PRODUCTS, r) for r in story.products]
        + [(Collection.CASES, r) for r in story.cases]
        + [(Collection.INTERACTIONS, r) for r in story.interactions]
        + [(Collection.FOLLOW_UPS, r) for r in story.follow_ups]
        + [(Collection.CARDS, r) for r in story.cards]
    )
    return store


def _states(conference) -> list[LegState]:
    return [entry.leg.state for entry in conference.legs()]


def _joined(conference) -> int:
    return sum(entry.leg.joined for entry in conference.legs())


if __name__ == "__main__":
    sys.exit(main())
