"""The running console: the window, the local store, sign-in and sync, wired together.

Everything slow (opening and migrating the store, the keyring, the network) happens off
the UI thread; this class only reacts to results.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, Qt, Signal
from PySide6.QtWidgets import QLabel, QMessageBox

from advocate_console.api import CentralClient, WipeOrdered
from advocate_console.auth import SignedIn, SipPasswords, TokenVault, resume, sign_in, sign_out
from advocate_console.auth.erase import Erased, erase_local_data
from advocate_console.auth.local_store import open_local_store
from advocate_console.cards import PrintDefaults
from advocate_console.settings import Settings, SettingsLayers
from advocate_console.store import CallerDirectory, LocalChanges, Store
from advocate_console.store.cards import CardQueue
from advocate_console.store.contacts import ContactBook
from advocate_console.store.database import STORE_NAME
from advocate_console.store.follow_ups import FollowUpList
from advocate_console.store.resolutions import CaseWork
from advocate_console.store.resources import CallLog, ResourceDirectory
from advocate_console.sync import SyncController, SyncReport
from advocate_console.tasks import run_task
from advocate_console.telephony import SIP_AVAILABLE, AudioChoice, Softphone, SoftphoneConfig
from advocate_console.telephony.conference import Conference
from advocate_console.ui.card_editor import CardEditor
from advocate_console.ui.card_queue_panel import CardQueuePanel
from advocate_console.ui.change_password_dialog import ChangePasswordDialog
from advocate_console.ui.changes_dialog import ChangesDialog
from advocate_console.ui.follow_ups_panel import FollowUpsPanel
from advocate_console.ui.local_data import SignOutQuestion, erased_message
from advocate_console.ui.main_window import MainWindow
from advocate_console.ui.resolution_form import ResolutionForm
from advocate_console.ui.settings_dialog import SettingsDialog
from advocate_console.ui.settings_notice import SettingsNotice
from advocate_console.ui.sign_in_dialog import SignInDialog
from advocate_console.ui.sync_status import SyncStatusBar
from advocate_console.ui.update_notice import UpdateNotice

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
        self._sip_passwords: SipPasswords | None = None
        self.settings_dialog: SettingsDialog | None = None
        self.card_queue: CardQueue | None = None
        self.data_dir = data_dir
        self.store_path = data_dir / STORE_NAME
        self.vault = vault
        self.qsettings = qsettings
        self.window = window or MainWindow(settings=qsettings)
        self.store: Store | None = None
        self.sync: SyncController | None = None
        self.signed_in: SignedIn | None = None
        self.sign_in_dialog: SignInDialog | None = None
        self.change_password_dialog: ChangePasswordDialog | None = None
        self.sign_out_question: SignOutQuestion | None = None
        self.erased_message: QMessageBox | None = None
        self._erasing = False
        self.online_only_note: QLabel | None = None
        self.phone: Softphone | None = None
        self.conference: Conference | None = None
        self.case_work: CaseWork | None = None
        self.follow_up_list: FollowUpList | None = None
        self._sync_interval_s = sync_interval_s
        self._closed = False

        self.status_bar = SyncStatusBar()
        self.window.statusBar().addPermanentWidget(self.status_bar)
        self.status_bar.sig_sync_requested.connect(self.sync_now)
        self.status_bar.sig_changes_requested.connect(self.show_changes)
        self.window.sig_closing.connect(self.close)
        self.window.sign_out_action.triggered.connect(self.sign_out)
        self.window.change_password_action.triggered.connect(self.change_password)
        self.window.sync_action.triggered.connect(self.sync_now)
        self.window.settings_action.triggered.connect(self.open_settings)
        self.settings_notice = SettingsNotice()
        self.window.statusBar().addPermanentWidget(self.settings_notice)
        self.settings_notice.sig_open_requested.connect(self.open_settings)
        self.update_notice = UpdateNotice()
        self.window.statusBar().addPermanentWidget(self.update_notice)
        self._show_settings_problems()

    # -- start-up ---------------------------------------------------------------------------

    def open_local(self, store_path: Path | None = None) -> None:
        """Open the local store off the UI thread, then start sync (signed in or not)."""
        path = self.store_path = store_path or self.data_dir / STORE_NAME
        self.window.show_message(self.window.tr("Opening the local store…"))
        vault = self.vault
        run_task(
            lambda: open_local_store(path, vault),
            self._store_opened,
            lambda error: self.window.show_message(
                self.window.tr("Cannot open the local store: %s") % error
            ),
        )

    def resume_or_ask(self, server_url: str) -> None:
        """Use the saved sign-in for ``server_url`` if it is still good, else ask."""
        username = self._last_username(server_url)
        if not server_url or not username:
            self.ask_to_sign_in(server_url, username)
            return
        run_task(
            lambda: resume(server_url, username, self.vault, self.settings.ca_bundle),
            lambda signed: (
                self.use(signed) if signed else self.ask_to_sign_in(server_url, username)
            ),
            lambda error: (
                self.erase_local_data(str(error))
                if isinstance(error, WipeOrdered)
                else self.ask_to_sign_in(server_url, username, str(error))
            ),
        )

    def sign_in_as(self, server_url: str, username: str, password: str) -> None:
        """Sign in without asking (demo mode), off the UI thread."""
        run_task(
            lambda: sign_in(server_url, username, password, self.vault, self.settings.ca_bundle),
            self.use,
            lambda error: self.window.show_message(str(error)),
        )

    def ask_to_sign_in(self, server_url: str = "", username: str = "", reason: str = "") -> None:
        """Show the sign-in dialog (once); unsynced work stays where it is meanwhile."""
        if self._closed:
            return
        if self.sign_in_dialog is not None and self.sign_in_dialog.isVisible():
            return
        locked = "api_url" in self.layers.locked
        dialog = SignInDialog(
            self.vault,
            self.settings.api_url if locked else server_url or self.settings.api_url,
            username,
            reason,
            ca_bundle=self.settings.ca_bundle,
            server_locked=locked,
            parent=self.window,
        )
        dialog.sig_signed_in.connect(self.use)
        dialog.sig_wipe_ordered.connect(self.erase_local_data)
        self.sign_in_dialog = dialog
        dialog.open()

    def use(self, signed: SignedIn) -> None:
        """Sync as ``signed`` from now on."""
        if self._closed:
            signed.client.close()
            return
        if signed.password_change_required:  # an admin set it: nothing else until changed
            self._open_change_password(signed, required=True)
            return
        self.signed_in = signed
        self._remember(signed)
        name = signed.session.advocate.display_name
        self.window.set_connection(self.window.tr("%s · %s") % (name, signed.session.server_url))
        self._set_advocate(name)
        self.sig_signed_in.emit(signed)
        if self.sync is not None:
            self.sync.set_client(signed.client)
        self._start_telephony()
        # Its own client: it runs on worker threads, the sync thread has the other one.
        checker = CentralClient(
            signed.client.base_url,
            token=signed.client.token,
            ca_bundle=self.settings.ca_bundle or None,
            retries=1,
        )
        self.update_notice.start(checker, self.settings.update_channel)

    # -- while running ----------------------------------------------------------------------

    def sync_now(self) -> None:
        """Sync at once (F5, or the status bar's button)."""
        if self.sync is not None:
            self.sync.sync_now()

    def show_changes(self) -> None:
        """The list of changes not yet on the server, with conflicts to resolve."""
        if self.store is None:
            return
        dialog = ChangesDialog(LocalChanges(self.store), self.window)
        dialog.sig_changed.connect(self.sync_now)
        dialog.open()

    @property
    def sip_passwords(self) -> SipPasswords:
        """Where the SIP password is kept (the OS keyring)."""
        if self._sip_passwords is None:
            self._sip_passwords = SipPasswords()
        return self._sip_passwords

    def open_settings(self) -> None:
        """Console ▸ Settings: the advocate's settings, IT's locked ones shown fixed."""
        dialog = SettingsDialog(
            self.layers, passwords=self.sip_passwords, phone=self.phone, parent=self.window
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.sig_saved.connect(self.apply_settings)
        dialog.open()
        self.settings_dialog = dialog

    def apply_settings(self, layers: SettingsLayers) -> None:
        """Use newly saved settings; those that need a restart wait for it."""
        before, after = self.settings, layers.settings
        self.layers, self.settings = layers, after
        self._show_settings_problems()
        if self.store is not None and after.default_region != before.default_region:
            region = after.default_region
            self.window.set_directory(
                CallerDirectory(self.store, region), ContactBook(self.store, region)
            )
        if self.card_queue is not None:
            self.card_queue.default_template = after.card_stock
        if self.case_work is not None:
            self.case_work.card_template = after.card_stock
        if self.window.card_queue is not None:
            self.window.card_queue.set_defaults(self._print_defaults())
        audio = (after.audio_capture, after.audio_playback)
        if self.phone is not None and audio != (before.audio_capture, before.audio_playback):
            self.phone.use_audio_devices(*audio)
        self.update_notice.set_channel(after.update_channel)
        self.window.show_message(self.window.tr("Settings saved."), 5000)

    def change_password(self) -> None:
        """Console ▸ Change password…"""
        if self.signed_in is None:
            self.window.show_message(self.window.tr("Sign in first to change your password."))
            return
        self._open_change_password(self.signed_in, required=False)

    def _open_change_password(self, signed: SignedIn, *, required: bool) -> None:
        if self.change_password_dialog is not None:  # closed, but kept by the window
            self.change_password_dialog.deleteLater()
        dialog = ChangePasswordDialog(
            signed, self.vault, self.settings.ca_bundle, required=required, parent=self.window
        )
        if required:
            dialog.sig_changed.connect(lambda: self.use(signed))
            dialog.rejected.connect(lambda: self._give_up_sign_in(signed))
        else:
            dialog.sig_changed.connect(
                lambda: self.window.show_message(self.window.tr("Password changed."), 10000)
            )
        self.change_password_dialog = dialog
        dialog.open()

    def _give_up_sign_in(self, signed: SignedIn) -> None:
        run_task(lambda: sign_out(signed, self.vault))
        self.ask_to_sign_in(signed.session.server_url, signed.session.username)

    def sign_out(self) -> None:
        """Sign out, keeping this computer's copy or erasing it: as IT decided, else as
        the advocate answers (keep, unless the settings say otherwise)."""
        if "erase_at_sign_out" in self.layers.locked:
            self._sign_out(erase=self.settings.erase_at_sign_out == "yes")
            return
        store = self.store
        run_task(
            lambda: LocalChanges(store).waiting() if store is not None else 0,
            self._ask_keep_or_erase,
            lambda _error: self._ask_keep_or_erase(0),
        )

    def _ask_keep_or_erase(self, waiting: int) -> None:
        question = SignOutQuestion(
            waiting, self.settings.erase_at_sign_out == "yes", parent=self.window
        )
        question.sig_chosen.connect(lambda erase: self._sign_out(erase=erase))
        self.sign_out_question = question
        question.open()

    def _sign_out(self, *, erase: bool) -> None:
        if erase:
            self.erase_local_data()
        else:
            self.sign_out_keeping_data()

    def erase_local_data(self, reason: str = "") -> None:
        """Stop everything, revoke the token, erase this computer's copy (store, drafts,
        card queue, keyring entries), say so with ``reason``, and start afresh."""
        if self._erasing:
            return
        self._erasing = True
        signed, self.signed_in = self.signed_in, None
        self.close()
        if self.store is not None:
            self.store.close_for_good()
        vault, data_dir, store_path = self.vault, self.data_dir, self.store_path

        def erase() -> Erased:
            if signed is not None:
                sign_out(signed, vault)  # (a disabled account's token is refused: fine)
            return erase_local_data(data_dir, vault, store_path)

        run_task(erase, lambda erased: self._erased(reason, erased), self._erase_failed)

    def _erased(self, reason: str, erased: Erased) -> None:
        box = erased_message(reason, erased, self.window)
        box.finished.connect(lambda _result: self.sig_restart_requested.emit())
        self.erased_message = box
        box.open()

    def _erase_failed(self, error: Exception) -> None:
        self._erased("", Erased(problems=[str(error)]))

    def sign_out_keeping_data(self) -> None:
        """Revoke the token and forget it; the outbox is kept for the next sign-in."""
        signed, self.signed_in = self.signed_in, None
        self.update_notice.stop()
        if self.sync is not None:
            self.sync.set_client(None)
        if signed is not None:
            run_task(lambda: sign_out(signed, self.vault))
            self.ask_to_sign_in(signed.session.server_url, signed.session.username)

    def close(self) -> None:
        """Stop the phone and sync, and close the store (the window is closing)."""
        if self._closed:
            return
        self._closed = True
        self.update_notice.stop()
        if self.phone is not None:
            self.phone.stop()
        if self.conference is not None:
            self.conference.wait_for_writes()
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
        self.case_work = CaseWork(store, advocate, card_template=self.settings.card_stock)
        self.follow_up_list = FollowUpList(store, advocate)
        self.window.add_case_work(ResolutionForm(self.case_work))
        self.window.add_follow_ups(FollowUpsPanel(self.follow_up_list))
        queue = self.card_queue = CardQueue(store, default_template=self.settings.card_stock)
        # Cards left "printing" by a crash go back to the queue before anyone prints again.
        run_task(
            queue.recover_interrupted,
            lambda _: self.window.add_card_queue(
                CardQueuePanel(queue, defaults=self._print_defaults()), CardEditor(queue)
            ),
        )
        self.sync = SyncController(store, self._sync_interval_s)
        sync = self.sync  # its signals arrive on the UI thread
        sync.sig_status_changed.connect(self.status_bar.show_status)
        sync.sig_progress.connect(self._show_progress)
        sync.sig_synced.connect(self._synced)
        sync.sig_signed_out.connect(self._signed_out)
        sync.sig_wipe_ordered.connect(self.erase_local_data)
        self.sync.start(self.signed_in.client if self.signed_in else None)
        self._start_telephony()
        self.window.show_message("")
        self._announce_settings_problems()  # now that "Opening the store…" is gone
        self.sig_ready.emit()

    def _say_online_only(self) -> None:
        note = QLabel(self.window.tr("Online only: no local copy"))
        note.setObjectName("onlineOnlyNote")
        note.setToolTip(
            self.window.tr(
                "There is no secure keyring on this computer to keep the local copy's key, so "
                "the customer records are kept in memory only: copied from the server at each "
                "start, and gone when the console closes, unsynced changes with them."
            )
        )
        self.window.statusBar().addPermanentWidget(note)
        self.online_only_note = note

    def _start_telephony(self) -> None:
        """The dial-out list and the call panel, once the store and the advocate are known;
        with the built-in phone when IT set one up, else hand-off to the phone app."""
        if self.store is None or self.signed_in is None or self.conference is not None:
            return
        advocate = self.signed_in.session.advocate.display_name
        settings = self.settings
        if settings.dial_mode == "sip" and settings.sip_registrar and SIP_AVAILABLE:
            passwords = self.sip_passwords
            run_task(
                lambda: passwords.read(settings.sip_user),
                lambda password: self._add_telephony(advocate, password),
                lambda error: self._add_telephony(advocate, None, str(error)),
            )
        else:
            self._add_telephony(advocate, None)

    def _add_telephony(self, advocate: str, password: str | None, problem: str = "") -> None:
        if self._closed or self.store is None or self.conference is not None:
            return
        settings = self.settings
        if password is not None:
            self.phone = Softphone(
                SoftphoneConfig(
                    user=settings.sip_user,
                    display_name=advocate,
                    registrar=settings.sip_registrar,
                    domain=settings.sip_domain,
                    password=password,
                    audio_capture=settings.audio_capture,
                    audio_playback=settings.audio_playback,
                )
            )
            self.phone.sig_failed.connect(
                lambda reason: self.window.show_message(self.window.tr("Phone: %s") % reason)
            )
            self.phone.sig_audio_changed.connect(self._audio_changed)
        elif problem:
            self.window.show_message(self.window.tr("The phone cannot start: %s") % problem)
        mode = "sip" if self.phone is not None else "handoff"
        self.conference = Conference(
            self.phone, CallLog(self.store, advocate), mode=mode, domain=settings.sip_domain
        )
        self.window.add_telephony(self.conference, ResourceDirectory(self.store, advocate))
        if self.phone is not None:
            self.phone.start()

    def _show_progress(self, changes: int) -> None:
        self.window.show_message(self.window.tr("Syncing: %s changes…") % f"{changes:,}", 5000)

    def _set_advocate(self, name: str) -> None:
        # What is saved from now on is stamped with who did it.
        for work in (self.case_work, self.follow_up_list):
            if work is not None:
                work.advocate = name

    def _audio_changed(self, choice: AudioChoice) -> None:
        tr = self.window.tr
        missing = [
            text % name
            for text, name in (
                (tr("The microphone “%s” is not connected."), choice.missing_capture),
                (tr("The speaker “%s” is not connected."), choice.missing_playback),
            )
            if name
        ]
        if choice.failure:
            missing.append(tr("A sound device would not open: %s.") % choice.failure)
        if choice.no_device:
            missing.append(tr("No sound device was found: calls have no sound on this computer."))
        elif missing:
            missing.append(tr("The phone uses the system's default sound devices."))
        if missing:
            self.window.show_message(" ".join(missing), 20000)

    def _print_defaults(self) -> PrintDefaults:
        settings, locked = self.settings, self.layers.locked
        return PrintDefaults(
            printer=settings.default_printer,
            card_stock=settings.card_stock,
            printer_locked="default_printer" in locked,
            card_stock_locked="card_stock" in locked,
        )

    def _show_settings_problems(self) -> None:
        # Where the advocate sees it, not only in the log: a mark in the status bar stays
        # until the files are fixed, and the first problem is said once at start-up.
        self.settings_notice.show_problems(self.layers.problems)

    def _announce_settings_problems(self) -> None:
        problems = self.layers.problems
        if not problems:
            return
        text = self.window.tr("Settings: %s") % problems[0]
        if len(problems) > 1:
            text += self.window.tr(" (and %d more: see the settings)") % (len(problems) - 1)
        self.window.show_message(text, 30000)

    def _synced(self, report: SyncReport) -> None:
        self.window.statusBar().clearMessage()  # the progress line is over
        if report.pulled:
            self.window.refresh()
        if report.conflicts:
            self.window.show_message(
                self.window.tr(
                    "Someone else changed a record you changed: choose in the status bar."
                ),
                15000,
            )

    def _signed_out(self, reason: str) -> None:
        session = self.signed_in.session if self.signed_in else None
        self.signed_in = None
        self.update_notice.stop()
        if session is not None:
            # The keyring may talk to D-Bus or ask to unlock: never on the UI thread.
            run_task(lambda: self.vault.delete(session.server_url, session.username))
        self.ask_to_sign_in(
            session.server_url if session else "",
            session.username if session else "",
            self.window.tr("%s Your unsynced work is kept and will be sent after you sign in.")
            % reason,
        )

    def _remember(self, signed: SignedIn) -> None:
        # Who signed in where is not secret; the token itself stays in the vault.
        if self.qsettings is not None:
            self.qsettings.setValue("signin/server", signed.session.server_url)
            self.qsettings.setValue("signin/username", signed.session.username)

    def _last_username(self, server_url: str) -> str:
        if self.qsettings is None:
            return ""
        if self.qsettings.value("signin/server", "") != server_url.rstrip("/"):
            return ""
        return str(self.qsettings.value("signin/username", ""))
