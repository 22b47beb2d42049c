"""The form's draft: written to the local store once typing pauses, read back when the
advocate comes back to the case, so nothing typed is lost to a closed window or a crash."""

from __future__ import annotations

import logging
import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

from advocate_console.domain.resolutions import ResolutionEntry

if TYPE_CHECKING:
    from ..resolution_form import ResolutionForm

log = logging.getLogger(__name__)

DRAFT_DELAY_MS = 700
"""How long typing must pause before the draft is written."""
DRAFT_WAIT_S = 5.0
"""How long closing the window waits for the last draft (and any save) to be written."""


class FormDraft(QObject):
    """Keeps the form's entry as a draft of its case, and puts a kept draft back."""

    def __init__(self, form: ResolutionForm) -> None:
        super().__init__(form)
        self.form = form
        self.dirty = False
        """Typed since the case was shown (or saved): there is something to keep."""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DRAFT_DELAY_MS)
        self._timer.timeout.connect(self.keep)

    def edited(self) -> None:
        """The advocate typed: keep the draft once typing pauses."""
        self.dirty = True
        self._timer.start()

    def keep_pending(self) -> None:
        """Write a draft still waiting for typing to pause now (the case goes away)."""
        if self._timer.isActive():
            self.keep()

    def stop(self) -> None:
        """Nothing waits to be kept any more (the form is being saved)."""
        self._timer.stop()

    def keep(self, wait: bool = False) -> None:
        """Write the draft now; with ``wait``, until it is on disk (the window is closing,
        and the store closes right after)."""
        self._timer.stop()
        form = self.form
        entry = form.entry()
        if entry is not None and self.dirty and not form.saving.busy:
            work = form.work
            form.run(
                lambda: work.keep_draft(entry),
                lambda _none: form.sig_draft_kept.emit(entry.case_id),
                lambda error: form.status.setText(self.tr("Could not keep a draft: %s") % error),
            )
        if wait and not form.wait_for_store(DRAFT_WAIT_S):
            log.warning("The resolution draft was not written in %s s", DRAFT_WAIT_S)

    def load(self, case_id: uuid.UUID) -> None:
        """Read the draft kept for ``case_id``, off the UI thread, and show it if any."""
        work = self.form.work
        self.form.run(lambda: work.draft(case_id), lambda entry: self._restore(case_id, entry))

    def _restore(self, case_id: uuid.UUID, entry: ResolutionEntry | None) -> None:
        form = self.form
        if entry is None or form.case is None or form.case.id != case_id or self.dirty:
            return
        form.show_entry(entry)
        form.set_enabled(True)
        form.status.setText(self.tr("Draft restored: carry on where you left off."))
        form.sig_draft_restored.emit(case_id)
