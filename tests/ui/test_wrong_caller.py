"""Never the wrong caller: a search that is not the shown customer says so at once, the
dial-out list forgets the last caller's case, and sign-out leaves nobody on screen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from advocate_console.domain import Collection
from advocate_console.store import Replica
from advocate_console.store.resolutions import CaseWork
from advocate_console.store.resources import CallLog, DialContext, ResourceDirectory
from advocate_console.telephony.conference import Conference
from advocate_console.ui.resolution_form import ResolutionForm
from tests import factories as make
from tests.telephony.console import resource
from tests.ui.test_caller_search import search, window  # noqa: F401  (the fixture)


@pytest.fixture
def screen(qtbot, window, store):  # noqa: F811
    """The whole screen: history, resolution form and the people to bring in."""
    window.add_case_work(ResolutionForm(CaseWork(store, clock=lambda: make.NOW)))
    conference = Conference(None, CallLog(store, "Dana Whitfield"), mode="handoff")
    window.add_telephony(conference, ResourceDirectory(store, "Dana Whitfield"))
    with qtbot.waitSignal(window.sig_history_shown, timeout=5000):
        window.caller_bar.field.setText("maria")
    assert window.history.caller.name.text() == "Maria Garcia"
    return window


def test_a_search_that_finds_nobody_never_leaves_the_last_caller_looking_current(
    qtbot, screen, store
):
    Replica(store).apply([(Collection.RESOURCES, resource("Warranty Desk", "sip:w@example"))])
    screen.dial_out.refresh()
    qtbot.waitUntil(lambda: screen.dial_out.model.rowCount() == 1, timeout=5000)
    maria_context = screen.dial_out.context
    assert maria_context.case_id is not None  # ranked for Maria's open case
    screen.dial_out._failed(OSError("the directory is locked"))  # an error on her list

    search(qtbot, screen, "(212) 555-0199")

    assert screen.caller_bar.status.text() == "No caller found"
    assert screen.stale.isVisibleTo(screen)
    assert "Still showing Maria Garcia" in screen.stale.text()
    assert "Esc" in screen.stale.text()
    # Her history, her case and the people ranked for it are dimmed: nothing to work on.
    assert not screen.history.isEnabled()
    assert not screen.form.isEnabled() and not screen.form.save_button.isEnabled()
    assert not screen.dial_out.isEnabled()
    assert screen.dial_out.context == DialContext()  # no "17× on this" from her case
    assert screen.dial_out.empty.text() == ""  # nor her list's last error
    assert screen.calls.conference.context == DialContext()
    # Nor does "Call" look like a link on the dimmed list (a click would do nothing).
    model = screen.dial_out.model
    qtbot.waitUntil(lambda: model.rowCount() == 1, timeout=5000)  # ranked for nobody now
    assert model.data(model.index(0, model.CALL), Qt.ItemDataRole.ForegroundRole) is None
    qtbot.keyClick(screen.caller_bar.field, Qt.Key.Key_Escape)
    assert model.data(model.index(0, model.CALL), Qt.ItemDataRole.ForegroundRole) is not None


def test_a_sync_that_reads_the_shown_caller_again_keeps_the_search_banner(qtbot, screen):
    """A sync or a save reads the shown caller again; while a search that found nobody is
    open, that must not make the last caller look current again."""
    search(qtbot, screen, "(212) 555-0199")
    assert screen.stale.isVisibleTo(screen)

    with qtbot.waitSignal(screen.sig_history_shown, timeout=5000):
        screen.reload_caller()  # as after a sync

    assert screen.stale.isVisibleTo(screen) and "Still showing Maria Garcia" in screen.stale.text()
    assert not screen.history.isEnabled() and not screen.form.save_button.isEnabled()
    assert screen.dial_out.context == DialContext()
    qtbot.keyClick(screen.caller_bar.field, Qt.Key.Key_Escape)  # she is on the line after all
    assert screen.history.isEnabled() and screen.dial_out.context.case_id is not None


def test_several_matches_dim_the_last_caller_until_one_is_chosen_or_esc(qtbot, screen):
    maria_context = screen.dial_out.context
    search(qtbot, screen, "lee")
    assert screen.stale.isVisibleTo(screen) and not screen.history.isEnabled()

    # Esc: the caller on the line is the one shown after all.
    qtbot.keyClick(screen.caller_bar.field, Qt.Key.Key_Escape)
    assert not screen.stale.isVisibleTo(screen)
    assert screen.history.isEnabled() and screen.form.save_button.isEnabled()
    assert screen.caller_bar.field.text() == "" and not screen.caller_bar.list.isVisibleTo(screen)
    assert screen.dial_out.context == maria_context

    # Choosing a match shows that caller, nothing of Maria's left.
    search(qtbot, screen, "lee")
    with qtbot.waitSignal(screen.sig_history_shown, timeout=5000):
        screen.caller_bar._choose(1)
    assert screen.history.caller.name.text() == "Bo Lee"
    assert not screen.stale.isVisibleTo(screen) and screen.history.isEnabled()
    bo = screen.history.history.customer.id
    # Bo has no case yet: nothing ranked for a problem, but a conference calls Bo back.
    assert screen.dial_out.context == DialContext(customer_id=bo)
    assert screen.calls.conference.context == DialContext(customer_id=bo)
    assert "Maria" not in screen.form.header.title.text()


def test_sign_out_clears_the_screen(qtbot, screen):
    screen.clear_caller()
    assert screen.history.caller.name.text() == "No caller yet"
    assert screen.history.cases.rowCount() == 0 and screen.history.products.rowCount() == 0
    assert screen.history.caller.contact.text() == ""
    assert screen.form.case is None and screen.form.header.title.text() == "No caller yet"
    assert screen.form.outcome.notes.toPlainText() == ""
    assert screen.dial_out.context == DialContext()


def test_the_console_clears_the_screen_when_the_advocate_signs_out(qtbot, screen, tmp_path):
    from advocate_console.auth import TokenVault
    from advocate_console.console import Console
    from advocate_console.settings import Settings

    console = Console(
        Settings(data_dir=tmp_path), tmp_path, TokenVault(memory_only=True), window=screen
    )
    console.sign_in.sig_signed_out.emit()
    assert screen.history.caller.name.text() == "No caller yet"
    assert screen.form.case is None
    console.close()


def test_what_the_call_panel_said_of_the_last_caller_goes_with_them(qtbot, screen):
    screen.calls.show_message("The customer on screen has no number to call back.")
    search(qtbot, screen, "lee")
    with qtbot.waitSignal(screen.sig_history_shown, timeout=5000):
        screen.caller_bar._choose(1)
    assert screen.calls.message.text() == ""
