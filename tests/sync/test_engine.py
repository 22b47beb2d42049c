"""The sync engine on its own thread: start, timer, retries, sign-out, shutdown."""

from __future__ import annotations

import logging
import subprocess

import pytest
from PySide6.QtNetwork import QNetworkInformation

from advocate_console.auth import TokenVault, sign_in
from advocate_console.domain import Collection
from advocate_console.store import LocalChanges, open_store
from advocate_console.sync import SyncController, SyncState
from tests.laptop import assert_exactly_once, open_case_offline, signed_in


@pytest.fixture
def controller(local):
    """A sync controller over the laptop's store, shut down after the test."""
    running = SyncController(local, interval_s=60)
    yield running
    assert running.shutdown()


def _wait_for_state(qtbot, controller, state: SyncState, timeout: int = 15000):
    seen = []

    def reached(status) -> bool:
        seen.append(status)
        return status.state is state

    with qtbot.waitSignal(controller.sig_status_changed, timeout=timeout, check_params_cb=reached):
        pass
    return seen[-1]


def test_a_first_sync_runs_at_start_and_pushes_the_outbox(qtbot, controller, client, local):
    case = open_case_offline(local)
    with qtbot.waitSignal(controller.sig_synced, timeout=15000) as synced:
        controller.start(client)
    report = synced.args[0]
    assert report.pushed == 1 and report.pulled >= 1
    assert_exactly_once(client, local, Collection.CASES, case.id, 1)


def test_offline_at_start_then_back_syncs_without_being_asked(qtbot, controller, client, proxy):
    proxy.set("refuse")
    controller.start(client)
    status = _wait_for_state(qtbot, controller, SyncState.OFFLINE)
    assert "Cannot reach the central server" in status.last_error
    assert not status.online
    proxy.set("pass")
    with qtbot.waitSignal(controller.sig_synced, timeout=20000):
        pass  # the engine retries by itself after a few seconds


def test_sync_now_after_the_network_returns(qtbot, controller, client, proxy, local):
    proxy.set("refuse")
    controller.start(client)
    _wait_for_state(qtbot, controller, SyncState.OFFLINE)
    open_case_offline(local)
    proxy.set("pass")
    with qtbot.waitSignal(controller.sig_synced, timeout=15000) as synced:
        controller.sync_now()
    assert synced.args[0].pushed == 1


def test_a_revoked_token_signs_out_keeps_work_and_resumes_after_sign_in(
    qtbot, controller, client, server, local
):
    with qtbot.waitSignal(controller.sig_synced, timeout=15000):
        controller.start(client)
    signed_in(server.url).close()
    token = client.token
    client.sign_out()
    client.token = token
    with qtbot.waitSignal(controller.sig_signed_out, timeout=15000) as out:
        case = open_case_offline(local)  # pushed at once: the server no longer takes the token
    assert "sign" in out.args[0].lower()
    assert LocalChanges(local).waiting() == 1

    again = signed_in(client.base_url)
    with qtbot.waitSignal(controller.sig_synced, timeout=15000) as synced:
        controller.set_client(again)
    assert synced.args[0].pushed == 1
    assert_exactly_once(again, local, Collection.CASES, case.id, 1)


def test_the_token_is_never_in_the_data_dir_logs_or_database(
    qtbot, server, secret_service, tmp_path
):
    log_file = tmp_path / "console.log"
    handler = logging.FileHandler(log_file)
    root = logging.getLogger()
    root.addHandler(handler)
    old_level = root.level
    root.setLevel(logging.DEBUG)
    try:
        signed = sign_in(server.url, "demo", "demo", TokenVault(secret_service))
        store = open_store(tmp_path / "local.sqlite")
        controller = SyncController(store)
        open_case_offline(store)
        with qtbot.waitSignal(controller.sig_synced, timeout=30000):
            controller.start(signed.client)
        assert controller.shutdown()
        store.close()
    finally:
        root.removeHandler(handler)
        root.setLevel(old_level)
        handler.close()
    token = signed.session.token
    assert len(token) > 20 and log_file.stat().st_size > 0
    found = subprocess.run(["grep", "-rl", token, str(tmp_path)], capture_output=True, text=True)
    assert found.stdout == ""


def test_the_network_coming_back_syncs_at_once(qtbot, controller, client, proxy, local):
    proxy.set("refuse")
    controller.start(client)
    _wait_for_state(qtbot, controller, SyncState.OFFLINE)
    network = QNetworkInformation.instance()
    assert network is not None, "no network information backend here"
    open_case_offline(local)
    proxy.set("pass")
    with qtbot.waitSignal(controller.sig_synced, timeout=4000) as synced:
        network.reachabilityChanged.emit(QNetworkInformation.Reachability.Online)
    assert synced.args[0].pushed == 1
