"""The built-in SIP phone (PJSIP) with its conference bridge, and tel:/sip: hand-off to the
system's phone app. May use QtCore and QtGui, never widgets."""

from .config import SoftphoneConfig, phone_to_sip
from .legs import AudioChoice, AudioDevice, CallerId, Leg, LegId, LegRole, LegState, Registration
from .softphone import SIP_AVAILABLE, Softphone, SoftphoneUnavailable

__all__ = [
    "SIP_AVAILABLE",
    "AudioChoice",
    "AudioDevice",
    "CallerId",
    "Leg",
    "LegId",
    "LegRole",
    "LegState",
    "Registration",
    "Softphone",
    "SoftphoneConfig",
    "SoftphoneUnavailable",
    "phone_to_sip",
]
