"""The advocate's desk, once the local store is open: the caller directory, the case
worked on and its resolution form, the follow-ups and the card queue, put on the window
and stamped with whoever is signed in."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from advocate_console.cards import PrintDefaults
from advocate_console.store import CallerDirectory
from advocate_console.store.cards import CardQueue
from advocate_console.store.contacts import ContactBook
from advocate_console.store.crossed import CrossedResolutions
from advocate_console.store.follow_ups import FollowUpList
from advocate_console.store.resolutions import CaseWork
from advocate_console.tasks import run_task
from advocate_console.ui.card_editor import CardEditor
from advocate_console.ui.card_queue_panel import CardQueuePanel
from advocate_console.ui.follow_ups_panel import FollowUpsPanel
from advocate_console.ui.resolution_form import ResolutionForm

if TYPE_CHECKING:
    from advocate_console.auth import SignedIn
    from advocate_console.settings import Settings
    from advocate_console.store import Store

    from .running import Console


class Desk(QObject):
    """The work lists on the open store, and the panels on the window that show them."""

    def __init__(self, console: Console) -> None:
        super().__init__(console)
        self.console = console
        self.case_work: CaseWork | None = None
        self.follow_up_list: FollowUpList | None = None
        self.card_queue: CardQueue | None = None
        self.form: ResolutionForm | None = None
        """The resolution form this desk put on the window (None until the store opens)."""

    def print_defaults(self) -> PrintDefaults:
        """The printer and card stock the card queue starts from, as the settings say
        now, and whether IT fixed them."""
        settings, locked = self.console.settings, self.console.layers.locked
        return PrintDefaults(
            printer=settings.default_printer,
            card_stock=settings.card_stock,
            printer_locked="default_printer" in locked,
            card_stock_locked="card_stock" in locked,
        )

    def lay_out(self, store: Store, signed: SignedIn | None) -> None:
        """Make the work lists on ``store`` as ``signed`` (or nobody yet), and their panels."""
        settings, window = self.console.settings, self.console.window
        region = settings.default_region
        window.set_directory(CallerDirectory(store, region), ContactBook(store, region))
        advocate = signed.session.advocate.display_name if signed else None
        me = signed.session.advocate.id if signed else None
        self.case_work = CaseWork(store, advocate, card_template=settings.card_stock)
        self.follow_up_list = FollowUpList(store, advocate, advocate_id=me)
        self.form = ResolutionForm(self.case_work, crossings=CrossedResolutions(store))
        window.add_case_work(self.form)
        window.add_follow_ups(FollowUpsPanel(self.follow_up_list))
        queue = self.card_queue = CardQueue(
            store, settings.card_stock, advocate=advocate, advocate_id=me
        )
        # Cards left "printing" by a crash go back to the queue before anyone prints again.
        run_task(
            queue.recover_interrupted,
            lambda _: window.add_card_queue(
                CardQueuePanel(queue, defaults=self.print_defaults()), CardEditor(queue)
            ),
            owner=window,
        )

    def sign_as(self, signed: SignedIn) -> None:
        """What is saved from now on is stamped with ``signed``, and "mine" is theirs."""
        name = signed.session.advocate.display_name
        for work in (self.case_work, self.follow_up_list, self.card_queue):
            if work is not None:
                work.advocate = name
        for listing in (self.follow_up_list, self.card_queue):
            if listing is not None:
                listing.advocate_id = signed.session.advocate.id
        # A restart lays the lists out before anyone is signed in: read them again, so
        # "Mine" is this advocate's at once, not empty until the next change.
        window = self.console.window
        for panel in (window.follow_ups, window.card_queue):
            if panel is not None:
                panel.refresh()

    def use_settings(self, store: Store | None, before: Settings) -> None:
        """Newly saved settings: the region callers' numbers are read in, the card stock
        new cards are drafted on, the printer the queue starts from."""
        after, window = self.console.settings, self.console.window
        if store is not None and after.default_region != before.default_region:
            region = after.default_region
            window.set_directory(CallerDirectory(store, region), ContactBook(store, region))
        if self.card_queue is not None:
            self.card_queue.default_template = after.card_stock
        if self.case_work is not None:
            self.case_work.card_template = after.card_stock
        window.set_print_defaults(self.print_defaults())

    def when_reopened(self, then: Callable[[], None]) -> None:
        """Call ``then`` whenever the form reopens a case (its change is to be sent)."""
        if self.form is not None:
            self.form.sig_reopened.connect(lambda _case_id: then())
