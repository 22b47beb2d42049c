"""Demo mode end to end: seed, embedded server on loopback, sign-in, sync, search."""

from __future__ import annotations

import pytest

from advocate_console.central.demo_data import REPEAT_FAILURE_PHONE
from advocate_console.demo import DemoLauncher
from advocate_console.domain import Collection
from advocate_console.ui.main_window import MainWindow


@pytest.fixture
def demo(qtbot, tmp_path):
    """A demo of 40 customers started in a temp folder, and its window."""
    window = MainWindow()
    qtbot.addWidget(window)
    launcher = DemoLauncher(tmp_path / "demo", customers=40)
    launcher.sig_failed.connect(pytest.fail)
    with qtbot.waitSignal(launcher.sig_ready, timeout=60_000) as ready:
        launcher.start()
    session = ready.args[0]
    window.set_directory(session.directory)
    yield window, launcher, session
    launcher.stop()


def test_the_demo_syncs_the_seed_and_finds_the_story_caller(qtbot, demo):
    window, _, session = demo
    assert session.directory.count(Collection.CUSTOMERS) == 40
    assert session.directory.count(Collection.RESOURCES) >= 30
    with qtbot.waitSignal(window.sig_history_shown, timeout=10_000):
        window.caller_bar.field.setText("1-800-GE-CARES")
    history = window.history.history
    assert REPEAT_FAILURE_PHONE in history.customer.phones
    assert window.history.warning.isVisibleTo(window)
    products = window.history.products
    badges = [products.data(products.index(row, 4)) for row in range(products.rowCount())]
    assert any(badge.startswith("expired") for badge in badges)


def test_a_second_start_reuses_the_seeded_demo(qtbot, demo, tmp_path):
    _, launcher, _ = demo
    launcher.stop()
    again = DemoLauncher(tmp_path / "demo", customers=40)
    progress: list[str] = []
    again.sig_progress.connect(progress.append)
    with qtbot.waitSignal(again.sig_ready, timeout=60_000) as ready:
        again.start()
    try:
        assert not any("Creating demo data" in line for line in progress)
        assert ready.args[0].directory.count(Collection.CUSTOMERS) == 40
    finally:
        again.stop()
