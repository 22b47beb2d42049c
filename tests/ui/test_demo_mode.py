"""Demo mode end to end: seed, embedded server on loopback, sign-in, sync, search."""

from __future__ import annotations

import pytest

from advocate_console.app import start_demo
from advocate_console.central.demo.stories.repeat_failure import (
    REPEAT_FAILURE_PHONE,
    STORY_MICROWAVE_MODEL,
)
from advocate_console.domain import Collection
from advocate_console.settings import Settings


def _start(qtbot, data_dir):
    console = start_demo(Settings(data_dir=data_dir), data_dir / "demo", customers=40)
    qtbot.addWidget(console.window)
    with qtbot.waitSignal(console.sig_ready, timeout=60_000):
        pass
    return console


@pytest.fixture
def demo(qtbot, tmp_path):
    """A demo of 40 customers started in a temp folder, synced once."""
    console = _start(qtbot, tmp_path)
    with qtbot.waitSignal(console.sync.sig_synced, timeout=60_000):
        pass
    yield console
    console.window.close()


def test_the_demo_syncs_the_seed_and_finds_the_story_caller(qtbot, demo):
    directory = demo.window.directory
    assert directory.count(Collection.CUSTOMERS) == 40
    assert directory.count(Collection.RESOURCES) >= 30
    assert demo.status_bar.sync.status.online
    with qtbot.waitSignal(demo.window.sig_history_shown, timeout=10_000):
        demo.window.caller_bar.field.setText("1-800-GE-CARES")
    panel = demo.window.history
    assert REPEAT_FAILURE_PHONE in panel.history.customer.phones
    assert panel.caller.warning.isVisibleTo(demo.window)
    products = panel.products
    badges = [products.data(products.index(row, 4)) for row in range(products.rowCount())]
    assert any(badge.startswith("expired") for badge in badges)


def test_a_second_start_reuses_the_seeded_demo(qtbot, demo, tmp_path):
    demo.window.close()
    again = _start(qtbot, tmp_path)
    progress: list[str] = []
    again.window.statusBar().messageChanged.connect(progress.append)
    try:
        with qtbot.waitSignal(again.sync.sig_synced, timeout=60_000):
            pass
        assert not any("Creating demo data" in line for line in progress)
        assert again.window.directory.count(Collection.CUSTOMERS) == 40
        # The demo's records are made up (its server's database lies plain beside them):
        # its local copy stays on disk, plain, for a restart to search at once; its token
        # and the store need no keyring entry.
        assert not again.store.in_memory
        assert (tmp_path / "demo" / "local.sqlite").read_bytes().startswith(b"SQLite format 3")
    finally:
        again.window.close()


def test_the_one_screen_has_the_dial_out_list_and_the_card_queue(qtbot, demo):
    window = demo.window
    qtbot.waitUntil(lambda: window.dial_out is not None and window.card_queue is not None)
    assert window.calls.conference.mode == "bridge"  # the demo's own bridge and phones
    with qtbot.waitSignal(window.sig_history_shown, timeout=10_000):
        window.caller_bar.field.setText("1-800-GE-CARES")
    model = window.dial_out.model

    def ranked_by_who_helped() -> bool:
        # Ranked for the open microwave case from the demo's recorded calls: who helped
        # before comes first, and Dana Whitlock, who helped with the first microwave, comes
        # before the engineer who only lists the model.
        if model.rowCount() < 30:
            return False
        rows = {model.ranked(row).resource.name: row for row in range(model.rowCount())}
        return (
            model.ranked(0).track_record.score > 0
            and rows["Dana Whitlock"] < rows["Dr. Anil Varghese"]
            and STORY_MICROWAVE_MODEL in model.ranked(rows["Dr. Anil Varghese"]).resource.products
        )

    qtbot.waitUntil(ranked_by_who_helped, timeout=10_000)
    dana = next(
        row for row in range(model.rowCount()) if model.ranked(row).resource.name == "Dana Whitlock"
    )
    history = model.data(model.index(dana, model.HISTORY))
    assert "× on this" in history and "× for you" in history
    window.cards_dock.show()
    qtbot.waitUntil(lambda: window.card_queue.model.rowCount() > 0, timeout=10_000)


def test_a_card_in_the_queue_opens_in_the_editor(qtbot, demo):
    window = demo.window
    qtbot.waitUntil(lambda: window.card_queue is not None)
    window.cards_dock.show()
    qtbot.waitUntil(lambda: window.card_queue.model.rowCount() > 0, timeout=10_000)
    card_id = window.card_queue.model.record(0).card.id
    window.card_queue.sig_edit_requested.emit(card_id)
    assert window.card_editor.isVisible()
    window.card_editor.close()


def test_a_restart_answers_searches_before_the_console_and_server_are_up(qtbot, demo, tmp_path):
    # An advocate restarting mid-shift with a caller on the line types at once.
    import argparse
    import gc

    from advocate_console.app import start_console
    from advocate_console.app.start import START_UP_ALLOCATIONS, collect_less_while_starting
    from advocate_console.settings import SettingsLayers
    from advocate_console.ui.main_window import MainWindow

    usual = gc.get_threshold()
    collect_less_while_starting()  # (as the app does before Qt loads)
    assert gc.get_threshold()[0] == START_UP_ALLOCATIONS
    demo.window.close()
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    consoles = []
    args = argparse.Namespace(demo=True, demo_customers=40, server=None, demo_as="advocate")
    layers = SettingsLayers.of(Settings(data_dir=tmp_path))
    start_console(args, layers, tmp_path / "demo", window, consoles.append)
    qtbot.waitUntil(lambda: window.directory is not None, timeout=30_000)
    assert consoles == [] or consoles[0].signed_in is None  # the rest is still loading
    with qtbot.waitSignal(window.sig_history_shown, timeout=10_000):
        window.caller_bar.field.setText("1-800-GE-CARES")
    assert REPEAT_FAILURE_PHONE in window.history.history.customer.phones
    qtbot.waitUntil(lambda: consoles and consoles[0].signed_in is not None, timeout=60_000)
    assert gc.get_threshold() == usual  # and Python's own once the store is open, before sync
    assert consoles[0].store is not None  # the console works on the store opened first
    # The lists were made before anyone was signed in: once the advocate is known, "Mine"
    # is theirs (Grace's and Tomás's follow-ups are the demo advocate's), not empty.
    qtbot.waitUntil(lambda: window.follow_ups.mine_count() > 0, timeout=10_000)
    assert "Starting" not in window.message_shown()  # the demo's start-up steps are done
    window.close()
