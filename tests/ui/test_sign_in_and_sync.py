"""Signing in from the dialog, the sync status bar, and resolving a conflict by hand."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from advocate_console.auth import TokenVault
from advocate_console.console import Console
from advocate_console.domain import Collection
from advocate_console.settings import Settings
from advocate_console.store import LocalChanges, Replica, open_store
from advocate_console.sync import SyncState, SyncStatus, pull_changes, push_outbox
from advocate_console.ui.changes_dialog import ChangesDialog
from advocate_console.ui.sign_in_dialog import SignInDialog
from advocate_console.ui.status_bar import ConsoleStatusBar
from tests.laptop import open_case_offline, signed_in


def test_the_dialog_explains_bad_input_before_asking_the_server(qtbot):
    dialog = SignInDialog(TokenVault(memory_only=True), "http://advocates.example.com", "demo")
    qtbot.addWidget(dialog)
    dialog.password.setText("x")
    dialog.submit()
    assert "https://" in dialog.message.text()
    dialog.server.setText("https://advocates.example.com")
    dialog.password.clear()
    dialog.submit()
    assert dialog.message.text() == "Enter your password."


def test_wrong_password_then_right_one(qtbot, server):
    dialog = SignInDialog(TokenVault(memory_only=True), server.url, "demo")
    qtbot.addWidget(dialog)
    dialog.password.setText("wrong")
    dialog.submit()
    qtbot.waitUntil(lambda: "do not match" in dialog.message.text(), timeout=10_000)
    assert dialog.password.isEnabled()

    dialog.password.setText("demo")
    with qtbot.waitSignal(dialog.sig_signed_in, timeout=10_000) as signed:
        dialog.submit()
    assert signed.args[0].session.advocate.username == "demo"
    assert dialog.password.text() == ""  # the password does not linger in the widget


def test_the_status_bar_says_what_waits_and_why(qtbot):
    bar = ConsoleStatusBar()
    qtbot.addWidget(bar)
    bar.sync.show_status(
        SyncStatus(SyncState.OFFLINE, waiting=3, conflicts=1, last_error="Cannot reach the server")
    )
    assert bar.sync.state.text() == "○ Offline"
    assert bar.sync.waiting.text() == "3 waiting · 1 conflict"
    assert bar.messages.standing == "Cannot reach the server"
    assert bar.messages.text() == "⚠ Cannot reach the server"  # whole, on the message line
    bar.sync.show_status(SyncStatus(SyncState.IDLE))
    assert bar.sync.state.text() == "● Online"
    assert bar.sync.waiting.text() == "Nothing waiting"  # said even when nothing waits
    assert bar.messages.text() == ""


@pytest.fixture
def console(qtbot, tmp_path, server, secret_service):
    """A console on a fresh data dir against the test server, with a real keyring."""
    settings = QSettings(str(tmp_path / "qsettings.ini"), QSettings.Format.IniFormat)
    running = Console(
        Settings(api_url=server.url, data_dir=tmp_path),
        tmp_path,
        TokenVault(secret_service),
        settings,
    )
    qtbot.addWidget(running.window)
    yield running
    running.window.close()


def test_first_start_asks_to_sign_in_then_syncs_and_the_next_start_does_not_ask(
    qtbot, console, server, tmp_path, secret_service
):
    with qtbot.waitSignal(console.sig_ready, timeout=20_000):
        console.open_local()
    console.resume_or_ask(server.url)
    qtbot.waitUntil(lambda: console.sign_in_dialog is not None, timeout=5000)
    dialog = console.sign_in_dialog
    dialog.username.setText("demo")
    dialog.password.setText("demo")
    with qtbot.waitSignal(console.sync.sig_synced, timeout=60_000):
        dialog.submit()
    assert console.status_bar.sync.status.online
    assert "Maya Castellanos" in console.window.connection.text()
    console.window.close()

    again = Console(
        Settings(api_url=server.url, data_dir=tmp_path),
        tmp_path,
        TokenVault(secret_service),
        QSettings(str(tmp_path / "qsettings.ini"), QSettings.Format.IniFormat),
    )
    qtbot.addWidget(again.window)
    with qtbot.waitSignal(again.sig_signed_in, timeout=20_000):
        again.resume_or_ask(server.url)
    assert again.sign_in_dialog is None
    again.window.close()


def test_a_conflict_is_resolved_in_the_changes_dialog(qtbot, server, client, local, tmp_path):
    case = open_case_offline(local, "Dryer squeals")
    push_outbox(client, LocalChanges(local))
    other = open_store(tmp_path / "b.sqlite")
    other_client = signed_in(server.url)
    pull_changes(other_client, Replica(other))
    LocalChanges(local).update(Collection.CASES, case.id, {"summary": "A: belt"})
    LocalChanges(other).update(Collection.CASES, case.id, {"summary": "B: bearing"})
    push_outbox(client, LocalChanges(local))
    push_outbox(other_client, LocalChanges(other))

    dialog = ChangesDialog(LocalChanges(other))
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.list.count() == 1, timeout=5000)
    assert "choose" in dialog.list.item(0).text()
    assert dialog.resolve.isVisibleTo(dialog)
    dialog.view.groups["summary"].button(0).setChecked(True)  # take theirs
    with qtbot.waitSignal(dialog.sig_changed, timeout=5000):
        dialog.resolve.click()
    qtbot.waitUntil(lambda: dialog.list.count() == 0, timeout=5000)
    assert client.get(Collection.CASES, case.id).summary == "A: belt"
    other_client.close()
    other.close()


def test_the_sign_in_dialog_shows_its_title_and_the_whole_server_field(qtbot):
    dialog = SignInDialog(TokenVault(memory_only=True), "https://advocates.example.com", "demo")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    title = dialog.fontMetrics().horizontalAdvance(dialog.windowTitle())
    assert dialog.width() >= title + 120  # the title bar's buttons beside it
    needed = dialog.server.fontMetrics().horizontalAdvance(dialog.server.text())
    assert dialog.server.width() >= needed + 12
