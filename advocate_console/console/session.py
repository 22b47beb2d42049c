"""The advocate's session at the console: when someone signs in (or out), every part
follows. The window says who is connected, the work is stamped as theirs, sync sends
only their work with their token, the phone starts for them, the form reopens cases
and says it is on one as them, and the update notice asks the server as them."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from PySide6.QtCore import QObject

from advocate_console.api import CentralClient
from advocate_console.auth import SignedIn

if TYPE_CHECKING:
    from .running import Console


def advocate_id(signed: SignedIn | None) -> uuid.UUID | None:
    """The id of the advocate signed in, or None."""
    return signed.session.advocate.id if signed is not None else None


class AdvocateSession(QObject):
    """Puts whoever is signed in to every part of the console."""

    def __init__(self, console: Console) -> None:
        super().__init__(console)
        self.console = console

    def signed_in(self, signed: SignedIn) -> None:
        """``signed`` is in: the window, the work, sync, the phone, the form follow."""
        console = self.console
        name, server = signed.session.advocate.display_name, signed.session.server_url
        # The host is enough beside the name (the bar is shared); the hover says it all.
        console.window.set_connection(self.tr("%s · %s") % (name, urlsplit(server).netloc))
        console.status_bar.connection.setToolTip(server)
        console.desk.sign_as(signed)
        console.window.set_signed_in(True)
        console.sig_signed_in.emit(signed)
        if console.store is not None and console.sync is not None:
            # What is saved from now on is theirs; then their work (only theirs) is sent.
            sync = console.sync
            self.note_author(signed, lambda: sync.set_client(signed.client, advocate_id(signed)))
        self.start_telephony()
        self.let_the_form_reopen()
        # Its own client: it runs on worker threads, the sync thread has the other one.
        checker = CentralClient(
            signed.client.base_url,
            token=signed.client.token,
            ca_bundle=console.settings.ca_bundle or None,
            retries=1,
        )
        console.update_notice.start(checker, console.settings.update_channel)

    def signed_out(self) -> None:
        """Nobody is in: nothing of theirs stays on screen, and sync stops sending."""
        console = self.console
        # The last customer's personal data does not stay on screen for whoever is next.
        console.window.clear_caller()
        console.scoreboard.close()
        console.window.set_signed_in(False)
        self.let_the_form_reopen()
        console.update_notice.stop()
        if console.sync is not None:
            console.sync.set_client(None)

    def store_ready(self) -> None:
        """The store is open (and sync started): what is saved is the signed-in
        advocate's, and their phone starts."""
        signed = self.console.signed_in
        if signed is not None:
            self.note_author(signed)
        self.start_telephony()

    def start_telephony(self) -> None:
        """The phone side, once the store and the advocate are both known."""
        console = self.console
        if console.store is not None and console.signed_in is not None and not console.closed:
            console.telephony.start_as(console.store, console.signed_in, console.settings)

    def let_the_form_reopen(self) -> None:
        """The form acts as whoever is signed in: reopening cases, and saying it is on one."""
        console = self.console
        if console.form is not None:
            console.whose_work.let_the_form_reopen(console.form, console.signed_in)
            console.presence.follow(console.form, None if console.closed else console.signed_in)

    def note_author(self, signed: SignedIn, then: Callable[[], None] = lambda: None) -> None:
        """What is saved from now on is ``signed``'s; then ``then``."""
        store = self.console.store
        if store is not None:
            self.console.whose_work.note_author(store, signed, then)
