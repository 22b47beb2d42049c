"""The advocate's authority on the resolution form (real local store, no server): what is
left under the total, Save turned into "Ask a lead to approve…" beyond it, the reason
required, the draft waiting for a lead, and the decision shown when it arrives."""

from __future__ import annotations

import threading
import uuid
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt

from advocate_console.central.demo.stories.repeat_failure import STORY_REPEAT_FAILURE_CUSTOMER_ID
from advocate_console.domain import Delight, RemedyKind, Role
from advocate_console.domain.authority import Authority, AuthorityLimits
from advocate_console.domain.records import Advocate
from advocate_console.domain.resolutions import RemedyEntry
from advocate_console.store import CallerDirectory
from advocate_console.store.approvals import ApprovalBook
from advocate_console.store.resolutions import CaseWork
from advocate_console.ui.resolution_form import ResolutionForm
from tests.ui.test_suggested_remedies import demo  # noqa: F401  (the demo's store)

MAYA = Advocate(
    id=uuid.uuid4(), username="demo", display_name="Maya Castellanos", role=Role.ADVOCATE
)
REFUND_150 = [RemedyEntry(kind=RemedyKind.REFUND_WITHOUT_RETURN, cost_cents=15_000)]


@pytest.fixture
def book(demo):  # noqa: F811
    """Maya's authority as last synced: the usual limits, $510 given this month."""
    kept = ApprovalBook(demo)
    kept.keep_authority(
        MAYA.id,
        Authority(limits=AuthorityLimits(), month="2026-12", spent_this_month_cents=51_000),
    )
    return kept


@pytest.fixture
def form(qtbot, demo, book):  # noqa: F811
    """The form on the story caller's open case, knowing Maya's authority."""
    form = ResolutionForm(CaseWork(demo, MAYA.display_name, clock=lambda: datetime.now(UTC)))
    qtbot.addWidget(form)
    form.resize(560, 800)
    form.show()
    form.authority.use(book, MAYA)
    form.show_history(CallerDirectory(demo).history(STORY_REPEAT_FAILURE_CUSTOMER_ID))
    qtbot.waitUntil(lambda: form.authority.authority is not None, timeout=10_000)
    return form


def ask(qtbot, form, reason: str) -> None:
    with qtbot.waitSignal(form.authority.sig_asked, timeout=10_000):
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
        dialog = form.authority.dialog
        dialog.reason.setPlainText(reason)
        qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)


def test_the_total_says_what_is_left_and_save_asks_a_lead_beyond_it(qtbot, form):
    form.apply_remedies([RemedyEntry(kind=RemedyKind.REPAIR_FEE_WAIVED, cost_cents=12_000)])
    assert form.authority.left.text() == "$130 of your $250 per case left · $1,870 this month"
    assert form.save_button.text() == "Save resolution"

    form.apply_remedies(REFUND_150)
    assert form.authority.left.text() == "$100 of your $250 per case left · $1,840 this month"
    assert form.save_button.text() == "Ask a lead to approve…"
    assert "refund without return up to $100, this one is $150" in form.authority.state.text()


def test_the_reason_is_required_and_the_request_waits_in_the_store(qtbot, form, book):
    form.apply_remedies(REFUND_150)
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    dialog = form.authority.dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.problem.isVisible()  # no reason: not sent
    assert "Say why" in dialog.problem.text()
    assert book.unsent() == []

    dialog.reason.setPlainText("Second microwave of the same model; loyal for 14 years")
    with qtbot.waitSignal(form.authority.sig_asked, timeout=10_000) as asked:
        qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    approval = asked.args[0]
    (waiting,) = book.unsent()
    assert waiting.id == approval.id and waiting.approval.case_id == form.case.id
    assert waiting.approval.remedies[0].cost_cents == 15_000
    assert not form.save_button.isEnabled()  # waiting for a lead
    assert "Waiting for a lead's approval" in form.authority.state.text()
    assert "Waiting for a lead's approval" in form.status.text()


def test_an_approval_lets_the_resolution_through_carrying_its_id(qtbot, form, book, demo):  # noqa: F811
    form.apply_remedies(REFUND_150)
    ask(qtbot, form, "Second failure of the same model")
    (request,) = book.unsent()
    book.keep(
        [
            request.approval.model_copy(
                update={
                    "status": "approved",
                    "version": 2,
                    "decided_by_name": "Dennis Whitford",
                    "decided_at": datetime.now(UTC),
                    "note": "Yes, keep her",
                }
            )
        ]
    )
    form.authority.refresh()
    qtbot.waitUntil(lambda: form.save_button.text() == "Save resolution", timeout=10_000)
    assert form.save_button.isEnabled()
    assert "Approved by Dennis Whitford" in form.authority.state.text()
    assert "Yes, keep her" in form.authority.state.text()

    form.outcome.delight[Delight.DELIGHTED].setChecked(True)
    with qtbot.waitSignal(form.sig_saved, timeout=10_000):
        form.save()
    history = CallerDirectory(demo).history(STORY_REPEAT_FAILURE_CUSTOMER_ID)
    (saved,) = [r for r in history.resolutions if r.case_id == form.case.id]
    assert saved.approval_id == request.id


def test_a_denial_shows_the_leads_note_and_the_remedies_are_changed(qtbot, form, book):
    form.apply_remedies(REFUND_150)
    ask(qtbot, form, "Second failure of the same model")
    (request,) = book.unsent()
    denied = request.approval.model_copy(
        update={"status": "denied", "version": 2, "decided_by_name": "Dennis Whitford"}
    )
    book.keep([denied.model_copy(update={"note": "Offer the $100 refund instead"})])
    form.authority.refresh()
    qtbot.waitUntil(lambda: "Denied" in form.authority.state.text(), timeout=10_000)
    assert "Offer the $100 refund instead" in form.authority.state.text()
    assert form.save_button.isEnabled()  # to ask again, or …
    assert form.save_button.text() == "Ask a lead to approve…"

    form.apply_remedies([RemedyEntry(kind=RemedyKind.REFUND_WITHOUT_RETURN, cost_cents=10_000)])
    assert form.save_button.text() == "Save resolution"  # … within authority now


def test_the_draft_waits_for_the_lead_across_a_closed_window(qtbot, form, book, demo):  # noqa: F811
    form.apply_remedies(REFUND_150)
    ask(qtbot, form, "Second failure of the same model")
    with qtbot.waitSignal(form.sig_draft_kept, timeout=10_000):
        form.keep_draft()
    case_id = form.case.id
    form.close()

    again = ResolutionForm(CaseWork(demo, MAYA.display_name, clock=lambda: datetime.now(UTC)))
    qtbot.addWidget(again)
    again.show()
    again.authority.use(book, MAYA)
    with qtbot.waitSignal(again.sig_draft_restored, timeout=10_000):
        again.show_history(CallerDirectory(demo).history(STORY_REPEAT_FAILURE_CUSTOMER_ID), case_id)
    qtbot.waitUntil(lambda: "Waiting for a lead's approval" in again.authority.state.text())
    assert again.remedies[RemedyKind.REFUND_WITHOUT_RETURN].cost.value() == 150
    assert again.save_button.text() == "Ask a lead to approve…"
    assert not again.save_button.isEnabled()


def test_a_suggestion_beyond_what_is_left_this_month_needs_a_lead(qtbot, form, book):
    almost_spent = Authority(
        limits=AuthorityLimits(), month="2026-12", spent_this_month_cents=240_000
    )  # $100 left this month: within $250 a case, not within the month
    book.keep_authority(MAYA.id, almost_spent)
    form.authority.refresh()
    row = form.remedies.suggested
    qtbot.waitUntil(lambda: row.authority == almost_spent, timeout=10_000)
    qtbot.waitUntil(
        lambda: bool(row.suggestions) and row.suggestions[0].needs_approval, timeout=10_000
    )
    assert "needs a lead's approval" in row.reasons[0].text()


def test_a_read_asked_for_before_the_request_was_kept_does_not_undo_it(qtbot, form, book):
    # A sync's news asks for the authority again just before the advocate sends the
    # request; that read is slow (a busy laptop) and answers after the request is kept,
    # without it. The form must still wait for the lead, not offer Save again.
    form.apply_remedies(REFUND_150)
    asked_before, answer = threading.Event(), threading.Event()
    latest_for_case = book.latest_for_case

    def slow_read(case_id, advocate_id):
        found = latest_for_case(case_id, advocate_id)  # read before the request is kept
        asked_before.set()
        answer.wait(10)
        return found

    book.latest_for_case = slow_read
    form.authority.refresh()
    qtbot.waitUntil(asked_before.is_set, timeout=10_000)
    book.latest_for_case = latest_for_case
    ask(qtbot, form, "Second failure of the same model")
    assert not form.save_button.isEnabled()
    answer.set()  # the old read answers now
    qtbot.wait(300)
    assert not form.save_button.isEnabled()
    assert "Waiting for a lead's approval" in form.authority.state.text()
