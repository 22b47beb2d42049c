"""Starting the phone side once the store and the advocate are known: the built-in SIP
phone when IT set one up (its password read from the keyring off the UI thread), else
the hand-off to the system's phone app; then the conference: on the company's bridge
(``dial_mode = "bridge"``, through the API), or over either."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from advocate_console.api import CentralClient
from advocate_console.auth import SignedIn, SipPasswords
from advocate_console.settings import Settings
from advocate_console.store import CallerDirectory, Store
from advocate_console.store.resources import CallLog, ResourceDirectory
from advocate_console.tasks import run_task
from advocate_console.telephony import SIP_AVAILABLE, AudioChoice, Softphone
from advocate_console.telephony.bridge_conference import BridgeConference
from advocate_console.telephony.conference import Conference
from advocate_console.ui.conference_phone import (
    customer_contact,
    no_microphone_text,
    on_the_bridge,
    softphone_config,
)


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
        self.conference: Conference | BridgeConference | None = None
        self.client: CentralClient | None = None  # the API, for conferences on the bridge
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
        # On the bridge, this computer's phone (registered) can be the advocate's own leg.
        wants_phone = settings.dial_mode in ("sip", "bridge")
        if wants_phone and settings.sip_registrar and SIP_AVAILABLE:
            passwords = self.passwords
            run_task(
                lambda: passwords.read(settings.sip_user),
                lambda password: self._made(store, advocate, settings, password),
                lambda error: self._made(store, advocate, settings, None, str(error)),
                owner=self,
            )
        else:
            self._made(store, advocate, settings, None)

    def start_as(self, store: Store, signed: SignedIn, settings: Settings) -> None:
        """Start the phone side for ``signed`` (once), with a client of their own for
        conferences on the bridge (the sync thread has the other)."""
        client = signed.client
        self.client = CentralClient(
            client.base_url, token=client.token, ca_bundle=settings.ca_bundle or None
        )
        self.start(store, signed.session.advocate.display_name, settings)

    def stop(self) -> None:
        """Hang up and stop the phone; wait for the call log's writes."""
        self.closed = True
        if isinstance(self.conference, BridgeConference):
            self.conference.stop()  # the conference goes on in the bridge
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
            self.phone = Softphone(softphone_config(settings, advocate, password))
            self.phone.sig_failed.connect(
                lambda reason: self.sig_message.emit(self.tr("Phone: %s") % reason)
            )
            self.phone.sig_audio_changed.connect(lambda choice: self._audio(choice, settings))
        elif problem:
            self.sig_message.emit(self.tr("The phone cannot start: %s") % problem)
        if settings.dial_mode == "bridge" and self.client is not None:
            directory = CallerDirectory(store, settings.default_region)
            self.conference = on_the_bridge(
                settings,
                self.client,
                self.phone,
                lambda customer_id: customer_contact(directory, customer_id),
            )
        else:
            mode = "sip" if self.phone is not None else "handoff"
            self.conference = Conference(
                self.phone, CallLog(store, advocate), mode=mode, domain=settings.sip_domain
            )
        self.sig_ready.emit(self.conference, ResourceDirectory(store, advocate))
        if self.phone is not None:
            self.phone.start()

    def _audio(self, choice: AudioChoice, settings: Settings) -> None:
        # On the bridge, no sound here is no failure: another phone of the advocate rings.
        if choice.no_device and settings.dial_mode == "bridge":
            self.sig_message.emit(no_microphone_text(self, settings.my_phone))
        else:
            self.sig_audio_changed.emit(choice)
