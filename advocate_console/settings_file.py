"""Writing the user's ``settings.toml``: line by line, so comments and unknown keys
survive, and atomically, so a crash leaves the old file or the new one, never half.

Runs on a worker thread (it touches the disk); the settings dialog calls it.
"""

from __future__ import annotations

import os
import re
import tempfile
import tomllib
from collections.abc import Mapping
from pathlib import Path

from .settings import OPTIONS, SCHEMA_VERSION, check_value
from .settings_layers import (
    SettingsLayers,
    SettingsProblem,
    line_of,
    load_layers,
    position_of,
    read_managed,
)


def save_user_settings(layers: SettingsLayers, changes: Mapping[str, str]) -> SettingsLayers:
    """Write the user's changes to their file, atomically; returns the settings read back.

    ``changes`` maps keys to the values the user wants in force. A value equal to what
    the key would be anyway (IT's default, or the built-in one) is taken out of the file,
    so a later change of IT's default reaches this user. Locked keys raise ``ValueError``,
    as do values that fail their check. Other lines, comments and unknown keys are kept.
    Runs on a worker thread: it touches the disk.
    """
    for key, value in changes.items():
        if key in layers.locked:
            raise ValueError(f"“{key}” is set by your IT department")
        if (why := check_value(key, value)) is not None:
            raise ValueError(f"“{key}” {why}")
    path = layers.user_path
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        text = ""
    except UnicodeDecodeError:
        text = None
    wanted = {key: value for key, value in changes.items() if value != layers.inherited(key)}
    dropped = {key for key in changes if key not in wanted}
    new_text = None if text is None or layers.user_file_broken else edit_toml(text, wanted, dropped)
    if new_text is None:  # the old file was not TOML: start afresh, keep it beside
        if path.exists():
            os.replace(path, path.with_name(path.name + ".bak"))
        kept = {key: value for key, value in layers.user.items() if key not in dropped}
        new_text = edit_toml("", kept | wanted, set())
    write_atomically(path, new_text)
    return load_layers(path, layers.managed_path)


def preset_managed(path: Path, values: Mapping[str, str]) -> tuple[bool, list[SettingsProblem]]:
    """Set IT's ``values`` (keys to text; ``locked`` a comma-separated list of keys) in the
    managed file at ``path``, keeping its other lines and comments: what the Debian
    package does with the answers IT preseeded. Returns whether the file changed, and why
    nothing was written (a wrong value or key, or a file that is wrong already: each as
    the console would report it). What the file's lines say already changes nothing,
    even a wrong value: an upgrade hands the file's own values back (``config`` reads
    them as the answers), and must never fail on them.
    """
    settings = {key: value for key, value in values.items() if key != "locked"}
    locked = None
    if "locked" in values:
        locked = [key.strip() for key in values["locked"].split(",") if key.strip()]
    unknown = [key for key in settings if key not in OPTIONS]
    if unknown:
        names = ", ".join(f"“{key}”" for key in unknown)
        return False, [SettingsProblem(path, f"no setting is called {names}")]
    try:
        text: str | None = path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        text = ""
    except (OSError, UnicodeDecodeError):
        text = None
    if text is None:  # not readable, or not UTF-8: said as the console says it
        return False, list(read_managed(path).problems)
    settings = {key: value for key, value in settings.items() if as_written(text, key) != value}
    if locked is not None and set(locked) == set(as_written(text, "locked").split(", ")):
        locked = None
    if not settings and locked is None:
        return False, []
    text = text or "# IT's settings for Advocate Console (see settings.toml.example).\n"
    new_text = edit_toml(text, settings, set(), locked=locked)
    if new_text is None:
        problems = list(read_managed(path).problems)
        return False, problems or [SettingsProblem(path, "cannot be edited: fix it first")]
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            stream.write(new_text)
            stream.flush()
            os.fsync(stream.fileno())
        problems = [
            SettingsProblem(path, problem.message, problem.line, problem.column)
            for problem in read_managed(Path(temporary)).problems
        ]
        if problems:
            return False, problems
        os.chmod(temporary, 0o644)  # every advocate reads it; only root writes it
        os.replace(temporary, path)
    finally:
        Path(temporary).unlink(missing_ok=True)
    return True, []


def as_written(text: str, key: str) -> str:
    """The value of the top-level ``key`` as its line in ``text`` writes it ("" if none):
    a string's text, a bare value, or for ``locked`` its names joined by ", ". It reads a
    line as the Debian package's ``config`` script does, whatever else is in the file."""
    found = position_of(text, key)
    if found is None:
        return ""
    line = text.splitlines()[found[0] - 1]
    value = re.match(r"""^\s*["']?[\w.-]+["']?\s*=\s*(.*?)\s*(#[^"']*)?$""", line)
    if value is None:
        return ""
    written = value[1]
    if key == "locked":
        if not (written.startswith("[") and written.endswith("]")):
            return ""
        names = [name.strip().strip("\"'") for name in written[1:-1].split(",")]
        return ", ".join(name for name in names if name)
    quoted = re.fullmatch(r'"([^"\\]*)"', written)
    return quoted[1] if quoted else written


def edit_toml(
    text: str, values: Mapping[str, str], remove: set[str], *, locked: list[str] | None = None
) -> str | None:
    """``text`` with the settings ``values`` (as text) set and ``remove`` taken out, all
    else as it was; each value written as its setting's type (a string, true/false, a
    number).

    ``locked`` (IT's file only) sets ``locked = [...]`` too. None when the result would
    not read back as intended (then the caller rewrites).
    """
    lines = text.splitlines(keepends=True)
    newline = "\r\n" if "\r\n" in text else "\n"
    if lines and not lines[-1].endswith(("\n", "\r")):
        lines[-1] += newline
    literals = {key: toml_value(key, value) for key, value in values.items()}
    if locked is not None:
        literals["locked"] = "[" + ", ".join(toml_string(key) for key in locked) + "]"
    pending = dict(literals)
    for key in [*literals, *remove]:
        number = line_of("".join(lines), key)
        if number is None:
            continue
        del lines[number : number - 1 + _continued(lines, number - 1)]  # an array's rest
        if key in remove:
            del lines[number - 1]
        else:
            lines[number - 1] = f"{key} = {pending.pop(key)}{newline}"
    if not any(re.match(r"^\s*schema_version\s*=", line) for line in lines):
        # First, after the comments that open the file.
        start = next(
            (i for i, line in enumerate(lines) if not re.match(r"^\s*(#|$)", line)), len(lines)
        )
        lines.insert(start, f"schema_version = {SCHEMA_VERSION}{newline}")
    first_table = next((i for i, line in enumerate(lines) if re.match(r"^\s*\[", line)), None)
    added = [f"{key} = {literal}{newline}" for key, literal in pending.items()]
    if first_table is None:
        lines += added
    else:
        lines[first_table:first_table] = [*added, newline]
    result = "".join(lines)
    try:
        read_back = tomllib.loads(result)
    except tomllib.TOMLDecodeError:
        return None
    differs = any(read_back.get(key) != OPTIONS[key].to_file(v) for key, v in values.items())
    if locked is not None and read_back.get("locked") != locked:
        differs = True
    if differs or any(key in read_back for key in remove):
        return None
    return result


def _continued(lines: list[str], index: int) -> int:
    """How many lines the statement starting at ``lines[index]`` spans (an array may go
    on over several lines; brackets inside strings and comments do not count)."""
    depth = 0
    for count, line in enumerate(lines[index:], start=1):
        bare = re.sub(r'"(?:[^"\\]|\\.)*"|\'[^\']*\'', '""', line).split("#", 1)[0]
        depth += bare.count("[") - bare.count("]")
        if depth <= 0:
            return count
    return 1


def toml_value(key: str, text: str) -> str:
    """The setting ``key``'s value ``text`` as TOML writes it."""
    value = OPTIONS[key].to_file(text)
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value) if isinstance(value, int) else toml_string(value)


def toml_string(value: str) -> str:
    """``value`` as a TOML basic string (Windows paths and quotes escaped)."""
    escaped = []
    for char in value:
        if char in '"\\':
            escaped.append("\\" + char)
        elif char in "\b\t\n\f\r":
            escaped.append({"\b": r"\b", "\t": r"\t", "\n": r"\n", "\f": r"\f", "\r": r"\r"}[char])
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            escaped.append(f"\\u{ord(char):04x}")
        else:
            escaped.append(char)
    return '"' + "".join(escaped) + '"'


def write_atomically(path: Path, text: str) -> None:
    """Replace ``path`` with ``text`` so that a crash leaves the old file or the new one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
