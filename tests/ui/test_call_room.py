"""On a call, the right column shows the call's legs whole, taking room from the people to
bring in; once the rows are cleared, the advocate's own split comes back. (At 1366×768
with the follow-ups dock open, a conference of three showed one leg and a half.)"""

from __future__ import annotations

from advocate_console.domain import CallOutcome
from advocate_console.store.resolutions import CaseWork
from advocate_console.store.resources import CallLog, ResourceDirectory
from advocate_console.telephony.conference import Conference
from advocate_console.ui.call_room import DIAL_OUT_LINES
from advocate_console.ui.resolution_form import ResolutionForm
from tests import factories as make
from tests.telephony.console import resource
from tests.ui.test_caller_search import window  # noqa: F401  (the fixture)


def whole(row, scroll) -> bool:
    """Whether ``row`` is drawn whole in the scroll area's viewport."""
    top = row.mapTo(scroll.viewport(), row.rect().topLeft()).y()
    laid_out = row.isVisible() and row.height() >= row.minimumSizeHint().height() > 0
    return laid_out and top >= 0 and top + row.height() <= scroll.viewport().height()


def test_the_calls_legs_are_shown_whole_and_the_split_comes_back_after(
    qtbot,
    window,  # noqa: F811
    store,
):
    window.add_case_work(ResolutionForm(CaseWork(store, clock=lambda: make.NOW)))
    conference = Conference(
        None, CallLog(store, "Dana Whitfield"), mode="handoff", open_url=lambda uri: True
    )
    window.add_telephony(conference, ResourceDirectory(store, "Dana Whitfield"))
    window.resize(1366, 560)  # the height left beside the follow-ups dock at 1366×768
    window.show()
    qtbot.waitExposed(window)
    qtbot.wait(50)
    before = window.right.sizes()
    scroll = window.calls._scroll

    people = [resource(name, f"sip:{n}@example") for n, name in enumerate(["Ann", "Bo", "Cy"])]
    legs = [conference.dial(person) for person in people]
    rows = [window.calls.row(leg) for leg in legs]
    qtbot.waitUntil(lambda: all(whole(row, scroll) for row in rows), timeout=5000)
    keeps = window.dial_out.fontMetrics().lineSpacing() * DIAL_OUT_LINES
    assert window.right.sizes()[1] >= keeps  # the people to bring in keep their search
    assert window.right.sizes()[0] > before[0]

    for leg in legs:
        conference.mark_outcome(leg, CallOutcome.CONNECTED)
    window.calls.clear_finished()
    qtbot.waitUntil(lambda: window.right.sizes() == before, timeout=5000)


def handed_off_calls(qtbot, window, store) -> Conference:  # noqa: F811
    """The window at the height left beside the follow-ups dock, dialling by hand-off."""
    conference = Conference(
        None, CallLog(store, "Dana Whitfield"), mode="handoff", open_url=lambda uri: True
    )
    window.add_telephony(conference, ResourceDirectory(store, "Dana Whitfield"))
    window.resize(1366, 560)
    window.show()
    qtbot.waitExposed(window)
    qtbot.wait(50)
    return conference


def test_a_long_call_never_takes_the_people_to_bring_in_away(qtbot, window, store):  # noqa: F811
    conference = handed_off_calls(qtbot, window, store)
    for n in range(8):
        conference.dial(resource(f"Person {n}", f"sip:{n}@example"))
    qtbot.wait(200)
    keeps = window.dial_out.fontMetrics().lineSpacing() * DIAL_OUT_LINES
    assert window.right.sizes()[1] >= keeps
    assert window.dial_out.search.isVisible()


def test_closing_mid_call_keeps_the_advocates_split_not_the_calls(qtbot, window, store):  # noqa: F811
    conference = handed_off_calls(qtbot, window, store)
    before = window.right.sizes()
    for n in range(3):
        conference.dial(resource(f"Person {n}", f"sip:{n}@example"))
    qtbot.waitUntil(lambda: window.right.sizes()[0] > before[0], timeout=5000)
    window.close()
    assert window.right.sizes() == before  # (what the window state saves)
