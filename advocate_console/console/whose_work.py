"""Whose work the console saves and sends: the outbox's author follows the sign-in (and
another advocate's waiting work is said once), and the resolution form reopens cases as
whoever is signed in."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from advocate_console.api import CentralClient
from advocate_console.auth import SignedIn
from advocate_console.domain import Role
from advocate_console.store import Store
from advocate_console.store.outbox_authors import OutboxAuthor, set_outbox_author
from advocate_console.store.outbox_counts import WaitingCounts, waiting_counts
from advocate_console.tasks import run_task

if TYPE_CHECKING:
    from advocate_console.ui.resolution_form import ResolutionForm

    from .running import Console


class WhoseWork(QObject):
    """The console's part in telling one advocate's work from another's."""

    def __init__(self, console: Console) -> None:
        super().__init__(console)
        self.console = console

    def note_author(
        self, store: Store, signed: SignedIn, then: Callable[[], None] = lambda: None
    ) -> None:
        """What is saved from now on is ``signed``'s (off the UI thread); another advocate's
        work waiting on this laptop is said once (it is sent only when they sign in)."""
        advocate = signed.session.advocate
        author = OutboxAuthor(advocate.id, advocate.display_name)
        window = self.console.window

        def note() -> WaitingCounts:
            set_outbox_author(store, author)
            return waiting_counts(store, author.id)

        def noted(counts: WaitingCounts) -> None:
            for name, count in counts.kept_for.items():
                said = self.tr(
                    "%n change(s) saved on this computer by %1: sent when %1 signs in,"
                    " never as yours.",
                    "",
                    count,
                )
                window.show_message(said.replace("%1", name), 30000)
            then()

        run_task(
            note,
            noted,
            lambda error: window.show_message(self.tr("Cannot note who is signed in: %s") % error),
            owner=self,
        )

    def let_the_form_reopen(self, form: ResolutionForm, signed: SignedIn | None) -> None:
        """A resolved case is reopened on the server as whoever is signed in (leads may
        reopen any; the form explains the rest); nobody signed in, nobody reopens."""
        if signed is None:
            form.two_advocates.set_signed_in(None, lead=False)
            return
        # Its own client: reopening runs on a worker thread, the sync thread has another.
        client = CentralClient(
            signed.client.base_url,
            token=signed.client.token,
            ca_bundle=self.console.settings.ca_bundle or None,
        )

        def reopen(case_id: uuid.UUID, reason: str):
            return client.reopen_case(case_id, reason, str(uuid.uuid4()))

        lead = signed.session.advocate.role in (Role.LEAD, Role.ADMIN)
        form.two_advocates.set_signed_in(reopen, lead=lead)
