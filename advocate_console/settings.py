"""Settings of the console, declared once with their types and defaults.

Read from the user's ``settings.toml`` in the platform config folder. (IT-managed,
lockable settings layer over these in the installers' issue.)
"""

from __future__ import annotations

import logging
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path

import platformdirs

log = logging.getLogger(__name__)

APP_NAME = "advocate-console"
DIAL_MODES = ("handoff", "sip")
SIP_PASSWORD_SERVICE = "advocate-console-sip"  # keyring service of the SIP password


def default_data_dir() -> Path:
    """Where the local store lives (``~/.local/share/advocate-console`` on Linux)."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_config_file() -> Path:
    """The user's settings file (``~/.config/advocate-console/settings.toml`` on Linux)."""
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / "settings.toml"


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


@dataclass(frozen=True)
class SettingsProblem:
    """A settings file could not be used as written; the console went on with defaults."""

    path: Path
    message: str


def load_settings(path: Path | None = None) -> tuple[Settings, list[SettingsProblem]]:
    """Settings from ``path`` (default: the user's file) over the defaults, plus any problems.

    A missing file is normal; a malformed one is reported and ignored, never fatal.
    """
    path = path or default_config_file()
    settings = Settings()
    if not path.exists():
        return settings, []
    try:
        values = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        return settings, [SettingsProblem(path, f"cannot be read: {error}")]
    known = {f.name: f for f in fields(Settings)}
    changes: dict[str, object] = {}
    problems = []
    for key, value in values.items():
        if key == "schema_version":
            continue
        if key not in known:
            problems.append(SettingsProblem(path, f"unknown setting “{key}” ignored"))
        elif not isinstance(value, str):
            problems.append(SettingsProblem(path, f"“{key}” must be text, ignored"))
        elif key == "dial_mode" and value not in DIAL_MODES:
            problems.append(
                SettingsProblem(
                    path, f"“dial_mode” must be one of {', '.join(DIAL_MODES)}, ignored"
                )
            )
        else:
            changes[key] = Path(value).expanduser() if key == "data_dir" else value
    return replace(settings, **changes), problems
