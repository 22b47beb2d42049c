"""Saving the resolution: the form is checked first (each problem beside its field), then
written off the UI thread on the form's queue, after any draft still being written."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt

from advocate_console.cards import TemplateBook
from advocate_console.cards.templates import writing_language
from advocate_console.domain.resolutions import ResolutionRefused
from advocate_console.store.resolutions import ResolutionSaved

from ..reason_words import error_text

if TYPE_CHECKING:
    from ..resolution_form import ResolutionForm

CARD_TEMPLATE = "a6-flat"


class FormSaving(QObject):
    """Saves the form's entry (Ctrl+S) and says how it went beside **Save**."""

    def __init__(self, form: ResolutionForm) -> None:
        super().__init__(form)
        self.form = form
        self.busy = False
        """A save is on its way to the store."""

    def save(self) -> None:
        """Check the form; when it is complete, save it off the UI thread."""
        form = self.form
        if form.case is None or self.busy or not form.save_button.isEnabled():
            return
        if form.authority.needs_approval():
            return form.authority.ask()
        problems = form.problems()
        fields = form.show_problems(problems)
        if problems:
            form.checking = True
            form.status.setText(self.tr("Not saved: see the notes in red."))
            if fields:
                fields[0].setFocus(Qt.FocusReason.OtherFocusReason)
            return
        entry = form.authority.stamp(form.entry())
        form.draft.stop()
        self.busy = True
        form.save_button.setEnabled(False)
        form.status.setText(self.tr("Saving…"))
        message = card_message(form.book) if entry.send_card else None
        work = form.work
        form.run(
            lambda: work.resolve(entry, card_message=message),
            self._saved,
            self._failed,
        )

    def _saved(self, saved: ResolutionSaved) -> None:
        form = self.form
        self.busy = False
        form.draft.dirty = False
        form.checking = False
        form.case = saved.case
        form.show_problems([])
        form.set_enabled(False)
        form.status.setText(self.tr("Saved. Case %s is resolved.") % saved.case.number)
        form.sig_message.emit(self.tr("Resolution of case %s saved") % saved.case.number)
        form.sig_saved.emit(saved.case.id)
        if saved.card is not None:
            form.sig_card_drafted.emit(saved.card.id)

    def _failed(self, error: Exception) -> None:
        form = self.form
        self.busy = False
        form.save_button.setEnabled(form.case is not None)
        history, case = form.history, form.case
        if case is not None and not case.status.is_open and history is not None:
            # Resolved by someone else (by sync) while this save was on its way: what is
            # typed is kept as the draft, and the form says who resolved it.
            form.draft.dirty = True
            form.resolved.arrived(history, case)
        elif isinstance(error, ResolutionRefused):
            form.checking = True
            form.show_problems(error.problems)
            form.status.setText(self.tr("Not saved: see the notes in red."))
        else:
            form.status.setText(
                self.tr("Could not save; your entries are kept: %s") % error_text(error)
            )


def card_message(book: TemplateBook) -> str:
    """The message a card drafted with a resolution starts from."""
    template = CARD_TEMPLATE if CARD_TEMPLATE in book.cards else next(iter(book.cards))
    return book.card(template).message_in(writing_language())
