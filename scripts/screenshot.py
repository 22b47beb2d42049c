"""Screenshot of the demo as an advocate sees it: the window at 1366×768, the story caller
found by 1-800-GE-CARES, history, call panel and the people ranked for the case.

Run under a real X server (the PNG goes to docs/main-window.png unless named; --dark
shows the window as on a desktop set to dark; --language es in Spanish, as
docs/main-window-es.png is; a size such as 1280x720 after the name sets the window's):
    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python scripts/screenshot.py [--dark]
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from advocate_console.app import settle_start_up_objects, start_demo
from advocate_console.settings import Settings
from advocate_console.ui.i18n import install_translations
from advocate_console.ui.theme import apply_theme

QUERY = "1-800-GE-CARES"


def dark_palette() -> QPalette:
    """A desktop's dark palette (as GNOME's or KDE's dark themes hand Qt)."""
    palette = QPalette()
    roles = QPalette.ColorRole
    for role, colour in (
        (roles.Window, "#2b2b2b"),
        (roles.WindowText, "#e6e6e6"),
        (roles.Base, "#1f1f1f"),
        (roles.AlternateBase, "#2a2a2a"),
        (roles.Text, "#e6e6e6"),
        (roles.PlaceholderText, "#9a9a9a"),
        (roles.Button, "#353535"),
        (roles.ButtonText, "#e6e6e6"),
        (roles.Highlight, "#3d6bb3"),
        (roles.HighlightedText, "#ffffff"),
        (roles.Link, "#8ab4f8"),
        (roles.ToolTipBase, "#353535"),
        (roles.ToolTipText, "#e6e6e6"),
        (roles.Mid, "#4a4a4a"),
        (roles.Midlight, "#404040"),
    ):
        palette.setColor(role, QColor(colour))
    return palette


def main() -> int:
    """Start the demo in a temp folder, pop the story caller, save the screen."""
    language = "en"
    if "--language" in sys.argv:
        language = sys.argv[sys.argv.index("--language") + 1]
    args = [a for a in sys.argv[1:] if a not in ("--dark", "--language", language)]
    target = Path(args[0] if args else "docs/main-window.png")
    app = QApplication(sys.argv[:1])
    if "--dark" in sys.argv:  # as on a desktop set to dark
        app.setStyle("Fusion")
        app.setPalette(dark_palette())
    apply_theme(app)
    install_translations(app, language)  # as the app does: "1 caller", not "1 caller(s)"
    folder = Path(tempfile.mkdtemp())
    console = start_demo(Settings(data_dir=folder), folder / "demo", customers=300)
    window = console.window
    size = next((a for a in args[1:] if "x" in a), "1366x768").split("x")
    window.resize(int(size[0]), int(size[1]))
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
