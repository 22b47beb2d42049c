"""The card editor and the queue panel, driven as an advocate would (pytest-qt, offscreen)."""

from __future__ import annotations

import subprocess

import pytest

from advocate_console.cards import addressee_of, lay_out_card, render_image
from advocate_console.domain import CardState
from advocate_console.tasks import pending_tasks
from advocate_console.ui.card_editor import PREVIEW_DPI, CardEditor
from advocate_console.ui.card_queue_panel import CardQueuePanel


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
    qtbot.waitUntil(lambda: "cannot become mailed" in panel.status.text())
    assert card_queue.card(second).card.state is CardState.QUEUED
    qtbot.waitUntil(lambda: pending_tasks() == 0)


def test_printing_from_the_panel_runs_off_the_ui_thread_and_updates_states(
    qtbot, panel, card_queue, pdf_queue
):
    from advocate_console.cards import PrintSettings

    ids = [panel.model.record(row).card.id for row in range(2)]
    panel.select_ids(ids)
    with qtbot.waitSignal(panel.sig_print_finished, timeout=60000) as finished:
        panel.print_selected(PrintSettings(pdf_queue.name))
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
    assert panel._printer_for(ids).printerName() == pdf_queue.name
    panel.set_defaults(PrintDefaults(printer="Upstairs Laser"))
    assert panel._printer_for(ids).printerName() != "Upstairs Laser"
    assert "“Upstairs Laser” is not available" in panel.status.text()


def test_a_printer_locked_by_it_is_the_only_one_cards_print_on(qtbot, panel, card_queue):
    from advocate_console.cards import PrintDefaults, PrintSettings

    panel.set_defaults(PrintDefaults(printer="CardPrinter", printer_locked=True))
    ids = [panel.model.record(0).card.id]
    panel.select_ids(ids)
    panel.print_selected(PrintSettings("HomeInkjet"))
    assert not panel.busy
    assert "“CardPrinter”: set by your IT department" in panel.status.text()
    assert card_queue.card(ids[0]).card.state is CardState.QUEUED


def test_cards_off_the_card_stock_are_pointed_out_before_printing(qtbot, panel, card_queue):
    from advocate_console.cards import PrintDefaults

    ids = [panel.model.record(row).card.id for row in range(2)]
    card_queue.edit(ids[0], template="a7-flat")
    panel.set_defaults(PrintDefaults(card_stock="a6-flat"))
    panel._warn_about_stock(ids)
    assert panel.status.text() == (
        "1 card(s) are not on the card stock in the printer, A6 flat card (148 × 105 mm)."
    )
    panel.set_defaults(PrintDefaults(card_stock="a6-flat", card_stock_locked=True))
    panel._warn_about_stock(ids)
    assert "will stay in the queue" in panel.status.text()
