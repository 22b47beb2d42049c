"""Sign-in never strands work: after a cancelled sign-in, F5, a click on "Signed out" and
Console ▸ Sign in… ask again; work saved while signed out is sent after its author signs
in again, and never as another advocate who signs in on the same laptop."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QKeySequence

from advocate_console.api import Rejected
from advocate_console.auth import TokenVault
from advocate_console.central.demo.accounts import DEMO_DISPLAY_NAME
from advocate_console.console import Console
from advocate_console.domain import Collection
from advocate_console.settings import Settings
from advocate_console.store import LocalChanges
from advocate_console.sync import SyncState
from tests.laptop import open_case_offline


@pytest.fixture
def console(qtbot, tmp_path, server, secret_service):
    """A console on a fresh data dir against the test server, its store open."""
    settings = QSettings(str(tmp_path / "qsettings.ini"), QSettings.Format.IniFormat)
    running = Console(
        Settings(api_url=server.url, data_dir=tmp_path),
        tmp_path,
        TokenVault(secret_service),
        settings,
    )
    qtbot.addWidget(running.window)
    with qtbot.waitSignal(running.sig_ready, timeout=20_000):
        running.open_local()
    yield running
    running.window.close()


def dialog_shown(qtbot, console):
    qtbot.waitUntil(
        lambda: console.sign_in_dialog is not None and console.sign_in_dialog.isVisible(),
        timeout=5000,
    )
    return console.sign_in_dialog


def sign_in(qtbot, console, username: str, password: str) -> None:
    """Sign in through the dialog on screen, and wait for the first sync as them."""
    dialog = dialog_shown(qtbot, console)
    dialog.username.setText(username)
    dialog.password.setText(password)
    with qtbot.waitSignal(console.sync.sig_synced, timeout=30_000):
        dialog.submit()


def sign_out(qtbot, console) -> None:
    """Sign out keeping this computer's copy, and cancel the dialog that asks who is next."""
    console.window.sign_out_action.trigger()
    qtbot.waitUntil(lambda: console.local_copy.question is not None, timeout=10_000)
    console.local_copy.question.keep.click()
    dialog_shown(qtbot, console).reject()
    qtbot.waitUntil(lambda: console.sync.status.state is SyncState.SIGNED_OUT, timeout=5000)


def test_after_a_cancelled_sign_in_f5_the_status_bar_and_the_menu_ask_again(qtbot, console, server):
    console.resume_or_ask(server.url)
    dialog_shown(qtbot, console).reject()
    window, bar = console.window, console.status_bar.sync
    qtbot.waitUntil(lambda: bar.state.text() == "○ Signed out", timeout=5000)
    assert window.sync_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Refresh)
    assert window.sign_out_action.text() == "Sign &in…"

    for ask in (window.sync_action.trigger, bar.state.click, window.sign_out_action.trigger):
        before = console.sign_in_dialog
        ask()
        dialog = dialog_shown(qtbot, console)
        assert dialog is not before  # a new dialog, for the last server
        assert dialog.server.text() == server.url
        dialog.reject()

    bar.state.click()
    sign_in(qtbot, console, "demo", "demo")
    assert window.sign_out_action.text() == "Sign &out"
    # (A sync the first one set off, e.g. for a pushed "changes waiting", may still run.)
    qtbot.waitUntil(lambda: console.status_bar.sync.state.text() == "● Online", timeout=10_000)


def test_work_saved_while_signed_out_is_sent_after_the_same_advocate_signs_in(
    qtbot, console, server, lead
):
    console.resume_or_ask(server.url)
    sign_in(qtbot, console, "demo", "demo")
    sign_out(qtbot, console)

    case = open_case_offline(console.store, "Saved while signed out")

    qtbot.waitUntil(lambda: console.sync.status.waiting == 1, timeout=5000)
    assert console.status_bar.sync.waiting.text() == "1 change waiting"
    with pytest.raises(Rejected):
        lead.get(Collection.CASES, case.id)
    console.sync_now()  # F5
    sign_in(qtbot, console, "demo", "demo")
    qtbot.waitUntil(lambda: LocalChanges(console.store).waiting() == 0, timeout=10_000)
    on_server = lead.get(Collection.CASES, case.id)
    assert on_server.summary == "Saved while signed out"
    assert on_server.author_name == DEMO_DISPLAY_NAME  # stamped by the server from her token


def test_work_saved_while_signed_out_is_never_sent_as_another_advocate(
    qtbot, console, server, lead
):
    console.resume_or_ask(server.url)
    sign_in(qtbot, console, "demo", "demo")
    sign_out(qtbot, console)
    case = open_case_offline(console.store, "Maya's, saved while signed out")

    console.sync_now()
    sign_in(qtbot, console, "lead", "lead")  # another advocate on the same laptop

    qtbot.waitUntil(lambda: console.sync.status.kept_for == {DEMO_DISPLAY_NAME: 1}, timeout=5000)
    [entry] = LocalChanges(console.store).entries()
    assert entry.record_id == case.id and entry.author_name == DEMO_DISPLAY_NAME
    with pytest.raises(Rejected):
        lead.get(Collection.CASES, case.id)
    assert console.status_bar.sync.waiting.text() == f"1 waiting · 1 for {DEMO_DISPLAY_NAME}"
    said = console.status_bar.messages.text()
    assert f"1 change saved on this computer by {DEMO_DISPLAY_NAME}: sent when" in said
    # The lead's own work goes on being sent meanwhile.
    theirs = open_case_offline(console.store, "The lead's own case")
    qtbot.waitUntil(lambda: theirs.id not in LocalChanges(console.store).held_ids(), timeout=10_000)
    assert lead.get(Collection.CASES, theirs.id).summary == "The lead's own case"

    sign_out(qtbot, console)
    console.sync_now()
    sign_in(qtbot, console, "demo", "demo")  # hers again: now it goes
    qtbot.waitUntil(lambda: LocalChanges(console.store).waiting() == 0, timeout=10_000)
    on_server = lead.get(Collection.CASES, case.id)
    assert on_server.summary == "Maya's, saved while signed out"
    assert on_server.author_name == DEMO_DISPLAY_NAME  # hers, never the lead's
