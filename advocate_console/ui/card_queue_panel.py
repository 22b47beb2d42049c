"""The card queue: my cards by default, the team's at a switch, each with its state and owner;
print a selection as one job, export it to PDF, cancel, reprint or mark mailed. Whether a
printer can be used is checked before a run, and said in the queue with the way out."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import UTC, datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from advocate_console.cards import PrintDefaults, PrintRun
from advocate_console.cards.merge import format_money
from advocate_console.domain import CardState
from advocate_console.domain.ownership import Whose, worth_showing
from advocate_console.store.cards import CardQueue, CardStateError, QueuedCard
from advocate_console.tasks import run_task

from .card_printing import CardPrinting
from .formatting import day
from .history_details import written_by
from .labels import card_move_problem, card_state_label
from .record_models import Column, RecordTableModel
from .whose_switch import WhoseSwitch

TO_PRINT = (CardState.DRAFT, CardState.QUEUED, CardState.PRINTING, CardState.FAILED)
OWNER_COLUMN = 5
STATE_BADGES = {
    CardState.FAILED: "expired",
    CardState.PRINTING: "ends_soon",
    CardState.PRINTED: "active",
    CardState.MAILED: "active",
}


class CardQueuePanel(QWidget):
    """The print queue of thank-you cards: mine, or the whole team's."""

    sig_edit_requested = Signal(object)
    """The advocate wants to edit this card id (double-click)."""
    sig_print_finished = Signal(object)
    """A print run ended; carries its PrintReport."""
    sig_export_finished = Signal(str)
    """A PDF was written to this path."""
    sig_message = Signal(str)
    """A line for the status bar."""
    sig_printers_checked = Signal(object)
    """The printers were looked at; carries the PrinterCheck."""

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
        self.whose = Whose.MINE
        self._cards: list[QueuedCard] = []
        self.model = RecordTableModel(self._columns(self.print_run.book), self)
        self._make_filters()
        self._make_view()
        self._make_banner()
        self._make_buttons()
        self._lay_out()
        self._connect()
        self.printing = CardPrinting(self)
        self._update_buttons()

    def _columns(self, book) -> list[Column]:
        """The queue's columns (``book``: the card templates, for their names)."""
        return [
            Column(self.tr("Customer"), lambda q: q.customer.display_name),
            Column(
                self.tr("State"),
                lambda q: card_state_label(q.card.state),
                badge=lambda q: STATE_BADGES.get(q.card.state, "none"),
            ),
            Column(
                self.tr("Card"),
                lambda q: (
                    _short(book.cards[q.card.template].name)
                    if q.card.template in book.cards
                    else q.card.template
                ),
                tooltip=lambda q: (
                    book.cards[q.card.template].name
                    if q.card.template in book.cards
                    else q.card.template
                ),
            ),
            Column(self.tr("Gift"), lambda q: format_money(q.card.gift_value_cents)),
            Column(self.tr("Created"), lambda q: day(q.card.created_at)),
            Column(
                self.tr("Owner"),
                lambda q: self._owner_text(q),
                tooltip=lambda q: written_by(q.card),
            ),
            Column(
                self.tr("Note"),
                lambda q: self._note(q),
                tooltip=lambda q: self._note(q) or q.card.message,
            ),
        ]

    def _make_filters(self) -> None:
        self.whose_switch = WhoseSwitch(
            self.tr("Show my cards"), self.tr("Show the whole team's cards")
        )
        self.mine_button, self.team_button = self.whose_switch.mine, self.whose_switch.team
        self.show_states = QComboBox()
        self.show_states.setAccessibleName(self.tr("Show cards"))
        self.show_states.addItem(self.tr("To print"), TO_PRINT)
        self.show_states.addItem(self.tr("Printed, to mail"), (CardState.PRINTED,))
        self.show_states.addItem(self.tr("All cards"), tuple(CardState))

    def _make_view(self) -> None:
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setAccessibleName(self.tr("Card queue"))
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.setColumnHidden(OWNER_COLUMN, True)
        self.left_out = QLabel()
        self.left_out.setObjectName("cardsLeftOut")
        self.left_out.setAccessibleName(self.tr("Cards not shown"))
        self.left_out.setWordWrap(True)
        self.left_out.hide()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Print status"))

    def _make_banner(self) -> None:
        self.printer_banner = QFrame()
        self.printer_banner.setObjectName("printerProblem")
        self.printer_problem = QLabel()
        self.printer_problem.setObjectName("printerProblemText")
        self.printer_problem.setWordWrap(True)
        self.printer_problem.setAccessibleName(self.tr("Why cards cannot print"))
        self.banner_export = QPushButton(self.tr("Export to PDF…"))
        self.banner_export.setAccessibleName(self.tr("Export the chosen cards to PDF instead"))
        banner = QHBoxLayout(self.printer_banner)
        banner.setContentsMargins(8, 4, 4, 4)
        banner.addWidget(self.printer_problem, 1)
        banner.addWidget(self.banner_export)
        self.printer_banner.hide()

    def _make_buttons(self) -> None:
        self.print_button = QPushButton(self.tr("Print…"))
        self.preview_button = QPushButton(self.tr("Print preview…"))
        self.export_button = QPushButton(self.tr("Export PDF…"))
        self.envelopes_button = QPushButton(self.tr("Envelopes PDF…"))
        self.queue_button = QPushButton(self.tr("Queue"))
        self.cancel_button = QPushButton(self.tr("Cancel card"))
        self.reprint_button = QPushButton(self.tr("Reprint"))
        self.mailed_button = QPushButton(self.tr("Mark mailed"))

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.whose_switch)
        top.addSpacing(12)
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
        for button in self.move_buttons():
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.printer_banner)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.left_out)
        layout.addLayout(buttons)
        layout.addWidget(self.status)

    def _connect(self) -> None:
        self.whose_switch.sig_changed.connect(self.show_whose)
        self.show_states.currentIndexChanged.connect(self.refresh)
        self.view.doubleClicked.connect(
            lambda index: self.sig_edit_requested.emit(self.model.record(index.row()).card.id)
        )
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.queue_button.clicked.connect(lambda: self._move(self.queue.queue))
        self.cancel_button.clicked.connect(lambda: self._move(self.queue.cancel))
        self.reprint_button.clicked.connect(lambda: self._move(self.queue.reprint))
        self.mailed_button.clicked.connect(lambda: self._move(self.queue.mailed))
        self.print_run.sig_cards_changed.connect(self._cards_changed)  # (a slot: none once gone)
        self.print_run.sig_progress.connect(self.say)

    # -- the list -------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload the cards (off the UI thread), keeping the selection; look at the
        printers again too."""
        states = self.show_states.currentData()
        selected = self.selected_ids()
        run_task(
            lambda: self.queue.cards(states),
            lambda cards: self._show(cards, selected),
            lambda error: self.say(self.tr("Could not load the card queue: %s") % error),
            owner=self,
        )
        self.printing.check_printers()

    def _cards_changed(self, _ids: object) -> None:
        self.refresh()

    def set_defaults(self, defaults: PrintDefaults) -> None:
        """Start the print dialog on this printer, and check cards against this stock."""
        self.defaults = defaults
        self.printing.check_printers()

    def print_with_dialog(self) -> None:
        """Check the printer, then ask for its settings and print the selection."""
        self.printing.print_with_dialog()

    def export_selected(self, path, *, envelopes: bool = False) -> None:
        """Write the selection (or its envelopes) to one PDF at ``path``, off the UI thread."""
        self.printing.export_selected(path, envelopes=envelopes)

    def show_whose(self, whose: Whose) -> None:
        """Show my cards, or the whole team's (with their owners)."""
        self.whose = whose
        self.whose_switch.show_whose(whose)
        self.view.setColumnHidden(OWNER_COLUMN, whose is Whose.MINE)
        self._show(self._cards, self.selected_ids())

    def _show(self, cards: list[QueuedCard], selected: Iterable[uuid.UUID]) -> None:
        self._cards = cards
        now = datetime.now(UTC)
        every_state = self.show_states.currentIndex() == self.show_states.count() - 1
        mine = [q for q in cards if q.mine]
        team = [q for q in cards if every_state or worth_showing(q.card, q.mine, now)]
        self.mine_button.setText(self.tr("Mine (%n)", "", len(mine)))
        self.team_button.setText(self.tr("Team (%n)", "", len(team)))
        shown = mine if self.whose is Whose.MINE else team
        stale = 0 if self.whose is Whose.MINE else len(cards) - len(shown)
        self.left_out.setText(
            self.tr("%n old failed card(s) of others not shown (All cards shows them).", "", stale)
        )
        self.left_out.setVisible(stale > 0)
        self.model.set_records(shown)
        self.select_ids(selected)
        self._update_buttons()

    def selected_ids(self) -> list[uuid.UUID]:
        """The selected cards, in list order."""
        rows = sorted(index.row() for index in self.view.selectionModel().selectedRows())
        return [self.model.record(row).card.id for row in rows]

    def chosen_ids(self) -> list[uuid.UUID]:
        """The cards to print or export: the selected ones, or every card shown when none
        is selected (a batch is printed with one click)."""
        selected = self.selected_ids()
        if selected:
            return selected
        return [self.model.record(row).card.id for row in range(self.model.rowCount())]

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

    def _owner_text(self, queued: QueuedCard) -> str:
        if queued.mine:
            return self.tr("You")
        return queued.owner or self.tr("Nobody")

    def _note(self, queued: QueuedCard) -> str:
        if queued.card.failure_reason:
            return queued.card.failure_reason
        if not queued.has_address and queued.card.state in TO_PRINT:
            return self.tr("⚠ No postal address: the envelope cannot be addressed")
        return ""

    # -- state changes --------------------------------------------------------------------

    def move_buttons(self) -> tuple[QPushButton, ...]:
        """The buttons that move cards between states."""
        return (self.queue_button, self.cancel_button, self.reprint_button, self.mailed_button)

    def _move(self, action) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        try:
            action(ids)
        except CardStateError as error:
            self.say(card_move_problem(error.current, error.wanted, error.customer))
        self.refresh()

    def set_busy(self, busy: bool) -> None:
        """Printing or exporting: the buttons wait until it is done."""
        self.busy = busy
        self._update_buttons()

    def _update_buttons(self, *_args) -> None:
        selected = bool(self.view.selectionModel().selectedRows())
        some = (selected or self.model.rowCount() > 0) and not self.busy
        for button in (self.preview_button, self.export_button, self.envelopes_button):
            button.setEnabled(some)
        self.banner_export.setEnabled(some)
        self.print_button.setEnabled(some and self.printing.can_print())
        for button in self.move_buttons():  # these change cards: only the ones selected
            button.setEnabled(selected and not self.busy)

    def say(self, text: str) -> None:
        """Show a line under the queue and in the status bar."""
        self.status.setText(text)
        self.sig_message.emit(text)


def _short(name: str) -> str:
    """ "A6 flat card (148 × 105 mm)" → "A6 flat card" (the tooltip has the rest)."""
    return name.split(" (", 1)[0]
