"""The console's part in presence: the resolution form's case is said to the server as
whoever is signed in, and who else is on it comes back to the form (pushed through the
event stream where one is open, polled by the heartbeat otherwise)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from advocate_console.api import CentralClient
from advocate_console.auth import SignedIn
from advocate_console.sync.presence import OthersOnCase

if TYPE_CHECKING:
    from advocate_console.ui.resolution_form import ResolutionForm

    from .running import Console


class CasePresence(QObject):
    """Follows the form's case while someone is signed in."""

    def __init__(self, console: Console) -> None:
        super().__init__(console)
        self.console = console
        self.others: OthersOnCase | None = None
        self._form: ResolutionForm | None = None
        self._token: str | None = None

    def follow(self, form: ResolutionForm | None, signed: SignedIn | None) -> None:
        """Follow ``form``'s case as ``signed`` (nobody: stop)."""
        token = signed.client.token if signed is not None else None
        if form is self._form and token == self._token:
            return
        self.stop()
        self._form, self._token = form, token
        if form is None or signed is None:
            return
        # Its own client: presence runs on worker threads, the sync thread has another.
        client = CentralClient(
            signed.client.base_url,
            token=signed.client.token,
            ca_bundle=self.console.settings.ca_bundle or None,
            retries=0,
        )
        others = self.others = OthersOnCase(client, signed.session.advocate.id)
        others.sig_others.connect(form.two_advocates.show_others)
        form.two_advocates.sig_case_shown.connect(others.watch)
        listener = self.console.pushes.listener
        if listener is not None:
            listener.sig_event.connect(others.pushed)
        others.watch(form.case.id if form.case is not None else None)

    def stop(self) -> None:
        """Leave the case and stop (signed out, or closing)."""
        if self.others is not None:
            if self._form is not None:
                self._form.two_advocates.sig_case_shown.disconnect(self.others.watch)
                self._form.two_advocates.also_here.show_others([])
            self.others.stop()
            self.others = None
        self._form, self._token = None, None
