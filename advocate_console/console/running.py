"""The running console: the window, the local store, sign-in, sync and the phone, wired
together.

Everything slow (opening and migrating the store, the keyring, the network) happens off
the UI thread; this class only reacts to results. It talks to the window through the
window's own methods and signals, never to the widgets inside it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

from PySide6.QtCore import QObject, QSettings, Qt, Signal
from PySide6.QtWidgets import QLabel

from advocate_console.api import CentralClient
from advocate_console.auth import SignedIn, SipPasswords, TokenVault
from advocate_console.auth.local_store import open_local_store
from advocate_console.cards import PrintDefaults
from advocate_console.pushes import PushedEvents
from advocate_console.settings import Settings, SettingsLayers
from advocate_console.store import CallerDirectory, LocalChanges, Store
from advocate_console.store.cards import CardQueue
from advocate_console.store.contacts import ContactBook
from advocate_console.store.crossed import CrossedResolutions
from advocate_console.store.database import STORE_NAME
from advocate_console.store.follow_ups import FollowUpList
from advocate_console.store.resolutions import CaseWork
from advocate_console.sync import SyncController
from advocate_console.tasks import run_task
from advocate_console.telephony import Softphone
from advocate_console.telephony.bridge_conference import BridgeConference
from advocate_console.telephony.conference import Conference
from advocate_console.ui.card_editor import CardEditor
from advocate_console.ui.card_queue_panel import CardQueuePanel
from advocate_console.ui.changes_dialog import ChangesDialog
from advocate_console.ui.diagnostics import DiagnosticsInput, save_diagnostics
from advocate_console.ui.follow_ups_panel import FollowUpsPanel
from advocate_console.ui.main_window import MainWindow
from advocate_console.ui.resolution_form import ResolutionForm
from advocate_console.ui.settings_dialog import SettingsDialog
from advocate_console.ui.sign_in_dialog import SignInDialog
from advocate_console.ui.status_bar import ConsoleStatusBar

from .approvals import ConsoleApprovals
from .local_copy import LocalCopy
from .presence import CasePresence
from .scoreboard import ScoreboardStart
from .sign_in import SignInFlow
from .telephony_start import TelephonyStart
from .whose_work import WhoseWork

log = logging.getLogger(__name__)


class Console(QObject):
    """Owns the parts of one running console and their lifetimes."""

    sig_ready = Signal()
    """The store is open and sync has started: callers can be searched."""
    sig_signed_in = Signal(object)
    """An advocate signed in (:class:`SignedIn`)."""
    sig_restart_requested = Signal()
    """This computer's copy was erased: start the console afresh (at its sign-in)."""

    def __init__(
        self,
        settings: Settings,
        data_dir: Path,
        vault: TokenVault,
        qsettings: QSettings | None = None,
        window: MainWindow | None = None,
        sync_interval_s: int = 60,
        layers: SettingsLayers | None = None,
    ) -> None:
        super().__init__()
        self.settings = settings
        self.layers = layers or SettingsLayers.of(settings)
        self.settings_dialog: SettingsDialog | None = None
        self.changes_dialog: ChangesDialog | None = None
        self.card_queue: CardQueue | None = None
        self.data_dir = data_dir
        self.store_path = data_dir / STORE_NAME
        self.vault = vault
        self.qsettings = qsettings
        self.window = window or MainWindow(settings=qsettings)
        self.store: Store | None = None
        self.sync: SyncController | None = None
        self.case_work: CaseWork | None = None
        self.follow_up_list: FollowUpList | None = None
        self._sync_interval_s = sync_interval_s
        self._closed = False

        self.status_bar = ConsoleStatusBar()
        self.window.use_status_bar(self.status_bar)
        self.status_bar.sig_sync_requested.connect(self.sync_now)
        self.status_bar.sig_sign_in_requested.connect(self.ask_again)
        self.status_bar.sig_changes_requested.connect(self.show_changes)
        self.status_bar.sig_settings_requested.connect(self.open_settings)
        self.update_notice = self.status_bar.update_notice
        self.settings_notice = self.status_bar.settings_notice
        self.sign_in = SignInFlow(vault, lambda: self.layers, qsettings, self.window)
        self.sign_in.sig_signed_in.connect(self._signed_in)
        self.sign_in.sig_signed_out.connect(self._signed_out)
        self.sign_in.sig_message.connect(self.window.show_message)
        self.local_copy = LocalCopy(self)
        self.local_copy.sig_restart_requested.connect(self.sig_restart_requested)
        self.sign_in.sig_wipe_ordered.connect(self.local_copy.erase)
        self.online_only_note: QLabel | None = None
        self.telephony = TelephonyStart(self)
        self.whose_work = WhoseWork(self)
        self.telephony.sig_ready.connect(self.window.add_telephony)
        self.telephony.sig_message.connect(self.window.show_message)
        self.telephony.sig_audio_changed.connect(self.status_bar.show_audio)
        self.window.sig_closing.connect(self.close)
        self.window.sig_sign_out_requested.connect(self.sign_out)
        self.window.sig_sign_in_requested.connect(self.ask_again)
        self.window.sig_change_password_requested.connect(self.sign_in.change_password)
        self.window.sig_sync_requested.connect(self.sync_now)
        self.window.sig_settings_requested.connect(self.open_settings)
        self.window.sig_diagnostics_requested.connect(self.save_diagnostics)
        self.scoreboard = ScoreboardStart(self.window, settings.ca_bundle or None)
        self.window.scoreboard_action.triggered.connect(self.open_scoreboard)
        self.status_bar.show_settings_problems(self.layers.problems, layers=self.layers)
        self.pushes = PushedEvents(self)  # screen pops and "changes waiting", pushed
        self.presence = CasePresence(self)  # after pushes: it listens to their stream
        self.approvals = ConsoleApprovals(self)  # after pushes: it listens to their stream

    # -- the parts, by name -----------------------------------------------------------------

    @property
    def signed_in(self) -> SignedIn | None:
        """Who is signed in now, or None."""
        return self.sign_in.signed_in

    @property
    def sign_in_dialog(self) -> SignInDialog | None:
        """The sign-in dialog last shown, if any."""
        return self.sign_in.dialog

    @property
    def phone(self) -> Softphone | None:
        """The built-in phone, when IT set one up."""
        return self.telephony.phone

    @phone.setter
    def phone(self, phone: Softphone | None) -> None:
        self.telephony.phone = phone

    @property
    def conference(self) -> Conference | BridgeConference | None:
        """The call and its legs, once the phone side has started."""
        return self.telephony.conference

    @property
    def sip_passwords(self) -> SipPasswords:
        """Where the SIP password is kept (the OS keyring)."""
        return self.telephony.passwords

    # -- start-up ---------------------------------------------------------------------------

    def open_local(self, store_path: Path | None = None, *, made_up: bool = False) -> None:
        """Open the local store off the UI thread, then start sync (signed in or not);
        ``made_up``: the demo's, a plain file (see ``open_local_store``)."""
        path = self.store_path = store_path or self.data_dir / STORE_NAME
        self.window.show_message(self.tr("Opening the local store…"))
        vault = self.vault
        run_task(
            lambda: open_local_store(path, vault, made_up=made_up),
            self._store_opened,
            lambda error: self.window.show_message(
                self.tr("Cannot open the local store: %s") % error
            ),
            owner=self,
        )

    def use_store(self, store: Store) -> None:
        """Work on ``store``, opened already (at start-up, before the console loaded)."""
        self._store_opened(store)

    def resume_or_ask(self, server_url: str) -> None:
        """Use the saved sign-in for ``server_url`` if it is still good, else ask."""
        self.sign_in.resume_or_ask(server_url)

    def sign_in_as(self, server_url: str, username: str, password: str) -> None:
        """Sign in without asking (demo mode), off the UI thread."""
        self.sign_in.sign_in_as(server_url, username, password)

    def ask_to_sign_in(self, server_url: str = "", username: str = "", reason: str = "") -> None:
        """Show the sign-in dialog (once); unsynced work stays where it is meanwhile."""
        self.sign_in.ask(server_url, username, reason)

    def use(self, signed: SignedIn) -> None:
        """Sync as ``signed`` from now on."""
        self.sign_in.use(signed)

    # -- while running ----------------------------------------------------------------------

    def sync_now(self) -> None:
        """Sync at once (F5, or the status bar's button); signed out, sign in first."""
        if self.signed_in is None:
            self.ask_again()
        elif self.sync is not None:
            self.sync.sync_now()

    def ask_again(self) -> None:
        """The sign-in dialog, for the server and advocate of the last sign-in (F5, a
        click on "Signed out" or Console ▸ Sign in… while signed out)."""
        if self.signed_in is None:
            self.sign_in.ask_again()

    def show_changes(self) -> None:
        """The list of changes not yet on the server, with conflicts to resolve."""
        if self.store is None:
            return
        dialog = ChangesDialog(LocalChanges(self.store), self.window, me=self._me(self.signed_in))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.sig_changed.connect(self.sync_now)
        if self.sync is not None:  # a choice is followed until the server has it
            self.sync.sig_synced.connect(dialog.reload)
        self.changes_dialog = dialog
        dialog.open()

    def open_settings(self) -> None:
        """Console ▸ Settings: the advocate's settings, IT's locked ones shown fixed."""
        dialog = SettingsDialog(
            self.layers, passwords=self.sip_passwords, phone=self.phone, parent=self.window
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.sig_saved.connect(self.apply_settings)
        dialog.open()
        self.settings_dialog = dialog

    def save_diagnostics(self) -> None:
        """Help ▸ Save diagnostics: the zip for IT, off the UI thread."""
        what = DiagnosticsInput(self.layers, self.store, self.status_bar.sync.status)
        save_diagnostics(self.window, what)

    def apply_settings(self, layers: SettingsLayers) -> None:
        """Use newly saved settings; those that need a restart wait for it."""
        before, after = self.settings, layers.settings
        self.layers, self.settings = layers, after
        self.status_bar.show_settings_problems(layers.problems, layers=layers)
        if self.store is not None and after.default_region != before.default_region:
            region = after.default_region
            self.window.set_directory(
                CallerDirectory(self.store, region), ContactBook(self.store, region)
            )
        if self.card_queue is not None:
            self.card_queue.default_template = after.card_stock
        if self.case_work is not None:
            self.case_work.card_template = after.card_stock
        self.window.set_print_defaults(self._print_defaults())
        audio = (after.audio_capture, after.audio_playback)
        if self.phone is not None and audio != (before.audio_capture, before.audio_playback):
            self.phone.use_audio_devices(*audio)
        self.update_notice.set_channel(after.update_channel)
        self.window.show_message(self.tr("Settings saved."), 5000)

    def open_scoreboard(self):
        """View ▸ Scoreboard: the advocate's own score; a lead's team pages too."""
        return self.scoreboard.open(self.store, self.signed_in)

    def sign_out(self) -> None:
        """Console ▸ Sign out: keeping this computer's copy, or erasing it (see
        :class:`LocalCopy`)."""
        self.local_copy.sign_out()

    def close(self) -> None:
        """Stop the phone and sync, and close the store (the window is closing)."""
        if self._closed:
            return
        self._closed = True
        self.sign_in.closed = True
        self.update_notice.stop()
        self.scoreboard.close()
        self.telephony.stop()
        self.presence.stop()
        if self.sync is not None and not self.sync.shutdown():
            log.warning("Sync did not stop in time; its work resumes at the next start")
        if self.store is not None:
            self.store.close()

    # -- internals --------------------------------------------------------------------------

    def _store_opened(self, store: Store) -> None:
        if self._closed:
            store.close()
            return
        self.store = store
        if store.in_memory:
            self._say_online_only()
        region = self.settings.default_region
        self.window.set_directory(CallerDirectory(store, region), ContactBook(store, region))
        advocate = self.signed_in.session.advocate.display_name if self.signed_in else None
        me = self.signed_in.session.advocate.id if self.signed_in else None
        self.case_work = CaseWork(store, advocate, card_template=self.settings.card_stock)
        self.follow_up_list = FollowUpList(store, advocate, advocate_id=me)
        form = ResolutionForm(self.case_work, crossings=CrossedResolutions(store))
        form.sig_reopened.connect(lambda _case_id: self.sync_now())
        self.window.add_case_work(form)
        self._let_the_form_reopen()
        self.window.add_follow_ups(FollowUpsPanel(self.follow_up_list))
        queue = self.card_queue = CardQueue(
            store, self.settings.card_stock, advocate=advocate, advocate_id=me
        )
        # Cards left "printing" by a crash go back to the queue before anyone prints again.
        run_task(
            queue.recover_interrupted,
            lambda _: self.window.add_card_queue(
                CardQueuePanel(queue, defaults=self._print_defaults()), CardEditor(queue)
            ),
            owner=self.window,
        )
        self.sync = SyncController(store, self._sync_interval_s)
        sync = self.sync  # its signals arrive on the UI thread
        sync.sig_status_changed.connect(self.status_bar.sync.show_status)
        sync.sig_progress.connect(self.status_bar.show_progress)
        sync.sig_synced.connect(self._synced)
        sync.sig_signed_out.connect(self.sign_in.token_refused)
        sync.sig_wipe_ordered.connect(self.local_copy.erase)
        signed = self.signed_in
        self.sync.start(signed.client if signed else None, self._me(signed))
        if signed is not None:
            self._note_author(signed)
        self._start_telephony()
        self.window.show_message("")
        # Now that "Opening the store…" is gone, the first settings problem is said once.
        self.status_bar.show_settings_problems(
            self.layers.problems, announce=True, layers=self.layers
        )
        self.sig_ready.emit()

    def _say_online_only(self) -> None:
        note = QLabel(self.tr("Online only: no local copy"))
        note.setObjectName("onlineOnlyNote")
        note.setToolTip(
            self.tr(
                "There is no secure keyring on this computer to keep the local copy's key, so "
                "the customer records are kept in memory only: copied from the server at each "
                "start, and gone when the console closes, unsynced changes with them."
            )
        )
        self.status_bar.addPermanentWidget(note)
        self.online_only_note = note

    def _signed_in(self, signed: SignedIn) -> None:
        name, server = signed.session.advocate.display_name, signed.session.server_url
        # The host is enough beside the name (the bar is shared); the hover says it all.
        self.window.set_connection(self.tr("%s · %s") % (name, urlsplit(server).netloc))
        self.status_bar.connection.setToolTip(server)
        # What is saved from now on is stamped with who did it, and "mine" is theirs.
        for work in (self.case_work, self.follow_up_list, self.card_queue):
            if work is not None:
                work.advocate = name
        for listing in (self.follow_up_list, self.card_queue):
            if listing is not None:
                listing.advocate_id = signed.session.advocate.id
        self.window.set_signed_in(True)
        self.sig_signed_in.emit(signed)
        if self.store is not None and self.sync is not None:
            # What is saved from now on is theirs; then their work (only theirs) is sent.
            sync = self.sync
            self._note_author(signed, lambda: sync.set_client(signed.client, self._me(signed)))
        self._start_telephony()
        self._let_the_form_reopen()
        # Its own client: it runs on worker threads, the sync thread has the other one.
        checker = CentralClient(
            signed.client.base_url,
            token=signed.client.token,
            ca_bundle=self.settings.ca_bundle or None,
            retries=1,
        )
        self.update_notice.start(checker, self.settings.update_channel)

    def _signed_out(self) -> None:
        # The last customer's personal data does not stay on screen for whoever is next.
        self.window.clear_caller()
        self.scoreboard.close()
        self.window.set_signed_in(False)
        self._let_the_form_reopen()
        self.update_notice.stop()
        if self.sync is not None:
            self.sync.set_client(None)

    def _start_telephony(self) -> None:
        # The dial-out list and the call panel need the store and the advocate both.
        if self.store is not None and self.signed_in is not None and not self._closed:
            advocate = self.signed_in.session.advocate.display_name
            client = self.signed_in.client
            # Its own client for conferences on the bridge (the sync thread has the other).
            self.telephony.client = CentralClient(
                client.base_url, token=client.token, ca_bundle=self.settings.ca_bundle or None
            )
            self.telephony.start(self.store, advocate, self.settings)

    def _synced(self, report) -> None:
        self.status_bar.show_synced(report)
        if report.pulled:
            self.window.refresh()

    def _let_the_form_reopen(self) -> None:
        # The form acts as whoever is signed in: reopening cases, and saying it is on one.
        if self.window.form is not None:
            self.whose_work.let_the_form_reopen(self.window.form, self.signed_in)
            self.presence.follow(self.window.form, None if self._closed else self.signed_in)

    def _note_author(self, signed: SignedIn, then: Callable[[], None] = lambda: None) -> None:
        if self.store is not None:
            self.whose_work.note_author(self.store, signed, then)

    @staticmethod
    def _me(signed: SignedIn | None):
        return signed.session.advocate.id if signed is not None else None

    def _print_defaults(self) -> PrintDefaults:
        settings, locked = self.settings, self.layers.locked
        return PrintDefaults(
            printer=settings.default_printer,
            card_stock=settings.card_stock,
            printer_locked="default_printer" in locked,
            card_stock_locked="card_stock" in locked,
        )
