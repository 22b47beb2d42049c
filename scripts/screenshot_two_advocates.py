"""Screenshots of two advocates on one case, from the demo at 1366×768:

    conflict   the conflict dialog: Maya Castellanos changed the story case's summary and
               category while Dennis Whitford (the lead) changed them on the server
    collision  the collision warning: the lead has the story case open on his console

Run under a real X server with a window manager (dialogs need one to be placed):
    xvfb-run -a -s "-screen 0 1366x768x24" sh -c \\
        'openbox & sleep 1; .venv/bin/python scripts/screenshot_two_advocates.py conflict'
The PNG goes to docs/conflict-dialog.png (or docs/collision-warning.png) unless named.
"""

from __future__ import annotations

import sys
import tempfile
import uuid
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from advocate_console.api import CentralClient
from advocate_console.api.presence import PresenceClient
from advocate_console.app import settle_start_up_objects, start_demo
from advocate_console.central.demo.accounts import LEAD_PASSWORD, LEAD_USERNAME
from advocate_console.domain import Collection
from advocate_console.settings import Settings
from advocate_console.store import LocalChanges
from advocate_console.ui.i18n import install_translations
from advocate_console.ui.theme import apply_theme

QUERY = "1-800-GE-CARES"
TARGETS = {"conflict": "docs/conflict-dialog.png", "collision": "docs/collision-warning.png"}


def main() -> int:
    """Start the demo in a temp folder, pop the story caller, stage the scene, save it."""
    scene = sys.argv[1] if len(sys.argv) > 1 else "conflict"
    target = Path(sys.argv[2] if len(sys.argv) > 2 else TARGETS[scene])
    app = QApplication(sys.argv[:1])
    apply_theme(app)
    install_translations(app, "en")
    folder = Path(tempfile.mkdtemp())
    console = start_demo(Settings(data_dir=folder), folder / "demo", customers=300)
    window = console.window
    window.resize(1366, 740)
    window.show()

    def save() -> None:
        app.primaryScreen().grabWindow(0).save(str(target))
        print(f"saved {target}")
        window.close()
        app.exit(0)

    def lead() -> CentralClient:
        client = CentralClient(console.signed_in.client.base_url)
        client.sign_in(LEAD_USERNAME, LEAD_PASSWORD)
        return client

    def stage_conflict(case_id: uuid.UUID) -> None:
        case = LocalChanges(console.store)
        server = lead()
        current = server.get(Collection.CASES, case_id)
        server.patch(
            Collection.CASES,
            case_id,
            {
                "summary": "Second microwave dead again: warranty desk approved a replacement"
                " of the same model, installation booked for Friday morning.",
                "category": "warranty",
            },
            current.version,
            str(uuid.uuid4()),
        )
        case.update(
            Collection.CASES,
            case_id,
            {
                "summary": "Second unit stopped heating, same fault as the first. Customer"
                " asks for a different model rather than a third of the same; offered the"
                " 30-inch convection model at the same price, she is thinking it over and"
                " will call back after talking to her husband.",
                "category": "repair",
            },
        )
        server.close()

        def conflicted(report) -> None:
            if report.conflicts:
                console.show_changes()
                QTimer.singleShot(1500, save)

        console.sync.sig_synced.connect(conflicted)

    def shown(_customer_id) -> None:
        form = window.form
        if form is None or form.case is None or getattr(shown, "done", False):
            return
        shown.done = True
        case_id = form.case.id
        if scene == "conflict":
            stage_conflict(case_id)
        else:
            stage_collision(case_id)

    def stage_collision(case_id: uuid.UUID) -> None:
        # The lead opens the same case on his console (his heartbeat, as his console
        # would send it); this console is told through its event stream.
        banner = window.form.two_advocates.also_here
        banner.sig_shown.connect(lambda: QTimer.singleShot(800, save))
        PresenceClient(lead()).here(case_id)

    console.sig_ready.connect(
        lambda: console.sync.sig_synced.connect(lambda _r: window.caller_bar.field.setText(QUERY))
    )
    window.sig_history_shown.connect(shown)
    QTimer.singleShot(180_000, lambda: (print("timed out"), app.exit(2)))
    settle_start_up_objects()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
