"""Console ▸ Change password…: checked in the dialog, then by the real server; after an
administrator's reset the console asks for a new password before anything else."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from advocate_console.auth import TokenVault, sign_in
from advocate_console.central.auth.service import create_advocate, set_password_by_admin
from advocate_console.central.core.database import Database
from advocate_console.console import Console
from advocate_console.domain import Role
from advocate_console.settings import Settings
from advocate_console.ui.change_password_dialog import ChangePasswordDialog

PASSWORD = "first password of pat"
NEW_PASSWORD = "pat picks a better one"


@pytest.fixture(scope="module")
def pat(server) -> str:
    """A user of the test server who may change her password (the demo users stay as
    they are for the other tests)."""
    db = Database(server.database_url)
    advocate = create_advocate(db, "pat", PASSWORD, Role.ADVOCATE, "Pat Okafor")
    db.dispose()
    return str(advocate.id)


def _fill(dialog: ChangePasswordDialog, current: str, new: str, again: str | None = None):
    dialog.current.setText(current)
    dialog.new.setText(new)
    dialog.again.setText(new if again is None else again)


def test_the_dialog_explains_a_weak_or_mistyped_password_before_asking_the_server(
    qtbot, server, pat
):
    vault = TokenVault(memory_only=True)
    signed = sign_in(server.url, "pat", PASSWORD, vault)
    dialog = ChangePasswordDialog(signed, vault)
    qtbot.addWidget(dialog)
    for new, again, expected in (
        ("short", None, "at least 12 characters"),
        ("qwerty123456", None, "most common passwords"),
        ("Pat", None, "at least 12"),
        ("pat picks one", "pat picks two", "The two new passwords differ."),
    ):
        _fill(dialog, PASSWORD, new, again)
        dialog.submit()
        assert expected in dialog.problem.text()
        assert dialog.current.isEnabled()  # nothing was sent
    signed.client.close()


def test_a_wrong_current_password_is_said_and_the_right_one_changes_it(qtbot, server, pat):
    vault = TokenVault(memory_only=True)
    signed = sign_in(server.url, "pat", PASSWORD, vault)
    dialog = ChangePasswordDialog(signed, vault)
    qtbot.addWidget(dialog)
    _fill(dialog, "not my password", NEW_PASSWORD)
    dialog.submit()
    qtbot.waitUntil(lambda: "not right" in dialog.problem.text(), timeout=10_000)

    _fill(dialog, PASSWORD, NEW_PASSWORD)
    with qtbot.waitSignal(dialog.sig_changed, timeout=10_000):
        dialog.submit()
    assert dialog.new.text() == ""  # no password lingers in the widgets
    again = sign_in(server.url, "pat", NEW_PASSWORD, vault)
    assert again.session.advocate.display_name == "Pat Okafor"
    for client in (signed.client, again.client):
        client.close()
    # Back to the first one, for the next test.
    db = Database(server.database_url)
    set_password_by_admin(db, __import__("uuid").UUID(pat), PASSWORD)
    db.dispose()


def test_after_an_admin_reset_the_console_asks_for_a_new_password_first(
    qtbot, tmp_path, server, pat
):
    db = Database(server.database_url)
    set_password_by_admin(db, __import__("uuid").UUID(pat), "the admin chose this")
    db.dispose()
    vault = TokenVault(memory_only=True)
    console = Console(
        Settings(api_url=server.url, data_dir=tmp_path),
        tmp_path,
        vault,
        QSettings(str(tmp_path / "qsettings.ini"), QSettings.Format.IniFormat),
    )
    qtbot.addWidget(console.window)
    console.ask_to_sign_in(server.url, "pat")
    console.sign_in_dialog.password.setText("the admin chose this")
    console.sign_in_dialog.submit()
    qtbot.waitUntil(lambda: console.sign_in.password_dialog is not None, timeout=10_000)
    dialog = console.sign_in.password_dialog
    assert "administrator set your password" in dialog.findChildren(type(dialog.problem))[0].text()
    assert console.signed_in is None  # not signed in until the password is the user's own
    assert vault.load(server.url, "pat") is None

    _fill(dialog, "the admin chose this", NEW_PASSWORD)
    with qtbot.waitSignal(console.sig_signed_in, timeout=10_000):
        dialog.submit()
    assert console.signed_in is not None
    assert vault.load(server.url, "pat") is not None
    console.window.close()
