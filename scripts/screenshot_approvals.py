"""docs/approval-form.png and docs/approvals-dock.png: the demo's story caller on the
advocate's form with the suggestions and a refund beyond the advocate's authority (Save
has become "Ask a lead to approve…"); then the request asked, and the lead's console
(``--demo --as lead``, on the same demo server) with it in the Approvals dock.

Run under a real X server (or offscreen: the windows are rendered either way):
    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python scripts/screenshot_approvals.py
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from advocate_console.app import settle_start_up_objects, start_demo
from advocate_console.domain import RemedyKind
from advocate_console.settings import Settings
from advocate_console.ui.i18n import install_translations
from advocate_console.ui.theme import apply_theme

QUERY = "1-800-GE-CARES"
REASON = "Second microwave of the same model failed; with us for 14 years"


def main() -> int:
    """Start the demo in a temp folder, fill the form beyond authority, save the form;
    ask; start the lead's console on the same demo, save its window with the dock."""
    docs = Path(sys.argv[1] if len(sys.argv) > 1 else "docs")
    app = QApplication(sys.argv[:1])
    apply_theme(app)
    install_translations(app, "en")
    folder = Path(tempfile.mkdtemp())
    consoles = []
    advocate = start_demo(Settings(data_dir=folder), folder / "demo", customers=600)
    consoles.append(advocate)
    window = advocate.window
    window.resize(1366, 768)
    window.show()

    def synced(_report) -> None:
        advocate.sync.sig_synced.disconnect(synced)
        window.form.sig_suggested.connect(suggested)
        window.caller_bar.field.setText(QUERY)

    def suggested(found) -> None:
        form = window.form
        if not found or form.case is None:
            return
        form.sig_suggested.disconnect(suggested)
        form.remedies.suggested.buttons[0].click()  # waive the fee, extend the warranty
        refund = form.remedies[RemedyKind.REFUND_WITHOUT_RETURN]
        refund.check.setChecked(True)
        refund.cost.setValue(150)
        form.scroll.verticalScrollBar().setValue(form.remedies.y() - 4)
        QTimer.singleShot(1500, shoot_form)

    def shoot_form() -> None:
        form = window.form
        if form.authority.authority is None:  # the first approvals sync is still on its way
            QTimer.singleShot(500, shoot_form)
            return
        form.authority.show()
        form.scroll.ensureWidgetVisible(form.authority.state, 0, 8)
        window.grab().save(str(docs / "approval-form.png"))
        print(f"saved {docs / 'approval-form.png'}")
        form.authority.sig_asked.connect(lambda _approval: QTimer.singleShot(500, start_lead))
        form.save_button.click()
        dialog = form.authority.dialog
        dialog.reason.setPlainText(REASON)
        dialog.send_button.click()

    def start_lead() -> None:
        lead = start_demo(Settings(data_dir=folder), folder / "demo", as_lead=True)
        consoles.append(lead)
        lead.window.resize(1366, 768)
        lead.window.move(40, 40)
        lead.window.show()
        lead.sig_ready.connect(lambda: lead.sync.sig_synced.connect(lambda _r: shoot_dock(lead)))

    def shoot_dock(lead) -> None:
        if shot:
            return
        panel = lead.approvals.panel
        if panel is None or panel.model.rowCount() == 0:
            QTimer.singleShot(500, lambda: shoot_dock(lead))
            return
        panel.table.setFocus()
        panel.note.setText("Approved: keep her with us")

        def save() -> None:
            lead.window.grab().save(str(docs / "approvals-dock.png"))
            print(f"saved {docs / 'approvals-dock.png'}")
            for console in reversed(consoles):
                console.window.close()
            app.exit(0)

        shot.append(True)
        QTimer.singleShot(800, save)

    shot: list[bool] = []
    advocate.sig_ready.connect(lambda: advocate.sync.sig_synced.connect(synced))
    QTimer.singleShot(300_000, lambda: (print("timed out"), app.exit(2)))
    settle_start_up_objects()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
