"""Screenshots for README.md: the scoreboard from the demo at 1366×768, as the demo
advocate sees it (their own score), then as the lead (the team, and what is broken with
the worst model's cases listed).

Run under a real X server with a window manager (the scoreboard is a window of its own):
    Xvfb :58 -screen 0 1366x768x24 -nolisten tcp & DISPLAY=:58 openbox &
    DISPLAY=:58 dbus-run-session -- .venv/bin/python scripts/screenshot_scoreboard.py [FOLDER]
The PNGs go to FOLDER (default docs/): scoreboard.png, scoreboard-team.png,
scoreboard-broken.png.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from advocate_console.app import settle_start_up_objects, start_demo
from advocate_console.central.demo.accounts import LEAD_PASSWORD, LEAD_USERNAME
from advocate_console.settings import Settings
from advocate_console.ui.i18n import install_translations
from advocate_console.ui.theme import apply_theme

SETTLE_MS = 1200


def main() -> int:
    """Start the demo, open the scoreboard as the advocate and as the lead, save three PNGs."""
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "docs")
    app = QApplication(sys.argv[:1])
    install_translations(app, "en", Path(tempfile.mkdtemp()))
    apply_theme(app)
    data = Path(tempfile.mkdtemp())
    console = start_demo(Settings(data_dir=data), data / "demo")
    window = console.window
    window.showMaximized()
    state = {"step": "advocate"}

    def shoot(name: str, then) -> None:
        def save() -> None:
            app.primaryScreen().grabWindow(0).save(str(folder / name))
            print(f"saved {folder / name}")
            then()

        QTimer.singleShot(SETTLE_MS, save)

    def board_ready(wanted: set[str], then) -> None:
        board = console.open_scoreboard()
        board.showMaximized()
        seen: set[str] = set()

        def shown(name: str) -> None:
            seen.add(name)
            if wanted <= seen:
                board.sig_report_shown.disconnect(shown)
                then(board)

        board.sig_report_shown.connect(shown)

    def advocate_board(board) -> None:
        shoot("scoreboard.png", as_lead)

    def as_lead() -> None:
        state["step"] = "lead"
        url = console.signed_in.client.base_url
        console.scoreboard.close()
        console.sign_in_as(url, LEAD_USERNAME, LEAD_PASSWORD)

    def signed_in(_signed) -> None:
        if state["step"] == "lead":
            board_ready({"team", "broken", "resources", "medians", "score"}, lead_board)

    def lead_board(board) -> None:
        board.tabs.setCurrentWidget(board.team_page)
        shoot("scoreboard-team.png", lambda: broken(board))

    def broken(board) -> None:
        board.tabs.setCurrentWidget(board.broken_page)
        page = board.broken_page
        board.sig_report_shown.connect(
            lambda name: name == "cases" and shoot("scoreboard-broken.png", finish)
        )
        page.choose(page.report.products[0].model_number)

    def finish() -> None:
        console.scoreboard.close()
        window.close()
        app.exit(0)

    def synced(_report) -> None:
        if state["step"] == "advocate" and console.scoreboard.board is None:
            board_ready({"score", "medians", "broken"}, advocate_board)

    console.sig_ready.connect(lambda: console.sync.sig_synced.connect(synced))
    console.sig_signed_in.connect(signed_in)
    QTimer.singleShot(300_000, lambda: (print("timed out"), app.exit(2)))
    settle_start_up_objects()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
