"""A print run: a batch of cards from the queue to paper, each card's state kept true.

Cards are checked before anything prints; a card that cannot print stays queued with the
reason. The batch goes to the printer as one job, is followed through CUPS, and only a
completed job marks its cards printed. Every state change goes through the
:class:`CardQueue`, so it syncs to the server.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtPrintSupport import QPrinter

from advocate_console.domain import CardState
from advocate_console.store.cards import CardQueue, QueuedCard

from .cups_jobs import CupsWatch, JobOutcome, PrintServiceDown
from .layout import CardProblem, Page, lay_out_card, lay_out_envelope
from .merge import Addressee
from .pdf import export_pdf
from .printing import PrinterProblem, PrintSettings, print_pages, printer_exists
from .templates import Fold, ReturnAddress, TemplateBook, default_book

log = logging.getLogger(__name__)

PRINTABLE = frozenset({CardState.DRAFT, CardState.QUEUED, CardState.FAILED})
"""States a card can be printed from (printed or mailed cards are reprinted first)."""


class PrintRunWords(QObject):
    """Sentences with a count, where Qt's plural forms need ``self.tr`` to find them."""

    def printed(self, count: int) -> str:
        """ "1 card printed", "2 cards printed"."""
        return self.tr("%n card(s) printed", "", count)

    def left_in_queue(self, count: int) -> str:
        """ "1 card is still in the queue"."""
        return self.tr("%n card(s) still in the queue", "", count)

    def failed(self, count: int) -> str:
        """ "2 cards failed"."""
        return self.tr("%n card(s) failed", "", count)


def _not_printable(state: CardState) -> str:
    if state is CardState.PRINTING:
        return QCoreApplication.translate("PrintRun", "This card is being printed already.")
    if state is CardState.CANCELLED:
        return QCoreApplication.translate(
            "PrintRun", "This card was cancelled: queue it again to print it."
        )
    return QCoreApplication.translate(
        "PrintRun", "This card has been printed: use Reprint to print it again."
    )


def addressee_of(queued: QueuedCard, advocate_name: str = "") -> Addressee:
    """What a queued card's merge fields and envelope need."""
    return Addressee(
        customer=queued.customer,
        product=queued.product,
        case_number=queued.case_number,
        advocate_name=advocate_name or queued.card.advocate or "",
    )


@dataclass(frozen=True)
class Batch:
    """Pages ready to print or export, the cards on them and the cards left out (and why)."""

    pages: list[Page]
    card_ids: list[uuid.UUID]
    problems: dict[uuid.UUID, str] = field(default_factory=dict)
    folds: list[Fold] = field(default_factory=list)


@dataclass(frozen=True)
class PrintReport:
    """What a print run did: printed cards, cards left queued or failed, with reasons."""

    printed: list[uuid.UUID] = field(default_factory=list)
    held: dict[uuid.UUID, str] = field(default_factory=dict)
    failed: dict[uuid.UUID, str] = field(default_factory=dict)
    job_id: int | None = None
    pages: int = 0

    @property
    def summary(self) -> str:
        """One line for the status bar, saying exactly what happened."""
        words = PrintRunWords()
        parts = [
            words.printed(len(self.printed))
            if self.printed
            else QCoreApplication.translate("PrintRun", "Nothing was printed")
        ]
        if self.held:
            parts.append(words.left_in_queue(len(self.held)))
        if self.failed:
            parts.append(words.failed(len(self.failed)))
        reasons = list(dict.fromkeys([*self.held.values(), *self.failed.values()]))
        return "; ".join(parts) + (": " + " ".join(reasons[:2]) if reasons else ".")


def card_pages(cards: Sequence[QueuedCard], book: TemplateBook, *, duplex: bool = False) -> Batch:
    """The pages of ``cards``, in order; cards that cannot be laid out are left out.

    With ``duplex``, a flat card gets a blank back so the next card starts on a new sheet.
    """
    pages: list[Page] = []
    ids: list[uuid.UUID] = []
    problems: dict[uuid.UUID, str] = {}
    folds: list[Fold] = []
    for queued in cards:
        try:
            layout = lay_out_card(queued.card, addressee_of(queued), book)
        except CardProblem as problem:
            problems[queued.card.id] = str(problem)
            continue
        pages += layout.pages
        if duplex and len(layout.pages) == 1:
            pages.append(Page(layout.pages[0].width, layout.pages[0].height))
        ids.append(queued.card.id)
        folds.append(layout.template.fold)
    return Batch(pages, ids, problems, folds)


def envelope_pages(
    cards: Sequence[QueuedCard], book: TemplateBook, return_address: ReturnAddress | None = None
) -> Batch:
    """One envelope per card, addressed to its customer."""
    pages, ids, problems = [], [], {}
    for queued in cards:
        try:
            pages.append(lay_out_envelope(queued.card, addressee_of(queued), book, return_address))
            ids.append(queued.card.id)
        except CardProblem as problem:
            problems[queued.card.id] = str(problem)
    return Batch(pages, ids, problems)


class PrintRun(QObject):
    """Prints and exports batches of queued cards. Its blocking methods run on a worker.

    Create it on the UI thread; its signals reach UI objects queued, whatever thread
    emits them.
    """

    sig_cards_changed = Signal(list)
    """These card ids changed state (the queue view reloads them)."""
    sig_progress = Signal(str)
    """A line about the job in progress, e.g. "Waiting for the printer: out of paper"."""

    def __init__(
        self,
        queue: CardQueue,
        book: TemplateBook | None = None,
        *,
        watch: Callable[[str], CupsWatch] = CupsWatch,
        follow_timeout: float = 600.0,
        stuck_after: float = 20.0,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.queue = queue
        self.book = book or default_book()
        self._watch = watch
        self.follow_timeout = follow_timeout
        self.stuck_after = stuck_after

    # -- printing -------------------------------------------------------------------------

    def print_cards(
        self,
        card_ids: Iterable[uuid.UUID],
        settings: PrintSettings,
        *,
        card_stock: str | None = None,
    ) -> PrintReport:
        """Print these cards as one job on ``settings.printer_name`` and follow the job.

        With ``card_stock`` (IT locked it), cards on any other template stay queued.
        """
        wanted = self.queue.get(card_ids)
        not_printable = {
            q.card.id: _not_printable(q.card.state) for q in wanted if q.card.state not in PRINTABLE
        }
        wrong_stock = {
            q.card.id: self._wrong_stock(q.card.template, card_stock)
            for q in wanted
            if card_stock and q.card.id not in not_printable and q.card.template != card_stock
        }
        cards = [q for q in wanted if q.card.id not in not_printable | wrong_stock]
        duplex = settings.duplex != QPrinter.DuplexMode.DuplexNone
        batch = card_pages(cards, self.book, duplex=duplex)
        held = dict(batch.problems) | wrong_stock
        if held:
            self._hold(held)
        if not batch.card_ids:
            return PrintReport(held=held | not_printable)
        ids = batch.card_ids
        problem = self._printer_problem(settings.printer_name)
        if problem:
            self._hold(dict.fromkeys(ids, problem))
            return PrintReport(held=held | dict.fromkeys(ids, problem) | not_printable)
        self.queue.queue([i for i in ids if self._state(i) is not CardState.QUEUED])
        self.queue.start_printing(ids)
        self.sig_cards_changed.emit(ids)
        outcome = self._print_and_follow(settings, batch)
        if outcome.completed:
            self.queue.printed(ids)
            report = PrintReport(ids, held, {}, outcome.job_id, len(batch.pages))
        elif outcome.retry:
            self._hold(dict.fromkeys(ids, outcome.reason))
            report = PrintReport([], held | dict.fromkeys(ids, outcome.reason), {}, outcome.job_id)
        else:
            self.queue.fail(ids, outcome.reason)
            report = PrintReport([], held, dict.fromkeys(ids, outcome.reason), outcome.job_id)
        self.sig_cards_changed.emit(ids)
        log.info("Print run on %s: %s", settings.printer_name, report.summary)
        return PrintReport(
            report.printed, report.held | not_printable, report.failed, report.job_id, report.pages
        )

    def _wrong_stock(self, template: str, card_stock: str) -> str:
        names = {key: card.name for key, card in self.book.cards.items()}
        return QCoreApplication.translate(
            "PrintRun", "This card is a %s; the printer holds %s (set by your IT department)."
        ) % (
            names.get(template, template),
            names.get(card_stock, card_stock),
        )

    def _printer_problem(self, name: str) -> str:
        if CupsWatch.available():
            try:
                problem = self._watch(name).printer_problem()
            except PrintServiceDown as error:
                return str(error)
            if problem:
                return problem
        if not printer_exists(name):
            return (
                QCoreApplication.translate(
                    "PrintRun", "The printer “%s” is not available on this computer."
                )
                % name
            )
        return ""

    def _print_and_follow(self, settings: PrintSettings, batch: Batch) -> JobOutcome:
        watch = self._watch(settings.printer_name) if CupsWatch.available() else None
        try:
            before = watch.job_ids() if watch else set()
            print_pages(settings, batch.pages)
            if watch is None:
                return JobOutcome(None, True)  # no CUPS to ask: spooled counts as printed
            job_id = watch.find_new_job(before)
        except (PrinterProblem, PrintServiceDown) as error:
            return JobOutcome(None, False, str(error))
        if job_id is None:
            return JobOutcome(
                None,
                False,
                QCoreApplication.translate(
                    "PrintRun", "The print job never reached the printer queue."
                ),
            )
        self.sig_progress.emit(
            QCoreApplication.translate("PrintRun", "Printing job %d on %s…")
            % (job_id, settings.printer_name)
        )
        return watch.follow(
            job_id,
            timeout=self.follow_timeout,
            stuck_after=self.stuck_after,
            on_progress=self.sig_progress.emit,
        )

    def _state(self, card_id: uuid.UUID) -> CardState:
        return self.queue.card(card_id).card.state

    def _hold(self, reasons: dict[uuid.UUID, str]) -> None:
        for card_id, reason in reasons.items():
            self.queue.hold([card_id], reason)
        self.sig_cards_changed.emit(list(reasons))

    # -- PDF ------------------------------------------------------------------------------

    def export_pdf(
        self,
        card_ids: Iterable[uuid.UUID],
        path: Path | str,
        *,
        envelopes: bool = False,
        return_address: ReturnAddress | None = None,
    ) -> Batch:
        """Write the cards (or their envelopes) to one PDF; states do not change."""
        cards = self.queue.get(card_ids)
        if envelopes:
            batch = envelope_pages(cards, self.book, return_address)
        else:
            batch = card_pages(cards, self.book)
        if batch.pages:
            export_pdf(batch.pages, path, QCoreApplication.translate("PrintRun", "Thank-you cards"))
        return batch
