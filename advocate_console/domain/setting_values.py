"""What makes a setting's value good: each check answers None for a good value, else why
not, in words for IT (a settings file's problems name them)."""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Callable
from urllib.parse import urlsplit

import phonenumbers

from .releases import is_channel

Check = Callable[[str], "str | None"]


def any_text(_value: str) -> str | None:
    """Any text will do."""
    return None


def server_address(value: str) -> str | None:
    """An http(s) address with a host, or nothing."""
    parts = urlsplit(value)
    if value and (parts.scheme not in ("http", "https") or not parts.hostname):
        return "must be an address like https://advocates.example.com"
    return None


def region(value: str) -> str | None:
    """A region phone numbers are read in: ``US``, ``GB``, ``DE``."""
    if value not in phonenumbers.SUPPORTED_REGIONS:
        return "must be a two-letter region such as US, GB or DE"
    return None


def sip_address(value: str) -> str | None:
    """``sip:`` or ``sips:`` and a host, or nothing."""
    if value and not re.match(r"^sips?:[^\s@]*[^\s:@]", value):
        return "must be a SIP address like sip:pbx.example.com"
    return None


def no_spaces(value: str) -> str | None:
    """A name without spaces (a SIP user or domain)."""
    return "must not contain spaces" if re.search(r"\s", value) else None


def not_empty(value: str) -> str | None:
    """Something other than spaces."""
    return "must not be empty" if not value.strip() else None


def short_name(value: str) -> str | None:
    """A short lower-case name: a release channel, a card template's id."""
    return None if is_channel(value) else "must be a short name like stable (a-z, 0-9, -)"


def true_or_false(value: str) -> str | None:
    """A yes-or-no setting's text."""
    return None if value in ("true", "false") else "must be true or false"


def whole_number(value: str) -> str | None:
    """A whole number's text."""
    return None if re.fullmatch(r"-?[0-9]+", value) else "must be a whole number"


def ip_address(value: str) -> str | None:
    """An IP address of this computer, 0.0.0.0 (every one) or ::."""
    try:
        ipaddress.ip_address(value)
    except ValueError:
        return "must be an IP address of this computer, like 0.0.0.0 (all) or 192.168.1.20"
    return None


def port(value: str) -> str | None:
    """A port number: 0 (any free port) to 65535."""
    if not value.isdigit() or int(value) > 65535:
        return "must be a port number from 0 (any free port) to 65535"
    return None


def one_of(values: tuple[str, ...]) -> Check:
    """A check that takes only ``values``."""

    def check(value: str) -> str | None:
        return None if value in values else f"must be one of {', '.join(values)}"

    return check
