"""Releases of the console: which channel a laptop follows and whether a version is newer."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

CHANNEL_PATTERN = r"^[a-z0-9][a-z0-9._-]{0,63}$"
"""A release channel's name: ``stable``, ``beta``, ``pilot-emea``."""
VERSION_PATTERN = r"^[0-9]{1,6}(\.[0-9]{1,6}){0,3}((a|b|rc)[0-9]{1,6})?$"
"""A release version: ``1.4``, ``1.4.2``, ``2.0.0rc1`` (a PEP 440 subset)."""
MAX_NOTES_URL = 2000

_PRE_RELEASE = {"a": 0, "b": 1, "rc": 2}
_FINAL = 3


def is_channel(text: str) -> bool:
    """True when ``text`` can name a release channel."""
    return re.fullmatch(CHANNEL_PATTERN[1:-1], text) is not None


def is_version(text: str) -> bool:
    """True when ``text`` is a version this console can compare."""
    return re.fullmatch(VERSION_PATTERN[1:-1], text) is not None


def version_key(text: str) -> tuple[int, ...]:
    """A sort key: ``1.4`` == ``1.4.0`` < ``1.5rc1`` < ``1.5``. ValueError if not a version."""
    match = re.fullmatch(r"([0-9]+(?:\.[0-9]+)*)(?:(a|b|rc)([0-9]+))?", text.strip())
    if match is None:
        raise ValueError(f"“{text}” is not a version like 1.4.2")
    numbers = [int(part) for part in match[1].split(".")]
    numbers += [0] * (4 - len(numbers))
    stage = _PRE_RELEASE[match[2]] if match[2] else _FINAL
    return (*numbers[:4], stage, int(match[3] or 0))


def is_notes_url(text: str) -> bool:
    """True when ``text`` may be opened as release notes: an ``https:`` web address (never
    ``http:``, ``file:``, ``javascript:`` nor an app's own scheme), with a host, no spaces
    nor control characters, at most :data:`MAX_NOTES_URL` characters."""
    if len(text) > MAX_NOTES_URL or any(ch.isspace() or ord(ch) < 32 for ch in text):
        return False
    try:
        parts = urlsplit(text)
        host = parts.hostname
    except ValueError:  # e.g. a malformed IPv6 host
        return False
    return parts.scheme == "https" and bool(host) and parts.username is None


def is_newer(candidate: str, current: str) -> bool:
    """True when ``candidate`` is a later version than ``current``; False if either is junk."""
    try:
        return version_key(candidate) > version_key(current)
    except ValueError:
        return False
