"""Searching a caller in the window and reading their history."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QDate, Qt

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
    assert panel.products.data(badge) == "expired 2 months ago"
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


def test_what_the_advocate_heard_of_a_name_finds_the_caller_as_written(qtbot, window, store):
    # The demo walk: "gutierrez", "odonnell" and "reid" found nobody, and the advocate
    # noted a duplicate customer.
    names = ("Tomás Gutiérrez", "Margaret O'Donnell", "Grace Nakamura-Reid")
    Replica(store).apply(
        [
            (Collection.CUSTOMERS, make.customer(display_name=name, phones=[], emails=[]))
            for name in names
        ]
    )
    bar = window.caller_bar
    for typed, name in zip(("gutierrez", "odonnell", "reid"), names, strict=True):
        with qtbot.waitSignal(window.sig_history_shown, timeout=5000):
            search(qtbot, window, typed)
        assert bar.status.text() == "1 caller", typed
        assert bar.results.record(0).customer.display_name == name  # shown as written
        assert window.history.caller.name.text() == name
        assert not bar.new_contact.isVisibleTo(window)


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


def test_down_then_enter_opens_the_highlighted_match(qtbot, window):
    search(qtbot, window, "lee")
    bar = window.caller_bar
    highlighted = bar.results.record(bar.list.currentIndex().row()).customer.display_name
    bar.field.setFocus()
    qtbot.keyClick(bar.field, Qt.Key.Key_Down)
    with qtbot.waitSignal(window.sig_history_shown, timeout=5000):
        qtbot.keyClick(bar.list, Qt.Key.Key_Return)
    assert window.history.caller.name.text() == highlighted


def test_a_case_number_is_found_without_its_c(qtbot, window, store):
    [case, _] = (
        CallerDirectory(store)
        .history(CallerDirectory(store).lookup("maria")[0][0].customer.id)
        .cases
    )
    bare = case.number.removeprefix("C-").lower()
    with qtbot.waitSignal(window.sig_history_shown, timeout=5000):
        window.caller_bar.field.setText(bare)
    assert window.history.caller.name.text() == "Maria Garcia"


def test_warranty_badges_count_months_and_years_past_sixty_days(qtbot, window):
    from advocate_console.domain import WarrantyState, WarrantyStatus
    from advocate_console.ui.labels import labels

    words = labels()
    assert words.warranty(WarrantyStatus(WarrantyState.EXPIRED, 60)) == "expired 60 days ago"
    assert words.warranty(WarrantyStatus(WarrantyState.EXPIRED, 3484)) == "expired 9 years ago"
    assert words.warranty(WarrantyStatus(WarrantyState.EXPIRED, 400)) == "expired 13 months ago"
    assert words.warranty(WarrantyStatus(WarrantyState.ACTIVE, 1)) == "active, ends in 1 day"
    assert words.warranty(WarrantyStatus(WarrantyState.ACTIVE, 800)) == "active, ends in 2 years"
    search(qtbot, window, "maria")
    badges = [window.history.products.data(window.history.products.index(r, 4)) for r in (0, 1)]
    assert sorted(badges) == ["expired 13 months ago", "expired 2 months ago"]


def new_caller_dialog(qtbot, window, number: str):
    """New caller… for ``number`` found nobody, with her name typed."""
    search(qtbot, window, number)
    dialog = window.note_new_caller(window.caller_bar.field.text())
    qtbot.addWidget(dialog)
    dialog.name.setText("Priya Raman")
    return dialog


def test_a_new_caller_is_a_whole_customer_with_address_and_product(qtbot, window, store):
    dialog = new_caller_dialog(qtbot, window, "(212) 555-0199")
    # A short number is explained in the advocate's words, in full, above the next field.
    dialog.phone.setText("212 555")
    dialog.save()
    note = dialog.problems["phones"]
    assert note.text() == "That is not a full US number: it needs 10 digits."
    qtbot.waitUntil(lambda: note.isVisible())
    qtbot.wait(50)  # the dialog's layout settles
    assert note.height() >= note.heightForWidth(note.width())  # not clipped
    below = dialog.email.mapTo(dialog, dialog.email.rect().topLeft()).y()
    assert note.mapTo(dialog, note.rect().bottomLeft()).y() < below  # no overlap

    dialog.phone.setText("(212) 555-0199")
    dialog.street.setText("12 Orchard Lane")
    dialog.city.setText("Brooklyn")
    dialog.region.setText("NY")
    dialog.postal_code.setText("11201")
    dialog.product_box.setChecked(True)
    dialog.brand.setText("Halvorsen")
    dialog.product_name.setText("Countertop microwave")
    dialog.model.setText("HMV3160RF")
    dialog.serial.setText("vr77")
    dialog.purchased.setDate(QDate(2024, 1, 10))
    assert dialog.warranty_end.date() == QDate(2025, 1, 10)  # a year, as usual
    with qtbot.waitSignal(window.sig_history_shown, timeout=5000):
        dialog.save()
    history = window.history.history
    assert history.customer.address.lines == ["12 Orchard Lane"]
    assert history.customer.address.city == "Brooklyn"
    [product] = history.products
    assert product.serial_number == "VR77" and product.warranty_end == date(2025, 1, 10)
    badge = window.history.products.data(window.history.products.index(0, 4))
    assert badge.startswith("expired")  # the warranty badge works from the first call
    assert {e.collection for e in LocalChanges(store).entries()} == {
        Collection.CUSTOMERS,
        Collection.PRODUCTS,
    }


def test_a_new_callers_address_is_one_an_envelope_can_carry(qtbot, window, store):
    dialog = new_caller_dialog(qtbot, window, "(503) 555-0100")
    dialog.street.setText("42 Elm Street")
    dialog.city.setText("Portland")
    dialog.region.setText("Oregon")
    dialog.postal_code.setText("9721")
    dialog.show()
    qtbot.waitExposed(dialog)
    # Left as it opens, the warranty is the usual year, never "active, ends today".
    assert dialog.warranty_end.date() == dialog.purchased.date().addYears(1)
    dialog.save()
    note = dialog.problems["address"]
    qtbot.waitUntil(note.isVisible)
    assert note.text() == "“9721” is not a ZIP code: it has 5 digits, as 97201 or 97201-1234"
    qtbot.wait(50)  # the dialog's layout settles
    assert note.height() >= note.heightForWidth(note.width())  # two lines, not cut
    assert LocalChanges(store).waiting() == 0
    dialog.postal_code.setText("97201")
    with qtbot.waitSignal(window.sig_history_shown, timeout=5000):
        dialog.save()
    address = window.history.history.customer.address
    assert (address.region, address.postal_code) == ("OR", "97201")
