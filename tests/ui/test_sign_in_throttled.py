"""The sign-in dialog after too many failures: how long to wait, in minutes. (A module of
its own: the lock it provokes holds for every sign-in from this address to its server.)"""

from __future__ import annotations

from advocate_console.auth import TokenVault
from advocate_console.ui.sign_in_dialog import SignInDialog


def test_too_many_failures_say_how_many_minutes_to_wait(qtbot, server):
    dialog = SignInDialog(TokenVault(memory_only=True), server.url, "demo")
    qtbot.addWidget(dialog)
    for attempt in range(6):
        dialog.password.setText(f"wrong {attempt}")
        dialog.submit()
        qtbot.waitUntil(lambda: dialog.password.isEnabled(), timeout=10_000)
        if attempt < 5:
            assert "do not match" in dialog.message.text()
    assert dialog.message.text().startswith("Too many attempts; try again in 1 minute")
