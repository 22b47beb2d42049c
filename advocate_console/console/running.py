"""The running console: the window, the local store, sign-in, sync and the phone, wired
together.

Everything slow (opening and migrating the store, the keyring, the network) happens off
the UI thread; this class only reacts to results. It talks to the window through the
window's own methods and signals, never to the widgets inside it.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, Qt, Signal
from PySide6.QtWidgets import QLabel

from advocate_console.auth import SignedIn, SipPasswords, TokenVault
from advocate_console.auth.local_store import open_local_store
from advocate_console.pushes import PushedEvents
from advocate_console.settings import Settings, SettingsLayers
from advocate_console.store import LocalChanges, Store
from advocate_console.store.cards import CardQueue
from advocate_console.store.database import STORE_NAME
from advocate_console.store.follow_ups import FollowUpList
from advocate_console.store.resolutions import CaseWork
from advocate_console.sync import SyncController
from advocate_console.tasks import run_task
from advocate_console.telephony import Softphone
from advocate_console.telephony.bridge_conference import BridgeConference
from advocate_console.telephony.conference import Conference
from advocate_console.ui.changes_dialog import ChangesDialog
from advocate_console.ui.diagnostics import DiagnosticsInput, save_diagnostics
from advocate_console.ui.main_window import MainWindow
from advocate_console.ui.resolution_form import ResolutionForm
from advocate_console.ui.settings_dialog import SettingsDialog
from advocate_console.ui.sign_in_dialog import SignInDialog
from advocate_console.ui.status_bar import ConsoleStatusBar

from .approvals import ConsoleApprovals
from .desk import Desk
from .local_copy import LocalCopy
from .presence import CasePresence
from .scoreboard import ScoreboardStart
from .session import AdvocateSession, advocate_id
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
        self.data_dir = data_dir
        self.store_path = data_dir / STORE_NAME
        self.vault = vault
        self.qsettings = qsettings
        self.window = window or MainWindow(settings=qsettings)
        self.store: Store | None = None
        self.sync: SyncController | None = None
        self._sync_interval_s = sync_interval_s
        self._closed = False
        self.online_only_note: QLabel | None = None

        self.desk = Desk(self)
        self.session = AdvocateSession(self)
        self.status_bar = ConsoleStatusBar()
        self.update_notice = self.status_bar.update_notice
        self.settings_notice = self.status_bar.settings_notice
        self.sign_in = SignInFlow(vault, lambda: self.layers, qsettings, self.window)
        self.sign_in.sig_signed_in.connect(self.session.signed_in)
        self.sign_in.sig_signed_out.connect(self.session.signed_out)
        self.local_copy = LocalCopy(self)
        self.local_copy.sig_restart_requested.connect(self.sig_restart_requested)
        self.sign_in.sig_wipe_ordered.connect(self.local_copy.erase)
        self.telephony = TelephonyStart(self)
        self.whose_work = WhoseWork(self)
        self.scoreboard = ScoreboardStart(self.window, settings.ca_bundle or None)
        self._wire_window()
        self.pushes = PushedEvents(self)  # screen pops and "changes waiting", pushed
        self.presence = CasePresence(self)  # after pushes: it listens to their stream
        self.approvals = ConsoleApprovals(self)  # after pushes: it listens to their stream

    def _wire_window(self) -> None:
        # The window's menus and status bar ask; the parts' news is said on the window.
        window, bar = self.window, self.status_bar
        window.use_status_bar(bar)
        bar.sig_sync_requested.connect(self.sync_now)
        bar.sig_sign_in_requested.connect(self.ask_again)
        bar.sig_changes_requested.connect(self.show_changes)
        bar.sig_settings_requested.connect(self.open_settings)
        self.sign_in.sig_message.connect(window.show_message)
        self.telephony.sig_ready.connect(window.add_telephony)
        self.telephony.sig_message.connect(window.show_message)
        self.telephony.sig_audio_changed.connect(bar.show_audio)
        window.sig_closing.connect(self.close)
        window.sig_sign_out_requested.connect(self.sign_out)
        window.sig_sign_in_requested.connect(self.ask_again)
        window.sig_change_password_requested.connect(self.sign_in.change_password)
        window.sig_sync_requested.connect(self.sync_now)
        window.sig_settings_requested.connect(self.open_settings)
        window.sig_diagnostics_requested.connect(self.save_diagnostics)
        window.sig_scoreboard_requested.connect(self.open_scoreboard)
        bar.show_settings_problems(self.layers.problems, layers=self.layers)

    # -- the parts, by name -----------------------------------------------------------------

    @property
    def case_work(self) -> CaseWork | None:
        """The case being worked on, once the store is open."""
        return self.desk.case_work

    @property
    def follow_up_list(self) -> FollowUpList | None:
        """The follow-ups, once the store is open."""
        return self.desk.follow_up_list

    @property
    def card_queue(self) -> CardQueue | None:
        """The thank-you card queue, once the store is open."""
        return self.desk.card_queue

    @property
    def form(self) -> ResolutionForm | None:
        """The resolution form on the window, once the store is open."""
        return self.desk.form

    @property
    def closed(self) -> bool:
        """The window closed: the console has stopped."""
        return self._closed

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
        me = advocate_id(self.signed_in)
        dialog = ChangesDialog(LocalChanges(self.store), self.window, me=me)
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
        self.desk.use_settings(self.store, before)
        audio = (after.audio_capture, after.audio_playback)
        if self.phone is not None and audio != (before.audio_capture, before.audio_playback):
            self.phone.use_audio_devices(*audio)
        self.update_notice.set_channel(after.update_channel)
        self.window.show_message(self.tr("Settings saved."), 5000)

    def open_scoreboard(self):
        """View ▸ Scoreboard: the advocate's own score; a lead's team pages too."""
        return self.scoreboard.open(self.store, self.signed_in, self.form)

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
        self.desk.lay_out(store, self.signed_in)
        self.desk.when_reopened(self.sync_now)
        self.session.let_the_form_reopen()
        self.sync = SyncController(store, self._sync_interval_s)
        sync = self.sync  # its signals arrive on the UI thread
        sync.sig_status_changed.connect(self.status_bar.sync.show_status)
        sync.sig_progress.connect(self.status_bar.show_progress)
        sync.sig_synced.connect(self._synced)
        sync.sig_signed_out.connect(self.sign_in.token_refused)
        sync.sig_wipe_ordered.connect(self.local_copy.erase)
        signed = self.signed_in
        self.sync.start(signed.client if signed else None, advocate_id(signed))
        self.session.store_ready()
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

    def _synced(self, report) -> None:
        self.status_bar.show_synced(report)
        if report.pulled:
            self.window.refresh()
