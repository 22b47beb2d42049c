"""docs/suggestions.png: the demo's story caller (1-800-GE-CARES) with the suggested
remedies at the top of the remedies section, the first one applied.

Run under a real X server (or offscreen: the window is rendered either way):
    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python scripts/screenshot_suggestions.py
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from advocate_console.app import settle_start_up_objects, start_demo
from advocate_console.settings import Settings
from advocate_console.ui.i18n import install_translations
from advocate_console.ui.theme import apply_theme

QUERY = "1-800-GE-CARES"


def main() -> int:
    """Start the demo (2,000 customers) in a temp folder, pop the story caller, apply the
    first suggestion, save the window."""
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/suggestions.png")
    app = QApplication(sys.argv[:1])
    apply_theme(app)
    install_translations(app, "en")  # English plural forms ("1 time", not "1 time(s)")
    folder = Path(tempfile.mkdtemp())
    console = start_demo(Settings(data_dir=folder), folder / "demo", customers=2000)
    window = console.window
    window.resize(1366, 768)
    window.show()

    def synced(_report) -> None:
        window.form.sig_suggested.connect(suggested)
        window.caller_bar.field.setText(QUERY)

    def suggested(found) -> None:
        form = window.form
        if not found or form.case is None:
            return
        form.remedies.suggested.buttons[0].click()  # one click fills the remedies
        form.scroll.ensureWidgetVisible(form.remedies.suggested, 0, 0)
        form.scroll.verticalScrollBar().setValue(form.remedies.y() - 4)

        def save() -> None:
            window.grab().save(str(target))
            print(f"saved {target}")
            window.close()
            app.exit(0)

        QTimer.singleShot(800, save)  # let the dial-out list rank for the case

    console.sig_ready.connect(lambda: console.sync.sig_synced.connect(synced))
    QTimer.singleShot(240_000, lambda: (print("timed out"), app.exit(2)))
    settle_start_up_objects()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
