"""How a setting is declared (:func:`setting`, a field of ``settings.Settings``) and what
its declaration says (:class:`Option`): its type, default, label and tab, whether IT may
lock it, when a change applies, and how a value is checked and written.

The settings themselves are declared in :mod:`advocate_console.settings`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import MISSING, dataclass, field, fields
from pathlib import Path
from typing import Any, Literal, get_args, get_origin, get_type_hints

from advocate_console.domain import setting_values as values
from advocate_console.domain.setting_values import Check

Tab = Literal["general", "phone", "cards"]
Applies = Literal["at once", "at restart"]
AT_ONCE: Applies = "at once"
AT_RESTART: Applies = "at restart"
Control = Literal[
    "line", "file", "check", "choice", "suggest", "printer", "microphone", "speaker", "card_stock"
]
"""How the dialog edits a setting: most follow from the type; the rest are named."""


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks ``text`` for Qt Linguist, which knows this name; ``ui/`` translates it."""
    return text


_SECRET = re.compile(r"password|secret|token|passphrase", re.IGNORECASE)


def looks_secret(key: str) -> bool:
    """True for a key that names a password or token: never kept in a settings file."""
    return _SECRET.search(key) is not None


_DECLARED = "advocate_console.setting"  # the dataclass field's metadata key


def setting(
    default: Any,
    *,
    lockable: bool,
    applies: Applies,
    label: str = "",
    tab: Tab | None = None,
    check: Check | None = None,
    hint: str = "",
    placeholder: str = "",
    choices: Mapping[str, str] | None = None,
    suggestions: tuple[str, ...] = (),
    control: Control | None = None,
    pattern: str = "",
    upper_case: bool = False,
    file_types: str = "",
) -> Any:
    """Declare one setting: a field of ``Settings`` (see :class:`Option` for each part).

    ``default`` may be a function (called for each ``Settings``, like a path that
    depends on the user). Words (``label``, ``hint``, choice labels, a worded
    ``placeholder``) are English, marked for translation with
    ``QT_TRANSLATE_NOOP("Settings", "…")``.
    """
    declared = {
        "lockable": lockable,
        "applies": applies,
        "label": label,
        "tab": tab,
        "check": check,
        "hint": hint,
        "placeholder": placeholder,
        "choices": dict(choices or {}),
        "suggestions": suggestions,
        "control": control,
        "pattern": pattern,
        "upper_case": upper_case,
        "file_types": file_types,
    }
    if callable(default):
        return field(default_factory=default, metadata={_DECLARED: declared})
    return field(default=default, metadata={_DECLARED: declared})


@dataclass(frozen=True)
class Option:
    """One setting's declaration, as :func:`setting` made it and the annotation typed it."""

    key: str
    kind: type  # str, bool, int or Path (a Literal's values are text)
    default: Any  # the value, or a function making it
    lockable: bool  # whether IT's file may lock it
    applies: Applies  # a change applies at once, or at the next start
    check: Check
    label: str = ""  # "" = not in the settings dialog
    tab: Tab | None = None
    hint: str = ""  # what the dialog says next to a value its check refuses
    placeholder: str = ""
    choices: Mapping[str, str] = field(default_factory=dict)  # value -> label (a Literal)
    suggestions: tuple[str, ...] = ()  # offered in the dialog, not imposed
    control: Control = "line"
    pattern: str = ""  # a regular expression of what may be typed at all
    upper_case: bool = False  # typed in any case, kept in capitals
    file_types: str = ""  # the file chooser's filter, for control="file"

    @property
    def live(self) -> bool:
        """True when a change applies at once, without a restart."""
        return self.applies == AT_ONCE

    def default_value(self) -> Any:
        """The built-in default."""
        return self.default() if callable(self.default) else self.default

    def default_text(self) -> str:
        """The built-in default, as text."""
        return self.text(self.default_value())

    def text(self, value: Any) -> str:
        """``value`` as the text the console handles (the dialog, the layers)."""
        if self.kind is bool:
            return "true" if value else "false"
        return str(value)

    def value(self, text: str) -> Any:
        """The typed value of good ``text``."""
        if self.kind is bool:
            return text == "true"
        if self.kind is int:
            return int(text)
        if self.kind is Path:
            return Path(text).expanduser()
        return text

    def from_file(self, raw: object) -> str | None:
        """The text of a value as TOML gave it, or None when it is of the wrong type."""
        if self.kind is bool:
            return None if not isinstance(raw, bool) else "true" if raw else "false"
        if self.kind is int:
            return str(raw) if isinstance(raw, int) and not isinstance(raw, bool) else None
        return raw if isinstance(raw, str) else None

    def to_file(self, text: str) -> str | bool | int:
        """What TOML holds for ``text`` (a quoted string, true/false, or a number)."""
        return self.value(text) if self.kind in (bool, int) else text

    def wrong_type(self) -> str:
        """Why a value of another TOML type is refused."""
        if self.kind is bool:
            return f"“{self.key}” must be true or false, without quotes"
        if self.kind is int:
            return f"“{self.key}” must be a whole number, without quotes"
        return f'“{self.key}” must be text in quotes, like {self.key} = "…"'


def declarations_of(settings_class: type) -> dict[str, Option]:
    """The :class:`Option` of each field of ``settings_class`` (``settings.Settings``; tests
    give others), checked to be complete."""
    types = get_type_hints(settings_class)
    by_type = {bool: values.true_or_false, int: values.whole_number, Path: values.not_empty}
    options: dict[str, Option] = {}
    for declared in fields(settings_class):
        key, spec = declared.name, dict(declared.metadata[_DECLARED])
        kind, choices = types[key], ()
        if get_origin(kind) is Literal:
            kind, choices = str, get_args(kind)
            unlabelled = set(choices) - set(spec["choices"])
            assert not (spec["label"] and unlabelled), f"{key}: label each of {unlabelled}"
        assert kind in (str, bool, int, Path), f"{key}: a setting is str, bool, int or Path"
        assert not looks_secret(key), f"{key}: secrets go to the keyring, never a setting"
        assert spec["tab"] is None or spec["label"], f"{key}: a setting in a tab needs a label"
        if spec["check"] is None:
            spec["check"] = (
                values.one_of(choices) if choices else by_type.get(kind, values.any_text)
            )
        if spec["control"] is None:
            spec["control"] = _control_for(kind, choices, spec["suggestions"])
        default = declared.default_factory if declared.default is MISSING else declared.default
        options[key] = Option(key=key, kind=kind, default=default, **spec)
    return options


def _control_for(kind: type, choices: tuple[str, ...], suggestions: tuple[str, ...]) -> Control:
    if choices:
        return "choice"
    if kind is bool:
        return "check"
    return "suggest" if suggestions else "line"
