"""The settings in force: IT's managed file and the user's, read and merged over the
declared defaults (:mod:`advocate_console.settings`).

Precedence, lowest first: built-in default, IT's value, the user's value, IT's locked
value. A malformed file is reported (naming its line and column) and left out, never
fatal. **IT's file fails closed**: when it exists but cannot be read or parsed, or its
``locked`` list cannot be fully understood, every setting IT may lock is locked (at IT's
good values where the file could be read, else at the built-in defaults) until IT fixes
the file, so that a typo never hands the advocate a setting IT meant to hold.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePath
from typing import Any

from advocate_console.settings import (
    LOCKABLE,
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
    """Part of a settings file could not be used as written; the console went on without it.

    ``message`` is English, for IT's command line and the log; ``code`` and ``values``
    are what ``ui/settings_problem_words.py`` words in the advocate's language, and
    ``held`` says that IT's file fails closed because of it (:data:`HELD`)."""

    path: PurePath
    message: str
    line: int | None = None
    column: int | None = None  # where on the line, when known
    code: str = ""
    values: tuple[str, ...] = ()
    held: bool = False

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
    fail_closed: bool = False  # IT's file is not understood: every lockable setting locked

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


HELD = (
    "every setting your IT department may lock is held at its default and locked "
    "until IT fixes this file"
)
"""What fail-closed means, said after the problem in IT's file."""


@dataclass(frozen=True)
class ManagedFile:
    """What IT's file says, as far as it can be used."""

    values: Mapping[str, str]  # IT's good values, as text
    locked: frozenset[str]
    problems: tuple[SettingsProblem, ...]
    fail_closed: bool  # not understood: every lockable setting is locked


def read_managed(path: Path) -> ManagedFile:
    """Read IT's file on its own (no file: nothing set, nothing locked); never raises."""
    raw, problems, _not_toml, unusable = _read(path)
    if unusable:
        problems = [_held(problem) for problem in problems]
    locked, lost = _locked(raw, path, problems)
    values = _good_values(raw, path, problems, managed=True)
    fail_closed = unusable or lost
    locked = set(LOCKABLE) if fail_closed else locked
    return ManagedFile(values, frozenset(locked), tuple(problems), fail_closed)


@dataclass(frozen=True)
class UserFile:
    """What the user's file says, as far as it can be used."""

    values: Mapping[str, str]  # the user's good values, as text
    problems: tuple[SettingsProblem, ...]
    not_toml: bool  # saving replaces it (kept as .bak)
    text: str = ""  # as read, to point at a line

    def position_of(self, key: str) -> tuple[int | None, int | None]:
        """Line and column where ``key`` is set, or (None, None)."""
        return position_of(self.text, key) or (None, None)


def read_user(path: Path) -> UserFile:
    """Read the user's file on its own; never raises."""
    raw, problems, not_toml, _unusable = _read(path)
    values = _good_values(raw, path, problems, managed=False)
    return UserFile(values, tuple(problems), not_toml, raw.text)


def load_layers(
    user_path: Path | None = None, managed_path: PurePath | None = None
) -> SettingsLayers:
    """Read IT's file and the user's, and merge them over the defaults; never raises."""
    user_path = user_path or default_config_file()
    managed_path = managed_path or managed_settings_file()
    it, mine = read_managed(Path(managed_path)), read_user(user_path)
    problems = [*it.problems, *mine.problems]
    for key in sorted(it.locked & mine.values.keys()):
        if it.fail_closed:
            break  # IT's file is the problem, said once; not each of the user's values
        if mine.values[key] != it.values.get(key, default_text(key)):
            message = f"“{key}” is set by your IT department; your value is ignored"
            where = mine.position_of(key)
            said = (key,)
            problems.append(
                SettingsProblem(user_path, message, *where, code="locked_by_it", values=said)
            )
    user = {key: value for key, value in mine.values.items() if key not in it.locked}
    values = {**it.values, **user}  # a locked key IT did not set stays at the built-in default
    settings = Settings(**{key: OPTIONS[key].value(text) for key, text in values.items()})
    return SettingsLayers(
        settings,
        user_path,
        managed_path,
        it.values,
        it.locked,
        user,
        tuple(problems),
        mine.not_toml,
        it.fail_closed,
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

    def position_of(self, key: str, *, value: bool = False) -> tuple[int | None, int | None]:
        """Line and column where ``key`` is set (top-level ``key = …`` or a ``[key]``
        table); with ``value``, where its value starts. (None, None) when not found."""
        return position_of(self.text, key, value=value) or (None, None)


def position_of(text: str, key: str, *, value: bool = False) -> tuple[int, int] | None:
    """Line and column (from 1) of ``text`` where the top-level ``key`` is set or its
    table starts; with ``value``, where the value after ``=`` starts."""
    name = rf"(?:{re.escape(key)}|\"{re.escape(key)}\"|'{re.escape(key)}')"
    assignment = re.compile(rf"^(\s*){name}\s*(?:\.|=\s*)")
    table = re.compile(rf"^(\s*)\[\[?\s*{name}\s*[\].]")
    in_table = False
    for number, line in enumerate(text.splitlines(), start=1):
        if found := table.match(line):
            return number, len(found[1]) + 1
        if re.match(r"^\s*\[", line):
            in_table = True
        elif not in_table and (found := assignment.match(line)):
            return number, (found.end() if value else len(found[1])) + 1
    return None


def line_of(text: str, key: str) -> int | None:
    """The line of ``text`` where the top-level ``key`` is set, or its table starts."""
    found = position_of(text, key)
    return found[0] if found else None


def _read(path: Path) -> tuple[_FileValues, list[SettingsProblem], bool, bool]:
    """A file's values, or nothing with the reason. The flags: it is not TOML (or not
    UTF-8) at all; it exists but cannot be used (that, or it cannot be read)."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return _FileValues(), [], False, False
    except OSError as error:
        reason = f"cannot be read: {error.strerror}; nothing in this file was used"
        problem = SettingsProblem(path, reason, code="unreadable", values=(str(error.strerror),))
        return _FileValues(), [problem], False, True
    try:
        text = data.decode("utf-8-sig")  # Notepad may have put a byte-order mark first
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        column = error.start - data.rfind(b"\n", 0, error.start)
        message = "is not UTF-8 text; nothing in this file was used"
        problem = SettingsProblem(path, message, line, column, code="not_utf8")
        return _FileValues(), [problem], True, True
    try:
        values = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        return _FileValues(), [_syntax_problem(path, text, error)], True, True
    return _FileValues(values, text), [], False, False


def _syntax_problem(path: Path, text: str, error: tomllib.TOMLDecodeError) -> SettingsProblem:
    reason = str(error)
    unused = "nothing in this file was used"
    found = re.search(r"\s*\(at line (\d+), column (\d+)\)", reason)
    if found is not None:
        reason = reason[: found.start()] + reason[found.end() :]
        message = f"is not valid TOML ({reason}, column {found[2]}); {unused}"
        where = int(found[1]), int(found[2])
        said = (reason, found[2])
        return SettingsProblem(path, message, *where, code="not_toml_at", values=said)
    end = re.search(r"\s*\(at end of document\)", reason)
    if end is not None:  # something left open: the last line is where it shows
        reason = reason[: end.start()] + reason[end.end() :]
        message = f"is not valid TOML ({reason} at the end of the file); {unused}"
        lines = text.splitlines() or [""]
        where = len(lines), len(lines[-1]) + 1
        return SettingsProblem(path, message, *where, code="not_toml_at_end", values=(reason,))
    message = f"is not valid TOML ({reason}); {unused}"
    return SettingsProblem(path, message, code="not_toml", values=(reason,))


def _held(problem: SettingsProblem) -> SettingsProblem:
    """``problem`` in IT's file, saying that it fails closed."""
    return replace(problem, message=f"{problem.message}; {HELD}", held=True)


def _locked(
    values: _FileValues, path: Path, problems: list[SettingsProblem]
) -> tuple[set[str], bool]:
    """The keys IT locked, and whether a lock IT meant may have been lost (a ``locked``
    that is not a list of names, or names no setting: perhaps a typo of one)."""
    locked = values.pop("locked", [])
    where = values.position_of("locked", value=True)
    if not isinstance(locked, list) or not all(isinstance(key, str) for key in locked):
        message = 'locked must be a list of names, like ["api_url"]'
        problems.append(_held(SettingsProblem(path, message, *where, code="locked_not_a_list")))
        return set(), True
    unknown = [key for key in locked if key not in OPTIONS]
    personal = [key for key in locked if key in OPTIONS and not OPTIONS[key].lockable]
    if personal:
        names = ", ".join(f"“{key}”" for key in personal)
        message = f"locked names settings that are each advocate's own, never locked: {names}"
        problems.append(SettingsProblem(path, message, *where, code="locks_own", values=(names,)))
    if unknown:
        names = ", ".join(f"“{key}”" for key in unknown)
        message = f"locked names unknown settings: {names}"
        problem = SettingsProblem(path, message, *where, code="locks_unknown", values=(names,))
        problems.append(_held(problem))
    return {key for key in locked if key in OPTIONS and OPTIONS[key].lockable}, bool(unknown)


def _good_values(
    values: _FileValues, path: Path, problems: list[SettingsProblem], *, managed: bool
) -> dict[str, str]:
    """The usable text values of a file; every other entry becomes a problem."""

    def problem(message: str, key: str, code: str, *said: str) -> None:
        where = values.position_of(key)
        problems.append(SettingsProblem(path, message, *where, code=code, values=said))

    version = values.pop("schema_version", SCHEMA_VERSION)
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        problem("schema_version must be a whole number like 1", "schema_version", "bad_schema")
        version = SCHEMA_VERSION
    elif version > SCHEMA_VERSION:
        problem(
            f"was written for a newer console (schema_version {version}); "
            "settings this version does not know are ignored",
            "schema_version",
            "newer_schema",
            str(version),
        )
    raw: dict[str, Any] = dict(values)
    while version < SCHEMA_VERSION:
        raw = UPGRADES[version](raw) if version in UPGRADES else raw
        version += 1
    good: dict[str, str] = {}
    for key, value in raw.items():
        if key == "locked" and not managed:
            message = "only your IT department's settings file can lock settings; ignored"
            problem(message, key, "user_locks")
        elif looks_secret(key):
            problem(
                f"“{key}” ignored: passwords never go in a settings file (the SIP password "
                "is kept in the OS keyring; enter it in Console ▸ Settings)",
                key,
                "password_in_file",
                key,
            )
        elif key not in OPTIONS:
            problem(f"unknown setting “{key}” ignored", key, "unknown_setting", key)
        elif (text := OPTIONS[key].from_file(value)) is None:
            kind = OPTIONS[key].kind
            code = {bool: "not_true_or_false", int: "not_a_whole_number"}.get(kind, "not_text")
            problem(f"{OPTIONS[key].wrong_type()}; ignored", key, code, key)
        elif (why := check_value(key, text)) is not None:
            where = values.position_of(key, value=True)
            message = f"“{key}” {why}; “{text}” ignored"
            said = (key, text)
            problems.append(SettingsProblem(path, message, *where, code="bad_value", values=said))
        else:
            good[key] = text
    return good
