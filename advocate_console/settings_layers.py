"""The settings in force: IT's managed file and the user's, read and merged over the
declared defaults (:mod:`advocate_console.settings`).

Precedence, lowest first: built-in default, IT's value, the user's value, IT's locked
value. A malformed file is reported (naming its line) and left out, never fatal.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from typing import Any

from advocate_console.settings import (
    OPTIONS,
    SCHEMA_VERSION,
    UPGRADES,
    Settings,
    check_value,
    default_config_file,
    default_text,
    looks_secret,
    managed_settings_file,
)


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
    settings = Settings(**{key: OPTIONS[key].value(text) for key, text in values.items()})
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
    personal = [key for key in locked if key in OPTIONS and not OPTIONS[key].lockable]
    if personal:
        names = ", ".join(f"“{key}”" for key in personal)
        message = f"locked names settings that are each advocate's own, never locked: {names}"
        problems.append(SettingsProblem(path, message, line))
    return {key for key in locked if key in OPTIONS and OPTIONS[key].lockable}


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
        raw = UPGRADES[version](raw) if version in UPGRADES else raw
        version += 1
    good: dict[str, str] = {}
    for key, value in raw.items():
        if key == "locked" and not managed:
            problem("only your IT department's settings file can lock settings; ignored", key)
        elif looks_secret(key):
            problem(
                f"“{key}” ignored: passwords never go in a settings file (the SIP password "
                "is kept in the OS keyring; enter it in Console ▸ Settings)",
                key,
            )
        elif key not in OPTIONS:
            problem(f"unknown setting “{key}” ignored", key)
        elif (text := OPTIONS[key].from_file(value)) is None:
            problem(f"{OPTIONS[key].wrong_type()}; ignored", key)
        elif (why := check_value(key, text)) is not None:
            problem(f"“{key}” {why}; “{text}” ignored", key)
        else:
            good[key] = text
    return good
