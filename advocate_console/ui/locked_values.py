"""What IT locked that this installation cannot do: the built-in phone in a build without
it, a printer or card stock that is not here, a CA bundle that is missing, no server.

Such a value is never silently replaced: the self-test fails naming it, and the settings
dialog and the status bar's settings mark say it. The console still does what it can
(dialling hands calls to the system's phone app, for one), and says so.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from advocate_console.settings_layers import SettingsLayers


@dataclass(frozen=True)
class Unhonoured:
    """A locked setting whose value this installation cannot honour, and why (a code)."""

    key: str
    value: str
    reason: str  # "no_sip", "no_printer", "no_card_stock", "no_ca_bundle", "no_server"

    def __str__(self) -> str:
        """For IT (the self-test's line, the log): the key, its value and why not."""
        why = {
            "no_server": "nobody can sign in",
            "no_ca_bundle": "that file cannot be read here",
            "no_sip": "this build has no built-in phone (pjsua2); calls go to the system's "
            "phone app instead",
            "no_printer": "there is no such printer here",
            "no_card_stock": "there is no such card template",
        }[self.reason]
        return f"{self.key} is locked to “{self.value}”, but {why}"


def unhonoured_locks(
    layers: SettingsLayers,
    printers: Sequence[str] | None = None,
    *,
    sip_available: bool | None = None,
    card_stocks: Sequence[str] | None = None,
) -> list[Unhonoured]:
    """The locked values this installation cannot honour, in declared order.

    ``printers`` are the system's printers (None: not known yet, so not checked); the
    others default to this build's phone and card templates. Touches the disk for the CA
    bundle only (a stat).
    """
    if sip_available is None:
        from advocate_console.telephony import SIP_AVAILABLE

        sip_available = SIP_AVAILABLE
    if card_stocks is None:
        from advocate_console.cards import default_book

        card_stocks = list(default_book().cards)
    settings, locked = layers.settings, layers.locked
    found: list[Unhonoured] = []

    def cannot(key: str, reason: str) -> None:
        found.append(Unhonoured(key, settings.text(key), reason))

    if "api_url" in locked and not settings.api_url and not layers.fail_closed:
        cannot("api_url", "no_server")  # (a broken file of IT's is said already)
    bundle = settings.ca_bundle
    if "ca_bundle" in locked and bundle and not os.access(Path(bundle).expanduser(), os.R_OK):
        cannot("ca_bundle", "no_ca_bundle")
    if "dial_mode" in locked and settings.dial_mode == "sip" and not sip_available:
        cannot("dial_mode", "no_sip")
    printer = settings.default_printer
    if "default_printer" in locked and printer and printers is not None and printer not in printers:
        cannot("default_printer", "no_printer")
    if "card_stock" in locked and settings.card_stock not in card_stocks:
        cannot("card_stock", "no_card_stock")
    return found


def describe(item: Unhonoured) -> str:
    """What cannot be done, and what the console does instead, in the advocate's words."""

    texts = {
        "no_server": QCoreApplication.translate(
            "LockedValues",
            "Your IT department locked the server address without giving one: signing in "
            "is not possible until IT sets it.",
        ),
        "no_ca_bundle": QCoreApplication.translate(
            "LockedValues",
            "Your IT department's CA bundle %s cannot be read on this computer: connections "
            "to the server will fail until IT fixes it.",
        ),
        "no_sip": QCoreApplication.translate(
            "LockedValues",
            "Your IT department set dialling to the built-in phone, which this installation "
            "does not have: calls are handed to the system's phone app instead.",
        ),
        "no_printer": QCoreApplication.translate(
            "LockedValues",
            "Your IT department's card printer %s is not on this computer: cards cannot be "
            "printed until it is.",
        ),
        "no_card_stock": QCoreApplication.translate(
            "LockedValues",
            "Your IT department's card stock %s is not a card this version knows: cards "
            "drafted on it cannot be printed until IT fixes it.",
        ),
    }
    text = texts[item.reason]
    return text % item.value if "%s" in text else text


def why_no_server(layers: SettingsLayers) -> str:
    """Why the advocate cannot sign in anywhere ("" when they can): IT locked the server
    address to nothing, or IT's settings file is broken and holds it so."""
    if "api_url" not in layers.locked or layers.settings.api_url:
        return ""
    if layers.fail_closed:
        problem = next(p for p in layers.problems if p.path == layers.managed_path)
        return QCoreApplication.translate(
            "LockedValues",
            "Your IT department's settings file cannot be used, so the server address is "
            "not known: %s. Ask IT to fix the file.",
        ) % str(problem)
    return describe(Unhonoured("api_url", "", "no_server"))
