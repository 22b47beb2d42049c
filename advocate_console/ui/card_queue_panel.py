"""The card queue: every card with its state; print a selection as one job, export it to
PDF, cancel, reprint or mark mailed. Printing runs off the UI thread."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from advocate_console.cards import (
    PrintDefaults,
    PrintRun,
    PrintSettings,
    card_pages,
    duplex_for,
    printer_exists,
)
from advocate_console.cards.merge import format_money
from advocate_console.cards.paint import PagePainter, page_layout
from advocate_console.domain import CardState
from advocate_console.store.cards import CardQueue, CardStateError, QueuedCard
from advocate_console.tasks import run_task

from .formatting import day
from .history_details import written_by
from .record_models import Column, RecordTableModel

TO_PRINT = (CardState.DRAFT, CardState.QUEUED, CardState.PRINTING, CardState.FAILED)


class CardQueuePanel(QWidget):
    """The advocate's print queue of thank-you cards."""

    sig_edit_requested = Signal(object)
    """The advocate wants to edit this card id (double-click)."""
    sig_print_finished = Signal(object)
    """A print run ended; carries its PrintReport."""
    sig_export_finished = Signal(str)
    """A PDF was written to this path."""
    sig_message = Signal(str)
    """A line for the status bar."""

    def __init__(
        self,
        queue: CardQueue,
        print_run: PrintRun | None = None,
        parent: QWidget | None = None,
        defaults: PrintDefaults | None = None,
    ) -> None:
        super().__init__(parent)
        self.queue = queue
        self.print_run = print_run or PrintRun(queue, parent=self)
        self.defaults = defaults or PrintDefaults()
        self.busy = False
        self.model = RecordTableModel(
            [
                Column(self.tr("Customer"), lambda q: q.customer.display_name),
                Column(self.tr("State"), lambda q: q.card.state.value, badge=_badge),
                Column(self.tr("Card"), lambda q: q.card.template),
                Column(self.tr("Gift"), lambda q: format_money(q.card.gift_value_cents)),
                Column(self.tr("Created"), lambda q: day(q.card.created_at)),
                Column(self.tr("By"), lambda q: written_by(q.card, self.tr)),
                Column(
                    self.tr("Note"),
                    lambda q: q.card.failure_reason or "",
                    tooltip=lambda q: q.card.failure_reason or q.card.message,
                ),
            ],
            self,
        )
        self.show_states = QComboBox()
        self.show_states.setAccessibleName(self.tr("Show cards"))
        self.show_states.addItem(self.tr("To print"), TO_PRINT)
        self.show_states.addItem(self.tr("Printed, to mail"), (CardState.PRINTED,))
        self.show_states.addItem(self.tr("All cards"), tuple(CardState))
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setAccessibleName(self.tr("Card queue"))
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Print status"))

        self.print_button = QPushButton(self.tr("Print…"))
        self.preview_button = QPushButton(self.tr("Print preview…"))
        self.export_button = QPushButton(self.tr("Export PDF…"))
        self.envelopes_button = QPushButton(self.tr("Envelopes PDF…"))
        self.queue_button = QPushButton(self.tr("Queue"))
        self.cancel_button = QPushButton(self.tr("Cancel card"))
        self.reprint_button = QPushButton(self.tr("Reprint"))
        self.mailed_button = QPushButton(self.tr("Mark mailed"))
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Show")))
        top.addWidget(self.show_states)
        top.addStretch(1)
        buttons = QHBoxLayout()
        for button in (
            self.print_button,
            self.preview_button,
            self.export_button,
            self.envelopes_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        for button in (
            self.queue_button,
            self.cancel_button,
            self.reprint_button,
            self.mailed_button,
        ):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.status)

        self.show_states.currentIndexChanged.connect(self.refresh)
        self.view.doubleClicked.connect(
            lambda index: self.sig_edit_requested.emit(self.model.record(index.row()).card.id)
        )
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.print_button.clicked.connect(self.print_with_dialog)
        self.preview_button.clicked.connect(self.print_preview)
        self.export_button.clicked.connect(lambda: self.export_with_dialog(envelopes=False))
        self.envelopes_button.clicked.connect(lambda: self.export_with_dialog(envelopes=True))
        self.queue_button.clicked.connect(lambda: self._move(self.queue.queue))
        self.cancel_button.clicked.connect(lambda: self._move(self.queue.cancel))
        self.reprint_button.clicked.connect(lambda: self._move(self.queue.reprint))
        self.mailed_button.clicked.connect(lambda: self._move(self.queue.mailed))
        self.print_run.sig_cards_changed.connect(lambda _ids: self.refresh())
        self.print_run.sig_progress.connect(self._say)
        self._update_buttons()

    # -- the list -------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload the cards shown (off the UI thread), keeping the selection."""
        states = self.show_states.currentData()
        selected = self.selected_ids()
        run_task(
            lambda: self.queue.cards(states),
            lambda cards: self._show(cards, selected),
            lambda error: self._say(self.tr("Could not load the card queue: %s") % error),
        )

    def _show(self, cards: list[QueuedCard], selected: Iterable[uuid.UUID]) -> None:
        if self._closed():
            return
        self.model.set_records(cards)
        self.select_ids(selected)
        self._update_buttons()

    def selected_ids(self) -> list[uuid.UUID]:
        """The selected cards, in list order."""
        rows = sorted(index.row() for index in self.view.selectionModel().selectedRows())
        return [self.model.record(row).card.id for row in rows]

    def select_ids(self, card_ids: Iterable[uuid.UUID]) -> None:
        """Select these cards (those shown)."""
        wanted = set(card_ids)
        selection = self.view.selectionModel()
        selection.clear()
        for row in range(self.model.rowCount()):
            if self.model.record(row).card.id in wanted:
                selection.select(
                    self.model.index(row, 0),
                    selection.SelectionFlag.Select | selection.SelectionFlag.Rows,
                )

    # -- printing -------------------------------------------------------------------------

    def set_defaults(self, defaults: PrintDefaults) -> None:
        """Start the print dialog on this printer, and check cards against this stock."""
        self.defaults = defaults

    def print_with_dialog(self) -> None:
        """Ask for the printer, copies, paper source and duplex, then print the selection."""
        ids = self.selected_ids()
        if not ids:
            return
        printer = self._printer_for(ids)
        self._warn_about_stock(ids)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print %n card(s)", "", len(ids)))
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            self.print_selected(PrintSettings.from_printer(printer, self.tr("Thank-you cards")))

    def _warn_about_stock(self, ids: list[uuid.UUID]) -> None:
        stock = self.defaults.card_stock
        if not stock:
            return
        other = [q for q in self.queue.get(ids) if q.card.template != stock]
        if not other:
            return
        name = self.print_run.book.cards.get(stock)
        stock_name = name.name if name else stock
        if self.defaults.card_stock_locked:
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
        self._say(text.replace("%1", stock_name))

    def print_preview(self) -> None:
        """Show the selection as it will print, with the printer's own preview dialog."""
        ids = self.selected_ids()
        if not ids:
            return
        printer = self._printer_for(ids)
        dialog = QPrintPreviewDialog(printer, self)
        dialog.paintRequested.connect(lambda target: self._paint_preview(target, ids))
        dialog.exec()

    def print_selected(self, settings: PrintSettings) -> None:
        """Print the selected cards as one job on a worker thread; the list follows along."""
        ids = self.selected_ids()
        if not ids or self.busy:
            return
        defaults = self.defaults
        if defaults.printer_locked and settings.printer_name != defaults.printer:
            self._say(self.tr("Cards print on “%s”: set by your IT department.") % defaults.printer)
            return
        stock = defaults.card_stock if defaults.card_stock_locked else None
        self._set_busy(True)
        self._say(
            self.tr("Sending %n card(s) to %1…", "", len(ids)).replace("%1", settings.printer_name)
        )
        run_task(
            lambda: self.print_run.print_cards(ids, settings, card_stock=stock),
            self._printed,
            self._print_failed,
        )

    def _printer_for(self, ids: list[uuid.UUID]) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        chosen = self.defaults.printer
        if chosen and printer_exists(chosen):
            printer.setPrinterName(chosen)
        elif chosen:
            self._say(self.tr("The card printer “%s” is not available on this computer.") % chosen)
        batch = card_pages(self.queue.get(ids), self.print_run.book)
        printer.setFullPage(True)
        printer.setDuplex(duplex_for(batch.folds))
        if batch.pages:
            printer.setPageLayout(page_layout(batch.pages[0]))
        return printer

    def _paint_preview(self, printer: QPrinter, ids: list[uuid.UUID]) -> None:
        duplex = printer.duplex() != QPrinter.DuplexMode.DuplexNone
        batch = card_pages(self.queue.get(ids), self.print_run.book, duplex=duplex)
        painter = QPainter(printer)
        pages = PagePainter(painter)
        for number, page in enumerate(batch.pages):
            if number:
                printer.setPageLayout(page_layout(page))
                printer.newPage()
            pages.paint(page)
        painter.end()

    def _printed(self, report) -> None:
        if self._closed():
            return
        self._set_busy(False)
        self._say(report.summary)
        self.refresh()
        self.sig_print_finished.emit(report)

    def _print_failed(self, error: Exception) -> None:
        if self._closed():
            return
        self._set_busy(False)
        self._say(self.tr("Printing failed: %s") % error)
        self.refresh()

    # -- PDF ------------------------------------------------------------------------------

    def export_with_dialog(self, *, envelopes: bool) -> None:
        """Ask where to save, then write the selected cards (or envelopes) to one PDF."""
        if not self.selected_ids():
            return
        title = self.tr("Save envelopes as PDF") if envelopes else self.tr("Save cards as PDF")
        name = self.tr("envelopes.pdf") if envelopes else self.tr("cards.pdf")
        path, _filter = QFileDialog.getSaveFileName(self, title, name, self.tr("PDF (*.pdf)"))
        if path:
            self.export_selected(Path(path), envelopes=envelopes)

    def export_selected(self, path: Path, *, envelopes: bool = False) -> None:
        """Write the selection to ``path`` on a worker thread."""
        ids = self.selected_ids()
        if not ids:
            return
        self._set_busy(True)
        run_task(
            lambda: self.print_run.export_pdf(ids, path, envelopes=envelopes),
            lambda batch: self._exported(path, batch),
            self._print_failed,
        )

    def _exported(self, path: Path, batch) -> None:
        if self._closed():
            return
        self._set_busy(False)
        text = self.tr("%n card(s) saved to %1", "", len(batch.card_ids)).replace("%1", str(path))
        if batch.problems:
            text += " " + self.tr("Left out: %s") % " ".join(dict.fromkeys(batch.problems.values()))
        self._say(text)
        self.sig_export_finished.emit(str(path))

    # -- state changes --------------------------------------------------------------------

    def _move(self, action) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        try:
            action(ids)
        except CardStateError as error:
            self._say(str(error))
        self.refresh()

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self._update_buttons()

    def _update_buttons(self, *_args) -> None:
        chosen = bool(self.view.selectionModel().selectedRows())
        for button in (
            self.print_button,
            self.preview_button,
            self.export_button,
            self.envelopes_button,
        ):
            button.setEnabled(chosen and not self.busy)
        for button in (
            self.queue_button,
            self.cancel_button,
            self.reprint_button,
            self.mailed_button,
        ):
            button.setEnabled(chosen and not self.busy)

    def _closed(self) -> bool:
        # Work started before the panel closed may report after its widgets are gone.
        return not (isValid(self.model) and isValid(self.view) and isValid(self.status))

    def _say(self, text: str) -> None:
        if self._closed():
            return
        self.status.setText(text)
        self.sig_message.emit(text)


def _badge(queued: QueuedCard) -> str:
    return queued.card.state.value
