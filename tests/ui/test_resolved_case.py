"""A resolved case on the form: opened again it shows how it was resolved, read-only, and
who resolved it; resolved by a colleague (it arrives by sync, as the replica writes it)
while the advocate types, what she typed is kept and she chooses what becomes of it."""

from __future__ import annotations

import uuid
from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from advocate_console.domain import (
    CaseStatus,
    Collection,
    Delight,
    RecoveryStep,
    Remedy,
    RemedyKind,
    Resolution,
)
from advocate_console.store import CallerDirectory, LocalChanges, Replica
from advocate_console.store.resolutions import CaseWork
from advocate_console.ui.resolution_form import ResolutionForm
from tests import factories as make
from tests.ui import test_resolution_form
from tests.ui.test_resolution_form import fill_in, new_form

caller = test_resolution_form.caller  # Maria, her microwave and an open case about it
DENNIS = "Dennis Whitford"


def test_a_resolved_case_opened_again_shows_its_resolution_read_only(qtbot, store, caller):
    maria, _, case = caller
    form = new_form(qtbot, store, maria.id)
    fill_in(form)
    with qtbot.waitSignal(form.sig_saved, timeout=5000):
        form.save()

    again = ResolutionForm(CaseWork(store, clock=lambda: make.NOW))
    qtbot.addWidget(again)
    again.show_history(CallerDirectory(store).history(maria.id), case.id)
    again.show()

    assert again.case.id == case.id and again.case.status is CaseStatus.RESOLVED
    replacement = again.remedies[RemedyKind.REPLACEMENT]
    assert replacement.check.isChecked() and replacement.cost.value() == 329
    warranty = again.remedies[RemedyKind.WARRANTY_EXTENDED]
    assert warranty.check.isChecked() and warranty.months.value() == 12
    assert warranty.cost.value() == 40
    assert not again.remedies[RemedyKind.ACCOUNT_CREDIT].check.isChecked()
    assert again.steps[RecoveryStep.EMPATHIZED].isChecked()
    assert again.steps[RecoveryStep.TOOK_OWNERSHIP].isChecked()
    assert again.outcome.delight[Delight.DELIGHTED].isChecked()
    assert again.outcome.notes.toPlainText() == "Replacement ships Monday."
    assert again.follow_up.wanted.isChecked()
    assert again.follow_up.reason.text() == "Check the replacement was installed."
    due = again.follow_up.at.dateTime().toSecsSinceEpoch()
    assert due == int((make.NOW + timedelta(days=7)).timestamp())
    # Read-only: nothing on it can be changed or saved.
    assert not any(widget.isEnabled() for widget in again._inputs())
    assert not again.save_button.isEnabled()
    panel = again.resolved.panel
    assert panel.isVisible() and not panel.mine_shown()
    assert panel.what.text().startswith("Dana Whitfield resolved this case at ")
    assert "Replacement · $329.00" in panel.what.text()
    assert "customer delighted" in panel.what.text()


def resolved_by_dennis(store, case) -> None:
    """Dennis's resolution of ``case`` arrives by sync, stamped with him as its author."""
    theirs = Resolution(
        id=uuid.uuid4(),
        case_id=case.id,
        remedies=[Remedy(kind=RemedyKind.INFORMATION_ONLY, cost_cents=0)],
        steps=[RecoveryStep.EMPATHIZED],
        delight=Delight.NEUTRAL,
        resolved_at=make.NOW,
        author_id=uuid.uuid4(),
        author_name=DENNIS,
    )
    closed = case.model_copy(
        update={"status": CaseStatus.RESOLVED, "closed_at": make.NOW, "version": case.version + 1}
    )
    Replica(store).apply([(Collection.RESOLUTIONS, theirs), (Collection.CASES, closed)])


def test_what_she_typed_survives_a_colleagues_resolution_and_can_be_discarded(
    qtbot, store, caller, monkeypatch
):
    maria, _, case = caller
    form = new_form(qtbot, store, maria.id)  # no case chosen: her open one, as a search
    credit = form.remedies[RemedyKind.ACCOUNT_CREDIT]
    credit.check.setChecked(True)
    credit.cost.setValue(25)
    form.outcome.delight[Delight.SATISFIED].setChecked(True)

    resolved_by_dennis(store, case)
    form.show_history(CallerDirectory(store).history(maria.id))  # read again after the sync

    panel = form.resolved.panel
    qtbot.waitUntil(panel.mine_shown, timeout=5000)
    assert form.case.id == case.id
    assert panel.what.text().startswith(f"{DENNIS} resolved this case at ")
    assert "Information only, customer neutral" in panel.what.text()
    assert "Account credit · $25.00 — satisfied" in panel.mine.text()
    kept = CaseWork(store).draft(case.id)
    assert [(r.kind, r.cost_cents) for r in kept.remedies] == [(RemedyKind.ACCOUNT_CREDIT, 2500)]
    assert form.remedies[RemedyKind.INFORMATION_ONLY].check.isChecked()
    assert not form.save_button.isEnabled()

    # Read again, it stays; she discards hers from the keyboard, after saying yes.
    form.show_history(CallerDirectory(store).history(maria.id), case.id)
    assert panel.mine_shown()
    asked = []
    monkeypatch.setattr(
        QMessageBox,
        "question",
        lambda *args, **kwargs: asked.append(args) or QMessageBox.StandardButton.Yes,
    )
    with qtbot.waitSignal(form.sig_message, timeout=5000) as said:
        qtbot.keyClick(panel.discard, Qt.Key.Key_Space)
    assert asked and "discarded" in said.args[0]
    assert not panel.mine_shown() and CaseWork(store).draft(case.id) is None


def test_with_nothing_typed_the_form_says_who_resolved_the_case(qtbot, store, caller):
    maria, _, case = caller
    form = new_form(qtbot, store, maria.id)

    resolved_by_dennis(store, case)
    form.show_history(CallerDirectory(store).history(maria.id))

    panel = form.resolved.panel
    assert form.case.id == case.id and panel.isVisible()
    assert panel.what.text().startswith(f"{DENNIS} resolved this case at ")
    qtbot.wait(200)  # (the store is asked for a draft: there is none)
    assert not panel.mine_shown() and CaseWork(store).draft(case.id) is None


def test_kept_as_a_note_it_holds_what_went_wrong_as_she_rewrote_it(qtbot, store, caller):
    maria, _, case = caller
    form = new_form(qtbot, store, maria.id)
    form.problem.summary.setPlainText("Door seal torn as well.")
    form.steps[RecoveryStep.EMPATHIZED].setChecked(True)
    form.outcome.notes.setPlainText("Promised a technician.")

    resolved_by_dennis(store, case)
    form.show_history(CallerDirectory(store).history(maria.id))
    panel = form.resolved.panel
    qtbot.waitUntil(panel.mine_shown, timeout=5000)
    assert "Empathized" in panel.mine.text() and "What went wrong" in panel.mine.text()

    with qtbot.waitSignal(form.sig_message, timeout=5000):
        qtbot.keyClick(panel.keep_as_note, Qt.Key.Key_Space)
    [note] = [
        e.body for e in LocalChanges(store).entries() if e.collection is Collection.INTERACTIONS
    ]
    assert note["case_id"] == str(case.id) and DENNIS in note["summary"]
    assert "Empathized" in note["summary"]
    assert (
        note["body"]
        == "Promised a technician.\n\nWhat went wrong, as typed: Door seal torn as well."
    )
    assert CaseWork(store).draft(case.id) is None and not panel.mine_shown()


def test_reopened_by_a_lead_her_kept_draft_comes_back_on_the_form(qtbot, store, caller):
    maria, _, case = caller
    form = new_form(qtbot, store, maria.id)
    form.remedies[RemedyKind.ACCOUNT_CREDIT].check.setChecked(True)
    form.remedies[RemedyKind.ACCOUNT_CREDIT].cost.setValue(25)
    resolved_by_dennis(store, case)
    form.show_history(CallerDirectory(store).history(maria.id))
    qtbot.waitUntil(form.resolved.panel.mine_shown, timeout=5000)

    reopened = case.model_copy(update={"status": CaseStatus.OPEN, "version": case.version + 2})
    Replica(store).apply([(Collection.CASES, reopened)])
    with qtbot.waitSignal(form.sig_draft_restored, timeout=5000):
        form.show_history(CallerDirectory(store).history(maria.id), case.id)

    credit = form.remedies[RemedyKind.ACCOUNT_CREDIT]
    assert credit.check.isChecked() and credit.cost.value() == 25 and credit.check.isEnabled()
    assert not form.resolved.panel.isVisible() and form.save_button.isEnabled()
