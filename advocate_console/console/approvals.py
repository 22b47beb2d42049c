"""The console's side of authority and approvals: the sync that keeps them (after each
sync cycle, at once on a request or a pushed event), the resolution form's authority,
a notification when a lead decides, and the lead's Approvals dock (leads and admins)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication

from advocate_console.api import CentralClient
from advocate_console.store.approvals import ApprovalBook
from advocate_console.sync.approvals import DECIDERS, ApprovalNews, ApprovalSync
from advocate_console.ui.approvals.dock import ApprovalsPanel
from advocate_console.ui.approvals.words import dollars, words

if TYPE_CHECKING:
    from advocate_console.auth import SignedIn
    from advocate_console.console import Console

NOTICE_MS = 30_000
MAX_NOTICE = 160


class ConsoleApprovals(QObject):
    """Wires the approvals sync to the form, the dock, the pushes and the status bar."""

    def __init__(self, console: Console) -> None:
        super().__init__(console)
        self.console = console
        self.book: ApprovalBook | None = None
        self.sync: ApprovalSync | None = None
        self.panel: ApprovalsPanel | None = None
        console.sig_ready.connect(self._store_ready)
        # After PushedEvents' own handler: its listener exists by then.
        console.sig_signed_in.connect(self._signed_in)
        console.sign_in.sig_signed_out.connect(self._signed_out)
        console.window.sig_closing.connect(self._closing)

    # -- as the console comes up ------------------------------------------------------------

    def _store_ready(self) -> None:
        console = self.console
        if console.store is None or self.book is not None:
            return
        self.book = ApprovalBook(console.store)
        self.sync = ApprovalSync(self.book, self)
        self.sync.sig_news.connect(self._news)
        if console.sync is not None:  # each sync cycle brings authority and approvals too
            console.sync.sig_synced.connect(lambda _report: self.sync_now())
        form = console.form
        if form is not None:
            form.authority.sig_asked.connect(self._asked)
        if console.signed_in is not None:
            self._signed_in(console.signed_in)

    def _signed_in(self, signed: SignedIn) -> None:
        if self.sync is None or self.book is None:
            return  # the store opens later: _store_ready comes back here
        me = signed.session.advocate
        # Its own client: runs happen on worker threads, the sync thread has the other.
        client = CentralClient(
            signed.client.base_url,
            token=signed.client.token,
            ca_bundle=self.console.settings.ca_bundle or None,
            retries=1,
        )
        self.sync.use(client, me)
        form = self.console.form
        if form is not None:
            form.authority.use(self.book, me)
        listener = self.console.pushes.listener
        if listener is not None:
            listener.sig_event.connect(self.sync.pushed)
            listener.sig_listening.connect(self.sync.set_listening)
            if listener.listening:  # it opened before we were there to hear it
                self.sync.set_listening(True)
        if me.role in DECIDERS:
            if self.panel is None:
                self.panel = ApprovalsPanel(self.sync, me)
                self.console.window.add_approvals(self.panel)
            self.panel.use(me)
            if self.panel.dock is not None:
                self.panel.dock.toggleViewAction().setVisible(True)
                self.panel.dock.show()
            self.panel.refresh()
        else:
            self._hide_dock()

    def _signed_out(self) -> None:
        if self.sync is not None:
            self.sync.use(None, None)
        form = self.console.form
        if form is not None:
            form.authority.use(None, None)
        self._hide_dock()

    def _hide_dock(self) -> None:
        # An advocate (or nobody) is signed in now: no lead's list stays on screen.
        dock = self.panel.dock if self.panel is not None else None
        if dock is not None:
            dock.hide()
            dock.toggleViewAction().setVisible(False)

    def _closing(self) -> None:
        if self.sync is not None:
            self.sync.use(None, None)

    # -- while running ------------------------------------------------------------------

    def sync_now(self) -> None:
        """Send waiting requests and read authority and approvals, as soon as possible."""
        if self.sync is not None:
            self.sync.sync_now()

    def _asked(self, _approval: object) -> None:
        # Sent at once; and a sync of the outbox too, which sends it again after the case
        # it is for, when that case was opened here and is not on the server yet.
        self.sync_now()
        self.console.sync_now()

    def _news(self, news: ApprovalNews) -> None:
        console, sync = self.console, self.sync
        me = sync.me if sync is not None else None
        form = console.form
        if form is not None:  # a decision, the authority, or why a request waits
            form.authority.refresh()
        if self.panel is not None and news.changed:
            self.panel.refresh()
        if me is None:
            return
        # Only what just happened: a first sync brings old decisions and requests too.
        for approval in news.decided:
            if approval.requester_id == me.id:
                case = approval.case_title.split(" · ")[0]
                self._notify(self.tr("Case %s: %s") % (case, words().decision(approval)))
        asking = [a for a in news.changed if a.status == "pending" and a.requester_id != me.id]
        if asking and self.panel is not None:
            if len(asking) == 1:
                first = asking[0]
                text = self.tr("%s asks a lead to approve %s on case %s") % (
                    first.requester_name,
                    dollars(first.total_cost_cents),
                    first.case_title.split(" · ")[0],
                )
            else:
                text = self.tr("%n request(s) waiting for a lead's decision", "", len(asking))
            self._notify(text)

    def _notify(self, text: str) -> None:
        window = self.console.window
        # One line: the status bar does not grow with a long note.
        window.show_message(
            text if len(text) <= MAX_NOTICE else text[: MAX_NOTICE - 1] + "…", NOTICE_MS
        )
        QApplication.alert(window)  # the task bar flashes if the window is behind others
