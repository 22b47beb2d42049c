"""The suggested remedies on the resolution form, with the demo's story caller: the
microwave that failed again 60 days out of warranty gets "waive the repair fee and extend
the warranty 12 months" first, with how it did before; one click (or the keyboard) fills
the remedies, and what became of each suggestion is saved with the resolution."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt

from advocate_console.central.demo.generator import demo_batches
from advocate_console.central.demo.stories.repeat_failure import (
    STORY_MICROWAVE_MODEL,
    STORY_REPEAT_FAILURE_CUSTOMER_ID,
)
from advocate_console.central.demo.stories.wrong_return import STORY_WRONG_RETURN_CUSTOMER_ID
from advocate_console.domain import Collection, Delight, RemedyKind
from advocate_console.domain.resolutions import ResolutionEntry
from advocate_console.store import CallerDirectory, Replica
from advocate_console.store.resolutions import CaseWork
from advocate_console.store.suggestions import RemedyAdvisor, read_rule_file
from advocate_console.ui.resolution_form import ResolutionForm

NAMES = ("customers", "products", "cases", "interactions", "resolutions")
STORY_RULE = "rule:repeat-failure-just-out-of-warranty"


@pytest.fixture
def demo(store):
    """The demo's first 600 customers (the stories among them) in the local store."""
    replica = Replica(store)
    for batch in demo_batches(600, seed=1, batch_size=300):
        replica.apply([(Collection(n), r) for n in NAMES for r in getattr(batch, n)])
    return store


@pytest.fixture
def form(qtbot, demo):
    form = ResolutionForm(CaseWork(demo, "Maya Castellanos", clock=lambda: datetime.now(UTC)))
    qtbot.addWidget(form)
    form.resize(520, 760)
    form.show()
    return form


def show_the_story_caller(qtbot, form, demo) -> list:
    history = CallerDirectory(demo).history(STORY_REPEAT_FAILURE_CUSTOMER_ID)
    with qtbot.waitSignal(form.sig_suggested, timeout=10_000) as shown:
        form.show_history(history)
    return shown.args[0]


def test_the_story_caller_gets_waive_and_extend_and_one_click_fills_the_remedies(qtbot, form, demo):
    found = show_the_story_caller(qtbot, form, demo)
    row = form.remedies.suggested

    assert found[0].rule == STORY_RULE
    assert row.whats[0].isVisible()
    assert "Repair fee waived $129" in row.whats[0].text()
    assert "Warranty extended by 12 months" in row.whats[0].text()
    reason = row.reasons[0].text()
    assert "this model failed for them before" in reason
    assert f"for {STORY_MICROWAVE_MODEL}" in reason and "delighted" in reason
    assert "Platinum customer" in reason  # fourteen years with us: a gift on top

    qtbot.mouseClick(row.buttons[0], Qt.MouseButton.LeftButton)

    remedies = form.remedies
    assert remedies[RemedyKind.REPAIR_FEE_WAIVED].check.isChecked()
    assert remedies[RemedyKind.REPAIR_FEE_WAIVED].cost.value() == 129
    assert remedies[RemedyKind.WARRANTY_EXTENDED].months.value() == 12
    assert remedies[RemedyKind.GIFT_CERTIFICATE].value.value() == 50
    assert not remedies[RemedyKind.REPLACEMENT].check.isChecked()
    assert remedies.total.text() == "Total cost: $239.00"
    entry = form.entry()
    first = entry.suggestions[0]
    assert (first.rule, first.outcome) == (STORY_RULE, "accepted")
    assert {s.outcome for s in entry.suggestions[1:]} == {"shown"}


def test_the_keyboard_applies_and_dismisses_and_the_resolution_keeps_both(qtbot, form, demo):
    show_the_story_caller(qtbot, form, demo)
    row = form.remedies.suggested
    row.dismiss_buttons[1].setFocus()
    qtbot.keyClick(row.dismiss_buttons[1], Qt.Key.Key_Space)
    qtbot.keyClick(form, Qt.Key.Key_E, Qt.KeyboardModifier.AltModifier)  # "Sugg&ested"
    assert row.buttons[0].hasFocus()
    qtbot.keyClick(row.buttons[0], Qt.Key.Key_Space)
    assert form.remedies[RemedyKind.WARRANTY_EXTENDED].check.isChecked()
    assert not row.buttons[1].isEnabled()  # dismissed: dimmed, not applied

    form.outcome.delight[Delight.DELIGHTED].setChecked(True)
    with qtbot.waitSignal(form.sig_saved, timeout=10_000):
        form.save()

    saved = [
        r
        for r in CallerDirectory(demo).history(STORY_REPEAT_FAILURE_CUSTOMER_ID).resolutions
        if r.suggestions
    ]
    (resolution,) = saved
    outcomes = {s.rule: s.outcome for s in resolution.suggestions}
    assert outcomes[STORY_RULE] == "accepted"
    assert sorted(outcomes.values()) == ["accepted", "dismissed", "shown"]


def test_over_the_advocates_authority_a_suggestion_says_a_lead_must_approve(qtbot, form, demo):
    show_the_story_caller(qtbot, form, demo)
    with qtbot.waitSignal(form.sig_suggested, timeout=10_000) as shown:
        form.set_authority_limit(15_000)  # $150 a case
    first = shown.args[0][0]
    assert first.needs_approval and first.raised == ""  # no gift on top of an approval
    assert "needs a lead's approval" in form.remedies.suggested.reasons[0].text()


def test_a_draft_remembers_what_became_of_the_suggestions(qtbot, form, demo):
    show_the_story_caller(qtbot, form, demo)
    row = form.remedies.suggested
    qtbot.mouseClick(row.dismiss_buttons[0], Qt.MouseButton.LeftButton)
    entry = form.entry()
    assert entry.suggestions[0].outcome == "dismissed"
    form.work.keep_draft(entry)
    assert form.work.draft(entry.case_id) == ResolutionEntry.model_validate(entry.model_dump())
    assert form.work.draft(entry.case_id).suggestions[0].outcome == "dismissed"


def test_a_broken_rules_file_is_said_at_start_up_and_what_worked_before_still_shows(
    qtbot, demo, tmp_path
):
    broken = tmp_path / "remedy_rules.toml"
    broken.write_text('[[rule]]\nid = "x"\nreason = "y"\nremedies = [{ kind = "hug" }]\n')
    work = CaseWork(demo, "Maya Castellanos", clock=lambda: datetime.now(UTC))
    advisor = RemedyAdvisor(demo, read_rule_file(broken), clock=work.now)
    said = []
    form = ResolutionForm(work)
    form.sig_message.connect(said.append)
    form.use_advisor(advisor)
    qtbot.addWidget(form)
    form.show()
    qtbot.waitUntil(lambda: bool(said), timeout=10_000)
    assert said[0].startswith("Suggestion rules not used: ")
    assert "line 4: rule[1].remedies[1].kind" in said[0]

    found = show_the_story_caller(qtbot, form, demo)

    assert found and all(s.rule.startswith("history:") for s in found)
    note = form.remedies.suggested.note
    assert note.isVisible() and "remedy_rules.toml, line 4" in note.text()


def test_fewer_suggestions_leave_no_words_of_the_last_case_behind(qtbot, form, demo):
    found = show_the_story_caller(qtbot, form, demo)
    row = form.remedies.suggested
    assert len(found) == 3 and all(what.isVisible() for what in row.whats)
    row.show_suggestions(found[:1])
    shown = [what.isVisible() for what in row.whats]
    assert shown == [True, False, False]
    assert [b.isVisible() for b in row.buttons] == shown
    form.clear()  # no caller: nothing suggested, nothing said
    assert not row.isVisible()


def test_an_amount_left_to_type_gets_the_cursor_and_the_digits_typed(qtbot, form, demo):
    """Seen in a walk: Apply on Tomás's "refund without return" left the cursor in a box
    showing "cost", and the digits typed went nowhere; the suggestion said "$0 in all"."""
    history = CallerDirectory(demo).history(STORY_WRONG_RETURN_CUSTOMER_ID)
    with qtbot.waitSignal(form.sig_suggested, timeout=10_000):
        form.show_history(history)
    row = form.remedies.suggested
    assert row.reasons[0].text().endswith("the amount is yours to type")
    form.activateWindow()
    qtbot.mouseClick(row.buttons[0], Qt.MouseButton.LeftButton)

    refund = form.remedies[RemedyKind.REFUND_WITHOUT_RETURN]
    assert refund.check.isChecked() and refund.cost.hasFocus()
    qtbot.keyClicks(refund.cost, "150")
    qtbot.keyClick(refund.cost, Qt.Key.Key_Tab)
    assert refund.cost.value() == 150
    assert form.remedies.total.text() == "Total cost: $150.00"
