"""Starting the phone side once the store and the advocate are known: the built-in SIP
phone when IT set one up (its password read from the keyring off the UI thread), else
the hand-off to the system's phone app; then the conference over either."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from advocate_console.auth import SipPasswords
from advocate_console.settings import Settings
from advocate_console.store import Store
from advocate_console.store.resources import CallLog, ResourceDirectory
from advocate_console.tasks import run_task
from advocate_console.telephony import SIP_AVAILABLE, Softphone, SoftphoneConfig
from advocate_console.telephony.conference import Conference


class TelephonyStart(QObject):
    """Makes the phone and the conference, once; stops the phone at the end."""

    sig_ready = Signal(object, object)
    """The conference (:class:`Conference`) and the people to dial
    (:class:`ResourceDirectory`) are ready for the window."""
    sig_message = Signal(str)
    """A line for the status bar (the phone failed, or cannot start)."""
    sig_audio_changed = Signal(object)
    """The phone's sound devices changed (:class:`AudioChoice`)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.phone: Softphone | None = None
        self.conference: Conference | None = None
        self._started = False
        self.closed = False
        self._passwords: SipPasswords | None = None

    @property
    def passwords(self) -> SipPasswords:
        """Where the SIP password is kept (the OS keyring)."""
        if self._passwords is None:
            self._passwords = SipPasswords()
        return self._passwords

    def start(self, store: Store, advocate: str, settings: Settings) -> None:
        """Start the phone side for ``advocate`` (once; later calls do nothing)."""
        if self._started:
            return
        self._started = True
        if settings.dial_mode == "sip" and settings.sip_registrar and SIP_AVAILABLE:
            passwords = self.passwords
            run_task(
                lambda: passwords.read(settings.sip_user),
                lambda password: self._made(store, advocate, settings, password),
                lambda error: self._made(store, advocate, settings, None, str(error)),
                owner=self,
            )
        else:
            self._made(store, advocate, settings, None)

    def stop(self) -> None:
        """Hang up and stop the phone; wait for the call log's writes."""
        self.closed = True
        if self.phone is not None:
            self.phone.stop()
        if self.conference is not None:
            self.conference.wait_for_writes()

    def _made(
        self,
        store: Store,
        advocate: str,
        settings: Settings,
        password: str | None,
        problem: str = "",
    ) -> None:
        if self.closed or self.conference is not None:
            return
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
                lambda reason: self.sig_message.emit(self.tr("Phone: %s") % reason)
            )
            self.phone.sig_audio_changed.connect(self.sig_audio_changed)
        elif problem:
            self.sig_message.emit(self.tr("The phone cannot start: %s") % problem)
        mode = "sip" if self.phone is not None else "handoff"
        self.conference = Conference(
            self.phone, CallLog(store, advocate), mode=mode, domain=settings.sip_domain
        )
        self.sig_ready.emit(self.conference, ResourceDirectory(store, advocate))
        if self.phone is not None:
            self.phone.start()
