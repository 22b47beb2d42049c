"""The built-in phone's sound devices on PJSIP: which there are, and which the phone uses.

Runs on the engine's thread, like everything that touches PJSIP.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

import pjsua2 as pj

from .legs import AudioChoice, AudioDevice, pick_device

log = logging.getLogger(__name__)


def sound_device_count() -> int:
    """How many sound devices this PJSIP build can open (0 for the PyPI wheel, always).

    Starts and stops a library of its own (~60 ms): ask before the phone's is made.
    """
    endpoint = pj.Endpoint()
    endpoint.libCreate()
    try:
        config = pj.EpConfig()
        config.logConfig.level = config.logConfig.consoleLevel = 0
        endpoint.libInit(config)
        return endpoint.audDevManager().getDevCount()
    finally:
        endpoint.libDestroy()


class SoundDevices:
    """The microphone and speaker PJSIP's conference bridge is fed from and plays to."""

    def __init__(
        self, endpoint: pj.Endpoint, *, null_audio: bool, report: Callable[[AudioChoice], None]
    ) -> None:
        self.endpoint = endpoint
        self.null_audio = null_audio
        self.report = report
        self.choice = AudioChoice(no_device=True, engine="pjsip")
        self.microphone: pj.AudioMedia | None = None
        self.speaker: pj.AudioMedia | None = None

    def open(self, capture: str, playback: str) -> None:
        """Choose the devices, then take the bridge's port 0 (the same whichever device
        feeds it)."""
        self.choose(capture, playback)
        manager = self.endpoint.audDevManager()
        self.microphone = manager.getCaptureDevMedia()
        self.speaker = manager.getPlaybackDevMedia()

    def close(self) -> None:
        """Let go of the bridge's ports (before the library is destroyed)."""
        self.microphone = self.speaker = None

    def listed(self, *, refresh: bool = False) -> list[AudioDevice]:
        """The sound devices PJSIP sees (``refresh``: look again, for a headset just
        plugged in; indices may change then, names do not)."""
        manager = self.endpoint.audDevManager()
        if refresh:
            manager.refreshDevs()  # active audio is unaffected
        return [
            AudioDevice(index, info.name, info.driver, info.inputCount, info.outputCount)
            for index, info in enumerate(manager.enumDev2())
        ]

    def choose(self, capture: str, playback: str) -> AudioChoice:
        """Use the microphone and speaker with these names ("": the system default).

        A device that is gone falls back to the system default; with no sound device at
        all the phone uses PJSIP's null device, so calls still connect (without local
        audio). Works mid-call: the conference keeps its links. Reports the outcome and
        returns it.
        """
        manager = self.endpoint.audDevManager()
        if self.null_audio:
            manager.setNullDev()
            self.choice = AudioChoice(no_device=True, engine="pjsip")
            self.report(self.choice)
            return self.choice
        devices = self.listed(refresh=True)
        microphone = pick_device(devices, capture, capture=True)
        speaker = pick_device(devices, playback, capture=False)
        missing = {
            "missing_capture": capture if capture and microphone is None else "",
            "missing_playback": playback if playback and speaker is None else "",
        }
        failure = ""
        usable = any(d.inputs for d in devices) and any(d.outputs for d in devices)
        if usable:
            try:
                self._use(microphone, speaker)
            except pj.Error as error:  # there, but busy or broken: try the defaults
                failure = error.info().splitlines()[0]
                microphone = speaker = None
                try:
                    self._use(None, None)
                except pj.Error:
                    usable = False
        if not usable:
            manager.setNullDev()
            microphone = speaker = None
        self.choice = AudioChoice(
            capture=microphone.name if microphone else "",
            playback=speaker.name if speaker else "",
            devices=tuple(devices),
            failure=failure,
            no_device=not usable,
            engine="pjsip",
            **missing,
        )
        if self.choice.fell_back or self.choice.no_device:
            log.warning("Sound devices: %s", self.choice)
        self.report(self.choice)
        return self.choice

    def _use(self, microphone: AudioDevice | None, speaker: AudioDevice | None) -> None:
        manager = self.endpoint.audDevManager()
        manager.setCaptureDev(
            pj.PJSUA_SND_DEFAULT_CAPTURE_DEV if microphone is None else microphone.index
        )
        manager.setPlaybackDev(
            pj.PJSUA_SND_DEFAULT_PLAYBACK_DEV if speaker is None else speaker.index
        )
