"""The card editor and the queue panel, driven as an advocate would (pytest-qt, offscreen)."""

from __future__ import annotations

import subprocess
import uuid
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt

from advocate_console.cards import addressee_of, lay_out_card, render_image
from advocate_console.domain import CardState, Collection
from advocate_console.store import Replica
from advocate_console.tasks import pending_tasks
from advocate_console.ui.card_editor import PREVIEW_DPI, CardEditor
from advocate_console.ui.card_queue_panel import OWNER_COLUMN, CardQueuePanel


@pytest.fixture
def editor(qtbot, card_queue):
    widget = CardEditor(card_queue)
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def panel(qtbot, card_queue):
    widget = CardQueuePanel(card_queue)
    qtbot.addWidget(widget)
    widget.refresh()
    qtbot.waitUntil(lambda: widget.model.rowCount() > 0 and pending_tasks() == 0)
    yield widget
    qtbot.waitUntil(lambda: pending_tasks() == 0)


def test_the_preview_is_exactly_what_prints(qtbot, editor, card_queue):
    queued = card_queue.cards([CardState.QUEUED])[0]
    editor.load(queued.card.id)
    qtbot.keyClicks(editor.message, " See you soon, {first_name}!")
    qtbot.waitUntil(lambda: "See you soon" in (editor.layout_shown.message or ""))

    card = editor.save_card()
    printed = lay_out_card(card, addressee_of(card_queue.card(card.id)))
    assert render_image(printed.pages[-1], PREVIEW_DPI) == editor.preview_image


def test_an_unknown_field_shows_the_problem_and_cannot_be_queued(qtbot, editor, card_queue):
    editor.load(card_queue.cards([CardState.QUEUED])[0].card.id)
    editor.message.setPlainText("Dear {frist_name}")
    qtbot.waitUntil(lambda: editor.problem.isVisible() or editor.problem.text() != "")
    assert "{frist_name}" in editor.problem.text()
    assert not editor.queue_button.isEnabled()


def test_choosing_a_smaller_card_writes_the_message_smaller(qtbot, editor, card_queue):
    editor.load(card_queue.cards([CardState.QUEUED])[0].card.id)
    large = editor.refresh_preview().message_size
    editor.template.setCurrentIndex(editor.template.findData("a7-flat"))
    assert editor.refresh_preview().message_size < large


def test_gift_value_and_code_are_saved(editor, card_queue):
    card_id = card_queue.cards([CardState.QUEUED])[0].card.id
    editor.load(card_id)
    editor.gift_value.setValue(15)
    editor.gift_code.setText("GC-TEST-0001")
    editor.save_card()
    saved = card_queue.card(card_id).card
    assert (saved.gift_value_cents, saved.gift_code) == (1500, "GC-TEST-0001")


def test_the_editor_is_titled_with_the_customer(editor, card_queue, story_customer):
    card = card_queue.draft(story_customer.id, "Dear {first_name},\nThank you.")
    editor.load(card.id)
    assert editor.windowTitle() == "Thank-you card for Margaret O'Donnell"


@pytest.mark.parametrize("size", [(980, 600), (560, 380), (1340, 720), (700, 640)])
def test_the_whole_card_fits_in_the_preview_at_any_size(qtbot, editor, story_card, size):
    editor.load(story_card.id)
    editor.show()
    editor.resize(*size)
    qtbot.waitUntil(lambda: editor.preview.width() > 0 and editor.isVisible())
    qtbot.wait(10)  # one pass of the event loop lays the splitter out

    drawn, room = editor.preview.drawn_rect(), editor.preview.rect()
    assert room.contains(drawn) and drawn.width() > 100
    image = editor.preview_image
    assert drawn.width() / drawn.height() == pytest.approx(image.width() / image.height(), 0.02)
    corner = editor.preview.mapTo(editor, drawn.bottomRight())
    assert editor.rect().contains(corner)  # the preview itself is not cut by the window


def test_saving_confirms_and_closes(qtbot, editor, card_queue, story_customer):
    card = card_queue.draft(story_customer.id, "Dear {first_name},\nThank you.")
    editor.load(card.id)
    editor.show()
    qtbot.keyClicks(editor.message, " See you soon!")
    with qtbot.waitSignal(editor.sig_message) as said:
        editor.queue_button.click()
    assert said.args == ["Card for Margaret O'Donnell saved and queued for printing."]
    assert not editor.isVisible()
    saved = card_queue.card(card.id).card
    assert saved.state is CardState.QUEUED and saved.message.endswith("See you soon!")


def test_escape_cancels_and_asks_first_when_something_changed(
    qtbot, editor, card_queue, story_customer
):
    card = card_queue.draft(story_customer.id, "Dear {first_name},\nThank you.")
    editor.load(card.id)
    editor.show()
    qtbot.keyClick(editor, Qt.Key.Key_Escape)  # nothing changed: it just closes
    assert not editor.isVisible()

    editor.load(card.id)
    editor.show()
    qtbot.keyClicks(editor.message, " Typo")
    qtbot.keyClick(editor.message, Qt.Key.Key_Escape)
    box = editor.discard_box
    assert box is not None and box.isVisible() and "Margaret O'Donnell" in box.text()
    qtbot.keyClick(box, Qt.Key.Key_Escape)  # Escape again: keep editing
    assert editor.isVisible() and editor.message.toPlainText().endswith(" Typo")

    qtbot.keyClick(editor.message, Qt.Key.Key_Escape)
    discard = next(b for b in editor.discard_box.buttons() if b.text() == "Discard changes")
    discard.click()
    assert not editor.isVisible()
    assert card_queue.card(card.id).card.message == "Dear {first_name},\nThank you."


def test_a_card_for_a_customer_without_an_address_is_flagged_when_drafted(
    qtbot, editor, card_queue, story_customer
):
    moved = story_customer.model_copy(update={"address": None})
    Replica(card_queue._store).apply([(Collection.CUSTOMERS, moved)])
    card = card_queue.draft(story_customer.id, "Dear {first_name},\nThank you.")
    editor.load(card.id)
    assert editor.no_address.isVisibleTo(editor)
    assert editor.no_address.text().startswith(
        "Margaret O'Donnell has no postal address on their record"
    )
    assert editor.queue_button.isEnabled()  # the card itself can still print


def test_select_many_and_export_them_to_one_pdf(qtbot, panel, tmp_path):
    ids = [panel.model.record(row).card.id for row in range(min(3, panel.model.rowCount()))]
    panel.select_ids(ids)
    assert panel.selected_ids() == ids and panel.export_button.isEnabled()
    path = tmp_path / "batch.pdf"
    with qtbot.waitSignal(panel.sig_export_finished, timeout=30000):
        panel.export_selected(path)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
    assert f"Pages:           {len(ids)}" in info


def test_mark_mailed_cancel_and_reprint_update_the_list(qtbot, panel, card_queue):
    panel.show_states.setCurrentIndex(panel.show_states.count() - 1)  # all cards
    qtbot.waitUntil(lambda: pending_tasks() == 0)
    first, second = (panel.model.record(row).card.id for row in range(2))
    panel.select_ids([first])
    panel.cancel_button.click()
    qtbot.waitUntil(lambda: _state(panel, first) is CardState.CANCELLED)
    panel.select_ids([first])
    panel.reprint_button.click()
    qtbot.waitUntil(lambda: _state(panel, first) is CardState.QUEUED)
    panel.select_ids([second])
    panel.mailed_button.click()  # a queued card has not been printed yet
    qtbot.waitUntil(lambda: "is queued, so it cannot be marked mailed" in panel.status.text())
    assert card_queue.card(second).card.state is CardState.QUEUED
    qtbot.waitUntil(lambda: pending_tasks() == 0)


def test_printing_from_the_panel_runs_off_the_ui_thread_and_updates_states(
    qtbot, panel, card_queue, pdf_queue
):
    from advocate_console.cards import PrintSettings

    ids = [panel.model.record(row).card.id for row in range(2)]
    panel.select_ids(ids)
    with qtbot.waitSignal(panel.sig_print_finished, timeout=60000) as finished:
        panel.printing.print_selected(PrintSettings(pdf_queue.name))
        assert panel.busy and not panel.print_button.isEnabled()  # the UI is free meanwhile
    assert finished.args[0].printed == ids
    assert {card_queue.card(i).card.state for i in ids} == {CardState.PRINTED}
    qtbot.waitUntil(lambda: not panel.busy and all(i not in _shown(panel) for i in ids))


def _shown(panel) -> list:
    return [panel.model.record(row).card.id for row in range(panel.model.rowCount())]


def _state(panel, card_id):
    for row in range(panel.model.rowCount()):
        record = panel.model.record(row)
        if record.card.id == card_id:
            return record.card.state
    return None


def test_double_click_asks_to_edit_the_card(qtbot, panel):
    index = panel.model.index(0, 0)
    with qtbot.waitSignal(panel.sig_edit_requested) as requested:
        panel.view.doubleClicked.emit(index)  # the offscreen platform has no real mouse
    assert requested.args[0] == panel.model.record(0).card.id


def test_the_print_dialog_starts_on_the_default_printer(qtbot, card_queue, pdf_queue):
    from advocate_console.cards import PrintDefaults

    panel = CardQueuePanel(card_queue, defaults=PrintDefaults(printer=pdf_queue.name))
    qtbot.addWidget(panel)
    ids = [q.card.id for q in card_queue.cards([CardState.QUEUED])][:1]
    with qtbot.waitSignal(panel.sig_printers_checked, timeout=10000):
        panel.refresh()
    assert panel.printing.printer_for(ids).printerName() == pdf_queue.name
    with qtbot.waitSignal(panel.sig_printers_checked, timeout=10000):
        panel.set_defaults(PrintDefaults(printer="Upstairs Laser"))
    assert panel.printing.printer_for(ids).printerName() != "Upstairs Laser"
    assert "“Upstairs Laser” is not available" in panel.printer_problem.text()
    assert panel.print_button.isEnabled() is False or panel.printing.can_print()
    qtbot.waitUntil(lambda: pending_tasks() == 0)


def test_a_printer_locked_by_it_is_the_only_one_cards_print_on(qtbot, panel, card_queue):
    from advocate_console.cards import PrintDefaults, PrintSettings

    panel.set_defaults(PrintDefaults(printer="CardPrinter", printer_locked=True))
    ids = [panel.model.record(0).card.id]
    panel.select_ids(ids)
    panel.printing.print_selected(PrintSettings("HomeInkjet"))
    assert not panel.busy
    assert "“CardPrinter”: set by your IT department" in panel.status.text()
    assert card_queue.card(ids[0]).card.state is CardState.QUEUED


def test_cards_off_the_card_stock_are_pointed_out_before_printing(qtbot, panel, card_queue):
    from advocate_console.cards import PrintDefaults

    ids = [panel.model.record(row).card.id for row in range(2)]
    card_queue.edit(ids[0], template="a7-flat")
    panel.set_defaults(PrintDefaults(card_stock="a6-flat"))
    panel.printing.warn_about_stock(ids)
    assert panel.status.text() == (
        "1 card is not on the card stock in the printer, A6 flat card (148 × 105 mm)."
    )
    panel.set_defaults(PrintDefaults(card_stock="a6-flat", card_stock_locked=True))
    panel.printing.warn_about_stock(ids)
    assert "1 card will stay in the queue" in panel.status.text()


# -- mine and the team's --------------------------------------------------------------------


def _customers(panel) -> list[str]:
    return [panel.model.record(row).customer.display_name for row in range(panel.model.rowCount())]


def test_my_cards_by_default_and_the_team_at_a_switch_with_owners(qtbot, panel, card_queue):
    every = card_queue.cards([CardState.QUEUED])
    mine = [q.customer.display_name for q in every if q.card.advocate == "Maya Castellanos"]
    assert panel.mine_button.isChecked() and _customers(panel) == mine
    assert panel.view.isColumnHidden(OWNER_COLUMN)

    panel.team_button.click()
    assert _customers(panel) == [q.customer.display_name for q in every]
    assert not panel.view.isColumnHidden(OWNER_COLUMN)
    owners = [panel.model.index(row, OWNER_COLUMN).data() for row in range(len(every))]
    assert sorted(set(owners)) == ["Connor Byrne", "You"]
    assert panel.model.index(0, 1).data() == "Queued"  # a label, never the raw "queued"


def test_old_failed_cards_of_others_do_not_clutter_the_queue(qtbot, panel, card_queue):
    theirs = next(q for q in card_queue.cards() if not q.mine)
    mine = next(q for q in card_queue.cards() if q.mine)
    long_ago = datetime(2023, 3, 1, tzinfo=UTC)
    for queued in (theirs, mine):
        old = queued.card.model_copy(
            update={"id": uuid.uuid4(), "created_at": long_ago, "state": CardState.FAILED}
        )
        Replica(card_queue._store).apply([(Collection.CARDS, old)])
    panel.team_button.click()
    panel.refresh()
    qtbot.waitUntil(lambda: pending_tasks() == 0)

    shown = [panel.model.record(row).card for row in range(panel.model.rowCount())]
    assert [c.created_at for c in shown if c.state is CardState.FAILED] == [long_ago]  # mine
    assert panel.left_out.isVisibleTo(panel)
    assert panel.left_out.text() == (
        "1 old failed card of others not shown (All cards shows them)."
    )
    panel.show_states.setCurrentIndex(panel.show_states.count() - 1)
    qtbot.waitUntil(lambda: pending_tasks() == 0)
    failed = [panel.model.record(row).card for row in range(panel.model.rowCount())]
    assert sum(1 for c in failed if c.state is CardState.FAILED) == 2
    assert not panel.left_out.isVisibleTo(panel)


def test_a_card_without_a_postal_address_is_flagged_in_the_queue(qtbot, panel, card_queue):
    first = panel.model.record(0)
    without = first.customer.model_copy(update={"address": None})
    Replica(card_queue._store).apply([(Collection.CUSTOMERS, without)])
    panel.refresh()
    qtbot.waitUntil(lambda: pending_tasks() == 0)
    note = panel.model.index(0, panel.model.columnCount() - 1).data()
    assert note == "⚠ No postal address: the envelope cannot be addressed"


# -- printing that says the truth early ------------------------------------------------------


def test_no_printer_is_said_in_the_queue_with_the_fix(qtbot, card_queue, no_printer):
    panel = CardQueuePanel(card_queue)
    qtbot.addWidget(panel)
    panel.show()
    with qtbot.waitSignal(panel.sig_printers_checked, timeout=10000):
        panel.refresh()
    qtbot.waitUntil(lambda: pending_tasks() == 0)
    panel.select_ids([panel.model.record(0).card.id])

    assert panel.printer_banner.isVisible()
    assert panel.printer_problem.text() == (
        "No printer is set up: add one in your system's printer settings, or export to PDF."
    )
    assert panel.banner_export.isVisible() and panel.banner_export.isEnabled()
    assert not panel.print_button.isEnabled()  # no print dialog offering "Print to File"
    assert panel.export_button.isEnabled()


def test_a_stopped_print_service_is_said_before_anything_prints(
    qtbot, panel, card_queue, stopped_cups
):
    ids = [panel.model.record(0).card.id]
    panel.select_ids(ids)
    with qtbot.waitSignal(panel.sig_printers_checked, timeout=10000) as checked:
        panel.print_with_dialog()  # looks first: no dialog opens
    assert not checked.args[0].can_print
    assert "CUPS) is not running" in panel.printer_problem.text()
    assert panel.status.text() == panel.printer_problem.text()
    assert "export to PDF" in panel.status.text()
    assert not panel.print_button.isEnabled() and panel.banner_export.isVisibleTo(panel)
    assert card_queue.card(ids[0]).card.state is CardState.QUEUED
    qtbot.waitUntil(lambda: pending_tasks() == 0)


def test_print_to_file_in_the_print_dialog_writes_the_pdf(qtbot, panel, card_queue, tmp_path):
    from PySide6.QtPrintSupport import QPrinter

    ids = [panel.model.record(row).card.id for row in range(2)]
    panel.select_ids(ids)
    printer = panel.printing.printer_for(ids)  # as the dialog gets it...
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)  # ..."Print to File (PDF)"
    printer.setOutputFileName(str(tmp_path / "from-dialog.pdf"))
    with qtbot.waitSignal(panel.sig_export_finished, timeout=30000):
        panel.printing.print_chosen(printer)

    info = subprocess.run(["pdfinfo", str(tmp_path / "from-dialog.pdf")], capture_output=True)
    assert b"Pages:           2" in info.stdout
    assert panel.status.text() == f"2 cards saved to {tmp_path / 'from-dialog.pdf'}"
    assert {card_queue.card(i).card.state for i in ids} == {CardState.QUEUED}
    qtbot.waitUntil(lambda: pending_tasks() == 0)


def test_an_export_that_writes_nothing_says_so(qtbot, panel, card_queue, tmp_path):
    card_id = panel.model.record(0).card.id
    card_queue.edit(card_id, message="So sorry. " * 300, template="a7-flat")
    panel.select_ids([card_id])
    path = tmp_path / "nothing.pdf"
    panel.export_selected(path)
    qtbot.waitUntil(lambda: not panel.busy and pending_tasks() == 0, timeout=30000)

    assert not path.exists()
    assert panel.status.text().startswith(
        "No PDF was written: the 1 chosen card cannot be laid out. The message is too long"
    )
    assert "0 card" not in panel.status.text()


# -- the history's Cards tab ---------------------------------------------------------------


def test_the_history_shows_the_merged_message_never_the_template(qtbot, card_queue, story_customer):
    from advocate_console.store import CallerDirectory
    from advocate_console.ui.history_panel import HistoryPanel

    story = next(q for q in card_queue.cards() if q.customer.id == story_customer.id)
    card_queue.edit(story.card.id, message="Dear {first_name},\nSorry about your {product}.")
    panel = HistoryPanel()
    qtbot.addWidget(panel)
    panel.show_history(CallerDirectory(card_queue._store).history(story_customer.id))

    row = next(
        row for row in range(panel.cards.rowCount()) if panel.cards.record(row).id == story.card.id
    )
    shown = panel.cards.index(row, 2).data()
    assert shown.startswith("Dear Margaret,\nSorry about your ") and "{" not in shown
    assert "microwave" in shown
    assert panel.cards.index(row, 2).data(Qt.ItemDataRole.ToolTipRole) == shown


def test_a_card_that_cannot_change_says_why(editor, card_queue, story_card):
    card_queue.start_printing([story_card.id])
    card_queue.printed([story_card.id])
    editor.load(story_card.id)
    assert editor.locked.isVisibleTo(editor) and not editor.message.isEnabled()
    assert editor.locked.text() == (
        "This card is printed, so it cannot be changed. To change it, choose it in the queue "
        "and press Reprint."
    )
    assert editor.cancel.text() == "Close"


def test_with_nothing_selected_export_takes_every_card_shown(qtbot, panel, tmp_path):
    panel.view.clearSelection()
    shown = panel.model.rowCount()
    assert panel.export_button.isEnabled() and not panel.mailed_button.isEnabled()
    with qtbot.waitSignal(panel.sig_export_finished, timeout=30000):
        panel.export_selected(tmp_path / "all.pdf")
    info = subprocess.run(["pdfinfo", str(tmp_path / "all.pdf")], capture_output=True, text=True)
    assert f"Pages:           {shown}" in info.stdout
    qtbot.waitUntil(lambda: pending_tasks() == 0)
