"""A restart answers the caller bar first: the store's file is searched before the store
opens in full (SQLAlchemy, its migrations checked) and the console loads behind it."""

from __future__ import annotations

import subprocess
import sys

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


def test_the_window_comes_up_without_the_store_the_records_or_the_api():
    # The window is shown before pydantic, SQLAlchemy and the API client load: a module
    # the window imports at its top that pulls them in costs every start about a second.
    script = (
        "import sys; import advocate_console.ui.main_window; "
        "print(sorted(m for m in ('pydantic', 'sqlalchemy', 'requests') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["[]"]
