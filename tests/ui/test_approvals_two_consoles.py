"""An advocate and a lead, each on their own console, on one real server on loopback: the
advocate asks a lead to approve a refund beyond their authority, the lead approves it
from the Approvals dock, and the advocate saves the resolution with the approval; and
the same with the advocate offline until the approval arrives."""

from __future__ import annotations

import uuid

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from advocate_console.api import CentralClient
from advocate_console.api.approvals import approvals
from advocate_console.auth import TokenVault
from advocate_console.central.demo.accounts import (
    DEMO_PASSWORD,
    DEMO_USERNAME,
    LEAD_PASSWORD,
    LEAD_USERNAME,
)
from advocate_console.console import Console
from advocate_console.domain import Collection, Delight, RemedyKind
from advocate_console.domain.resolutions import RemedyEntry
from advocate_console.settings import Settings
from tests.laptop import CUSTOMER_ID, new_case, signed_in

REFUND_150 = [RemedyEntry(kind=RemedyKind.REFUND_WITHOUT_RETURN, cost_cents=15_000)]


def start(qtbot, folder, url: str, username: str, password: str) -> Console:
    """A console on ``url`` signed in as ``username``, synced once."""
    folder.mkdir()
    console = Console(Settings(api_url=url, data_dir=folder), folder, TokenVault(memory_only=True))
    qtbot.addWidget(console.window)
    with qtbot.waitSignal(console.sig_ready, timeout=20_000):
        console.open_local()
    with qtbot.waitSignal(console.sync.sig_synced, timeout=60_000):
        console.sign_in_as(url, username, password)
    qtbot.waitUntil(lambda: console.pushes.listener is not None, timeout=5000)
    return console


@pytest.fixture
def advocate(qtbot, tmp_path, proxy):
    """The demo advocate's console, through a proxy that can take the line away."""
    console = start(qtbot, tmp_path / "advocate", proxy.url, DEMO_USERNAME, DEMO_PASSWORD)
    yield console
    console.window.close()


@pytest.fixture
def lead(qtbot, tmp_path, server):
    """The demo lead's console, straight to the server."""
    console = start(qtbot, tmp_path / "lead", server.url, LEAD_USERNAME, LEAD_PASSWORD)
    qtbot.waitUntil(lambda: console.approvals.panel is not None, timeout=10_000)
    console.window.show()
    yield console
    console.window.close()


def open_the_story_case(qtbot, console: Console):
    """The story caller on the advocate's form, on a case of its own opened for them,
    the authority known; returns the form."""
    window = console.window
    case = console.case_work.open_case(
        CUSTOMER_ID, "product failure", summary="The ice maker leaks again"
    )
    with qtbot.waitSignal(window.sig_history_shown, timeout=10_000):
        window.show_caller(CUSTOMER_ID, case.id)
    form = window.form
    assert form.case.id == case.id
    qtbot.waitUntil(lambda: form.authority.authority is not None, timeout=20_000)
    return form


def ask_for_the_refund(qtbot, form) -> None:
    form.apply_remedies(REFUND_150)
    assert form.save_button.text() == "Ask a lead to approve…"
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    dialog = form.authority.dialog
    dialog.reason.setPlainText("Second failure of the same model; customer for 14 years")
    with qtbot.waitSignal(form.authority.sig_asked, timeout=10_000):
        qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)


def approve_from_the_dock(qtbot, lead: Console, note: str) -> None:
    panel = lead.approvals.panel
    assert panel.dock.isVisibleTo(lead.window)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=20_000)
    assert "Refund without return $150" in panel.chosen.text()
    assert next_in_tab_order(panel.table) is panel.note  # keyboard first: Tab to the note
    assert next_in_tab_order(panel.note) is panel.approve_button
    lead.window.activateWindow()
    qtbot.waitActive(lead.window, timeout=5000)
    # From the caller bar, as a lead on a call has the cursor: Ctrl+Shift+A goes to the
    # list (the dock, shown already, stays), Tab to the note.
    lead.window.focus_search()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=5000)
    qtbot.keyClick(
        QApplication.focusWidget(),
        Qt.Key.Key_A,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(panel.table.hasFocus, timeout=5000)
    assert panel.dock.isVisible()
    qtbot.keyClick(panel.table, Qt.Key.Key_Tab)
    qtbot.waitUntil(panel.note.hasFocus, timeout=5000)
    qtbot.keyClicks(panel.note, note)
    with qtbot.waitSignal(panel.sig_decided, timeout=10_000) as decided:
        qtbot.keyClick(panel.note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert decided.args[0].status == "approved"
    qtbot.waitUntil(lambda: panel.model.rowCount() == 0, timeout=10_000)


def next_in_tab_order(widget):
    """The widget Tab goes to from ``widget``."""
    found = widget.nextInFocusChain()
    while not (found.isEnabled() and found.focusPolicy() & Qt.FocusPolicy.TabFocus):
        found = found.nextInFocusChain()
    return found


def save_and_check_the_server(qtbot, advocate: Console, form, server) -> None:
    form.outcome.delight[Delight.DELIGHTED].setChecked(True)
    case_id = form.case.id
    with qtbot.waitSignal(form.sig_saved, timeout=10_000):
        form.save()
    advocate.sync_now()
    checker = signed_in(server.url, LEAD_USERNAME, LEAD_PASSWORD)
    try:
        qtbot.waitUntil(lambda: _resolution_on_server(checker, case_id) is not None, timeout=30_000)
        resolution = _resolution_on_server(checker, case_id)
        (approval,) = [a for a in approvals(checker, "approved") if a.case_id == case_id]
        assert resolution.approval_id == approval.id
        assert [r.cost_cents for r in resolution.remedies] == [15_000]
    finally:
        checker.close()


def _resolution_on_server(client: CentralClient, case_id):
    history = client.history(CUSTOMER_ID)
    found = [r for r in history.resolutions if r.case_id == case_id]
    return found[0] if found else None


def test_ask_approve_save(qtbot, advocate, lead, server):
    # Both streams open: the pushes bring the news, nobody polls.
    for console in (advocate, lead):
        qtbot.waitUntil(lambda c=console: c.approvals.sync.listening, timeout=10_000)
    assert not lead.approvals.sync._watch.isActive()
    form = open_the_story_case(qtbot, advocate)
    ask_for_the_refund(qtbot, form)
    assert not form.save_button.isEnabled()
    qtbot.waitUntil(lambda: "Waiting for a lead's approval" in form.authority.state.text())

    approve_from_the_dock(qtbot, lead, "Yes: keep this customer")

    qtbot.waitUntil(lambda: form.save_button.text() == "Save resolution", timeout=20_000)
    assert form.save_button.isEnabled()
    assert "Approved by Dennis Whitford" in form.authority.state.text()
    assert "Yes: keep this customer" in form.authority.state.text()
    assert "Waiting" not in form.status.text()  # the line beside Save no longer says so
    message = advocate.window.statusBar().currentMessage()
    assert "Approved by Dennis Whitford" in message  # the notification
    save_and_check_the_server(qtbot, advocate, form, server)


def test_offline_until_the_approval_arrives(qtbot, advocate, lead, server, proxy):
    form = open_the_story_case(qtbot, advocate)
    proxy.set("refuse")  # the Wi-Fi drops before the advocate asks
    ask_for_the_refund(qtbot, form)
    qtbot.waitUntil(
        lambda: "sent when the connection is back" in form.authority.state.text(), timeout=10_000
    )
    book = advocate.approvals.book
    (waiting,) = book.unsent()

    proxy.set("pass")
    advocate.sync_now()  # as the network's return (or the retry timer) would
    approve_from_the_dock(qtbot, lead, "Approved while you were offline")
    # The lead may see the request before the advocate's sync has noted the server's
    # answer (a busy laptop): it is noted in time.
    qtbot.waitUntil(lambda: book.unsent() == [], timeout=10_000)

    qtbot.waitUntil(lambda: form.save_button.text() == "Save resolution", timeout=30_000)
    assert "Approved while you were offline" in form.authority.state.text()
    proxy.set("refuse")  # saved offline: it goes with the approval's id when back
    form.outcome.delight[Delight.DELIGHTED].setChecked(True)
    with qtbot.waitSignal(form.sig_saved, timeout=10_000):
        form.save()
    proxy.set("pass")
    save_check = signed_in(server.url, LEAD_USERNAME, LEAD_PASSWORD)
    try:
        advocate.sync_now()
        qtbot.waitUntil(
            lambda: _resolution_on_server(save_check, form.case.id) is not None, timeout=30_000
        )
        assert _resolution_on_server(save_check, form.case.id).approval_id == waiting.id
    finally:
        save_check.close()


def test_a_request_someone_decided_first_is_explained_in_the_dock(qtbot, lead, server):
    from advocate_console.api.approvals import ask_for_approval, decide
    from advocate_console.domain.authority import Approval
    from advocate_console.domain.records import Remedy

    advocate = signed_in(server.url)
    other_lead = signed_in(server.url, LEAD_USERNAME, LEAD_PASSWORD)  # the lead's other laptop
    try:
        case = advocate.create(
            Collection.CASES,
            new_case().model_dump(mode="json", exclude={"version"}),
            str(uuid.uuid4()),
        )
        asked = ask_for_approval(
            advocate,
            Approval(
                id=uuid.uuid4(),
                case_id=case.id,
                remedies=[Remedy(kind=RemedyKind.REFUND_WITHOUT_RETURN, cost_cents=15_000)],
                reason="Second failure of the same model",
            ),
        )
        panel = lead.approvals.panel
        qtbot.waitUntil(lambda: asked.id in {a.id for a in panel.model.records()}, timeout=20_000)
        panel.choose(asked.id)
        decide(other_lead, asked, "denied", "Not this time")

        panel.note.setText("Fine by me")
        qtbot.mouseClick(panel.approve_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "Already decided" in panel.message.text(), timeout=10_000)
        assert "Denied by Dennis Whitford" in panel.message.text()
        assert "Not this time" in panel.message.text()
        qtbot.waitUntil(lambda: asked.id not in {a.id for a in panel.model.records()})
    finally:
        advocate.close()
        other_lead.close()
