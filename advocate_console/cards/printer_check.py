"""Is there a printer to print cards on? Asked before a print run, so the queue can say so
(and offer PDF export) instead of failing afterwards.

Safe on a worker thread: it asks CUPS (pycups, where installed) and Qt's printer list,
both of which may wait on the print service.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from PySide6.QtPrintSupport import QPrinterInfo

from .cups_jobs import CupsWatch, PrintServiceDown


class PrinterState(enum.StrEnum):
    """What the check found (``ui/`` words it)."""

    READY = "ready"
    NO_PRINTER = "no_printer"  # nothing is set up on this computer
    SERVICE_DOWN = "service_down"  # CUPS is not running
    CARD_PRINTER_MISSING = "card_printer_missing"  # the chosen card printer is gone
    NOT_PRINTING = "not_printing"  # it exists, but is paused, out of paper, …


@dataclass(frozen=True, slots=True)
class PrinterCheck:
    """The printers there are, the one cards would go to, and what stands in the way."""

    state: PrinterState
    printers: list[str] = field(default_factory=list)
    printer: str = ""  # where cards would print: the card printer, else the default
    detail: str = ""  # the printer's own words (e.g. "Out of card stock"), when any

    @property
    def can_print(self) -> bool:
        """Whether the print dialog has a real printer to offer."""
        return self.state not in (PrinterState.NO_PRINTER, PrinterState.SERVICE_DOWN)


def check_printers(card_printer: str = "") -> PrinterCheck:
    """Look at the printers now; ``card_printer`` is the one the settings name ("" for the
    system's default)."""
    if CupsWatch.available():
        try:
            CupsWatch(card_printer).check_service()
        except PrintServiceDown as error:
            return PrinterCheck(PrinterState.SERVICE_DOWN, detail=str(error))
    printers = sorted(QPrinterInfo.availablePrinterNames())
    if not printers:
        return PrinterCheck(PrinterState.NO_PRINTER)
    if card_printer and card_printer not in printers:
        return PrinterCheck(PrinterState.CARD_PRINTER_MISSING, printers, card_printer)
    printer = card_printer or QPrinterInfo.defaultPrinterName() or printers[0]
    if CupsWatch.available():
        try:
            problem = CupsWatch(printer).printer_problem()
        except PrintServiceDown as error:
            return PrinterCheck(PrinterState.SERVICE_DOWN, detail=str(error))
        if problem:
            return PrinterCheck(PrinterState.NOT_PRINTING, printers, printer, problem)
    return PrinterCheck(PrinterState.READY, printers, printer)
