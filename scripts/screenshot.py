"""Screenshot of the demo as an advocate sees it: the window at 1366×768, the story caller
found by 1-800-GE-CARES, history, call panel and the people ranked for the case.

Run under a real X server (the PNG goes to docs/main-window.png unless named):
    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python scripts/screenshot.py
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from advocate_console.app import settle_start_up_objects, start_demo
from advocate_console.settings import Settings
from advocate_console.ui.theme import apply_theme

QUERY = "1-800-GE-CARES"


def main() -> int:
    """Start the demo in a temp folder, pop the story caller, save the screen."""
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/main-window.png")
    app = QApplication(sys.argv[:1])
    apply_theme(app)
    folder = Path(tempfile.mkdtemp())
    console = start_demo(Settings(data_dir=folder), folder / "demo", customers=300)
    window = console.window
    window.resize(1366, 768)
    window.show()

    def synced(_report) -> None:
        window.caller_bar.field.setText(QUERY)

    def shoot(_customer_id) -> None:
        def save() -> None:
            app.primaryScreen().grabWindow(0).save(str(target))
            print(f"saved {target}")
            window.close()
            app.exit(0)

        QTimer.singleShot(800, save)  # let the dial-out list rank for the case

    console.sig_ready.connect(lambda: console.sync.sig_synced.connect(synced))
    window.sig_history_shown.connect(shoot)
    QTimer.singleShot(120_000, lambda: (print("timed out"), app.exit(2)))
    settle_start_up_objects()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
