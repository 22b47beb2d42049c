"""Which tones a recording holds: Goertzel filters over a WAV, no numpy needed."""

from __future__ import annotations

import math
import wave
from array import array
from pathlib import Path


def samples(path: Path, skip_s: float = 0.2) -> tuple[list[float], int]:
    """The mono samples of a 16-bit WAV after its first ``skip_s`` seconds, and the rate."""
    with wave.open(str(path), "rb") as wav:
        rate = wav.getframerate()
        assert wav.getsampwidth() == 2 and wav.getnchannels() == 1, "expected 16-bit mono"
        frames = array("h", wav.readframes(wav.getnframes()))
    return [value / 32768.0 for value in frames[int(skip_s * rate) :]], rate


def power(values: list[float], rate: int, frequency: float) -> float:
    """The Goertzel power of ``frequency`` in ``values``, per sample."""
    if not values:
        return 0.0
    coefficient = 2 * math.cos(2 * math.pi * frequency / rate)
    previous = before = 0.0
    for value in values:
        previous, before = value + coefficient * previous - before, previous
    return (previous * previous + before * before - coefficient * previous * before) / len(values)


def amplitude(power_per_sample: float, count: int) -> float:
    """The peak amplitude (full scale 1.0) of a sine whose Goertzel power is this."""
    return math.sqrt(4 * power_per_sample / count) if count else 0.0


def heard(
    path: Path,
    tones: list[int],
    *,
    quiet: int,
    ratio: float = 50.0,
    level: float = 0.03,
    skip_s: float = 0.2,
) -> dict[int, bool]:
    """For each of ``tones``: is it at least ``ratio`` times louder than the ``quiet``
    frequency that nobody plays, and above ``level`` of full scale (-30 dBFS)?

    The ratio makes line levels and codecs not matter; the level keeps out what the
    codec's distortion makes of other tones (a harmonic at -36 dBFS is not a party).
    ``skip_s``: what the first part of the recording holds does not count (audio still
    on its way through jitter buffers and bridges when the mix changed).
    """
    values, rate = samples(path, skip_s)
    floor = max(power(values, rate, quiet), 1e-9)
    found = {}
    for tone in tones:
        strength = power(values, rate, tone)
        found[tone] = strength > ratio * floor and amplitude(strength, len(values)) > level
    return found


def seconds(path: Path) -> float:
    """How long a recording is."""
    with wave.open(str(path), "rb") as wav:
        return wav.getnframes() / wav.getframerate()
