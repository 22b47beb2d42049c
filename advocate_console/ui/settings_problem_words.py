"""What is wrong in a settings file, in the advocate's words: each problem the files'
reader found (:class:`~advocate_console.settings_layers.SettingsProblem`) worded from its
code and values; its English message where the code has no wording here."""

from __future__ import annotations

from PySide6.QtCore import QObject

from advocate_console.settings import OPTIONS
from advocate_console.settings_layers import SettingsProblem

from .labels import fill
from .setting_controls import words


class SettingsProblemWords(QObject):
    """The words for settings problems (made where shown, on the UI thread)."""

    def problem(self, problem: SettingsProblem) -> str:
        """``settings.toml, line 3: “port” must be a whole number …`` in the advocate's words."""
        what = self._what(problem)
        if what is None:
            return str(problem)  # a code of a newer reader: its English words
        if problem.held:
            what = self.tr(
                "%1; every setting your IT department may lock is held at its default and"
                " locked until IT fixes this file"
            ).replace("%1", what)
        if problem.line:
            return fill(self.tr("%1, line %2: %3"), problem.path, problem.line, what)
        return fill(self.tr("%1: %2"), problem.path, what)

    def _what(self, problem: SettingsProblem) -> str | None:
        if problem.code == "bad_value" and problem.values[0] in OPTIONS:
            key, text = problem.values
            why = words(OPTIONS[key].hint) or self.tr("this value cannot be used")
            return fill(self.tr("“%1” cannot be “%2” (%3); ignored"), key, text, why.rstrip("."))
        texts = {
            "unreadable": self.tr("cannot be read (%1); nothing in this file was used"),
            "not_utf8": self.tr("is not UTF-8 text; nothing in this file was used"),
            "not_toml": self.tr("is not valid TOML (%1); nothing in this file was used"),
            "not_toml_at": self.tr(
                "is not valid TOML (%1, column %2); nothing in this file was used"
            ),
            "not_toml_at_end": self.tr(
                "is not valid TOML (%1 at the end of the file); nothing in this file was used"
            ),
            "locked_not_a_list": self.tr('locked must be a list of names, like ["api_url"]'),
            "locks_own": self.tr(
                "locked names settings that are each advocate's own, never locked: %1"
            ),
            "locks_unknown": self.tr("locked names unknown settings: %1"),
            "bad_schema": self.tr("schema_version must be a whole number like 1"),
            "newer_schema": self.tr(
                "was written for a newer console (schema_version %1); settings this version"
                " does not know are ignored"
            ),
            "user_locks": self.tr(
                "only your IT department's settings file can lock settings; ignored"
            ),
            "password_in_file": self.tr(
                "“%1” ignored: passwords never go in a settings file (the SIP password is kept"
                " in the OS keyring; enter it in Console ▸ Settings)"
            ),
            "unknown_setting": self.tr("unknown setting “%1” ignored"),
            "not_true_or_false": self.tr("“%1” must be true or false, without quotes; ignored"),
            "not_a_whole_number": self.tr("“%1” must be a whole number, without quotes; ignored"),
            "not_text": self.tr('“%1” must be text in quotes, like %1 = "…"; ignored'),
            "locked_by_it": self.tr("“%1” is set by your IT department; your value is ignored"),
        }
        if problem.code not in texts:
            return None
        return fill(texts[problem.code], *problem.values)


def settings_problem_text(problem: SettingsProblem) -> str:
    """One settings problem in the advocate's words."""
    return SettingsProblemWords().problem(problem)
