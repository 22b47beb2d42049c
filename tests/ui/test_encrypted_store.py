"""The local store encrypted at rest: after a console synced the demo, worked a case (a
draft, a card in the queue) and closed, no customer's e-mail, phone or street is readable
anywhere in its data folder; without a secure keyring there is no store on disk at all;
a plain store of an earlier version is encrypted at the first start and its file gone."""

from __future__ import annotations

from pathlib import Path

import keyring.backends.fail
import pytest
from PySide6.QtCore import QSettings

from advocate_console.auth import TokenVault
from advocate_console.auth.vault import SERVICE, STORE_KEY
from advocate_console.central.demo.accounts import DEMO_PASSWORD, DEMO_USERNAME
from advocate_console.console import Console
from advocate_console.domain import Collection
from advocate_console.settings import Settings
from advocate_console.store import Replica, open_store
from advocate_console.store.cards import CardQueue
from advocate_console.sync import pull_changes
from tests.laptop import CUSTOMER_ID, signed_in


@pytest.fixture(scope="module")
def personal_data(server) -> dict[str, set[str]]:
    """Every customer's e-mails, phones (as stored and as dialled) and streets."""
    client = signed_in(server.url)
    found: dict[str, set[str]] = {"e-mail": set(), "phone": set(), "street": set()}
    cursor = 0
    while True:
        page = client.changes(cursor, 1000)
        for change in page.items:
            if change.collection is Collection.CUSTOMERS and change.data:
                customer = change.record()
                found["e-mail"].update(customer.emails)
                for phone in customer.phones:
                    found["phone"].update({phone, phone.lstrip("+"), phone[-10:]})
                if customer.address is not None:
                    found["street"].add(customer.address.lines[0])
        cursor = page.next_cursor
        if not page.has_more:
            break
    client.close()
    assert all(found.values()), found
    return found


def _readable(folder: Path, personal: dict[str, set[str]]) -> list[str]:
    """What of ``personal`` a grep of every file under ``folder`` finds, as text."""
    seen = []
    for path in folder.rglob("*"):
        if not path.is_file():
            continue
        content = path.read_bytes()
        for kind, values in personal.items():
            for value in values:
                for encoding in ("utf-8", "utf-16-le"):
                    if value.encode(encoding) in content:
                        seen.append(f"{kind} {value!r} in {path.name}")
    return seen


def _work_a_case_and_close(qtbot, tmp_path: Path, vault: TokenVault, server) -> Console:
    """A console on ``tmp_path`` that syncs, shows the story caller, drafts a resolution
    that mentions her street and e-mail, queues a card, and closes."""
    console = Console(
        Settings(api_url=server.url, data_dir=tmp_path),
        tmp_path,
        vault,
        QSettings(str(tmp_path / "qsettings.ini"), QSettings.Format.IniFormat),
        sync_interval_s=3600,
    )
    window = console.window
    qtbot.addWidget(window)
    with qtbot.waitSignal(console.sig_ready, timeout=20_000):
        console.open_local()
    with qtbot.waitSignal(console.sync.sig_synced, timeout=60_000):
        console.sign_in_as(server.url, DEMO_USERNAME, DEMO_PASSWORD)
    with qtbot.waitSignal(window.sig_history_shown, timeout=10_000):
        window.pop_caller("1-800-GE-CARES")
    customer = window.history.history.customer
    qtbot.waitUntil(lambda: window.form is not None and window.form.case is not None)
    window.form.outcome.notes.setPlainText(
        f"Ship to {customer.address.lines[0]}; confirm by mail to {customer.emails[0]}"
    )
    CardQueue(console.store).draft(CUSTOMER_ID, f"Dear neighbour of {customer.address.lines[0]}")
    window.close()  # keeps the draft, stops sync, closes the store
    return console


def test_nothing_personal_is_readable_in_the_data_folder_of_a_synced_console(
    qtbot, tmp_path, server, secret_service, personal_data
):
    console = _work_a_case_and_close(qtbot, tmp_path, TokenVault(secret_service), server)
    assert not console.store.in_memory
    assert (tmp_path / "local.sqlite").stat().st_size > 100_000
    assert _readable(tmp_path, personal_data) == []
    key_entry = f"{STORE_KEY}:{(tmp_path / 'local.sqlite').resolve()}"
    assert len(bytes.fromhex(secret_service.get_password(SERVICE, key_entry))) == 32

    # The same store opens again with the key from the keyring, its work still there.
    again = Console(Settings(data_dir=tmp_path), tmp_path, TokenVault(secret_service))
    qtbot.addWidget(again.window)
    with qtbot.waitSignal(again.sig_ready, timeout=20_000):
        again.open_local()
    assert not again.store.in_memory
    assert [m.customer.id for m in again.window.directory.find("1-800-GE-CARES")] == [CUSTOMER_ID]
    # The card queued before closing (sent meanwhile or still waiting: the console pushes
    # a change soon after it is made) is in the store that opened again.
    messages = [q.card.message for q in CardQueue(again.store).cards()]
    assert any(m.startswith("Dear neighbour of") for m in messages)
    again.window.close()


def test_the_plain_file_and_its_personal_data_would_be_found_by_the_same_grep(
    tmp_path, server, personal_data
):
    # The check above means something: a plain store of the same sync shows them all.
    store = open_store(tmp_path / "local.sqlite")
    client = signed_in(server.url)
    pull_changes(client, Replica(store))
    client.close()
    store.close()
    found = _readable(tmp_path, personal_data)
    assert {line.split()[0] for line in found} == {"e-mail", "phone", "street"}


def test_without_a_secure_keyring_no_store_is_kept_on_disk(qtbot, tmp_path, server, personal_data):
    vault = TokenVault(keyring.backends.fail.Keyring())
    console = _work_a_case_and_close(qtbot, tmp_path, vault, server)
    assert console.store.in_memory
    assert console.online_only_note is not None
    assert "Online only" in console.online_only_note.text()
    assert list(tmp_path.glob("local.sqlite*")) == []
    assert _readable(tmp_path, personal_data) == []


@pytest.mark.parametrize("keyring_kind", ["secure", "none"])
def test_a_plain_store_of_an_earlier_version_is_taken_over_and_its_file_removed(
    qtbot, tmp_path, server, secret_service, personal_data, keyring_kind
):
    store = open_store(tmp_path / "local.sqlite")
    client = signed_in(server.url)
    pull_changes(client, Replica(store))
    client.close()
    store.close()
    assert _readable(tmp_path, personal_data)

    backend = secret_service if keyring_kind == "secure" else keyring.backends.fail.Keyring()
    console = Console(Settings(data_dir=tmp_path), tmp_path, TokenVault(backend))
    qtbot.addWidget(console.window)
    with qtbot.waitSignal(console.sig_ready, timeout=30_000):
        console.open_local()
    assert _readable(tmp_path, personal_data) == []
    assert console.store.in_memory is (keyring_kind == "none")
    if keyring_kind == "none":
        assert list(tmp_path.glob("local.sqlite*")) == []
    found = console.window.directory.find("1-800-GE-CARES")
    assert [match.customer.id for match in found] == [CUSTOMER_ID]  # the records came along
    console.window.close()
