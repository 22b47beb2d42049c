"""The advocate's phones as the settings describe them: this computer's phone, the
conference on the company's bridge (whose phone it rings for the advocate), what the
advocate is told when this computer's phone cannot be heard, and the demo's phones."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING
from uuid import UUID

from PySide6.QtCore import QCoreApplication, QObject

from advocate_console.api import CentralClient
from advocate_console.settings import Settings
from advocate_console.store import CallerDirectory
from advocate_console.telephony import Softphone, SoftphoneConfig
from advocate_console.telephony.bridge_conference import BridgeConference

if TYPE_CHECKING:
    from advocate_console.central.bridge.demo import DemoSwitchboard

    from .main_window import MainWindow


def softphone_config(settings: Settings, advocate: str, password: str) -> SoftphoneConfig:
    """The built-in phone as the settings describe it (the password from the keyring)."""
    return SoftphoneConfig(
        user=settings.sip_user,
        display_name=advocate,
        registrar=settings.sip_registrar,
        domain=settings.sip_domain,
        bind_address=settings.sip_listen_address,
        port=settings.sip_listen_port,
        password=password,
        audio_capture=settings.audio_capture,
        audio_playback=settings.audio_playback,
    )


def advocate_phone(settings: Settings, phone: Softphone | None) -> str | None:
    """The address the bridge rings for the advocate: this computer's phone where it has
    sound (and the settings want it), else the phone in ``my_phone``."""
    if settings.conference_leg == "softphone" and phone is not None and phone.has_audio:
        return phone.address
    return settings.my_phone or None


def on_the_bridge(
    settings: Settings,
    client: CentralClient,
    phone: Softphone | None,
    find_customer: Callable[[UUID], tuple[str, str] | None] | None = None,
) -> BridgeConference:
    """The conference on the bridge; one still going is picked up again."""
    conference = BridgeConference(
        # Its own clients (it works on worker threads); the same server and token.
        lambda: CentralClient(
            client.base_url, token=client.token, ca_bundle=settings.ca_bundle or None
        ),
        lambda: advocate_phone(settings, phone),
        customer_joins=settings.customer_joins,
        phone=phone,
        find_customer=find_customer,
    )
    conference.resume()  # the laptop was closed mid-conference: the bridge kept it going
    return conference


def customer_contact(directory: CallerDirectory, customer_id: UUID) -> tuple[str, str] | None:
    """The customer's name and first number, from the laptop's store (off the UI thread):
    whom the bridge calls back."""
    history = directory.history(customer_id)
    if history is None:
        return None
    phones = history.customer.phones
    return history.customer.display_name, phones[0] if phones else ""


def no_microphone_text(context: QObject, my_phone: str) -> str:
    """What the advocate reads when this computer's phone has no sound device."""
    if my_phone:
        return (
            QCoreApplication.translate(
                "ConferencePhone",
                "This computer's phone has no microphone: conferences will ring your phone at %s.",
            )
            % my_phone
        )
    return QCoreApplication.translate(
        "ConferencePhone",
        "This computer's phone has no microphone, and no other phone of yours is set: set"
        " one in Settings ▸ Phone to speak in conferences.",
    )


def demo_phones(
    settings: Settings, switchboard: DemoSwitchboard | None, window: MainWindow
) -> Settings:
    """The demo's settings with its bridge and simulated desk phone, saying what is missing
    (no espeak-ng: tones instead of voices; no PJSIP: hand-off, no conference)."""
    problems = set(switchboard.problems) if switchboard is not None else {"failed"}
    texts = {
        "no_espeak": QCoreApplication.translate(
            "ConferencePhone",
            "espeak-ng is not installed: the demo's phones answer with a tone instead of a"
            " spoken greeting (apt-get install espeak-ng).",
        ),
        "no_sip": QCoreApplication.translate(
            "ConferencePhone",
            "The demo's conference bridge needs PJSIP (pip install advocate-console[sip]):"
            " Call hands numbers to your phone app instead.",
        ),
        "failed": QCoreApplication.translate(
            "ConferencePhone", "The demo's conference bridge did not start: see the log."
        ),
    }
    said = " ".join(texts[code] for code in ("no_sip", "failed", "no_espeak") if code in problems)
    if said:
        window.show_message(said, 30000)
    if switchboard is None or not switchboard.desk_phone:
        return settings
    return replace(
        settings, dial_mode="bridge", conference_leg="phone", my_phone=switchboard.desk_phone
    )
