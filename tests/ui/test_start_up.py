"""A restart answers the caller bar first: the store's file is searched before the store
opens in full (SQLAlchemy, its migrations checked) and the console loads behind it."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from advocate_console.app.start import START_UP_ALLOCATIONS
from advocate_console.domain import Collection, History
from advocate_console.early_store import EarlyStore
from advocate_console.store import CallerDirectory, Replica, open_store
from advocate_console.store.early_records import EarlyHistory
from advocate_console.store.reading import open_for_reading
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


FIRST_ANSWER = """
import gc, os, sys
from PySide6.QtWidgets import QApplication
from advocate_console import app as console_app

real_exec = QApplication.exec

def exec_and_search(*_args):
    window = [w for w in QApplication.topLevelWidgets() if w.objectName() == "mainWindow"][0]

    def answered(matches):
        loaded = ("pydantic", "sqlalchemy", "advocate_console.domain.records")
        print(matches, window.history.caller.name.text(), flush=True)
        print(sorted(name for name in loaded if name in sys.modules), flush=True)
        print("keyring" in sys.modules, flush=True)
        print(gc.get_threshold()[0], flush=True)  # (few garbage collections until then)
        os._exit(0)  # (before the rest of the console, or the demo server, starts)

    window.caller_bar.sig_search_finished.connect(answered)
    window.pop_caller("1-800-GE-CARES")
    return real_exec()

QApplication.exec = exec_and_search
sys.exit(console_app.main(["advocate-console", "--data-dir", *sys.argv[1:]]))
"""


@pytest.mark.parametrize("kind", ["demo", "encrypted"])
def test_a_restarts_first_answer_needs_neither_the_records_classes_nor_the_store(
    tmp_path, kind, request
):
    # pydantic with the records' classes and SQLAlchemy cost a restart's first answer
    # more CPU than a bare Qt window's whole start: the caller is on screen (read from
    # the store's file with the standard library) before either loads. The encrypted
    # store's key comes from the keyring (the real Secret Service); the demo's needs none.
    from advocate_console.auth.local_store import open_local_store
    from advocate_console.auth.vault import TokenVault
    from advocate_console.central.demo import DEMO_DATA_VERSION
    from advocate_console.demo import DEFAULT_DEMO_CUSTOMERS

    folder = tmp_path / "demo" if kind == "demo" else tmp_path
    folder.mkdir(exist_ok=True)
    if kind == "demo":
        store = open_store(folder / "local.sqlite")
        (folder / f"seeded-{DEFAULT_DEMO_CUSTOMERS}-1-v{DEMO_DATA_VERSION}").touch()
    else:
        vault = TokenVault(request.getfixturevalue("secret_service"))
        store = open_local_store(folder / "local.sqlite", vault)
    maria = make.customer()
    Replica(store).apply(
        [(Collection.CUSTOMERS, maria), (Collection.PRODUCTS, make.product(maria))]
    )
    store.close()
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path))
    environment["XDG_CONFIG_HOME"] = str(tmp_path / "config")
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            FIRST_ANSWER,
            str(tmp_path),
            *(["--demo"] if kind == "demo" else []),
        ],
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    keyring_read = "True" if kind == "encrypted" else "False"
    assert done.stdout.splitlines()[-4:] == [
        "1 Maria Garcia",
        "[]",
        keyring_read,
        str(START_UP_ALLOCATIONS),
    ]


def test_the_caller_read_early_is_read_again_as_records_keeping_a_searchs_banner(qtbot, tmp_path):
    # The first answer's history is read without the records' classes; the form and the
    # dial-out list work on records: once the store is open in full, the caller shown is
    # read again, and a search made meanwhile that found nobody still says so.
    path = tmp_path / "local.sqlite"
    store = open_store(path)
    maria = make.customer()
    Replica(store).apply([(Collection.CUSTOMERS, maria)])
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    bar = window.caller_bar
    window.set_directory(CallerDirectory(open_for_reading(path), "US"))
    with qtbot.waitSignal(window.sig_history_shown, timeout=10_000):
        window.pop_caller("1-800-GE-CARES")
    assert isinstance(window.history.history, EarlyHistory)
    bar.field.setText("Nobody Byname")
    with qtbot.waitSignal(bar.sig_search_finished, timeout=10_000):
        bar.search_now()
    assert window.stale.isVisibleTo(window)
    window.set_directory(CallerDirectory(store, "US"))  # the store open in full
    qtbot.waitUntil(lambda: isinstance(window.history.history, History), timeout=10_000)
    assert window.history.history.customer.id == maria.id
    assert window.history.caller.name.text() == "Maria Garcia"
    assert window.stale.isVisibleTo(window)  # still: the search found nobody
    assert not window.splitter.isEnabled()
    store.close()
    window.close()


def test_the_history_read_early_shows_exactly_what_the_records_show(qtbot, tmp_path):
    # Every panel of the history, every row, column and role, and the details of each
    # case and entry: the same words from the records read early as from the records.
    from PySide6.QtCore import Qt

    from advocate_console.ui.history_details import case_details, interaction_details
    from advocate_console.ui.history_panel import HistoryPanel
    from advocate_console.ui.record_models import BADGE_ROLE
    from tests.store.test_early_records import every_field_set

    store = open_store(tmp_path / "local.sqlite")
    records = every_field_set()
    customer, case = records[Collection.CUSTOMERS], records[Collection.CASES]
    again = make.case(customer, product_id=records[Collection.PRODUCTS].id)
    Replica(store).apply([*records.items(), (Collection.CASES, again)])
    roles = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, BADGE_ROLE)

    def shown(directory: CallerDirectory) -> list[object]:
        history = directory.history(customer.id)
        panel = HistoryPanel()
        qtbot.addWidget(panel)
        panel.show_history(history)
        words: list[object] = [panel.caller.name.text(), panel.caller.summary.text()]
        words += [panel.caller.contact.text(), panel.caller.warning.text()]
        for model in (panel.products, panel.cases, panel.follow_ups, panel.cards):
            words += [
                model.data(model.index(row, column), role)
                for row in range(model.rowCount())
                for column in range(model.columnCount())
                for role in roles
            ]
        timeline = panel.timeline.model
        words += [timeline.data(timeline.index(0, c)) for c in range(timeline.columnCount())]
        words += [case_details(each, history) for each in history.cases]
        words += [interaction_details(each, history) for each in history.interactions]
        return words

    early = shown(CallerDirectory(open_for_reading(tmp_path / "local.sqlite"), "US"))
    assert early == shown(CallerDirectory(store, "US"))
    assert "Repeat failure" in early[3] and case.number in " ".join(map(str, early))
    store.close()
