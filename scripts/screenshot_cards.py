"""Screenshots for README.md: the card queue (the team's, with owners), the card editor on a
new card for the story customer, and the follow-ups dock asking how a call went; from the
demo at 1366×768.

Run under a real X server with a window manager (the editor is a window of its own):
    Xvfb :57 -screen 0 1366x768x24 -nolisten tcp & DISPLAY=:57 openbox &
    DISPLAY=:57 dbus-run-session -- .venv/bin/python scripts/screenshot_cards.py [FOLDER]
The PNGs go to FOLDER (default docs/): card-queue.png, card-editor.png, follow-ups.png.
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from advocate_console.app import settle_start_up_objects, start_demo
from advocate_console.cards import default_book
from advocate_console.central.demo.stories.repeat_failure import STORY_REPEAT_FAILURE_CUSTOMER_ID
from advocate_console.settings import Settings
from advocate_console.ui.i18n import install_translations
from advocate_console.ui.theme import apply_theme


def main() -> int:
    """Start the demo in a temp folder, show the card queue and the editor, save them."""
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "docs")
    app = QApplication(sys.argv[:1])
    install_translations(app, "en", Path(tempfile.mkdtemp()))
    apply_theme(app)
    data = Path(tempfile.mkdtemp())
    console = start_demo(Settings(data_dir=data), data / "demo")
    window = console.window
    window.showMaximized()  # 1366×768 less the window manager's title bar
    steps: list[tuple[int, Callable[[], None]]] = []

    def shoot(name: str) -> Callable[[], None]:
        def save() -> None:
            path = folder / name
            app.primaryScreen().grabWindow(0).save(str(path))
            print(f"saved {path}")

        return save

    def queue() -> None:
        window.cards_dock.show()
        window.cards_dock.raise_()
        window.resizeDocks([window.cards_dock], [330], Qt.Orientation.Vertical)
        window.card_queue.refresh()

    def team() -> None:
        window.card_queue.team_button.click()

    def editor() -> None:
        # A new card for the story customer, as the resolution form drafts it.
        story = next(
            q
            for q in console.card_queue.cards()
            if q.customer.id == STORY_REPEAT_FAILURE_CUSTOMER_ID and q.card.gift_value_cents
        )
        draft = console.card_queue.draft(
            story.customer.id,
            default_book().card("a6-flat").default_message,
            case_id=story.card.case_id,
            gift_value_cents=2500,
            gift_code="GC-8QZX-41MR",
        )
        window.card_queue.refresh()
        window.edit_card(draft.id)
        window.card_editor.move(190, 60)

    def follow_ups() -> None:
        window.card_editor.reject()
        window.follow_ups_dock.show()
        window.follow_ups_dock.raise_()
        window.follow_ups.refresh()

    steps += [
        (500, queue),
        (1500, team),
        (800, shoot("card-queue.png")),
        (300, editor),
        (1500, shoot("card-editor.png")),
        (300, follow_ups),
        (2000, lambda: window.follow_ups.open_row(0)),  # the X server may lag under load
        (1200, lambda: window.follow_ups.complete_row(0)),
        (800, shoot("follow-ups.png")),
        (100, lambda: (window.close(), app.exit(0))),
    ]

    def run_steps() -> None:
        delay = 0
        for pause, step in steps:
            delay += pause
            QTimer.singleShot(delay, step)

    started: list[bool] = []

    def synced(_report) -> None:
        if not started:  # the first sync brought the cards: go
            started.append(True)
            run_steps()

    console.sig_ready.connect(lambda: console.sync.sig_synced.connect(synced))
    QTimer.singleShot(180_000, lambda: (print("timed out"), app.exit(2)))
    settle_start_up_objects()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
