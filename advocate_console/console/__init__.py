"""The running console: :class:`Console` wires the window, the local store, sign-in
(:mod:`.sign_in`), sync and the phone (:mod:`.telephony_start`) together."""

from .running import Console

__all__ = ["Console"]
