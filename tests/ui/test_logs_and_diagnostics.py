"""The log file and Help ▸ Save diagnostics, after a real demo session: signed in, synced,
a caller searched and their history opened. Neither holds a token, a password or a
customer's personal data; the zip holds what IT needs."""

from __future__ import annotations

import json
import logging
import zipfile
from pathlib import Path

import pytest

from advocate_console import __version__
from advocate_console.app import start_demo
from advocate_console.logs import FILE_NAME, redact, start_logging, stop_logging
from advocate_console.settings_layers import load_layers
from advocate_console.tasks import pending_tasks
from advocate_console.ui.diagnostics import DiagnosticsInput, DiagnosticsSaved, save_diagnostics

WRONG_PASSWORD = "Wr0ng-Pa55-xyzzy"
SECRET_IN_A_FILE = "hunter2-in-a-file"


@pytest.fixture
def log_folder(tmp_path):
    """The console's log in a temp folder, at DEBUG: the most it ever writes."""
    root = logging.getLogger()
    level = root.level
    folder = tmp_path / "logs"
    start_logging(verbose=True, folder=folder)
    yield folder
    stop_logging()
    root.setLevel(level)


@pytest.fixture
def session(qtbot, tmp_path, log_folder):
    """A demo of 40 customers: signed in, synced, the story caller's history open."""
    user, managed = tmp_path / "settings.toml", tmp_path / "managed.toml"
    user.write_text(f'sip_user = "maya"\nsip_password = "{SECRET_IN_A_FILE}"\n')
    layers = load_layers(user, managed)
    console = start_demo(layers.settings, tmp_path / "demo", customers=40, layers=layers)
    qtbot.addWidget(console.window)
    with qtbot.waitSignal(console.sig_ready, timeout=60_000):
        pass
    with qtbot.waitSignal(console.sync.sig_synced, timeout=60_000):
        pass
    with qtbot.waitSignal(console.window.sig_history_shown, timeout=10_000):
        console.window.caller_bar.field.setText("1-800-GE-CARES")
    yield console
    console.window.close()
    qtbot.waitUntil(lambda: pending_tasks() == 0, timeout=30_000)


def personal_data(console) -> list[str]:
    """What the open history shows of the customer: names, numbers, addresses, serials."""
    history = console.window.history.history
    customer = history.customer
    found = [customer.display_name, *customer.phones, *customer.emails]
    if customer.address is not None:
        found += [value for value in customer.address.model_dump().values() if value]
    found += [product.serial_number for product in history.products]
    return [str(value) for value in found if value and len(str(value)) > 3]


def test_the_log_holds_no_token_password_or_customer_data(qtbot, session, log_folder):
    token = session.signed_in.client.token
    refused: list[str] = []
    session.window.statusBar().messageChanged.connect(refused.append)
    session.sign_in_as(session.signed_in.session.server_url, "demo", WRONG_PASSWORD)
    qtbot.waitUntil(lambda: pending_tasks() == 0 and bool(refused), timeout=30_000)
    secrets = [token, WRONG_PASSWORD, SECRET_IN_A_FILE, *personal_data(session)]
    assert len(secrets) >= 6, secrets

    text = (log_folder / FILE_NAME).read_text(encoding="utf-8")

    assert "POST /api/v1/auth/token" in text and "GET /api/v1/changes" in text  # at DEBUG
    for secret in secrets:
        assert secret.lower() not in text.lower(), secret


def test_save_diagnostics_writes_one_zip_for_it_and_says_where(qtbot, session, tmp_path):
    folder = tmp_path / "Documents"
    token = session.signed_in.client.token
    what = DiagnosticsInput(session.layers, session.store, session.status_bar.sync.status)
    save_diagnostics(session.window, what, folder)  # as Help ▸ Save diagnostics does
    assert not session.window.diagnostics_action.isEnabled()
    qtbot.waitUntil(lambda: session.window.findChild(DiagnosticsSaved) is not None, timeout=180_000)
    message = session.window.findChild(DiagnosticsSaved)
    [path] = folder.glob("advocate-console-diagnostics-*.zip")
    assert str(path) in message.informativeText()
    assert session.window.diagnostics_action.isEnabled()
    message.close()

    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        summary = json.loads(archive.read("summary.json"))
        everything = "\n".join(archive.read(name).decode("utf-8") for name in names)
    assert names[0] == "summary.json" and "settings/user.toml" in names
    assert f"logs/{FILE_NAME}" in names
    assert summary["versions"]["console"] == __version__
    assert summary["self_test"]["line"].startswith(f"advocate-console {__version__} self-test")
    assert summary["self_test"]["exit_code"] == 0, summary["self_test"]
    assert summary["settings"]["values"]["sip_user"] == {"value": "maya", "from": "user"}
    assert any("sip_password" in problem for problem in summary["settings"]["problems"])
    sync = summary["sync"]
    assert sync["state"] == "idle" and sync["cursor"] > 0
    assert sync["outbox"] == {"pending": 0, "conflict": 0, "refused": 0}
    assert sync["local_records"]["customers"] == 40
    for secret in (token, SECRET_IN_A_FILE, *personal_data(session)):
        assert secret.lower() not in everything.lower(), secret


@pytest.mark.parametrize(
    ("line", "kept"),
    [
        ("Authorization: Bearer AbC.dEf-123_456", "Authorization: [redacted]"),
        ('POST /api/v1/auth/token body password="hunter2"', 'password="[redacted]'),
        ('"GET /api/v1/customers?q=%2B18004322737 HTTP/1.1" 200', "/api/v1/customers?[query] "),
        ("refused: maria.garcia@example.com exists", "refused: [e-mail] exists"),
        ("call +18004322737, (800) 432-2737 or 1-800-GE-CARES", "call [phone], [phone] or [phone]"),
        (
            "[type=string_type, input_value='Maria Garcia', input_type=str]",
            "input_value=[redacted]",
        ),
        ("Pulled 1148863 changes at cursor 2026120 from 127.0.0.1:8765", "1148863 changes"),
    ],
)
def test_every_line_is_redacted_before_it_is_written(line, kept):
    assert kept in redact(line)


def test_without_a_log_folder_the_console_still_logs_to_the_terminal(tmp_path):
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    root = logging.getLogger()
    level = root.level
    try:
        assert start_logging(folder=blocked / "logs") is None
    finally:
        stop_logging()
        root.setLevel(level)
    assert not Path(blocked / "logs").exists()
