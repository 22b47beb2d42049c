"""A restart answers the caller bar first: the store's file is searched before the store
opens in full (SQLAlchemy, its migrations checked) and the console loads behind it."""

from __future__ import annotations

from advocate_console.domain import Collection
from advocate_console.early_store import EarlyStore
from advocate_console.store import Replica, open_store
from advocate_console.ui.main_window import MainWindow
from tests import factories as make


def test_a_number_typed_at_start_is_answered_before_the_store_opens_in_full(qtbot, tmp_path):
    # An advocate restarting with a caller on the line types while the window comes up:
    # the answer must not wait for the store's full opening, nor the console behind it.
    path = tmp_path / "local.sqlite"
    store = open_store(path)
    maria = make.customer()
    Replica(store).apply(
        [(Collection.CUSTOMERS, maria), (Collection.PRODUCTS, make.product(maria))]
    )
    store.close()
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    bar = window.caller_bar
    bar.field.setText("1-800-GE-CARES")
    bar.search_now()
    assert bar.status.text() == "Loading…"
    events: list[object] = []
    bar.sig_search_finished.connect(lambda found: events.append(("answered", found)))
    early = EarlyStore(window, path, "US", demo=True)  # (a plain store: no keyring)
    early.sig_opened.connect(lambda _store: events.append("store open in full"))
    early.start()
    qtbot.waitUntil(lambda: "store open in full" in events, timeout=10_000)
    assert events == [("answered", 1), "store open in full"]
    assert window.history.history.customer.id == maria.id
    # The store opened in full reads the same callers: the caller shown is not popped
    # again under the advocate's hands, and new callers can now be noted.
    assert window.contacts is not None
    qtbot.wait(50)
    assert events == [("answered", 1), "store open in full"]
    early.store.close()
    window.close()
