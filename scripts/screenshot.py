"""Screenshot of the demo for docs/: the window at 1366×768 with a caller's history.

Run under a real X server so it looks as a user sees it:
    xvfb-run -s "-screen 0 1366x768x24" .venv/bin/python scripts/screenshot.py docs/main-window.png
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from advocate_console.demo import DemoLauncher
from advocate_console.ui.main_window import MainWindow
from advocate_console.ui.theme import apply_theme

QUERY = "1-800-GE-CARES"


def main() -> int:
    """Start the demo in a temp folder, pop the story caller, save the screen."""
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/main-window.png")
    app = QApplication(sys.argv[:1])
    apply_theme(app)
    window = MainWindow()
    window.resize(1366, 768 - 40)
    window.show()
    launcher = DemoLauncher(Path(tempfile.mkdtemp()) / "demo", customers=300)
    launcher.sig_progress.connect(window.show_message)
    launcher.sig_failed.connect(lambda reason: (print(reason), app.exit(1)))

    def ready(session) -> None:
        window.set_directory(session.directory)
        window.set_connection(f"Demo server {session.server.url} · signed in as demo")
        window.show_message("")
        window.caller_bar.field.setText(QUERY)

    def shoot(_customer_id) -> None:
        def save() -> None:
            screen = app.primaryScreen().grabWindow(0)
            if screen.isNull() or screen.width() < 100:
                screen = window.grab()
            screen.save(str(target))
            print(f"saved {target} ({screen.width()}×{screen.height()})")
            launcher.stop()
            app.exit(0)

        QTimer.singleShot(400, save)

    launcher.sig_ready.connect(ready)
    window.sig_history_shown.connect(shoot)
    launcher.start()
    QTimer.singleShot(120_000, lambda: (print("timed out"), app.exit(2)))
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
