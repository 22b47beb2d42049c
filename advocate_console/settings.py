"""Every setting of the console, declared once.

A setting is one field of :class:`Settings` made with :func:`setting`: its type (the
annotation; a ``Literal`` is a fixed list of choices), its default, its label and tab in
the settings dialog, whether IT may lock it, when a change applies, and how a value is
checked. Everything else is built from these declarations (:data:`OPTIONS`): reading and
merging the files (:mod:`advocate_console.settings_layers`), writing the user's file
(:mod:`advocate_console.settings_file`), the settings dialog (``ui/settings_form.py``),
``--check-settings`` and the Debian package's debconf questions. Adding a setting is
adding one field here.

Two files, both TOML, both optional: the **managed** file IT controls
(:func:`managed_settings_file`), whose values are defaults and whose ``locked = [...]``
keys the user cannot change, and the **user's** file (:func:`default_config_file`),
written by the settings dialog. Secrets never live in either: the SIP password is in the
OS keyring.

Nothing here imports Qt: labels are plain text marked for Qt Linguist, translated by ``ui/``.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path, PurePath, PurePosixPath, PureWindowsPath
from typing import Any, Literal, get_args

import platformdirs

from advocate_console.domain import conference
from advocate_console.domain import setting_values as values
from advocate_console.settings_options import (
    AT_ONCE,
    AT_RESTART,
    QT_TRANSLATE_NOOP,
    Option,
    Tab,
    declarations_of,
    setting,
)

# Their callers have always found these here.
from advocate_console.settings_options import Control as Control
from advocate_console.settings_options import looks_secret as looks_secret

APP_NAME = "advocate-console"
SIP_PASSWORD_SERVICE = "advocate-console-sip"  # keyring service of the SIP password
MANAGED_SETTINGS_ENV = "ADVOCATE_MANAGED_SETTINGS"  # another managed file (tests, IT trials)

SCHEMA_VERSION = 1
"""The layout of the settings files. Bump it when a key is renamed or changes meaning, and
add the step to ``UPGRADES`` so older files keep working."""

UPGRADES: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}
"""``version -> function`` turning a file's values of that version into the next one's."""

DialMode = Literal["handoff", "sip", "bridge"]
"""How a click on Call dials: the system's phone app, the built-in phone (mixing on the
laptop), or the company's conference bridge (through the central API)."""
DIAL_MODES: tuple[str, ...] = get_args(DialMode)
ConferenceLeg = Literal["softphone", "phone"]
"""The advocate's own leg of a bridge conference: this computer's phone where it has
sound, or the phone in ``my_phone``."""
CustomerJoins = Literal["callback", "transfer"]
"""How the customer gets into the bridge: called back, or sent by the phone system."""

TABS: dict[Tab, str] = {
    "general": QT_TRANSLATE_NOOP("Settings", "&General"),
    "phone": QT_TRANSLATE_NOOP("Settings", "P&hone"),
    "cards": QT_TRANSLATE_NOOP("Settings", "&Cards"),
}
"""The dialog's tabs, in order, with their titles; each shows its settings in the order
they are declared in :class:`Settings`."""

LANGUAGES: dict[str, str] = {"en": "English", "es": "Español"}
"""The languages the console speaks (a ``resources/translations`` file each), each named
in itself, as the settings list them. Adding one: README.md, *Languages*."""
SYSTEM_LANGUAGE = "system"  # the language setting's "whatever the system speaks"

UPDATE_CHANNELS = ("stable", "beta")  # offered in the dialog; IT may name others


def default_data_dir() -> Path:
    """Where the local store lives (``~/.local/share/advocate-console`` on Linux)."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_config_file() -> Path:
    """The user's settings file (``~/.config/advocate-console/settings.toml`` on Linux)."""
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / "settings.toml"


def managed_settings_file(
    platform: str | None = None, environ: Mapping[str, str] | None = None
) -> PurePath:
    """IT's settings file on ``platform`` (a ``sys.platform`` value; default: this one).

    ``ADVOCATE_MANAGED_SETTINGS`` names another file. For this computer's platform the
    answer is a :class:`Path`; for another, a pure path of that platform's kind.
    """
    environ = os.environ if environ is None else environ
    platform = platform or sys.platform
    override = environ.get(MANAGED_SETTINGS_ENV)
    path: PurePath
    if platform.startswith("win"):
        base = environ.get("ProgramData") or environ.get("PROGRAMDATA") or r"C:\ProgramData"
        path = PureWindowsPath(override or rf"{base}\Advocate Console\settings.toml")
    elif platform == "darwin":
        path = PurePosixPath(
            override or "/Library/Application Support/Advocate Console/settings.toml"
        )
    else:
        path = PurePosixPath(override or "/etc/advocate-console/settings.toml")
    return Path(path) if platform == sys.platform else path


@dataclass(frozen=True)
class Settings:
    """Every setting the console reads, with its default: the one place each is declared."""

    api_url: str = setting(
        "",
        label=QT_TRANSLATE_NOOP("Settings", "&Server address"),
        tab="general",
        lockable=True,
        applies=AT_RESTART,
        check=values.server_address,
        hint=QT_TRANSLATE_NOOP("Settings", "Enter an address like https://advocates.example.com."),
        placeholder="https://advocates.example.com",
    )
    ca_bundle: str = setting(
        "",
        label=QT_TRANSLATE_NOOP("Settings", "C&A bundle"),
        tab="general",
        lockable=True,
        applies=AT_RESTART,
        control="file",
        placeholder=QT_TRANSLATE_NOOP("Settings", "The system's certificates"),
        file_types=QT_TRANSLATE_NOOP("Settings", "Certificates (*.pem *.crt *.cer)"),
    )
    default_region: str = setting(
        "US",
        label=QT_TRANSLATE_NOOP("Settings", "Default &region"),
        tab="general",
        lockable=True,
        applies=AT_ONCE,
        check=values.region,
        hint=QT_TRANSLATE_NOOP("Settings", "Enter a two-letter region such as US, GB or DE."),
        pattern="[A-Za-z]{0,2}",
        upper_case=True,
    )
    data_dir: Path = setting(  # not in the dialog: moving the store is IT's business
        default_data_dir, lockable=True, applies=AT_RESTART, check=values.not_empty
    )
    dial_mode: DialMode = setting(
        "handoff",
        label=QT_TRANSLATE_NOOP("Settings", "&Dial with"),
        tab="phone",
        lockable=True,
        applies=AT_RESTART,
        choices={
            "handoff": QT_TRANSLATE_NOOP("Settings", "The phone system's app (hand-off)"),
            "sip": QT_TRANSLATE_NOOP("Settings", "The built-in phone"),
            "bridge": QT_TRANSLATE_NOOP("Settings", "The company's conference bridge"),
        },
    )
    conference_leg: ConferenceLeg = setting(
        "softphone",
        label=QT_TRANSLATE_NOOP("Settings", "Your l&eg of a conference"),
        tab="phone",
        lockable=True,
        applies=AT_RESTART,
        choices={
            "softphone": QT_TRANSLATE_NOOP("Settings", "This computer's phone, where it has sound"),
            "phone": QT_TRANSLATE_NOOP("Settings", "The phone below (desk phone or mobile)"),
        },
    )
    my_phone: str = setting(  # rung for the advocate when this computer's phone has no sound
        "",
        label=QT_TRANSLATE_NOOP("Settings", "&Your phone"),
        tab="phone",
        lockable=True,
        applies=AT_RESTART,
        check=conference.phone_or_sip_address,
        hint=QT_TRANSLATE_NOOP(
            "Settings", "Enter a desk phone's address like sip:maya@pbx.example.com, or a number."
        ),
        placeholder=QT_TRANSLATE_NOOP("Settings", "A desk phone's sip:… address, or a number"),
    )
    customer_joins: CustomerJoins = setting(
        "callback",
        label=QT_TRANSLATE_NOOP("Settings", "Customer &joins by"),
        tab="phone",
        lockable=True,
        applies=AT_RESTART,
        choices={
            "callback": QT_TRANSLATE_NOOP("Settings", "The bridge calling them back"),
            "transfer": QT_TRANSLATE_NOOP("Settings", "The phone system transferring their call"),
        },
    )
    sip_registrar: str = setting(  # the SIP password is in the keyring, never here
        "",
        label=QT_TRANSLATE_NOOP("Settings", "SIP regi&strar"),
        tab="phone",
        lockable=True,
        applies=AT_RESTART,
        check=values.sip_address,
        hint=QT_TRANSLATE_NOOP("Settings", "Enter a SIP address like sip:pbx.example.com."),
        placeholder="sip:pbx.example.com",
    )
    sip_user: str = setting(
        "",
        label=QT_TRANSLATE_NOOP("Settings", "SIP &user"),
        tab="phone",
        lockable=True,
        applies=AT_RESTART,
        check=values.no_spaces,
        hint=QT_TRANSLATE_NOOP("Settings", "A SIP user name has no spaces."),
    )
    sip_domain: str = setting(
        "",
        label=QT_TRANSLATE_NOOP("Settings", "SIP d&omain"),
        tab="phone",
        lockable=True,
        applies=AT_RESTART,
        check=values.no_spaces,
        hint=QT_TRANSLATE_NOOP("Settings", "A SIP domain has no spaces."),
    )
    sip_listen_address: str = setting(  # every address of this computer by default
        "0.0.0.0",
        label=QT_TRANSLATE_NOOP("Settings", "&Listen on address"),
        tab="phone",
        lockable=True,
        applies=AT_RESTART,
        check=values.ip_address,
        hint=QT_TRANSLATE_NOOP(
            "Settings", "Enter an IP address of this computer, or 0.0.0.0 for all."
        ),
    )
    sip_listen_port: int = setting(  # 0: any free port
        5060,
        label=QT_TRANSLATE_NOOP("Settings", "Listen on &port"),
        tab="phone",
        lockable=True,
        applies=AT_RESTART,
        check=values.port,
        hint=QT_TRANSLATE_NOOP("Settings", "Enter a port from 0 (any free port) to 65535."),
        pattern="[0-9]{0,5}",
    )
    audio_capture: str = setting(  # by name; "": the system's default
        "",
        label=QT_TRANSLATE_NOOP("Settings", "&Microphone"),
        tab="phone",
        lockable=False,
        applies=AT_ONCE,
        control="microphone",
    )
    audio_playback: str = setting(
        "",
        label=QT_TRANSLATE_NOOP("Settings", "Spea&ker"),
        tab="phone",
        lockable=False,
        applies=AT_ONCE,
        control="speaker",
    )
    default_printer: str = setting(  # the card printer the print dialog starts on
        "",
        label=QT_TRANSLATE_NOOP("Settings", "Card &printer"),
        tab="cards",
        lockable=True,
        applies=AT_ONCE,
        control="printer",
    )
    card_stock: str = setting(  # the card template loaded in the printer (a cards.toml id)
        "a6-flat",
        label=QT_TRANSLATE_NOOP("Settings", "Card &stock"),
        tab="cards",
        lockable=True,
        applies=AT_ONCE,
        check=values.short_name,
        hint=QT_TRANSLATE_NOOP("Settings", "Choose one of the cards in the list."),
        control="card_stock",
    )
    language: str = setting(  # the system's when it is one of LANGUAGES, else English
        SYSTEM_LANGUAGE,
        label=QT_TRANSLATE_NOOP("Settings", "&Language"),
        tab="general",
        lockable=True,
        applies=AT_RESTART,  # every text is translated when its widget is made
        check=values.one_of((SYSTEM_LANGUAGE, *LANGUAGES)),
        control="choice",
        choices={SYSTEM_LANGUAGE: QT_TRANSLATE_NOOP("Settings", "The system's language")}
        | LANGUAGES,
    )
    update_channel: str = setting(  # which releases the update notice follows
        "stable",
        label=QT_TRANSLATE_NOOP("Settings", "&Update channel"),
        tab="general",
        lockable=True,
        applies=AT_ONCE,
        check=values.short_name,
        hint=QT_TRANSLATE_NOOP("Settings", "Enter a short name like stable or beta (a–z, 0–9, -)."),
        suggestions=UPDATE_CHANNELS,
    )
    # True: signing out erases this computer's copy (locked by IT for shared laptops);
    # False: sign-out asks, keeping it unless the advocate says otherwise. Not in the dialog.
    erase_at_sign_out: bool = setting(False, lockable=True, applies=AT_ONCE)

    def text(self, key: str) -> str:
        """A setting as the text it is written as in a file."""
        return OPTIONS[key].text(getattr(self, key))


OPTIONS: dict[str, Option] = declarations_of(Settings)
"""Every setting's declaration by key, in the order declared."""

LOCKABLE: tuple[str, ...] = tuple(key for key, option in OPTIONS.items() if option.lockable)
"""The settings IT may lock, in the order declared."""


def check_value(key: str, value: str) -> str | None:
    """Why ``value`` cannot be the setting ``key`` (None: it can)."""
    return OPTIONS[key].check(value)


def default_text(key: str) -> str:
    """The built-in default of ``key``, as text."""
    return OPTIONS[key].default_text()


_READING = {"SettingsProblem", "SettingsLayers", "load_layers", "load_settings", "line_of"}


def __getattr__(name: str) -> Any:
    # Reading the files lives in settings_layers (it builds on these declarations); its
    # names stay importable from here, as they always were.
    if name in _READING:
        from advocate_console import settings_layers

        return getattr(settings_layers, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
