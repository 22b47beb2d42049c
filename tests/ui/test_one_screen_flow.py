"""The whole flow on the one screen, against the real reference server: a known caller
pops up, the warranty badge reads right, the resolution is filled and saved offline, waits
in the outbox, and reaches the server once the network is back."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QDateTime, QSettings, Qt

from advocate_console.auth import TokenVault
from advocate_console.central.demo.accounts import DEMO_PASSWORD, DEMO_USERNAME
from advocate_console.console import Console
from advocate_console.domain import CaseStatus, Collection, Delight, RecoveryStep, RemedyKind
from advocate_console.settings import Settings
from advocate_console.store import LocalChanges
from advocate_console.sync import SyncState
from tests.laptop import CUSTOMER_ID


@pytest.fixture
def console(qtbot, tmp_path, proxy):
    """A console on a fresh data dir, talking to the server through the faulty proxy."""
    settings = QSettings(str(tmp_path / "qsettings.ini"), QSettings.Format.IniFormat)
    running = Console(
        Settings(api_url=proxy.url, data_dir=tmp_path),
        tmp_path,
        TokenVault(memory_only=True),
        settings,
        sync_interval_s=3600,
    )
    running.window.resize(1366, 768)
    running.window.show()
    qtbot.addWidget(running.window)
    with qtbot.waitSignal(running.sig_ready, timeout=20_000):
        running.open_local()
    with qtbot.waitSignal(running.sync.sig_synced, timeout=60_000):
        running.sign_in_as(proxy.url, DEMO_USERNAME, DEMO_PASSWORD)
    yield running
    running.window.close()


def test_pop_read_the_badge_resolve_offline_and_sync(qtbot, console, proxy, lead):
    window = console.window
    # 1. The phone system pops the caller: 1-800-GE-CARES is the repeat-failure story.
    with qtbot.waitSignal(window.sig_history_shown, timeout=10_000):
        window.pop_caller("1-800-GE-CARES")
    history = window.history
    assert history.history.customer.id == CUSTOMER_ID
    badges = [history._product_badge(history.products.index(row, 0)) for row in range(3)]
    assert any(b.state == "expired" and b.text == "expired 60 days ago" for b in badges), badges
    assert history.caller.warning.isVisibleTo(window)

    # 2. The Wi-Fi drops; the advocate fills the form for the open case.
    proxy.set("refuse")
    form = window.form
    case = form.case
    assert case is not None and case.status.is_open
    replacement = form.remedies[RemedyKind.REPLACEMENT]
    replacement.check.setChecked(True)
    replacement.cost.setValue(199)  # with the warranty, within the advocate's $250 a case
    warranty = form.remedies[RemedyKind.WARRANTY_EXTENDED]
    warranty.check.setChecked(True)
    warranty.months.setValue(12)
    warranty.cost.setValue(40)
    for step in RecoveryStep:
        form.steps[step].setChecked(True)
    form.outcome.delight[Delight.DELIGHTED].setChecked(True)
    form.outcome.notes.setPlainText("Replacement ships Monday; warranty extended a year.")
    form.follow_up.wanted.setChecked(True)
    due = console.case_work.now() + timedelta(days=7)
    form.follow_up.at.setDateTime(QDateTime.fromSecsSinceEpoch(int(due.timestamp())))
    form.follow_up.reason.setText("Check the replacement was installed.")
    form.follow_up.send_card.setChecked(True)

    # 3. Ctrl+S saves, offline, in one local transaction.
    form.outcome.notes.setFocus()
    with qtbot.waitSignal(form.sig_saved, timeout=10_000) as saved:
        qtbot.keyClick(form.outcome.notes, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    case_id_saved = saved.args
    changes = LocalChanges(console.store)
    entries = {(e.collection, e.op) for e in changes.entries()}
    assert entries == {
        (Collection.RESOLUTIONS, "create"),
        (Collection.INTERACTIONS, "create"),
        (Collection.FOLLOW_UPS, "create"),
        (Collection.CARDS, "create"),
        (Collection.CASES, "patch"),
    }
    resolution_entry = next(e for e in changes.entries() if e.collection is Collection.RESOLUTIONS)
    qtbot.waitUntil(
        lambda: (
            "Resolved"
            in window.history.timeline.model.data(window.history.timeline.model.index(0, 2))
        ),
        timeout=10_000,
    )
    # The history read again keeps the resolved case on the form, saying it is saved.
    assert form.case is not None and form.case.id == case_id_saved[0]
    assert form.status.text().startswith("Saved.")

    # A sync while offline fails and keeps everything, saying so in the status bar.
    with qtbot.waitSignal(console.sync.sig_status_changed, timeout=30_000):
        console.sync_now()
    qtbot.waitUntil(
        lambda: console.status_bar.sync.status.state is SyncState.OFFLINE, timeout=30_000
    )
    assert changes.waiting() == 5
    assert "5 changes waiting" in console.status_bar.sync.waiting.text()

    # 4. The network is back: the next sync pushes everything, exactly once.
    proxy.set("pass")
    console.sync_now()
    qtbot.waitUntil(lambda: changes.waiting() == 0, timeout=60_000)
    on_server = lead.get(Collection.RESOLUTIONS, resolution_entry.record_id)
    assert on_server.delight is Delight.DELIGHTED
    assert on_server.total_cost_cents == 23_900
    assert lead.get(Collection.CASES, case.id).status is CaseStatus.RESOLVED
    assert "0 changes" not in console.status_bar.sync.waiting.text()
