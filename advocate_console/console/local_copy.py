"""This computer's copy of the records: kept or erased at sign-out (as the advocate answers,
or as IT decided), and erased when the server orders it; after an erase the console
starts afresh, at its sign-in."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox

from advocate_console.auth import sign_out
from advocate_console.auth.erase import Erased, erase_local_data
from advocate_console.store import LocalChanges
from advocate_console.tasks import run_task
from advocate_console.ui.local_data import SignOutQuestion, erased_message
from advocate_console.ui.reason_words import error_text

if TYPE_CHECKING:
    from .running import Console


class LocalCopy(QObject):
    """Signs out keeping or erasing the local copy, and erases it on the server's order."""

    sig_restart_requested = Signal()
    """The local copy was erased and the advocate told: start the console afresh."""

    def __init__(self, console: Console) -> None:
        super().__init__(console)
        self._console = console
        self.question: SignOutQuestion | None = None
        self.message: QMessageBox | None = None
        self._erasing = False

    def sign_out(self) -> None:
        """Sign out, keeping this computer's copy or erasing it: as IT decided (a locked
        ``erase_at_sign_out``), else as the advocate answers (keep, unless the setting
        says erase)."""
        console = self._console
        if "erase_at_sign_out" in console.layers.locked:
            self._decided(console.settings.erase_at_sign_out)
            return
        store = console.store
        run_task(
            lambda: LocalChanges(store).waiting() if store is not None else 0,
            self._ask,
            lambda _error: self._ask(0),
            owner=self,
        )

    def _ask(self, waiting: int) -> None:
        console = self._console
        question = SignOutQuestion(waiting, console.settings.erase_at_sign_out, console.window)
        question.sig_chosen.connect(self._decided)
        self.question = question
        question.open()

    def _decided(self, erase: bool) -> None:
        if erase:
            self.erase()
        else:
            self._console.sign_in.sign_out()

    def erase(self, reason: str = "") -> None:
        """Stop everything, revoke the token, erase the local store (drafts, card queue,
        unsent changes) and the keyring entries, say so with ``reason``, start afresh."""
        if self._erasing:
            return
        self._erasing = True
        console = self._console
        signed = console.sign_in.forget()
        console.close()
        if console.store is not None:
            console.store.close_for_good()
        vault, data_dir, store_path = console.vault, console.data_dir, console.store_path

        def erase() -> Erased:
            if signed is not None:
                sign_out(signed, vault)  # (a disabled account's token is refused: fine)
            return erase_local_data(data_dir, vault, store_path)

        run_task(
            erase,
            lambda erased: self._erased(reason, erased),
            lambda error: self._erased("", Erased(problems=[error_text(error)])),
            owner=self,
        )

    def _erased(self, reason: str, erased: Erased) -> None:
        box = erased_message(reason, erased, self._console.window)
        box.finished.connect(lambda _result: self.sig_restart_requested.emit())
        self.message = box
        box.open()
