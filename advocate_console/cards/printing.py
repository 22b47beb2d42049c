"""Sending pages to a system printer through Qt print support, as one job.

The print dialog (in ``ui/``) fills a :class:`PrintSettings`; the job itself is built here,
on a worker thread, from those plain values — a QPrinter is never shared across threads.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QPainter
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from .layout import Page
from .paint import page_layout, paint_pages
from .templates import Fold


class PrinterProblem(RuntimeError):
    """The job could not be handed to the printer; the message says why."""


@dataclass(frozen=True, slots=True)
class PrintSettings:
    """The choices of the print dialog, as plain values a worker thread can use."""

    printer_name: str
    copies: int = 1
    duplex: QPrinter.DuplexMode = QPrinter.DuplexMode.DuplexNone
    paper_source: QPrinter.PaperSource | None = None
    colour: bool = True
    resolution: int = 600
    title: str = "Thank-you cards"

    @classmethod
    def from_printer(cls, printer: QPrinter, title: str = "Thank-you cards") -> PrintSettings:
        """The settings the advocate chose in a QPrintDialog on ``printer``."""
        return cls(
            printer_name=printer.printerName(),
            copies=max(1, printer.copyCount()),
            duplex=printer.duplex(),
            paper_source=printer.paperSource(),
            colour=printer.colorMode() == QPrinter.ColorMode.Color,
            resolution=printer.resolution(),
            title=title,
        )

    def apply_to(self, printer: QPrinter) -> None:
        """Set up ``printer`` (a print preview's, or the job's) with these choices."""
        printer.setPrinterName(self.printer_name)
        printer.setFullPage(True)  # the templates hold their own margins
        printer.setCopyCount(self.copies)
        printer.setDuplex(self.duplex)
        if self.paper_source is not None:
            printer.setPaperSource(self.paper_source)
        printer.setColorMode(
            QPrinter.ColorMode.Color if self.colour else QPrinter.ColorMode.GrayScale
        )
        printer.setDocName(self.title)


@dataclass(frozen=True, slots=True)
class PrintDefaults:
    """Where cards print unless the advocate picks otherwise, and the card stock loaded.

    From the settings (``default_printer``, ``card_stock``); a locked one is a rule, not
    a default: cards print only there, or only on that stock.
    """

    printer: str = ""  # "": the system's default printer
    card_stock: str = ""  # a card template id; "": whatever each card says
    printer_locked: bool = False
    card_stock_locked: bool = False


def duplex_for(folds: Sequence[Fold]) -> QPrinter.DuplexMode:
    """The duplex a batch needs: folded cards print on both sides of the sheet.

    A side fold turns on the sheet's short edge (the sheet is landscape); a top fold on
    its long edge.
    """
    if Fold.SIDE in folds:
        return QPrinter.DuplexMode.DuplexShortSide
    if Fold.TOP in folds:
        return QPrinter.DuplexMode.DuplexLongSide
    return QPrinter.DuplexMode.DuplexNone


def printer_exists(name: str) -> bool:
    """True when the system has a printer called ``name``.

    Qt quietly prints to a PDF file when asked for an unknown printer; this is the check
    that stops that.
    """
    return bool(name) and not QPrinterInfo.printerInfo(name).isNull()


def print_pages(settings: PrintSettings, pages: Sequence[Page]) -> int:
    """Print ``pages`` as one job; returns the page count. Safe on a worker thread.

    Raises :class:`PrinterProblem` when the printer does not exist or refuses the job.
    """
    if not pages:
        raise PrinterProblem(
            QCoreApplication.translate("CardPrinting", "There is nothing to print.")
        )
    if not printer_exists(settings.printer_name):
        raise PrinterProblem(
            QCoreApplication.translate(
                "CardPrinting", "The printer “%s” is not available on this computer."
            )
            % settings.printer_name
        )
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    settings.apply_to(printer)
    printer.setResolution(settings.resolution)
    if printer.outputFormat() != QPrinter.OutputFormat.NativeFormat:
        raise PrinterProblem(
            QCoreApplication.translate("CardPrinting", "The printer “%s” cannot be printed to.")
            % settings.printer_name
        )
    printer.setPageLayout(page_layout(pages[0]))
    painter = QPainter()
    if not painter.begin(printer):
        raise PrinterProblem(
            QCoreApplication.translate("CardPrinting", "The printer “%s” refused the job.")
            % settings.printer_name
        )

    def new_page(page: Page) -> bool:
        printer.setPageLayout(page_layout(page))
        return printer.newPage()

    try:
        count = paint_pages(painter, pages, new_page)
    except OSError as error:
        painter.end()
        raise PrinterProblem(str(error)) from None
    if not painter.end():
        raise PrinterProblem(
            QCoreApplication.translate("CardPrinting", "The printer “%s” refused the job.")
            % settings.printer_name
        )
    return count
