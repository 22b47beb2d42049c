"""Printing a batch through a real CUPS queue (cups-pdf) and following the job."""

from __future__ import annotations

import subprocess

import pytest

from advocate_console.cards import PrintRun, PrintSettings, printer_exists
from advocate_console.cards.printer_check import PrinterState, check_printers
from advocate_console.domain import CardState
from advocate_console.store import LocalChanges


def _pdfinfo(path) -> str:
    return subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout


def _page_size(info: str) -> tuple[float, float]:
    line = next(line for line in info.splitlines() if line.startswith("Page size:"))
    width, _x, height = line.split(":", 1)[1].split()[:3]
    return tuple(sorted((float(width), float(height))))


def test_a_batch_prints_as_one_job_and_the_cards_are_marked_printed(card_queue, pdf_queue):
    batch = [q.card.id for q in card_queue.cards([CardState.QUEUED])][:3]
    outbox_before = LocalChanges(card_queue._store).waiting()

    report = PrintRun(card_queue, stuck_after=5).print_cards(batch, PrintSettings(pdf_queue.name))

    assert report.printed == batch and not report.held and not report.failed
    assert {q.card.state for q in card_queue.get(batch)} == {CardState.PRINTED}
    assert all(q.card.printed_at for q in card_queue.get(batch))
    # printing, then printed: each move is an outbox entry, so it syncs
    assert LocalChanges(card_queue._store).waiting() - outbox_before == 2 * len(batch)
    info = _pdfinfo(pdf_queue.pdf_of_job(report.job_id))
    assert "Pages:           3" in info
    assert _page_size(info) == pytest.approx((297.6, 419.5), abs=1.5)  # A6


def test_folded_cards_print_duplex_with_an_outside_and_an_inside(card_queue, pdf_queue):
    batch = [q.card.id for q in card_queue.cards([CardState.QUEUED])][:2]
    for card_id in batch:
        card_queue.edit(card_id, template="a2-folded")
    settings = PrintSettings(
        pdf_queue.name, duplex=PrintSettings.__dataclass_fields__["duplex"].default.DuplexShortSide
    )

    report = PrintRun(card_queue, stuck_after=5).print_cards(batch, settings)

    assert report.printed == batch
    info = _pdfinfo(pdf_queue.pdf_of_job(report.job_id))
    assert "Pages:           4" in info, info
    assert _page_size(info) == pytest.approx((396, 612), abs=1.5)  # 8.5 × 5.5 in sheets


def test_a_disabled_printer_leaves_the_cards_queued_with_the_reason(card_queue, disabled_queue):
    batch = [q.card.id for q in card_queue.cards([CardState.QUEUED])][:2]

    report = PrintRun(card_queue, stuck_after=2).print_cards(
        batch, PrintSettings(disabled_queue.name)
    )

    assert not report.printed and set(report.held) == set(batch)
    for queued in card_queue.get(batch):
        assert queued.card.state is CardState.QUEUED
        assert "Out of card stock" in queued.card.failure_reason
    assert disabled_queue.pdfs() == []


def test_a_stopped_print_service_leaves_the_cards_queued(card_queue, stopped_cups):
    batch = [q.card.id for q in card_queue.cards([CardState.QUEUED])][:2]
    assert not printer_exists(stopped_cups)  # Qt would print to a PDF file instead

    report = PrintRun(card_queue).print_cards(batch, PrintSettings(stopped_cups))

    assert not report.printed
    for queued in card_queue.get(batch):
        assert queued.card.state is CardState.QUEUED
        assert "not running" in queued.card.failure_reason
    assert report.summary.startswith("Nothing was printed; 2 cards still in the queue: ")
    assert "0 card" not in report.summary


def test_an_unknown_printer_prints_nothing(card_queue, cups_service):
    batch = [q.card.id for q in card_queue.cards([CardState.QUEUED])][:1]

    report = PrintRun(card_queue).print_cards(batch, PrintSettings("NoSuchPrinter"))

    assert not report.printed
    [queued] = card_queue.get(batch)
    assert queued.card.state is CardState.QUEUED and "NoSuchPrinter" in queued.card.failure_reason


def test_a_card_that_does_not_fit_stays_queued_and_the_rest_print(card_queue, pdf_queue):
    good, bad = [q.card.id for q in card_queue.cards([CardState.QUEUED])][:2]
    card_queue.edit(bad, message="So sorry. " * 200, template="a7-flat")

    report = PrintRun(card_queue, stuck_after=5).print_cards(
        [good, bad], PrintSettings(pdf_queue.name)
    )

    assert report.printed == [good]
    [held] = card_queue.get([bad])
    assert held.card.state is CardState.QUEUED and "too long" in held.card.failure_reason
    assert "Pages:           1" in _pdfinfo(pdf_queue.pdf_of_job(report.job_id))


def test_a_card_stock_locked_by_it_holds_cards_on_other_stock(card_queue, pdf_queue):
    on_stock, other = [q.card.id for q in card_queue.cards([CardState.QUEUED])][:2]
    card_queue.edit(on_stock, template="a7-flat")
    card_queue.edit(other, template="a6-flat")

    report = PrintRun(card_queue, stuck_after=5).print_cards(
        [on_stock, other], PrintSettings(pdf_queue.name), card_stock="a7-flat"
    )

    assert report.printed == [on_stock]
    [held] = card_queue.get([other])
    assert held.card.state is CardState.QUEUED
    assert "A7 flat card" in held.card.failure_reason
    assert "IT department" in held.card.failure_reason
    assert "Pages:           1" in _pdfinfo(pdf_queue.pdf_of_job(report.job_id))


def test_the_printer_check_says_what_stands_in_the_way(pdf_queue, disabled_queue):
    ready = check_printers(pdf_queue.name)
    assert ready.state is PrinterState.READY and ready.can_print
    assert {pdf_queue.name, disabled_queue.name} <= set(ready.printers)
    paused = check_printers(disabled_queue.name)
    assert paused.state is PrinterState.NOT_PRINTING and "Out of card stock" in paused.detail
    missing = check_printers("Upstairs Laser")
    assert missing.state is PrinterState.CARD_PRINTER_MISSING and missing.can_print


def test_the_printer_check_with_no_printer_set_up(no_printer):
    assert check_printers().state is PrinterState.NO_PRINTER
    assert not check_printers().can_print


def test_the_printer_check_with_the_print_service_stopped(stopped_cups):
    check = check_printers(stopped_cups)
    assert check.state is PrinterState.SERVICE_DOWN and not check.can_print
    assert "not running" in check.detail
