"""The history panel with a long history: lazy rows, the filter, details, choosing a case."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from advocate_console.domain import CaseStatus, Collection, InteractionKind
from advocate_console.store import CallerDirectory, Replica
from advocate_console.store.resolutions import CaseWork
from advocate_console.ui.history_panel import TIMELINE_BATCH
from advocate_console.ui.main_window import MainWindow
from advocate_console.ui.resolution_form import ResolutionForm
from tests import factories as make

KINDS = [InteractionKind.CALL, InteractionKind.EMAIL, InteractionKind.NOTE, InteractionKind.CARD]


@pytest.fixture
def veteran(store):
    """A customer of ten years: 500 interactions, 40 cases (one open), three products."""
    customer = make.customer(display_name="Walter Okafor")
    products = [
        make.product(customer, serial_number="OLD1", warranty_end=date.today() - timedelta(400)),
        make.product(customer, serial_number="NEW1", warranty_end=date.today() + timedelta(20)),
        make.product(customer, serial_number="TV1", warranty_end=date.today() + timedelta(400)),
    ]
    cases = [
        make.case(
            customer,
            summary=f"Problem number {n}",
            status=CaseStatus.RESOLVED if n else CaseStatus.OPEN,
            opened_at=make.NOW - timedelta(days=90 * n + 1),
            product_id=products[n % 3].id,
        )
        for n in range(40)
    ]
    interactions = [
        make.interaction(
            customer,
            kind=KINDS[n % 4],
            summary=f"Entry {n} about the {'dryer' if n % 5 == 0 else 'washer'}",
            body=f"Everything said in entry {n}.",
            occurred_at=make.NOW - timedelta(days=7 * n),
            case_id=cases[n % 40].id,
            advocate="Dana Whitfield",
        )
        for n in range(500)
    ]
    Replica(store).apply(
        [(Collection.CUSTOMERS, customer)]
        + [(Collection.PRODUCTS, p) for p in products]
        + [(Collection.CASES, c) for c in cases]
        + [(Collection.INTERACTIONS, i) for i in interactions]
    )
    return customer, cases


@pytest.fixture
def window(qtbot, store, veteran):
    shown = MainWindow(CallerDirectory(store))
    qtbot.addWidget(shown)
    shown.add_case_work(ResolutionForm(CaseWork(store, "Dana Whitfield", clock=lambda: make.NOW)))
    shown.resize(1366, 768)
    shown.show()
    with qtbot.waitSignal(shown.sig_history_shown, timeout=10000):
        shown.show_caller(veteran[0].id)
    return shown


def test_a_long_timeline_arrives_a_screenful_at_a_time(qtbot, window):
    timeline = window.history.timeline.model
    assert len(timeline.records()) == 500
    assert timeline.rowCount() <= TIMELINE_BATCH
    view = window.history.timeline.view
    view.scrollToBottom()
    qtbot.waitUntil(lambda: timeline.rowCount() > TIMELINE_BATCH)
    # Newest first.
    assert timeline.data(timeline.index(0, 2)) == "Entry 0 about the dryer"


def test_every_product_shows_its_warranty_badge(window):
    panel = window.history
    badges = [panel._product_badge(panel.products.index(row, 0)) for row in range(3)]
    states = sorted(badge.state for badge in badges)
    assert states == ["active", "ends_soon", "expired"]
    assert any(badge.text.startswith("expired") for badge in badges)


def test_the_filter_narrows_the_timeline_by_words_and_kind(qtbot, window):
    panel = window.history
    panel.timeline.filter.setText("dryer")
    qtbot.waitUntil(lambda: len(panel.timeline_entries()) == 100)
    panel.timeline.kind.setCurrentIndex(panel.timeline.kind.findData(InteractionKind.CALL.value))
    entries = panel.timeline_entries()
    assert entries and all(e.kind is InteractionKind.CALL and "dryer" in e.summary for e in entries)
    panel.timeline.filter.setText("no such words")
    qtbot.waitUntil(lambda: panel.timeline_entries() == [])


def test_choosing_an_entry_shows_all_of_it(window):
    panel = window.history
    panel.timeline.view.setCurrentIndex(panel.timeline.model.index(3, 0))
    text = panel.details.toPlainText()
    assert "Entry 3 about the washer" in text
    assert "Everything said in entry 3." in text
    assert "Dana Whitfield" in text


def test_a_case_shows_its_details_and_opens_on_the_form(qtbot, window, veteran):
    panel = window.history
    older = veteran[1][5]
    row = next(r for r in range(panel.cases.rowCount()) if panel.cases.record(r).id == older.id)
    panel.cases_view.setCurrentIndex(panel.cases.index(row, 0))
    assert older.number in panel.details.toPlainText()
    assert "On the timeline" in panel.details.toPlainText()
    # The form starts on the open case; activating another case works on that one.
    assert window.form.case.id == veteran[1][0].id
    with qtbot.waitSignal(window.sig_history_shown, timeout=5000):
        panel.cases_view.activated.emit(panel.cases.index(row, 0))
    assert window.form.case.id == older.id


def test_codes_read_as_words_each_in_its_own_sense(qapp):
    from advocate_console.domain import CaseStatus, Channel, InteractionKind
    from advocate_console.ui.labels import label

    # The same code in two enums ("email") reads right in each.
    assert label(InteractionKind.EMAIL) == "E-mail"
    assert label(Channel.EMAIL) == "e-mail"
    assert label(CaseStatus.RESOLVED) == "Resolved"
    assert label("product failure") == "Product failure"
    assert label("a category of tomorrow") == "A category of tomorrow"
