"""A save while online is pushed at once (not at F5 or the next minute), and the count of
waiting changes follows every save, even while nothing can be sent."""

from __future__ import annotations

import pytest

from advocate_console.domain import Collection
from advocate_console.sync import SyncController, SyncState
from tests.laptop import assert_exactly_once, open_case_offline


@pytest.fixture
def controller(local):
    """A sync controller whose timer would only sync again in an hour."""
    running = SyncController(local, interval_s=3600)
    yield running
    assert running.shutdown()


def test_a_save_while_online_is_pushed_at_once(qtbot, controller, client, local):
    with qtbot.waitSignal(controller.sig_synced, timeout=15000):
        controller.start(client)

    with qtbot.waitSignal(controller.sig_synced, timeout=10000) as synced:
        case = open_case_offline(local)  # nobody asks for a sync: the save itself does

    assert synced.args[0].pushed == 1
    assert_exactly_once(client, local, Collection.CASES, case.id, 1)
    qtbot.waitUntil(lambda: controller.status.waiting == 0, timeout=5000)


def test_a_burst_of_saves_goes_in_one_push(qtbot, controller, client, local):
    with qtbot.waitSignal(controller.sig_synced, timeout=15000):
        controller.start(client)
    reports = []
    controller.sig_synced.connect(reports.append)

    cases = [open_case_offline(local, f"Case {n}") for n in range(3)]

    qtbot.waitUntil(lambda: sum(r.pushed for r in reports) == 3, timeout=15000)
    for case in cases:
        assert_exactly_once(client, local, Collection.CASES, case.id, 1)


def test_offline_a_save_is_counted_at_once_and_kept(qtbot, controller, client, proxy, local):
    proxy.set("refuse")
    controller.start(client)
    qtbot.waitUntil(lambda: controller.status.state is SyncState.OFFLINE, timeout=15000)
    assert controller.status.waiting == 0

    open_case_offline(local)
    open_case_offline(local, "Dryer squeals")

    qtbot.waitUntil(lambda: controller.status.waiting == 2, timeout=5000)
    assert controller.status.state is SyncState.OFFLINE


def test_signed_out_a_save_is_counted_at_once(qtbot, controller, local):
    controller.start(None)
    qtbot.waitUntil(lambda: controller.status.state is SyncState.SIGNED_OUT, timeout=5000)

    open_case_offline(local)

    qtbot.waitUntil(lambda: controller.status.waiting == 1, timeout=5000)


def test_a_server_problem_during_sync_says_that_sync_tries_again(qtbot, controller, client, proxy):
    proxy.set("respond", canned="503")  # no detail: the console words it itself
    controller.start(client)
    qtbot.waitUntil(lambda: controller.status.state is SyncState.ERROR, timeout=20000)
    assert controller.status.last_error == (
        "The server had a problem (503). Your changes are kept; sync tries again by itself."
    )
