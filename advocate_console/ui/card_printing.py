"""Printing and PDF export of the card queue's selection, saying exactly what happened.

Before a run the printers are looked at (off the UI thread): with none usable the queue
says so, with the fix, and PDF export is the way offered instead. "Print to File (PDF)"
in the print dialog writes the same PDF as export does.
"""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QFileDialog

from advocate_console.cards import PrintSettings, card_pages, duplex_for
from advocate_console.cards.paint import PagePainter, page_layout
from advocate_console.cards.print_run import Batch, PrintReport
from advocate_console.cards.printer_check import PrinterCheck, PrinterState, check_printers
from advocate_console.tasks import run_task

if TYPE_CHECKING:
    from .card_queue_panel import CardQueuePanel


class CardPrinting(QObject):
    """The queue panel's printing: the printer check, the print dialog, runs and exports."""

    def __init__(self, panel: CardQueuePanel) -> None:
        super().__init__(panel)
        self.panel = panel
        self.check: PrinterCheck | None = None  # the last look at the printers
        panel.print_button.clicked.connect(self.print_with_dialog)
        panel.preview_button.clicked.connect(self.print_preview)
        panel.export_button.clicked.connect(lambda: self.export_with_dialog(envelopes=False))
        panel.banner_export.clicked.connect(lambda: self.export_with_dialog(envelopes=False))
        panel.envelopes_button.clicked.connect(lambda: self.export_with_dialog(envelopes=True))

    # -- the printer check ----------------------------------------------------------------

    def can_print(self) -> bool:
        """Whether printing is worth offering (unknown yet counts as yes)."""
        return self.check is None or self.check.can_print

    def check_printers(self, then=None) -> None:
        """Look at the printers off the UI thread; show what stands in the way, if anything,
        then call ``then`` with the check."""
        card_printer = self.panel.defaults.printer
        run_task(
            lambda: check_printers(card_printer),
            lambda check: self._checked(check, then),
            lambda error: self.panel.say(self.tr("Could not look at the printers: %s") % error),
            owner=self.panel,  # work started before the window closed may report after
        )

    def _checked(self, check: PrinterCheck, then) -> None:
        self.check = check
        problem = self.describe(check)
        panel = self.panel
        panel.printer_problem.setText(problem)
        panel.printer_banner.setVisible(bool(problem))
        # With nothing to print on, export is the way: the banner carries it.
        panel.banner_export.setVisible(not check.can_print)
        panel.print_button.setToolTip(problem if not check.can_print else "")
        panel._update_buttons()
        panel.sig_printers_checked.emit(check)
        if then is not None:
            then(check)

    def describe(self, check: PrinterCheck) -> str:
        """What stands in the way of printing, with the fix; empty when nothing does."""
        if check.state is PrinterState.NO_PRINTER:
            return self.tr(
                "No printer is set up: add one in your system's printer settings, or export to PDF."
            )
        if check.state is PrinterState.SERVICE_DOWN:
            return self.tr(
                "The print service (CUPS) is not running, so nothing can print: start it (or "
                "ask your IT department), or export to PDF."
            )
        if check.state is PrinterState.CARD_PRINTER_MISSING:
            return (
                self.tr(
                    "The card printer “%s” is not available on this computer: choose another "
                    "printer when printing, or export to PDF."
                )
                % check.printer
            )
        if check.state is PrinterState.NOT_PRINTING:
            return self.tr("%s Cards sent to it stay in the queue.") % check.detail
        return ""

    # -- printing -------------------------------------------------------------------------

    def print_with_dialog(self) -> None:
        """Check the printer; when one can be used, ask for its settings and print."""
        if not self.panel.chosen_ids():
            return
        self.panel.say(self.tr("Looking at the printers…"))
        self.check_printers(then=self._open_dialog)

    def _open_dialog(self, check: PrinterCheck) -> None:
        panel = self.panel
        ids = panel.chosen_ids()
        if not check.can_print:
            panel.say(self.describe(check))
            return
        if not ids:
            panel.say("")
            return
        panel.say("")
        printer = self.printer_for(ids)
        self.warn_about_stock(ids)
        dialog = QPrintDialog(printer, panel)
        dialog.setWindowTitle(self.tr("Print %n card(s)", "", len(ids)))
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            self.print_chosen(printer)

    def print_chosen(self, printer: QPrinter) -> None:
        """Print the selection as the print dialog set up ``printer``: on paper, or, for
        "Print to File (PDF)", as the PDF export writes it."""
        if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat:
            path = printer.outputFileName()
            if not path:
                self.panel.say(self.tr("No file was chosen, so nothing was saved."))
                return
            self.export_selected(Path(path))
            return
        self.print_selected(PrintSettings.from_printer(printer, self.tr("Thank-you cards")))

    def warn_about_stock(self, ids: list[uuid.UUID]) -> None:
        """Say which chosen cards are not on the card stock in the printer."""
        panel = self.panel
        stock = panel.defaults.card_stock
        if not stock:
            return
        other = [q for q in panel.queue.get(ids) if q.card.template != stock]
        if not other:
            return
        name = panel.print_run.book.cards.get(stock)
        stock_name = name.name if name else stock
        if panel.defaults.card_stock_locked:
            text = self.tr(
                "%n card(s) will stay in the queue: the printer holds %1 (set by your IT "
                "department).",
                "",
                len(other),
            )
        else:
            text = self.tr(
                "%n card(s) are not on the card stock in the printer, %1.", "", len(other)
            )
        panel.say(text.replace("%1", stock_name))

    def print_preview(self) -> None:
        """Show the selection as it will print, with the printer's own preview dialog."""
        ids = self.panel.chosen_ids()
        if not ids:
            return
        printer = self.printer_for(ids)
        dialog = QPrintPreviewDialog(printer, self.panel)
        dialog.paintRequested.connect(lambda target: self._paint_preview(target, ids))
        dialog.exec()

    def print_selected(self, settings: PrintSettings) -> None:
        """Print the selected cards as one job on a worker thread; the list follows along."""
        panel = self.panel
        ids = panel.chosen_ids()
        if not ids or panel.busy:
            return
        defaults = panel.defaults
        if defaults.printer_locked and settings.printer_name != defaults.printer:
            panel.say(self.tr("Cards print on “%s”: set by your IT department.") % defaults.printer)
            return
        stock = defaults.card_stock if defaults.card_stock_locked else None
        panel.set_busy(True)
        panel.say(
            self.tr("Sending %n card(s) to %1…", "", len(ids)).replace("%1", settings.printer_name)
        )
        run = panel.print_run
        run_task(
            lambda: run.print_cards(ids, settings, card_stock=stock),
            self._printed,
            lambda error: self._failed(self.tr("Printing failed: %s") % error),
            owner=panel,
        )

    def printer_for(self, ids: list[uuid.UUID]) -> QPrinter:
        """A printer set up for these cards: the card printer, their sheet and duplex."""
        panel = self.panel
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        chosen = panel.defaults.printer
        known = self.check.printers if self.check is not None else []
        if chosen and chosen in known:
            printer.setPrinterName(chosen)
        elif chosen:
            panel.say(self.tr("The card printer “%s” is not available on this computer.") % chosen)
        batch = card_pages(panel.queue.get(ids), panel.print_run.book)
        printer.setFullPage(True)
        printer.setDuplex(duplex_for(batch.folds))
        if batch.pages:
            printer.setPageLayout(page_layout(batch.pages[0]))
        return printer

    def _paint_preview(self, printer: QPrinter, ids: list[uuid.UUID]) -> None:
        duplex = printer.duplex() != QPrinter.DuplexMode.DuplexNone
        panel = self.panel
        batch = card_pages(panel.queue.get(ids), panel.print_run.book, duplex=duplex)
        painter = QPainter(printer)
        pages = PagePainter(painter)
        for number, page in enumerate(batch.pages):
            if number:
                printer.setPageLayout(page_layout(page))
                printer.newPage()
            pages.paint(page)
        painter.end()

    def _printed(self, report: PrintReport) -> None:
        panel = self.panel
        panel.set_busy(False)
        panel.say(report.summary)
        panel.refresh()
        panel.sig_print_finished.emit(report)

    def _failed(self, text: str) -> None:
        panel = self.panel
        panel.set_busy(False)
        panel.say(text)
        panel.refresh()

    # -- PDF ------------------------------------------------------------------------------

    def export_with_dialog(self, *, envelopes: bool) -> None:
        """Ask where to save, then write the selected cards (or envelopes) to one PDF."""
        panel = self.panel
        if not panel.chosen_ids():
            return
        title = self.tr("Save envelopes as PDF") if envelopes else self.tr("Save cards as PDF")
        name = self.tr("envelopes.pdf") if envelopes else self.tr("cards.pdf")
        path, _filter = QFileDialog.getSaveFileName(panel, title, name, self.tr("PDF (*.pdf)"))
        if path:
            self.export_selected(Path(path), envelopes=envelopes)

    def export_selected(self, path: Path, *, envelopes: bool = False) -> None:
        """Write the selection to ``path`` on a worker thread."""
        panel = self.panel
        ids = panel.chosen_ids()
        if not ids or panel.busy:
            return
        panel.set_busy(True)
        run = panel.print_run
        run_task(
            lambda: run.export_pdf(ids, path, envelopes=envelopes),
            lambda batch: self._exported(path, batch, len(ids), envelopes),
            lambda error: self._failed(
                self.tr("The PDF could not be written, so nothing was saved: %s") % error
            ),
            owner=panel,
        )

    def _exported(self, path: Path, batch: Batch, asked: int, envelopes: bool) -> None:
        panel = self.panel
        panel.set_busy(False)
        reasons = " ".join(dict.fromkeys(batch.problems.values()))
        if not batch.pages or not path.exists():
            text = self.tr(
                "No PDF was written: the %n chosen card(s) cannot be laid out.", "", asked
            )
            panel.say(f"{text} {reasons}".strip())
            return
        if envelopes:
            text = self.tr("%n envelope(s) saved to %1", "", len(batch.card_ids))
        else:
            text = self.tr("%n card(s) saved to %1", "", len(batch.card_ids))
        text = text.replace("%1", str(path))
        if batch.problems:
            text += "; " + self.tr("%n left out:", "", len(batch.problems)) + " " + reasons
        panel.say(text)
        panel.sig_export_finished.emit(str(path))
