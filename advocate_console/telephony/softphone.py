"""The built-in SIP phone as a Qt object: commands in, signals out.

PJSIP runs on one thread only. By default that is the phone's own thread, which waits in
``libHandleEvents`` (PJSIP releases the GIL there) and runs queued commands between
waits; the UI thread only queues commands and receives signals, so a busy UI never delays
audio packets and a busy network never stalls the UI. With ``threaded=False`` a QTimer on
the UI thread polls ``libHandleEvents(0)`` instead; bench/bench_dial.py measures both.
"""

from __future__ import annotations

import itertools
import logging
import queue
import threading
import time
from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QObject, QTimer, Signal

from .config import SoftphoneConfig
from .legs import (
    REASON_NOT_STARTED,
    AudioChoice,
    AudioDevice,
    Leg,
    LegId,
    LegRole,
    LegState,
    Registration,
    outcome_for,
)

log = logging.getLogger(__name__)

try:  # the SIP phone is the optional extra [sip]
    import pjsua2  # noqa: F401

    SIP_AVAILABLE = True
except ImportError:  # pragma: no cover - depends on the installation
    SIP_AVAILABLE = False

_Command = Callable[[], None]


class SoftphoneUnavailable(RuntimeError):
    """The SIP phone cannot run here: pjsua2 is not installed (the [sip] extra)."""


class Softphone(QObject):
    """A SIP phone with a conference bridge: every leg can hear every other leg."""

    sig_ready = Signal(str)
    """The phone listens; its own SIP address."""
    sig_failed = Signal(str)
    """The phone could not start; why."""
    sig_stopped = Signal()
    """The phone has shut down; every call has ended."""
    sig_incoming_call = Signal(object)
    """A call rings in (a :class:`Leg` with its caller): pop the customer's screen."""
    sig_leg_changed = Signal(object)
    """A leg changed state, hold or mix (a :class:`Leg` snapshot)."""
    sig_registration_changed = Signal(object)
    """The registration with the company's SIP server changed (a :class:`Registration`)."""
    sig_problem = Signal(str)
    """Something the advocate asked for could not be done; why."""
    sig_audio_devices = Signal(object)
    """The sound devices found (a list of :class:`AudioDevice`)."""
    sig_audio_changed = Signal(object)
    """The phone now uses these sound devices (an :class:`AudioChoice`, saying what was
    missing when it fell back to the default)."""

    def __init__(self, config: SoftphoneConfig, parent: QObject | None = None) -> None:
        super().__init__(parent)
        if not SIP_AVAILABLE:
            raise SoftphoneUnavailable("The SIP phone needs pjsua2: install advocate-console[sip].")
        self.config = config
        self.address = ""
        self.registration: Registration | None = None  # the last one reported
        self.audio: AudioChoice | None = None  # the sound devices in use, last reported
        self.engine_name = ""  # "pjsip" or "baresip", once started
        self.sig_registration_changed.connect(self._remember_registration)
        self.sig_audio_changed.connect(self._remember_audio)
        self._ids = itertools.count(1)
        self._ids_lock = threading.Lock()
        self._commands: queue.SimpleQueue[_Command] = queue.SimpleQueue()
        self._engine = None
        self._thread: threading.Thread | None = None
        self._timer: QTimer | None = None
        self._running = False
        self._stopping = threading.Event()

    # -- life cycle -----------------------------------------------------------------------

    def start(self) -> None:
        """Start the phone; ``sig_ready`` or ``sig_failed`` tells how it went."""
        if self._running:
            return
        self._running = True
        self._stopping.clear()
        if self.config.threaded:
            self._thread = threading.Thread(target=self._run, name="sip-phone", daemon=True)
            self._thread.start()
        else:
            if self._open():
                self._timer = QTimer(self)
                self._timer.timeout.connect(self._poll)
                self._timer.start(self.config.poll_ms)

    def stop(self, timeout_s: float = 10.0) -> None:
        """Hang up everything and shut PJSIP down; returns when it is down."""
        if not self._running:
            return
        self._running = False
        if self._thread is not None:
            self._stopping.set()
            self._thread.join(timeout_s)
            if self._thread.is_alive():
                log.error("The SIP phone did not stop within %.0f s", timeout_s)
            self._thread = None
        else:
            if self._timer is not None:
                self._timer.stop()
                self._timer = None
            self._close()

    @property
    def running(self) -> bool:
        """True between start() and stop()."""
        return self._running

    # -- commands (from the UI thread; carried out on the phone's thread) -----------------

    def dial(self, uri: str, label: str = "", *, hold_others: bool = False) -> LegId:
        """Call ``uri`` and join it into the conference when it answers; returns its leg id.

        With ``hold_others`` every other leg is put on hold first ("ask first"): the
        advocate talks to the new party alone until :meth:`join_all`.
        """
        leg = Leg(
            leg_id=self._next_leg_id(),
            role=LegRole.RESOURCE,
            remote_uri=uri,
            label=label,
            started=time.monotonic(),
        )
        if not self._running:
            self.sig_leg_changed.emit(
                leg.but(
                    state=LegState.FAILED,
                    reason=REASON_NOT_STARTED,
                    outcome=outcome_for(0, was_connected=False),
                )
            )
            return leg.leg_id
        self.sig_leg_changed.emit(leg)  # "dialing" at once, before the engine gets to it
        self._post(lambda engine: engine.dial(leg, hold_others=hold_others))
        return leg.leg_id

    def answer(self, leg_id: LegId) -> None:
        """Pick up a ringing incoming call."""
        self._post(lambda engine: engine.answer(leg_id))

    def hang_up(self, leg_id: LegId) -> None:
        """Drop one leg; everyone else stays on."""
        self._post(lambda engine: engine.hang_up(leg_id))

    def hang_up_all(self) -> None:
        """End the whole call."""
        self._post(lambda engine: engine.hang_up_all())

    def set_on_hold(self, leg_id: LegId, on_hold: bool) -> None:
        """Take one leg out of the conference, or bring it back."""
        self._post(lambda engine: engine.set_on_hold(leg_id, on_hold))

    def join_all(self) -> None:
        """Bring every leg into the conference."""
        self._post(lambda engine: engine.join_all())

    def set_muted(self, muted: bool) -> None:
        """Mute or unmute the advocate's microphone."""
        self._post(lambda engine: engine.set_muted(muted))

    def request_audio_devices(self) -> None:
        """Look for sound devices (again); they arrive with ``sig_audio_devices``."""
        self._post(lambda engine: self.sig_audio_devices.emit(engine.audio_devices(refresh=True)))

    def use_audio_devices(self, capture: str, playback: str) -> None:
        """Use the microphone and speaker with these names ("": the system default), now
        and at the next start; ``sig_audio_changed`` tells what the phone ended up using."""
        self.config = replace(self.config, audio_capture=capture, audio_playback=playback)
        self._post(lambda engine: engine.choose_audio_devices(capture, playback))

    def register_again(self) -> None:
        """Register with the SIP server now."""
        self._post(lambda engine: engine.reregister())

    @property
    def has_audio(self) -> bool:
        """True when the advocate can hear and speak on this computer's phone."""
        return self.audio is not None and not self.audio.no_device

    def _remember_registration(self, registration: Registration) -> None:
        self.registration = registration

    def _remember_audio(self, choice: AudioChoice) -> None:
        self.audio = choice

    # -- the phone's thread ---------------------------------------------------------------

    def _next_leg_id(self) -> LegId:
        with self._ids_lock:  # both threads hand out ids: dialled and incoming legs
            return next(self._ids)

    def _post(self, command: Callable) -> None:
        if not self._running:
            self.sig_problem.emit(self.tr("The phone is not running."))
            return
        self._commands.put(command)

    def _open(self) -> bool:
        from .engine import EngineEvents, open_engine

        events = EngineEvents(
            leg_changed=self.sig_leg_changed.emit,
            incoming_call=self.sig_incoming_call.emit,
            registration_changed=self.sig_registration_changed.emit,
            problem=self.sig_problem.emit,
            audio_changed=self.sig_audio_changed.emit,
        )
        try:
            engine = open_engine(self.config, events, self._next_leg_id)
        except Exception as error:
            message = error.info() if hasattr(error, "info") else str(error)
            log.error("The SIP phone could not start: %s", message)
            self._running = False
            self.sig_failed.emit(message)
            return False
        self._engine = engine
        self.engine_name = engine.name
        self.address = engine.local_uri
        self.sig_ready.emit(engine.local_uri)
        return True

    def _run(self) -> None:
        if not self._open():
            return
        try:
            while not self._stopping.is_set():
                self._engine.pump(self.config.poll_ms)
                self._run_commands()
        finally:
            self._close()

    def _poll(self) -> None:
        self._engine.pump(0)
        self._run_commands()

    def _run_commands(self) -> None:
        while True:
            try:
                command = self._commands.get_nowait()
            except queue.Empty:
                return
            try:
                command(self._engine)
            except Exception as error:
                message = error.info() if hasattr(error, "info") else str(error)
                log.warning("A phone command failed: %s", message)
                self.sig_problem.emit(message)

    def _close(self) -> None:
        engine, self._engine = self._engine, None
        if engine is not None:
            engine.close()
        self.sig_stopped.emit()


__all__ = [
    "SIP_AVAILABLE",
    "AudioChoice",
    "AudioDevice",
    "Registration",
    "Softphone",
    "SoftphoneUnavailable",
]
