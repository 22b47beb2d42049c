"""Settings of the console, declared once with their types, defaults and checks.

Two files, both TOML, both optional:

* the **managed** file IT controls (:func:`managed_settings_file`: ``/etc/advocate-console``,
  ``%ProgramData%\\Advocate Console`` or ``/Library/Application Support/Advocate Console``),
  whose values are defaults, and whose ``locked = [...]`` keys the user cannot change;
* the **user's** file (:func:`default_config_file`), written by the settings dialog.

Precedence, lowest first: built-in default, IT's value, the user's value, IT's locked
value. A malformed file is reported (naming its line) and left out, never fatal.
Secrets never live here: the SIP password is in the OS keyring. Writing the user's file
is in :mod:`advocate_console.settings_file`.
"""

from __future__ import annotations

import os
import re
import sys
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path, PurePath, PurePosixPath, PureWindowsPath
from typing import Any
from urllib.parse import urlsplit

import phonenumbers
import platformdirs

APP_NAME = "advocate-console"
DIAL_MODES = ("handoff", "sip")
UPDATE_CHANNELS = ("stable", "beta")  # offered in the dialog; IT may name others
SIP_PASSWORD_SERVICE = "advocate-console-sip"  # keyring service of the SIP password
MANAGED_SETTINGS_ENV = "ADVOCATE_MANAGED_SETTINGS"  # another managed file (tests, IT trials)

SCHEMA_VERSION = 1
"""The layout of the settings files. Bump it when a key is renamed or changes meaning, and
add the step to ``_UPGRADES`` so older files keep working."""

_UPGRADES: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}
"""``version -> function`` turning a file's values of that version into the next one's."""

_SECRET = re.compile(r"password|secret|token|passphrase", re.IGNORECASE)
_SLUG = re.compile(r"[a-z0-9][a-z0-9._-]{0,63}")  # as domain.releases.CHANNEL_PATTERN


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
    """Every setting the console reads, with its default."""

    api_url: str = ""
    ca_bundle: str = ""
    default_region: str = "US"
    data_dir: Path = field(default_factory=default_data_dir)
    # "handoff": clicks open tel:/sip: in the system's phone app; "sip": the built-in phone.
    dial_mode: str = "handoff"
    sip_registrar: str = ""  # e.g. "sip:pbx.example.com"; the password is in the keyring
    sip_user: str = ""
    sip_domain: str = ""
    audio_capture: str = ""  # the built-in phone's microphone by name; "": system default
    audio_playback: str = ""  # its speaker or headset by name; "": system default
    default_printer: str = ""  # the card printer the print dialog starts on; "": system's
    card_stock: str = "a6-flat"  # the card template loaded in the printer (cards.toml id)
    update_channel: str = "stable"  # which releases the update notice follows
    # "yes": signing out erases this computer's copy (IT locks it for shared laptops);
    # "no": sign-out asks, keeping it unless the advocate says otherwise.
    erase_at_sign_out: str = "no"

    def text(self, key: str) -> str:
        """A setting as the text it is written as in a file."""
        return str(getattr(self, key))


# -- checks: None when the text is a good value, else why not ------------------------------


def _any(_value: str) -> str | None:
    return None


def _url(value: str) -> str | None:
    parts = urlsplit(value)
    if value and (parts.scheme not in ("http", "https") or not parts.hostname):
        return "must be an address like https://advocates.example.com"
    return None


def _region(value: str) -> str | None:
    if value not in phonenumbers.SUPPORTED_REGIONS:
        return "must be a two-letter region such as US, GB or DE"
    return None


def _dial_mode(value: str) -> str | None:
    return None if value in DIAL_MODES else f"must be one of {', '.join(DIAL_MODES)}"


def _sip_uri(value: str) -> str | None:
    if value and not re.match(r"^sips?:[^\s@]*[^\s:@]", value):
        return "must be a SIP address like sip:pbx.example.com"
    return None


def _no_spaces(value: str) -> str | None:
    return "must not contain spaces" if re.search(r"\s", value) else None


def _not_empty(value: str) -> str | None:
    return "must not be empty" if not value.strip() else None


def _yes_no(value: str) -> str | None:
    return None if value in ("yes", "no") else "must be yes or no"


def _slug(value: str) -> str | None:
    return None if _SLUG.fullmatch(value) else "must be a short name like stable (a-z, 0-9, -)"


@dataclass(frozen=True)
class Option:
    """How one setting is checked and when a change takes effect."""

    key: str
    check: Callable[[str], str | None] = _any
    live: bool = False  # True: applied at once when changed; False: at the next start


OPTIONS: dict[str, Option] = {
    option.key: option
    for option in (
        Option("api_url", _url),
        Option("ca_bundle"),
        Option("default_region", _region, live=True),
        Option("data_dir", _not_empty),
        Option("dial_mode", _dial_mode),
        Option("sip_registrar", _sip_uri),
        Option("sip_user", _no_spaces),
        Option("sip_domain", _no_spaces),
        Option("audio_capture", live=True),
        Option("audio_playback", live=True),
        Option("default_printer", live=True),
        Option("card_stock", _slug, live=True),
        Option("update_channel", _slug, live=True),
        Option("erase_at_sign_out", _yes_no, live=True),
    )
}
assert OPTIONS.keys() == {f.name for f in fields(Settings)}, "declare every setting once"


def check_value(key: str, value: str) -> str | None:
    """Why ``value`` cannot be the setting ``key`` (None: it can)."""
    return OPTIONS[key].check(value)


# -- reading ------------------------------------------------------------------------------


@dataclass(frozen=True)
class SettingsProblem:
    """Part of a settings file could not be used as written; the console went on without it."""

    path: PurePath
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}, line {self.line}" if self.line else str(self.path)
        return f"{where}: {self.message}"


@dataclass(frozen=True)
class SettingsLayers:
    """The settings in force and where each came from: what the settings dialog shows."""

    settings: Settings
    user_path: Path
    managed_path: PurePath
    managed: Mapping[str, str] = field(default_factory=dict)  # IT's good values
    locked: frozenset[str] = frozenset()
    user: Mapping[str, str] = field(default_factory=dict)  # the user's good, unlocked values
    problems: tuple[SettingsProblem, ...] = ()
    user_file_broken: bool = False  # not TOML at all: saving replaces it (kept as .bak)

    @classmethod
    def of(cls, settings: Settings, user_path: Path | None = None) -> SettingsLayers:
        """Just ``settings``, as if there were no files (tests, demo)."""
        return cls(settings, user_path or default_config_file(), managed_settings_file())

    def inherited(self, key: str) -> str:
        """What ``key`` is without the user's file: IT's value, else the built-in default."""
        return self.managed.get(key, default_text(key))

    def source(self, key: str) -> str:
        """``"locked"``, ``"user"``, ``"managed"`` or ``"default"``."""
        if key in self.locked:
            return "locked"
        if key in self.user:
            return "user"
        return "managed" if key in self.managed else "default"


def default_text(key: str) -> str:
    """The built-in default of ``key``, as text."""
    if key == "data_dir":
        return str(default_data_dir())
    return str(_DEFAULTS[key])


_DEFAULTS = {f.name: f.default for f in fields(Settings) if f.name != "data_dir"}


def load_layers(
    user_path: Path | None = None, managed_path: PurePath | None = None
) -> SettingsLayers:
    """Read IT's file and the user's, and merge them over the defaults; never raises."""
    user_path = user_path or default_config_file()
    managed_path = managed_path or managed_settings_file()
    managed_raw, problems, _broken = _read(Path(managed_path))
    locked = _locked(managed_raw, Path(managed_path), problems)
    managed = _good_values(managed_raw, Path(managed_path), problems, managed=True)
    user_raw, user_problems, user_broken = _read(user_path)
    problems += user_problems
    user = _good_values(user_raw, user_path, problems, managed=False)
    for key in sorted(locked & user.keys()):
        if user[key] != managed.get(key, default_text(key)):
            problems.append(
                SettingsProblem(
                    user_path,
                    f"“{key}” is set by your IT department; your value is ignored",
                    user_raw.line_of(key),
                )
            )
    user = {key: value for key, value in user.items() if key not in locked}
    values = {**managed, **user}  # a locked key IT did not set stays at the built-in default
    settings = Settings(
        **{
            key: Path(value).expanduser() if key == "data_dir" else value
            for key, value in values.items()
        }
    )
    return SettingsLayers(
        settings,
        user_path,
        managed_path,
        managed,
        frozenset(locked),
        user,
        tuple(problems),
        user_broken,
    )


def load_settings(path: Path | None = None) -> tuple[Settings, list[SettingsProblem]]:
    """Settings from IT's file and the user's (``path``) over the defaults, plus problems."""
    layers = load_layers(path)
    return layers.settings, list(layers.problems)


class _FileValues(dict):
    """A file's top-level values, and the text to find their lines in."""

    def __init__(self, values: Mapping[str, Any] = (), text: str = "") -> None:
        super().__init__(values)
        self.text = text

    def line_of(self, key: str) -> int | None:
        """The line ``key`` is set on (top-level ``key = …`` or a ``[key]`` table)."""
        return line_of(self.text, key)


def line_of(text: str, key: str) -> int | None:
    """The line of ``text`` where the top-level ``key`` is set, or its table starts."""
    name = rf"(?:{re.escape(key)}|\"{re.escape(key)}\"|'{re.escape(key)}')"
    assignment = re.compile(rf"^\s*{name}\s*[=.]")
    table = re.compile(rf"^\s*\[\[?\s*{name}\s*[\].]")
    in_table = False
    for number, line in enumerate(text.splitlines(), start=1):
        if table.match(line):
            return number
        if re.match(r"^\s*\[", line):
            in_table = True
        elif not in_table and assignment.match(line):
            return number
    return None


def _read(path: Path) -> tuple[_FileValues, list[SettingsProblem], bool]:
    """A file's values, or nothing with the reason; the flag says it is not TOML at all."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return _FileValues(), [], False
    except OSError as error:
        return _FileValues(), [SettingsProblem(path, f"cannot be read: {error.strerror}")], False
    try:
        text = data.decode("utf-8-sig")  # Notepad may have put a byte-order mark first
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        message = "is not UTF-8 text; nothing in this file was used"
        return _FileValues(), [SettingsProblem(path, message, line)], True
    try:
        values = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        return _FileValues(), [_syntax_problem(path, text, error)], True
    return _FileValues(values, text), [], False


def _syntax_problem(path: Path, text: str, error: tomllib.TOMLDecodeError) -> SettingsProblem:
    reason = str(error)
    unused = "nothing in this file was used"
    found = re.search(r"\s*\(at line (\d+), column (\d+)\)", reason)
    if found is not None:
        reason = reason[: found.start()] + reason[found.end() :]
        message = f"is not valid TOML ({reason}, column {found[2]}); {unused}"
        return SettingsProblem(path, message, int(found[1]))
    end = re.search(r"\s*\(at end of document\)", reason)
    if end is not None:  # something left open: the last line is where it shows
        reason = reason[: end.start()] + reason[end.end() :]
        message = f"is not valid TOML ({reason} at the end of the file); {unused}"
        return SettingsProblem(path, message, len(text.splitlines()) or 1)
    return SettingsProblem(path, f"is not valid TOML ({reason}); {unused}")


def _locked(values: _FileValues, path: Path, problems: list[SettingsProblem]) -> set[str]:
    locked = values.pop("locked", [])
    line = values.line_of("locked")
    if not isinstance(locked, list) or not all(isinstance(key, str) for key in locked):
        problems.append(
            SettingsProblem(path, 'locked must be a list of names, like ["api_url"]', line)
        )
        return set()
    unknown = [key for key in locked if key not in OPTIONS]
    if unknown:
        names = ", ".join(f"“{key}”" for key in unknown)
        problems.append(SettingsProblem(path, f"locked names unknown settings: {names}", line))
    return {key for key in locked if key in OPTIONS}


def _good_values(
    values: _FileValues, path: Path, problems: list[SettingsProblem], *, managed: bool
) -> dict[str, str]:
    """The usable text values of a file; every other entry becomes a problem."""

    def problem(message: str, key: str) -> None:
        problems.append(SettingsProblem(path, message, values.line_of(key)))

    version = values.pop("schema_version", SCHEMA_VERSION)
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        problem("schema_version must be a whole number like 1", "schema_version")
        version = SCHEMA_VERSION
    elif version > SCHEMA_VERSION:
        problem(
            f"was written for a newer console (schema_version {version}); "
            "settings this version does not know are ignored",
            "schema_version",
        )
    raw: dict[str, Any] = dict(values)
    while version < SCHEMA_VERSION:
        raw = _UPGRADES[version](raw) if version in _UPGRADES else raw
        version += 1
    good: dict[str, str] = {}
    for key, value in raw.items():
        if key == "locked" and not managed:
            problem("only your IT department's settings file can lock settings; ignored", key)
        elif _SECRET.search(key):
            problem(
                f"“{key}” ignored: passwords never go in a settings file (the SIP password "
                "is kept in the OS keyring; enter it in Console ▸ Settings)",
                key,
            )
        elif key not in OPTIONS:
            problem(f"unknown setting “{key}” ignored", key)
        elif not isinstance(value, str):
            problem(f'“{key}” must be text in quotes, like {key} = "…"; ignored', key)
        elif (why := check_value(key, value)) is not None:
            problem(f"“{key}” {why}; “{value}” ignored", key)
        else:
            good[key] = value
    return good
