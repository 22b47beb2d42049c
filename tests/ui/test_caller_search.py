"""Searching a caller in the window and reading their history."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from advocate_console.domain import Collection
from advocate_console.store import CallerDirectory, LocalChanges, Replica
from advocate_console.store.contacts import ContactBook
from advocate_console.ui.main_window import MainWindow
from advocate_console.ui.record_models import BADGE_ROLE
from tests import factories as make


@pytest.fixture
def window(qtbot, store):
    """The main window over a store holding Maria (repeat failure) and two Lees."""
    maria = make.customer()
    first = make.product(
        maria, serial_number="VR1", warranty_end=date.today() - timedelta(days=400)
    )
    second = make.product(
        maria, serial_number="VR2", warranty_end=date.today() - timedelta(days=61)
    )
    records = [
        (Collection.CUSTOMERS, maria),
        (Collection.PRODUCTS, first),
        (Collection.PRODUCTS, second),
        (Collection.CASES, make.case(maria, product_id=first.id)),
        (Collection.CASES, make.case(maria, product_id=second.id)),
        (Collection.INTERACTIONS, make.interaction(maria)),
    ]
    for name, number in (("Ann Lee", "+14155550101"), ("Bo Lee", "+14155550102")):
        records.append(
            (Collection.CUSTOMERS, make.customer(display_name=name, phones=[number], emails=[]))
        )
    Replica(store).apply(records)
    shown = MainWindow()
    shown.set_directory(CallerDirectory(store), ContactBook(store))
    qtbot.addWidget(shown)
    shown.show()
    return shown


def search(qtbot, window, text: str) -> None:
    with qtbot.waitSignal(window.caller_bar.sig_search_finished, timeout=5000):
        window.caller_bar.field.setText(text)


def test_typing_a_vanity_number_opens_the_callers_history(qtbot, window):
    with qtbot.waitSignal(window.sig_history_shown, timeout=5000):
        search(qtbot, window, "1-800-GE-CARES")
    panel = window.history
    assert panel.caller.name.text() == "Maria Garcia"
    assert "lifetime value $12,500.00" in panel.caller.summary.text()
    assert panel.products.rowCount() == 2
    badge = panel.products.index(1, 4)
    assert panel.products.data(badge) == "expired 61 days ago"
    assert panel.products.data(badge, BADGE_ROLE) == "expired"
    assert panel.caller.warning.isVisibleTo(window)
    assert "HMV3160RF failed 2 times" in panel.caller.warning.text()
    assert panel.cases.rowCount() == 2 and panel.timeline.model.rowCount() == 1


def test_several_matches_are_listed_to_choose_from(qtbot, window):
    search(qtbot, window, "lee")
    bar = window.caller_bar
    assert bar.results.rowCount() == 2
    assert bar.status.text() == "2 callers"
    with qtbot.waitSignal(window.sig_history_shown, timeout=5000):
        bar.list.setFocus()
        bar._choose(1)
    assert window.history.caller.name.text() == "Bo Lee"


def test_an_unknown_number_says_so(qtbot, window):
    search(qtbot, window, "(212) 555-0199")
    assert window.caller_bar.results.rowCount() == 0
    assert window.caller_bar.status.text() == "No caller found"


def test_an_unknown_caller_is_noted_as_a_new_customer(qtbot, window, store):
    search(qtbot, window, "(212) 555-0199")
    bar = window.caller_bar
    assert bar.new_contact.isVisibleTo(window)
    dialog = window.note_new_caller(bar.field.text())
    assert dialog.phone.text() == "(212) 555-0199"
    # Saving without a name explains itself next to the field and saves nothing.
    dialog.save()
    assert dialog.problems["display_name"].isVisibleTo(dialog)
    assert "Name" in dialog.problems["display_name"].text()
    dialog.phone.setText("212 555")
    dialog.name.setText("Priya Raman")
    dialog.save()
    assert dialog.problems["phones"].isVisibleTo(dialog)
    assert LocalChanges(store).waiting() == 0
    dialog.phone.setText("(212) 555-0199")
    with qtbot.waitSignal(window.sig_history_shown, timeout=5000):
        dialog.save()
    assert window.history.caller.name.text() == "Priya Raman"
    assert not bar.new_contact.isVisibleTo(window)
    [entry] = LocalChanges(store).entries()
    assert entry.op == "create" and entry.body["phones"] == ["+12125550199"]
    assert entry.body["tier"] == "standard" and entry.body["lifetime_value_cents"] == 0
    # The next search by number finds the new customer.
    search(qtbot, window, "+1 212 555 0199")
    assert bar.status.text() == "1 caller"
