"""A lost laptop: the server's wipe order (account disabled, or signed out everywhere with
wipe) erases the console's local store, drafts, card queue and keyring entries, says why,
and starts afresh at the sign-in; a plain expired token erases nothing; sign-out asks
whether to keep the local data (IT may decide)."""

from __future__ import annotations

import itertools
import os
import subprocess
import sys
import uuid
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from sqlalchemy import func, select

from advocate_console.auth import TokenVault
from advocate_console.auth.erase import erase_local_data, every_users_data_folders
from advocate_console.auth.vault import INDEX, SERVICE, STORE_KEY
from advocate_console.central.auth.service import create_advocate
from advocate_console.central.core.clock import SettableClock
from advocate_console.central.core.database import Database
from advocate_console.central.server import EmbeddedServer
from advocate_console.central.users import service as users
from advocate_console.central.users.schemas import UserChanges
from advocate_console.console import Console
from advocate_console.domain import Role
from advocate_console.settings import Settings, SettingsLayers
from advocate_console.store import LocalChanges
from advocate_console.store.models import CaseRow
from tests.laptop import open_case_offline

PASSWORD = "a laptop left on a train"
_names = itertools.count(1)


def _new_user(server) -> tuple[str, uuid.UUID]:
    name = f"traveller{next(_names)}"
    db = Database(server.database_url)
    advocate = create_advocate(db, name, PASSWORD, Role.ADVOCATE, f"Traveller {name[-1]}")
    db.dispose()
    return name, advocate.id


def _admin(server, action) -> None:
    db = Database(server.database_url)
    try:
        action(db)
    finally:
        db.dispose()


def _console(tmp_path: Path, url: str, vault: TokenVault, **settings) -> Console:
    layers = SettingsLayers.of(Settings(api_url=url, data_dir=tmp_path, **settings))
    return Console(
        layers.settings,
        tmp_path,
        vault,
        QSettings(str(tmp_path / "qsettings.ini"), QSettings.Format.IniFormat),
        sync_interval_s=3600,
        layers=layers,
    )


def _signed_in_console(
    qtbot, tmp_path, url, vault, username, *, unsent: bool = False, **settings
) -> Console:
    """``unsent``: the case typed on the train is still waiting at sign-out (sync sends
    nothing more; else it may be sent at once, as the console would)."""
    console = _console(tmp_path, url, vault, **settings)
    qtbot.addWidget(console.window)
    with qtbot.waitSignal(console.sig_ready, timeout=20_000):
        console.open_local()
    with qtbot.waitSignal(console.sync.sig_synced, timeout=60_000):
        console.sign_in_as(url, username, PASSWORD)
    if unsent:
        console.sync.set_client(None)
    open_case_offline(console.store, "Typed on the train")  # unsynced work, erased with it
    return console


def _store_files(tmp_path: Path) -> list[str]:
    return sorted(path.name for path in tmp_path.glob("local.sqlite*"))


def _erased_and_restarting(qtbot, console: Console) -> str:
    qtbot.waitUntil(lambda: console.local_copy.message is not None, timeout=30_000)
    text = console.local_copy.message.text()
    with qtbot.waitSignal(console.sig_restart_requested, timeout=5000):
        console.local_copy.message.accept()
    return text


@pytest.mark.parametrize("order", ["disabled", "signed out everywhere with wipe"])
def test_the_wipe_order_erases_everything_local_and_the_next_start_asks_to_sign_in(
    qtbot, tmp_path, server, secret_service, order
):
    username, user_id = _new_user(server)
    vault = TokenVault(secret_service)
    console = _signed_in_console(qtbot, tmp_path, server.url, vault, username)
    assert "local.sqlite" in _store_files(tmp_path)
    assert vault.load(server.url, username) is not None
    key_entry = f"{STORE_KEY}:{(tmp_path / 'local.sqlite').resolve()}"
    assert secret_service.get_password(SERVICE, key_entry) is not None

    if order == "disabled":
        _admin(server, lambda db: users.change_user(db, user_id, UserChanges(disabled=True)))
    else:
        _admin(server, lambda db: users.sign_out_everywhere(db, user_id, wipe=True))
    console.sync_now()
    text = _erased_and_restarting(qtbot, console)

    assert ("disabled" if order == "disabled" else "signed this account out everywhere") in text
    assert "were erased" in text
    assert _store_files(tmp_path) == []
    assert TokenVault(secret_service).load(server.url, username) is None
    assert secret_service.get_password(SERVICE, INDEX) is None
    assert secret_service.get_password(SERVICE, key_entry) is None
    console.window.close()

    # Started again: nothing saved, so the sign-in dialog; the store is new and empty.
    again = _console(tmp_path, server.url, TokenVault(secret_service))
    qtbot.addWidget(again.window)
    again.qsettings.setValue("signin/server", server.url)
    again.qsettings.setValue("signin/username", username)
    with qtbot.waitSignal(again.sig_ready, timeout=20_000):
        again.open_local()
    again.resume_or_ask(server.url)
    qtbot.waitUntil(lambda: again.sign_in_dialog is not None, timeout=10_000)
    assert LocalChanges(again.store).waiting() == 0
    again.window.close()


def test_the_wipe_order_comes_at_once_through_the_event_stream(
    qtbot, tmp_path, server, secret_service
):
    # No sync is due for an hour: the server ends the open stream, and the console's
    # sync that follows hears the order.
    username, user_id = _new_user(server)
    console = _signed_in_console(qtbot, tmp_path, server.url, TokenVault(secret_service), username)
    # (Open or about to open: either way the server refuses it now.)
    qtbot.waitUntil(lambda: console.pushes.listener is not None, timeout=10_000)
    _admin(server, lambda db: users.change_user(db, user_id, UserChanges(disabled=True)))
    text = _erased_and_restarting(qtbot, console)
    assert "disabled" in text
    assert _store_files(tmp_path) == []
    console.window.close()


def test_a_disabled_user_signing_in_gets_the_wipe_too(qtbot, tmp_path, server, secret_service):
    username, user_id = _new_user(server)
    vault = TokenVault(secret_service)
    console = _signed_in_console(qtbot, tmp_path, server.url, vault, username)
    console.sign_in.sign_out()
    _admin(server, lambda db: users.change_user(db, user_id, UserChanges(disabled=True)))
    qtbot.waitUntil(lambda: console.sign_in_dialog is not None, timeout=10_000)
    console.sign_in_dialog.password.setText(PASSWORD)
    console.sign_in_dialog.submit()
    assert "disabled" in _erased_and_restarting(qtbot, console)
    assert _store_files(tmp_path) == []
    console.window.close()


def test_a_plain_expired_token_erases_nothing(qtbot, tmp_path, server, secret_service):
    username, _user_id = _new_user(server)
    clock = SettableClock()
    short = EmbeddedServer(server.database_url, clock=clock)
    short.start()
    try:
        vault = TokenVault(secret_service)
        console = _signed_in_console(qtbot, tmp_path, short.url, vault, username)
        clock.advance(timedelta(hours=13))
        with qtbot.waitSignal(console.sync.sig_signed_out, timeout=20_000):
            console.sync_now()
        qtbot.waitUntil(lambda: console.sign_in_dialog is not None, timeout=10_000)
        assert "expired" in console.sign_in_dialog.reason.text()
        assert console.local_copy.message is None
        assert "local.sqlite" in _store_files(tmp_path)
        assert LocalChanges(console.store).waiting() == 1  # the work typed offline is kept
        console.window.close()
    finally:
        short.stop()


def test_sign_out_asks_and_keeps_the_local_data_by_default(qtbot, tmp_path, server, secret_service):
    username, _user_id = _new_user(server)
    vault = TokenVault(secret_service)
    console = _signed_in_console(qtbot, tmp_path, server.url, vault, username, unsent=True)
    console.window.sign_out_action.trigger()
    qtbot.waitUntil(lambda: console.local_copy.question is not None, timeout=10_000)
    question = console.local_copy.question
    assert question.defaultButton() is question.keep
    assert "1 change" in question.informativeText()
    assert "not yet on the server would be lost" in question.informativeText()
    question.keep.click()
    qtbot.waitUntil(lambda: console.sign_in_dialog is not None, timeout=10_000)
    assert console.local_copy.message is None
    # Kept: the case typed on the train is still in the store.
    with console.store.session() as session:
        assert session.scalar(select(func.count()).select_from(CaseRow)) >= 1
    console.window.close()


def test_sign_out_erases_when_asked(qtbot, tmp_path, server, secret_service):
    username, _user_id = _new_user(server)
    vault = TokenVault(secret_service)
    console = _signed_in_console(qtbot, tmp_path, server.url, vault, username)
    console.window.sign_out_action.trigger()
    qtbot.waitUntil(lambda: console.local_copy.question is not None, timeout=10_000)
    console.local_copy.question.erase.click()
    _erased_and_restarting(qtbot, console)
    assert _store_files(tmp_path) == []
    assert TokenVault(secret_service).load(server.url, username) is None
    console.window.close()


def test_it_can_lock_erase_at_sign_out(qtbot, tmp_path, server, secret_service):
    username, _user_id = _new_user(server)
    layers = SettingsLayers(
        Settings(api_url=server.url, data_dir=tmp_path, erase_at_sign_out=True),
        tmp_path / "settings.toml",
        tmp_path / "managed.toml",
        managed={"erase_at_sign_out": "true"},
        locked=frozenset({"erase_at_sign_out"}),
    )
    console = Console(
        layers.settings,
        tmp_path,
        TokenVault(secret_service),
        QSettings(str(tmp_path / "qsettings.ini"), QSettings.Format.IniFormat),
        sync_interval_s=3600,
        layers=layers,
    )
    qtbot.addWidget(console.window)
    with qtbot.waitSignal(console.sig_ready, timeout=20_000):
        console.open_local()
    with qtbot.waitSignal(console.sync.sig_synced, timeout=60_000):
        console.sign_in_as(server.url, username, PASSWORD)
    console.window.sign_out_action.trigger()
    _erased_and_restarting(qtbot, console)
    assert console.local_copy.question is None  # not asked: IT decided
    assert _store_files(tmp_path) == []
    console.window.close()


def test_erase_local_data_from_the_command_line(tmp_path, server, secret_service):
    vault = TokenVault(secret_service)
    vault.delete_all()  # the session's keyring holds what earlier tests saved: none of it
    username, _user_id = _new_user(server)
    from advocate_console.auth import sign_in
    from advocate_console.store import open_store

    signed = sign_in(server.url, username, PASSWORD, vault)
    signed.client.close()
    open_store(tmp_path / "local.sqlite").close()
    (tmp_path / "demo").mkdir()
    (tmp_path / "demo" / "local.sqlite").write_bytes(b"demo store")
    (tmp_path / "notes.txt").write_text("not ours: stays")

    done = subprocess.run(
        [sys.executable, "-m", "advocate_console", "--erase-local-data", "--data-dir", tmp_path],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert "1 keyring entry removed" in done.stdout
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]
    assert TokenVault(secret_service).load(server.url, username) is None


def test_as_root_every_users_data_folder_is_found(tmp_path, monkeypatch):
    # Other users' homes cannot be made on a shared machine: their entries are stand-ins.
    import pwd

    homes = {}
    for name, uid, data_dir in (
        ("amy", 1000, None),
        ("bob", 1001, "~/elsewhere"),
        ("daemon", 2, None),
    ):
        home = tmp_path / name
        home.mkdir()
        folder = home / (data_dir[2:] if data_dir else ".local/share/advocate-console")
        folder.mkdir(parents=True)
        (folder / "local.sqlite").write_bytes(b"x")
        if data_dir:
            config = home / ".config" / "advocate-console"
            config.mkdir(parents=True)
            (config / "settings.toml").write_text(f'data_dir = "{data_dir}"\n')
        homes[name] = (uid, home, folder)
    entries = [
        pwd.struct_passwd((name, "x", uid, uid, "", str(home), "/bin/sh"))
        for name, (uid, home, _folder) in homes.items()
    ]
    monkeypatch.setattr(pwd, "getpwall", lambda: entries)
    monkeypatch.setenv("ADVOCATE_MANAGED_SETTINGS", str(tmp_path / "no-managed.toml"))
    folders = every_users_data_folders()
    assert folders == [homes["amy"][2], homes["bob"][2]]  # not the system account's
    for folder in folders:
        assert erase_local_data(folder).files == [folder / "local.sqlite"]
