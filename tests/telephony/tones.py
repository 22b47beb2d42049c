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


def heard(path: Path, tones: list[int], *, quiet: int, ratio: float = 50.0) -> dict[int, bool]:
    """For each of ``tones``: is it at least ``ratio`` times louder than the ``quiet``
    frequency that nobody plays? (Relative, so line levels and codecs do not matter.)"""
    values, rate = samples(path)
    floor = max(power(values, rate, quiet), 1e-9)
    return {tone: power(values, rate, tone) > ratio * floor for tone in tones}


def seconds(path: Path) -> float:
    """How long a recording is."""
    with wave.open(str(path), "rb") as wav:
        return wav.getnframes() / wav.getframerate()
