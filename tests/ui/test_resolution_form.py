"""The resolution form: fill it, save it offline, see every change and its outbox entry;
problems shown next to their fields; a draft that outlives the window; the thank-you card."""

from __future__ import annotations

from datetime import timedelta

import pytest
import shiboken6
from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import QWidget

from advocate_console.cards import addressee_of, fill, merge_values
from advocate_console.cards.merge import missing_values
from advocate_console.domain import (
    CardState,
    CaseStatus,
    Collection,
    Delight,
    FollowUpStatus,
    RecoveryStep,
    RemedyKind,
)
from advocate_console.store import CallerDirectory, LocalChanges, Replica
from advocate_console.store.cards import CardQueue
from advocate_console.store.resolutions import CaseWork
from advocate_console.ui.resolution_form import ResolutionForm
from tests import factories as make


@pytest.fixture
def caller(store):
    """Maria, her microwave and an open case about it."""
    maria = make.customer()
    microwave = make.product(maria)
    case = make.case(maria, product_id=microwave.id)
    Replica(store).apply(
        [
            (Collection.CUSTOMERS, maria),
            (Collection.PRODUCTS, microwave),
            (Collection.CASES, case),
        ]
    )
    return maria, microwave, case


def new_form(qtbot, store, customer_id, *, register: bool = True) -> ResolutionForm:
    form = ResolutionForm(CaseWork(store, advocate="Dana Whitfield", clock=lambda: make.NOW))
    if register:  # pytest-qt closes it after the test
        qtbot.addWidget(form)
    form.resize(500, 700)
    form.show_history(CallerDirectory(store).history(customer_id))
    form.show()
    return form


@pytest.fixture
def form(qtbot, store, caller):
    return new_form(qtbot, store, caller[0].id)


def fill_in(form: ResolutionForm) -> None:
    form.problem.summary.setPlainText("Second microwave of this model stopped heating.")
    replacement = form.remedies[RemedyKind.REPLACEMENT]
    replacement.check.setChecked(True)
    replacement.cost.setValue(329)
    warranty = form.remedies[RemedyKind.WARRANTY_EXTENDED]
    warranty.check.setChecked(True)
    warranty.months.setValue(12)
    warranty.cost.setValue(40)
    for step in (RecoveryStep.EMPATHIZED, RecoveryStep.TOOK_OWNERSHIP):
        form.steps[step].setChecked(True)
    form.outcome.delight[Delight.DELIGHTED].setChecked(True)
    form.outcome.notes.setPlainText("Replacement ships Monday.")
    form.follow_up.wanted.setChecked(True)
    due = make.NOW + timedelta(days=7)
    form.follow_up.at.setDateTime(QDateTime.fromSecsSinceEpoch(int(due.timestamp())))
    form.follow_up.reason.setText("Check the replacement was installed.")


def test_the_form_opens_on_the_callers_open_case(form, caller):
    _, microwave, case = caller
    assert case.number in form.header.title.text()
    assert form.problem.category.currentData() == "product failure"
    assert form.problem.product.currentData() == str(microwave.id)
    assert form.problem.summary.toPlainText() == "Microwave stopped heating."
    assert form.save_button.isEnabled()


def test_a_filled_form_saves_everything_in_one_transaction(qtbot, store, form, caller):
    maria, _, case = caller
    fill_in(form)
    assert form.remedies.total.text() == "Total cost: $369.00"

    with qtbot.waitSignal(form.sig_saved, timeout=5000) as saved:
        form.save()

    assert saved.args == [case.id]
    history = CallerDirectory(store).history(maria.id)
    [resolution] = history.resolutions
    assert [(r.kind, r.cost_cents, r.months) for r in resolution.remedies] == [
        (RemedyKind.WARRANTY_EXTENDED, 4000, 12),
        (RemedyKind.REPLACEMENT, 32900, None),
    ]
    assert resolution.steps == [RecoveryStep.EMPATHIZED, RecoveryStep.TOOK_OWNERSHIP]
    assert resolution.delight is Delight.DELIGHTED
    assert resolution.notes == "Replacement ships Monday."
    [resolved] = history.cases
    assert resolved.status is CaseStatus.RESOLVED and resolved.owner == "Dana Whitfield"
    assert resolved.summary == "Second microwave of this model stopped heating."
    [interaction] = history.interactions
    assert interaction.case_id == case.id and interaction.occurred_at == make.NOW
    [follow_up] = history.follow_ups
    assert follow_up.status is FollowUpStatus.OPEN
    assert follow_up.due_at == make.NOW + timedelta(days=7)
    assert follow_up.reason == "Check the replacement was installed."
    assert history.cards == []

    entries = LocalChanges(store).entries()
    assert [(e.collection, e.op) for e in entries] == [
        (Collection.RESOLUTIONS, "create"),
        (Collection.INTERACTIONS, "create"),
        (Collection.FOLLOW_UPS, "create"),
        (Collection.CASES, "patch"),
    ]
    assert "resolved" in form.status.text()
    assert not form.save_button.isEnabled()


def test_problems_show_next_to_their_fields_and_nothing_is_saved(qtbot, store, form):
    form.follow_up.wanted.setChecked(True)
    past = make.NOW - timedelta(hours=2)
    form.follow_up.at.setDateTime(QDateTime.fromSecsSinceEpoch(int(past.timestamp())))
    form.remedies[RemedyKind.GIFT_CERTIFICATE].check.setChecked(True)

    form.save()

    gift = form.remedies[RemedyKind.GIFT_CERTIFICATE]
    assert gift.problem.isVisibleTo(form)
    assert gift.problem.text() == "Enter the gift certificate's value"
    assert form.outcome.delight_problem.text() == "Choose how the customer felt at the end"
    assert form.follow_up.at_problem.text() == "Choose a time in the future"
    assert form.follow_up.reason_problem.text() == "Say what the follow-up is for"
    assert not form.problem.category_problem.isVisibleTo(form)
    assert gift.value.accessibleDescription() == "Enter the gift certificate's value"
    assert "Not saved" in form.status.text()
    qtbot.waitUntil(lambda: gift.value.hasFocus() or not form.isActiveWindow(), timeout=1000)

    # Fixing a field clears its note as the advocate types.
    gift.value.setValue(25)
    assert not gift.problem.isVisibleTo(form)
    assert form.outcome.delight_problem.isVisibleTo(form)
    assert LocalChanges(store).waiting() == 0


def test_no_remedy_ticked_is_explained(form):
    form.outcome.delight[Delight.SATISFIED].setChecked(True)
    form.save()
    assert "Tick at least one remedy" in form.remedies.problem.text()


def test_a_draft_survives_closing_and_reopening_the_form(qtbot, store, caller):
    maria, _, case = caller
    form = new_form(qtbot, store, maria.id, register=False)
    form.remedies[RemedyKind.ACCOUNT_CREDIT].check.setChecked(True)
    form.remedies[RemedyKind.ACCOUNT_CREDIT].cost.setValue(50)
    form.outcome.delight[Delight.SATISFIED].setChecked(True)
    with qtbot.waitSignal(form.sig_draft_kept, timeout=5000) as kept:
        form.outcome.notes.setPlainText("Customer will call back with the receipt.")
    assert kept.args == [case.id]
    form.close()
    shiboken6.delete(form)  # the window is gone, with everything it held

    reopened = ResolutionForm(CaseWork(store, clock=lambda: make.NOW))
    qtbot.addWidget(reopened)
    with qtbot.waitSignal(reopened.sig_draft_restored, timeout=5000):
        reopened.show_history(CallerDirectory(store).history(maria.id))

    credit = reopened.remedies[RemedyKind.ACCOUNT_CREDIT]
    assert credit.check.isChecked() and credit.cost.value() == 50
    assert reopened.outcome.delight[Delight.SATISFIED].isChecked()
    assert reopened.outcome.notes.toPlainText() == "Customer will call back with the receipt."
    assert "Draft restored" in reopened.status.text()


def test_saving_drops_the_draft(qtbot, store, form, caller):
    fill_in(form)
    with qtbot.waitSignal(form.sig_draft_kept, timeout=5000):
        form.keep_draft()
    with qtbot.waitSignal(form.sig_saved, timeout=5000):
        form.save()
    assert CaseWork(store).draft(caller[2].id) is None


def test_the_card_box_drafts_a_card_with_its_merge_fields_filled(qtbot, store, form, caller):
    case = caller[2]
    fill_in(form)
    gift = form.remedies[RemedyKind.GIFT_CERTIFICATE]
    gift.check.setChecked(True)
    gift.value.setValue(25)
    form.follow_up.send_card.setChecked(True)

    with (
        qtbot.waitSignal(form.sig_saved, timeout=5000),
        qtbot.waitSignal(form.sig_card_drafted, timeout=5000) as drafted,
    ):
        form.save()

    queued = CardQueue(store).card(drafted.args[0])
    assert queued.card.state is CardState.DRAFT and queued.card.case_id == case.id
    assert queued.card.gift_value_cents == 2500 and queued.card.advocate == "Dana Whitfield"
    values = merge_values(queued.card, addressee_of(queued))
    assert missing_values(queued.card.message, values) == []
    text = fill(queued.card.message, values)
    assert text.startswith("Dear Maria,")
    assert "Halvorsen over-the-range microwave" in text
    assert values["case_number"] == case.number and values["gift_value"] == "$25"


def test_a_caller_without_an_open_case_gets_a_new_one(qtbot, store, caller):
    maria, _, case = caller
    Replica(store).apply(
        [(Collection.CASES, case.model_copy(update={"status": CaseStatus.RESOLVED, "version": 2}))]
    )
    form = new_form(qtbot, store, maria.id)
    assert not form.save_button.isEnabled() and form.header.open_button.isVisibleTo(form)
    form.problem.category.setCurrentIndex(form.problem.category.findData("billing"))
    # Not with nothing said of the problem: a case "C-Y1CXRC11 ·" tells nobody anything.
    form.header.open_button.click()
    assert form.problem.summary_problem.isVisibleTo(form)
    assert form.problem.summary_problem.text().startswith("Say what went wrong first")
    assert form.case is None and LocalChanges(store).waiting() == 0
    form.problem.summary.setPlainText("Charged twice for the extended warranty")

    with qtbot.waitSignal(form.sig_case_opened, timeout=5000) as opened:
        form.header.open_button.click()

    assert not form.problem.summary_problem.isVisibleTo(form)
    new_case = opened.args[0]
    assert new_case.category == "billing" and new_case.owner == "Dana Whitfield"
    assert new_case.summary == "Charged twice for the extended warranty"
    assert new_case.number in form.header.title.text() and form.save_button.isEnabled()
    assert new_case in CallerDirectory(store).history(maria.id).cases


def test_keyboard_shortcuts_schedule_a_follow_up_and_save(qtbot, store, form):
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow, timeout=2000)
    qtbot.keyClick(
        form, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert form.follow_up.wanted.isChecked() and form.follow_up.at.hasFocus()

    fill_in(form)
    with qtbot.waitSignal(form.sig_saved, timeout=5000):
        qtbot.keyClick(form, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert LocalChanges(store).waiting() == 4


def test_every_control_has_an_accessible_name(form):
    controls = [
        widget
        for widget in form.findChildren(QWidget)
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        and widget.window() is form  # not a combo box's pop-up list
        and not widget.objectName().startswith("qt_")  # the inside of a spin box, a scroll bar
    ]
    assert len(controls) > 30
    for widget in controls:
        assert widget.accessibleName(), widget


def test_the_next_callers_form_starts_at_the_top(qtbot, store, form):
    other = make.customer(display_name="Bo Lee", phones=["+14155550102"], emails=[])
    Replica(store).apply([(Collection.CUSTOMERS, other), (Collection.CASES, make.case(other))])
    form.resize(500, 300)  # a short window: the form scrolls
    bar = form.scroll.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum())
    form.show_history(CallerDirectory(store).history(other.id))
    assert bar.value() == 0
