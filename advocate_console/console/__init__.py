"""The running console: :class:`Console` wires the window, the local store and its work
lists (:mod:`.desk`), sign-in (:mod:`.sign_in`) and what follows it (:mod:`.session`),
sync and the phone (:mod:`.telephony_start`) together."""

from .running import Console

__all__ = ["Console"]
