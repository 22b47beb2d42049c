"""Writing a thank-you card: the message, the card, the gift, and a live preview that is
exactly what prints (the same layout, painted by the same code), always shown whole.

Titled with the customer; saving confirms and closes; Escape cancels, asking first when
something was changed."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QImage, QTextCursor
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from advocate_console.cards import (
    CardLayout,
    CardProblem,
    TemplateBook,
    addressee_of,
    default_book,
    lay_out_card,
    render_image,
)
from advocate_console.cards.fonts import FontMissing
from advocate_console.cards.templates import writing_language
from advocate_console.domain import CardState, NoteCard
from advocate_console.store.cards import EDITABLE, CardQueue, CardStateError, QueuedCard

from .card_preview import CardPreview
from .card_writing import CardWriting
from .labels import card_move_problem, card_state_label

PREVIEW_DPI = 110


class CardEditor(QDialog):
    """Edits one card of the queue; shows what will print, or why it cannot."""

    sig_card_saved = Signal(object)
    """The edited card (a NoteCard) was saved to the local store."""
    sig_card_queued = Signal(object)
    """The card (a NoteCard) was saved and put in the print queue."""
    sig_message = Signal(str)
    """A confirmation for the status bar (the editor has closed)."""

    def __init__(
        self, queue: CardQueue, book: TemplateBook | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.queue = queue
        self.book = book or default_book()
        self._queued: QueuedCard | None = None
        self._loaded: dict = {}
        self.layout_shown: CardLayout | None = None
        self.preview_image: QImage | None = None
        self.discard_box: QMessageBox | None = None
        self.setWindowTitle(self.tr("Thank-you card"))
        self.resize(980, 600)

        self._make_parts()
        self._lay_out()
        self._connect()
        self._set_enabled(False)

    def _make_parts(self) -> None:
        self.writing = CardWriting(self.book)
        # The writing's parts are the editor's too (the card queue and tests reach them).
        self.template, self.message = self.writing.template, self.writing.message
        self.gift_value, self.gift_code = self.writing.gift_value, self.writing.gift_code
        self.fields, self.problem = self.writing.fields, self.writing.problem
        self.no_address, self.locked = self.writing.no_address, self.writing.locked
        self.preview = CardPreview()
        self.preview.setAccessibleName(self.tr("Card preview"))
        self.save = QPushButton(self.tr("Save draft"))
        self.queue_button = QPushButton(self.tr("Save and queue for printing"))
        self.cancel = QPushButton(self.tr("Cancel"))
        for button in (self.save, self.queue_button, self.cancel):
            button.setAutoDefault(False)  # Enter in the gift code must not save the card

    def _lay_out(self) -> None:
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.writing)
        self.splitter.addWidget(self.preview)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setChildrenCollapsible(False)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel)
        buttons.addWidget(self.save)
        buttons.addWidget(self.queue_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter, 1)
        layout.addLayout(buttons)

    def _connect(self) -> None:
        # Typing should not repaint on every key: wait for a short pause.
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(150)
        self._debounce.timeout.connect(self.refresh_preview)
        self.message.textChanged.connect(self._debounce.start)
        self.template.currentIndexChanged.connect(self._debounce.start)
        self.gift_value.valueChanged.connect(self._debounce.start)
        self.gift_code.textChanged.connect(self._debounce.start)
        self.save.clicked.connect(self.save_card)
        self.queue_button.clicked.connect(self.save_and_queue)
        self.cancel.clicked.connect(self.reject)

    # -- loading and saving ---------------------------------------------------------------

    def load(self, card_id: uuid.UUID) -> None:
        """Show the card ``card_id`` from the queue for editing."""
        self._queued = self.queue.card(card_id)
        card = self._queued.card
        customer = self._queued.customer
        self.setWindowTitle(self.tr("Thank-you card for %s") % customer.display_name)
        widgets = (self.template, self.message, self.gift_value, self.gift_code)
        for widget in widgets:
            widget.blockSignals(True)
        index = self.template.findData(card.template)
        self.template.setCurrentIndex(max(0, index))
        template = self.book.card(card.template)
        self.message.setPlainText(card.message or template.message_in(writing_language()))
        self.gift_value.setValue((card.gift_value_cents or 0) / 100)
        self.gift_code.setText(card.gift_code or "")
        for widget in widgets:
            widget.blockSignals(False)
        self._loaded = self._changes()
        self.no_address.setText(
            self.tr(
                "%s has no postal address on their record, so the envelope cannot be "
                "addressed: add it to their record before the card is mailed."
            )
            % customer.display_name
        )
        self.no_address.setVisible(customer.address is None)
        editable = card.state in EDITABLE
        self.locked.setText("" if editable else self._why_locked(card.state))
        self.locked.setVisible(not editable)
        self.cancel.setText(self.tr("Cancel") if editable else self.tr("Close"))
        self._set_enabled(editable)
        self.refresh_preview()
        self.message.moveCursor(QTextCursor.MoveOperation.End)  # ready to add a line
        self.message.setFocus(Qt.FocusReason.OtherFocusReason)

    def _why_locked(self, state: CardState) -> str:
        if state is CardState.PRINTING:
            return self.tr("This card is being printed, so it cannot be changed now.")
        if state is CardState.CANCELLED:
            return self.tr(
                "This card was cancelled. To change it, choose it in the queue and press Queue."
            )
        return self.tr(
            "This card is %1, so it cannot be changed. To change it, choose it in the queue "
            "and press Reprint."
        ).replace("%1", card_state_label(state).lower())

    def edited_card(self) -> NoteCard | None:
        """The card as it is on screen, saved or not."""
        if self._queued is None:
            return None
        return self._queued.card.model_copy(update=self._changes())

    def has_changes(self) -> bool:
        """Whether anything was changed since the card was loaded or saved."""
        return self._queued is not None and self._changes() != self._loaded

    def _changes(self) -> dict:
        return self.writing.changes()

    def save_card(self) -> NoteCard | None:
        """Save the edits, say so and close; returns the saved card (None when it could
        not be saved: the editor stays open with the reason)."""
        card = self._store_edits()
        if card is not None:
            self._done(self.tr("Card for %s saved as a draft."))
        return card

    def save_and_queue(self) -> NoteCard | None:
        """Save, put the card in the print queue, say so and close (when it can print)."""
        if self.refresh_preview() is None:
            return None
        card = self._store_edits()
        if card is None:
            return None
        [queued] = self.queue.queue([card.id])
        self._queued = self.queue.card(queued.id)
        self.sig_card_queued.emit(queued)
        self._done(self.tr("Card for %s saved and queued for printing."))
        return queued

    def _store_edits(self) -> NoteCard | None:
        if self._queued is None:
            return None
        try:
            card = self.queue.edit(self._queued.card.id, **self._changes())
        except CardStateError as error:
            self._show_problem(card_move_problem(error.current, error.wanted, error.customer))
            return None
        except ValueError as error:
            self._show_problem(str(error))
            return None
        self._queued = self.queue.card(card.id)
        self._loaded = self._changes()
        self.sig_card_saved.emit(card)
        return card

    def _done(self, text: str) -> None:
        assert self._queued is not None
        self.sig_message.emit(text % self._queued.customer.display_name)
        self.accept()

    # -- cancelling -----------------------------------------------------------------------

    def reject(self) -> None:
        """Escape or Cancel: close without saving; with changes, ask first."""
        if not self.has_changes():
            super().reject()
            return
        name = self._queued.customer.display_name if self._queued else ""
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Discard the changes?"),
            self.tr("Discard your changes to the card for %s?") % name,
            QMessageBox.StandardButton.NoButton,
            self,
        )
        discard = box.addButton(self.tr("Discard changes"), QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(self.tr("Keep editing"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        box.finished.connect(lambda _: self._discard_answered(box.clickedButton() is discard))
        self.discard_box = box
        box.open()

    def _discard_answered(self, discard: bool) -> None:
        self.discard_box = None
        if discard:
            self._loaded = self._changes()  # nothing left to ask about
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        # The window's close button is a Cancel too.
        if self.has_changes():
            event.ignore()
            self.reject()
            return
        super().closeEvent(event)

    # -- preview --------------------------------------------------------------------------

    def refresh_preview(self) -> CardLayout | None:
        """Lay the card out as it is on screen and show it, or show why it cannot print."""
        card = self.edited_card()
        if card is None or self._queued is None:
            return None
        try:
            layout = lay_out_card(card, addressee_of(self._queued), self.book)
        except CardProblem as problem:
            self._show_problem(str(problem))
            return None
        except FontMissing as problem:  # the installation's to fix: its words in brackets
            self._show_problem(
                self.tr(
                    "The handwriting font of this card is missing on this computer: ask IT"
                    " to install the console again. (%s)"
                )
                % problem
            )
            return None
        self.layout_shown = layout
        # The inside of a folded card is what the advocate wrote: show that side.
        self.preview_image = render_image(layout.pages[-1], PREVIEW_DPI)
        self.preview.set_image(self.preview_image)
        self.problem.clear()
        self.problem.hide()
        self.queue_button.setEnabled(self._queued.card.state in EDITABLE)
        return layout

    def _show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.show()
        self.queue_button.setEnabled(False)

    def _set_enabled(self, editable: bool) -> None:
        for widget in self.writing.inputs():
            widget.setEnabled(editable)
        self.save.setEnabled(editable)
        self.queue_button.setEnabled(editable)
